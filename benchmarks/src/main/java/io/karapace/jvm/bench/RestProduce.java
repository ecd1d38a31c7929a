package io.karapace.jvm.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** REST proxy v2 produce in binary, json and avro, against a raw producer sending the same record bytes. */
final class RestProduce implements Scenario {
    static final String TOPIC = "bench-produce";
    private static final List<Integer> CONNECTIONS = List.of(4, 15, 50);
    private static final List<Integer> RECORDS_PER_REQUEST = List.of(1, 100);
    private static final String AVRO_SCHEMA = "{\"type\":\"record\",\"name\":\"BenchValue\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"}]}";
    private static final String NAME = "bench-record-" + "x".repeat(40);

    @Override
    public String name() {
        return "produce";
    }

    @Override
    public String title() {
        return "REST produce";
    }

    @Override
    public String method() {
        return "wrk POSTing to `/topics/" + TOPIC + "` (1 partition), " + RECORDS_PER_REQUEST + " records per request, "
                + CONNECTIONS + " connections; binary values are 64 random bytes, json and avro values "
                + "`{\"id\":n,\"name\":\"<53 chars>\"}` (avro by `value_schema_id`). Reference: one shared raw "
                + "kafka-clients producer with the server's acks and linger.ms, as many threads as connections, each "
                + "sending the same record bytes per batch and waiting for all acknowledgements before the next.";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        KarapaceProcess server = bench.sharedServer();
        Http http = new Http(server.baseUri());
        bench.createTopic(TOPIC, 1, Map.of());
        int schemaId = http.post("/subjects/" + TOPIC + "-value/versions", Http.REGISTRY_JSON,
                Map.of("schema", AVRO_SCHEMA)).expect(200, "registering the avro value schema").json().get("id").asInt();
        try (KafkaProducer<byte[], byte[]> producer = bench.producer("1", bench.options().lingerMs())) {
            for (Format format : formats(schemaId)) {
                measure(bench, section, server, producer, format);
            }
        }
    }

    private static void measure(Bench bench, Report.Section section, KarapaceProcess server,
                                KafkaProducer<byte[], byte[]> producer, Format format) throws Exception {
        String url = server.baseUri() + "/topics/" + TOPIC;
        for (int records : RECORDS_PER_REQUEST) {
            bench.warmUp(Wrk.Request.post(url, format.body(records), format.contentType(), Http.KAFKA_JSON),
                    CONNECTIONS.get(CONNECTIONS.size() - 1));
        }
        for (int records : RECORDS_PER_REQUEST) {
            Wrk.Request request = Wrk.Request.post(url, format.body(records), format.contentType(), Http.KAFKA_JSON);
            String figure = format.name() + ", " + records + " rec/req";
            for (int connections : CONNECTIONS) {
                LoadResult result = bench.wrk().run(request, figure, connections, bench.options().seconds(), records);
                LoadResult reference = ClosedLoop.run(LatencyPlot.RAW_PRODUCER + figure, connections,
                        bench.options().seconds(), records, c -> sendBatch(producer, format.rawValue(), records));
                section.compare(figure, result, "raw producer", reference, "rec/s");
                targets(bench.report(), format.name(), records, connections, result, reference);
            }
        }
    }

    private static void targets(Report report, String format, int records, int connections, LoadResult result,
                                LoadResult reference) {
        if (records == 100 && connections == 50) {
            report.target("REST produce " + format + ", 100 records/request, 50 connections ≥ 50% of raw producer "
                    + "records/s", Report.ratio(result.ratioTo(reference)), result.ratioTo(reference) >= 0.5);
        }
        if (records == 1 && connections == 50) {
            LatencyStats l = result.latency();
            report.target("REST produce " + format + ", 1 record/request, 50 connections: mean < 7.22 ms, no request "
                    + "> 1 s, no error", "mean " + Report.ms(l.meanMs()) + " ms, max " + Report.ms(l.maxMs())
                    + " ms, " + result.errors() + " errors", l.meanMs() < 7.22 && l.maxMs() <= 1000
                    && result.errors() == 0);
        }
    }

    private static void sendBatch(KafkaProducer<byte[], byte[]> producer, byte[] value, int records) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            acks.add(producer.send(new ProducerRecord<>(TOPIC, value)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    /** One embedded format: its media type, its request body and the bytes it puts in Kafka. */
    record Format(String name, String contentType, String recordJson, String prefix, byte[] rawValue) {
        String body(int records) {
            return prefix + "\"records\":[" + String.join(",", java.util.Collections.nCopies(records, recordJson))
                    + "]}";
        }
    }

    static List<Format> formats(int schemaId) throws Exception {
        byte[] random = new byte[64];
        new java.util.Random(42).nextBytes(random);
        String jsonValue = "{\"id\":123456789,\"name\":\"" + NAME + "\"}";
        return List.of(
                new Format("binary", "application/vnd.kafka.binary.v2+json",
                        "{\"value\":\"" + Base64.getEncoder().encodeToString(random) + "\"}", "{", random),
                new Format("json", "application/vnd.kafka.json.v2+json", "{\"value\":" + jsonValue + "}", "{",
                        jsonValue.getBytes(StandardCharsets.UTF_8)),
                new Format("avro", "application/vnd.kafka.avro.v2+json", "{\"value\":" + jsonValue + "}",
                        "{\"value_schema_id\":" + schemaId + ",", avroWireFormat(schemaId)));
    }

    /** Confluent's wire format: magic byte 0, the schema id, then Avro binary. */
    static byte[] avroWireFormat(int schemaId) throws Exception {
        Schema schema = new Schema.Parser().parse(AVRO_SCHEMA);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", 123456789L);
        record.put("name", NAME);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
