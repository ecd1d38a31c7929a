package io.karapace.jvm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** RSS of a fresh server process after start, then while records are pushed and pulled by 1, 10, 20 consumers. */
final class MemoryUnderLoad implements Scenario {
    private static final String TOPIC = "bench-memory";
    private static final List<Integer> CONSUMERS = List.of(1, 10, 20);
    private static final long LIMIT_KB = 150 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String title() {
        return "Memory (RSS)";
    }

    @Override
    public String method() {
        return "A fresh server process with the recommended JVM flags; RSS (VmRSS of /proc/<pid>/status, the whole "
                + "process) after `/_health` is 200, then sampled every 200 ms while wrk pushes binary records (100 per "
                + "request, 4 connections) to `" + TOPIC + "` and N consumer instances (each in its own group) pull "
                + "them in a loop. The broker runs in another process and is not counted. The server runs with "
                + "-XX:NativeMemoryTracking=summary, whose breakdown after the 20-instance run shows where the "
                + "memory goes (its own bookkeeping is one of the lines).";
    }

    @Override
    public void run(Bench bench, Report.Section section) throws Exception {
        bench.createTopic(TOPIC, 1, Map.of());
        List<String> flags = new ArrayList<>(bench.options().jvmFlags());
        flags.add("-XX:NativeMemoryTracking=summary");
        try (KarapaceProcess server = bench.startServer("memory", Map.of(), Optional.of(flags))) {
            Thread.sleep(1000);
            section.measure("RSS after start", mib(server.rssKb()), "idle, ready");
            Http http = new Http(server.baseUri());
            for (int consumers : CONSUMERS) {
                List<RestConsumerInstance> instances = new ArrayList<>();
                try {
                    for (int i = 0; i < consumers; i++) {
                        instances.add(RestConsumerInstance.create(http, "bench-mem-" + UUID.randomUUID(), "m" + i, TOPIC));
                    }
                } catch (RestConsumerInstance.NotAvailable e) {
                    section.note("consumer instances **not available** (" + e.getMessage() + "): RSS measured "
                            + "under push only");
                    pushAndPull(bench, section, server, List.of(), "push only, no consumer instance");
                    return;
                }
                try {
                    pushAndPull(bench, section, server, instances, consumers + " consumer instance"
                            + (consumers == 1 ? "" : "s"));
                } finally {
                    for (RestConsumerInstance instance : instances) {
                        instance.delete();
                    }
                }
            }
        }
    }

    private static void pushAndPull(Bench bench, Report.Section section, KarapaceProcess server,
                                    List<RestConsumerInstance> instances, String label) throws Exception {
        int seconds = bench.options().seconds() * 2;
        String body = RestProduce.formats(0).get(0).body(100);
        AtomicBoolean pushing = new AtomicBoolean(true);
        AtomicLong pulled = new AtomicLong();
        List<Thread> pullers = new ArrayList<>();
        for (RestConsumerInstance instance : instances) {
            Thread puller = new Thread(() -> pull(instance, pushing, pulled), "puller");
            pullers.add(puller);
            puller.start();
        }
        ProcessMemory.Sampler sampler = new ProcessMemory.Sampler(server.pid(), 200);
        LoadResult push = bench.wrk().run(Wrk.Request.post(server.baseUri() + "/topics/" + TOPIC, body,
                "application/vnd.kafka.binary.v2+json", Http.KAFKA_JSON), "push", 4, seconds, 100);
        pushing.set(false);
        for (Thread puller : pullers) {
            puller.join();
        }
        long[] rss = sampler.stop();
        section.measure("RSS during push/pull, " + label, mib(rss[0]) + " max, " + mib(rss[1]) + " mean",
                Report.rate(push.itemsPerSecond()) + " rec/s pushed (" + push.errors() + " errors), "
                        + Report.rate(pulled.get() / (double) seconds) + " rec/s pulled");
        if (instances.size() == 20) {
            bench.report().target("≤ 150 MB RSS with 20 consumer instances under load", mib(rss[0]) + " max",
                    rss[0] <= LIMIT_KB);
            breakdown(section, server);
        }
    }

    /** NMT's committed memory by category, largest first, and what RSS holds beyond it. */
    private static void breakdown(Report.Section section, KarapaceProcess server) throws Exception {
        long rssKb = server.rssKb();
        Map<String, Long> committed = NativeMemory.committedKb(server.nativeMemorySummary());
        long trackedKb = committed.values().stream().mapToLong(Long::longValue).sum();
        committed.entrySet().stream()
                .filter(category -> category.getValue() >= 1024)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(category -> section.measure("NMT committed: " + category.getKey(), mib(category.getValue()),
                        "after the 20-instance run"));
        section.measure("RSS beyond NMT", mib(rssKb - trackedKb), "RSS " + mib(rssKb) + " − NMT committed "
                + mib(trackedKb) + ": the JVM's own code, shared libraries, malloc overhead");
    }

    private static void pull(RestConsumerInstance instance, AtomicBoolean pushing, AtomicLong pulled) {
        while (pushing.get()) {
            try {
                pulled.addAndGet(instance.fetch(200));
            } catch (Exception e) {
                return;
            }
        }
    }

    static String mib(long kb) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", kb / 1024.0);
    }
}
