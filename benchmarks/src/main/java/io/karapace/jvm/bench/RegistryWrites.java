package io.karapace.jvm.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Registering new schemas (each under a new subject, so no compatibility check) against the Kafka write it
 * needs, and compatibility checks against subjects with 1, 10 and 100 versions under BACKWARD_TRANSITIVE.
 */
final class RegistryWrites implements Scenario {
    private static final List<Integer> REGISTER_CLIENTS = List.of(1, 15);
    private static final List<Integer> COMPAT_CONNECTIONS = List.of(1, 15);
    private static final List<Integer> HISTORY = List.of(1, 10, 100);
    private static final String REFERENCE_TOPIC = "bench-register-reference";

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public String title() {
        return "Registry writes";
    }

    @Override
    public String method() {
        return "Registration: wrk, every request a new subject and a new Avro record schema; sequential (1 connection) "
                + "and 15 concurrent. Reference: a raw kafka-clients producer (acks=all, idempotent, as the registry "
                + "writes `_schemas`) sending one record of the same size and waiting for it, with as many threads: "
                + "the Kafka write every registration needs. Compatibility: wrk POSTing a compatible next version to "
                + "`/compatibility/subjects/{s}/versions/latest` of subjects holding 1, 10 and 100 versions under "
                + "BACKWARD_TRANSITIVE (so every version is checked). Reference: nginx answering the same body.";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        KarapaceProcess server = bench.sharedServer();
        registrations(bench, section, server);
        compatibility(bench, section, server);
    }

    private static void registrations(Bench bench, Report.Section section, KarapaceProcess server) throws Exception {
        String run = "r" + UUID.randomUUID().toString().substring(0, 6);
        bench.warmUp(Wrk.Request.register(server.baseUri(), run + "warm"), 4);
        bench.createTopic(REFERENCE_TOPIC, 1, Map.of());
        byte[] key = "{\"keytype\":\"SCHEMA\",\"subject\":\"r000000_1_1\",\"version\":1,\"magic\":1}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] value = ("{\"subject\":\"r000000_1_1\",\"version\":1,\"id\":1000,\"schema\":\"" + "x".repeat(120)
                + "\",\"deleted\":false}").getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = bench.producer("all", 0)) {
            for (int clients : REGISTER_CLIENTS) {
                LoadResult result = bench.wrk().run(Wrk.Request.register(server.baseUri(), run + "c" + clients),
                        "register new schema", clients, bench.options().seconds(), 1);
                LoadResult reference = ClosedLoop.run(LatencyPlot.RAW_PRODUCER + "register new schema", clients, bench.options().seconds(), 1,
                        c -> producer.send(new ProducerRecord<>(REFERENCE_TOPIC, key, value)).get());
                section.compare("register new schema", result, "raw producer acks=all send", reference, "req/s");
            }
        }
    }

    private static void compatibility(Bench bench, Report.Section section, KarapaceProcess server) throws Exception {
        Http http = new Http(server.baseUri());
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int versions : HISTORY) {
            String subject = "bench-compat-" + run + "-" + versions;
            http.put("/config/" + subject, Map.of("compatibility", "BACKWARD_TRANSITIVE")).expect(200, "PUT config");
            for (int version = 1; version <= versions; version++) {
                http.post("/subjects/" + subject + "/versions", Http.REGISTRY_JSON, Map.of("schema", schema(version)))
                        .expect(200, "registering version " + version + " of " + subject);
            }
            String path = "/compatibility/subjects/" + subject + "/versions/latest";
            String body = Http.text(Map.of("schema", schema(versions + 1)));
            String answer = http.post(path, Http.REGISTRY_JSON, body).expect(200, "compatibility check").body();
            if (!answer.contains("true")) {
                throw new IllegalStateException("the next version was judged incompatible: " + answer);
            }
            String figure = "compatibility, " + versions + " version" + (versions == 1 ? "" : "s");
            Wrk.Request request = Wrk.Request.post(server.baseUri() + path, body, Http.REGISTRY_JSON, Http.REGISTRY_JSON);
            bench.warmUp(request, 4);
            try (NginxFloor nginx = NginxFloor.start(bench.tools().nginx(), bench.workDir("nginx-compat-" + versions),
                    new NginxFloor.Content(Map.of(), Map.of(path, answer)))) {
                for (int connections : COMPAT_CONNECTIONS) {
                    LoadResult result = bench.wrk().run(request, figure, connections, bench.options().seconds(), 1);
                    LoadResult floor = bench.wrk().run(Wrk.Request.post(nginx.baseUri() + path, body,
                            Http.REGISTRY_JSON, Http.REGISTRY_JSON), LatencyPlot.NGINX + figure, connections,
                            bench.options().seconds(), 1);
                    section.compare(figure, result, "nginx fixed answer", floor, "req/s");
                }
            }
        }
    }

    /** Version n: a required id plus n-1 optional strings with defaults, so each version is backward compatible. */
    static String schema(int version) {
        List<String> fields = new ArrayList<>(List.of("{\"name\":\"id\",\"type\":\"long\"}"));
        for (int i = 1; i < version; i++) {
            fields.add("{\"name\":\"opt" + i + "\",\"type\":[\"null\",\"string\"],\"default\":null}");
        }
        return "{\"type\":\"record\",\"name\":\"BenchCompat\",\"fields\":[" + String.join(",", fields) + "]}";
    }
}
