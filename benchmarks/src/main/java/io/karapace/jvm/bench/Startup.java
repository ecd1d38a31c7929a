package io.karapace.jvm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Launch-to-ready time on a `_schemas` topic already holding many schemas, and the heap each schema costs. */
final class Startup implements Scenario {
    private static final String STARTUP_HEAP = "-Xmx512m";

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "Startup and heap per schema";
    }

    @Override
    public String method() {
        return "SCHEMA records in Confluent's format are written with a plain producer to a fresh compacted topic "
                + "(subjects of 10 versions, distinct Avro records, every fifth shared with another subject); a server "
                + "is launched on it and timed from process start to `/_health` 200. Heap: `jcmd GC.run` then "
                + "`jcmd GC.heap_info` (young + old used), minus the same on an empty topic, divided by the records. "
                + "These servers run with the recommended flags but " + STARTUP_HEAP + ", so a heap too small for "
                + "the data shows as heap per schema rather than as a crash.";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        List<String> flags = new ArrayList<>(bench.options().jvmFlags());
        flags.removeIf(flag -> flag.startsWith("-Xmx"));
        flags.add(STARTUP_HEAP);
        long baselineKb = measure(bench, section, 0, flags, 0);
        List<Integer> sizes = bench.options().quick() ? List.of(1_000, 10_000) : List.of(10_000, 100_000);
        for (int records : sizes) {
            measure(bench, section, records, flags, baselineKb);
        }
    }

    private static long measure(Bench bench, Report.Section section, int records, List<String> flags, long baselineKb)
            throws Exception {
        String topic = "_schemas_bench_startup_" + records + "_" + UUID.randomUUID().toString().substring(0, 6);
        bench.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        int distinct = 0;
        try (KafkaProducer<byte[], byte[]> producer = bench.producer("all", 20)) {
            distinct = SchemasTopicSeeder.seed(producer, topic, records);
        }
        try (KarapaceProcess server = bench.startServer("startup-" + records, Map.of("topic_name", topic),
                Optional.of(flags))) {
            double seconds = server.startup().toMillis() / 1000.0;
            long heapKb = server.heapUsedAfterGcKb();
            String label = records == 0 ? "empty `_schemas`" : String.format(java.util.Locale.ROOT,
                    "%,d schema records (%,d distinct schemas)", records, distinct);
            section.measure("launch → ready, " + label, String.format(java.util.Locale.ROOT, "%.2f s", seconds),
                    "RSS " + MemoryUnderLoad.mib(server.rssKb()) + ", heap after full GC "
                            + MemoryUnderLoad.mib(heapKb));
            if (records > 0) {
                double bytesPerSchema = (heapKb - baselineKb) * 1024.0 / records;
                section.measure("heap per stored schema, " + label, String.format(java.util.Locale.ROOT, "%.0f B",
                        bytesPerSchema), "(heap − empty-topic heap) / records");
                if (records == 100_000) {
                    bench.report().target("100k schema records replayed and ready in ≤ 10 s",
                            String.format(java.util.Locale.ROOT, "%.2f s", seconds), seconds <= 10);
                }
                if (records >= 10_000) {
                    bench.report().target("≤ 1 KB heap per stored schema (" + records + " records)",
                            String.format(java.util.Locale.ROOT, "%.0f B", bytesPerSchema), bytesPerSchema <= 1024);
                }
            }
            return heapKb;
        }
    }
}
