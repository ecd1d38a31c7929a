package io.karapace.jvm.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Draining a topic through one REST consumer instance against one raw consumer, both joining a new group. */
final class RestConsume implements Scenario {
    private static final String TOPIC = "bench-consume";
    private static final long DEADLINE_NANOS = Duration.ofSeconds(60).toNanos();

    @Override
    public String name() {
        return "consume";
    }

    @Override
    public String title() {
        return "REST consume";
    }

    @Override
    public String method() {
        return "The topic `" + TOPIC + "` (1 partition) is filled with 64-byte records; one v2 consumer instance "
                + "(binary format, new group, earliest) subscribes and GETs `/records` until it has read them all. "
                + "Reference: one raw kafka-clients consumer subscribing with a new group and polling the same records. "
                + "Throughput is records/s from the first request (group join included on both sides); latency is "
                + "per GET or per poll.";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        int records = bench.options().quick() ? 20_000 : 100_000;
        fill(bench, records);
        LoadResult reference = rawConsumer(bench, records);
        Http http = new Http(bench.sharedServer().baseUri());
        RestConsumerInstance consumer;
        try {
            consumer = RestConsumerInstance.create(http, "bench-consume-" + UUID.randomUUID(), "c1", TOPIC);
        } catch (RestConsumerInstance.NotAvailable e) {
            section.note("REST consume **not available**: " + e.getMessage());
            section.measure("raw consumer alone", Report.rate(reference.itemsPerSecond()) + " rec/s", records
                    + " records");
            return;
        }
        try {
            section.compare("REST consumer, binary", restConsumer(consumer, records), "raw consumer", reference, "rec/s");
        } finally {
            consumer.delete();
        }
    }

    private static void fill(Bench bench, int records) throws Exception {
        bench.createTopic(TOPIC, 1, Map.of());
        byte[] value = new byte[64];
        try (KafkaProducer<byte[], byte[]> producer = bench.producer("1", 20)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, value));
            }
            producer.flush();
        }
    }

    private static LoadResult restConsumer(RestConsumerInstance consumer, int records) throws Exception {
        long[] latencies = new long[1024];
        int gets = 0;
        long read = 0;
        long started = System.nanoTime();
        while (read < records && System.nanoTime() - started < DEADLINE_NANOS) {
            long begin = System.nanoTime();
            read += consumer.fetch(1000);
            latencies = grow(latencies, gets);
            latencies[gets++] = System.nanoTime() - begin;
        }
        return result("REST consumer", read, started, Arrays.copyOf(latencies, gets));
    }

    private static LoadResult rawConsumer(Bench bench, int records) {
        long[] latencies = new long[1024];
        int polls = 0;
        long read = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = bench.consumer("bench-raw-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(TOPIC));
            while (read < records && System.nanoTime() - started < DEADLINE_NANOS) {
                long begin = System.nanoTime();
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofSeconds(1));
                read += batch.count();
                latencies = grow(latencies, polls);
                latencies[polls++] = System.nanoTime() - begin;
            }
        }
        return result("raw consumer", read, started, Arrays.copyOf(latencies, polls));
    }

    private static long[] grow(long[] latencies, int used) {
        return used < latencies.length ? latencies : Arrays.copyOf(latencies, used * 2);
    }

    private static LoadResult result(String series, long read, long started, long[] latencies) {
        return new LoadResult(series, 1, read, 0, (System.nanoTime() - started) / 1e9, 1, LatencyStats.ofNanos(latencies));
    }
}
