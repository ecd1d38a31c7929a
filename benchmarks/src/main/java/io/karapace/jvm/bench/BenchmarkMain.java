package io.karapace.jvm.bench;

import io.karapace.jvm.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar benchmarks/target/benchmarks.jar [--quick] ...}: runs every scenario, writes the report. */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        System.setProperty("java.awt.headless", "true");
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        Files.createDirectories(options.outDir());
        Tools tools = Tools.ensureInstalled();
        Report report = new Report();
        EmbeddedKafka embedded = null;
        String bootstrap = options.bootstrap();
        if (bootstrap == null) {
            embedded = EmbeddedKafka.start(Files.createTempDirectory("bench-kafka-"), 0, 0);
            bootstrap = embedded.bootstrapServers();
        }
        try (Bench bench = new Bench(options, report, tools, bootstrap)) {
            for (Scenario scenario : scenarios()) {
                if (options.runs(scenario.name())) {
                    run(bench, scenario, report.section(scenario.title(), scenario.method()));
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        write(report, options, tools, bootstrap, embedded != null, Duration.between(started, Instant.now()));
    }

    static List<Scenario> scenarios() {
        return List.of(new RegistryReads(), new RegistryWrites(), new RestProduce(), new RestConsume(),
                new MemoryUnderLoad(), new Startup());
    }

    private static void run(Bench bench, Scenario scenario, Report.Section section) {
        Instant begin = Instant.now();
        System.out.println("== " + scenario.title());
        try {
            scenario.run(bench, section);
        } catch (Exception e) {
            section.note("**error**, scenario stopped: " + describe(e));
            System.out.println("   error: " + describe(e));
        }
        System.out.println("   took " + Duration.between(begin, Instant.now()).toSeconds() + " s");
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 400 ? message.substring(0, 400) + "..." : message;
    }

    private static void write(Report report, Options options, Tools tools, String bootstrap, boolean embedded,
                              Duration took) throws Exception {
        List<String> header = new ArrayList<>(MachineInfo.describe(tools));
        header.add("- kafka: " + (embedded ? "embedded KRaft broker in the runner's JVM at " : "given broker ") + bootstrap);
        header.add("- server: `" + options.serverJar().getFileName() + "` with `" + String.join(" ", options.jvmFlags())
                + "`, producer_linger_ms " + options.lingerMs() + ", producer_acks 1");
        header.add("- run: " + (options.quick() ? "--quick (1 s per load run: noisy)" : options.seconds()
                + " s per load run") + ", took " + took.toSeconds() + " s, at " + Instant.now());
        Path markdown = options.outDir().resolve("report.md");
        Path png = options.outDir().resolve("latency.png");
        String text = report.markdown(header);
        Files.writeString(markdown, text);
        LatencyPlot.write(report.loadResults(), png);
        if (options.publish()) {
            Path docs = Files.createDirectories(Path.of("docs"));
            Files.writeString(docs.resolve("benchmarks.md"), text.replace("(latency.png)", "(benchmarks-latency.png)"));
            Files.copy(png, docs.resolve("benchmarks-latency.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Published to " + docs.toAbsolutePath().resolve("benchmarks.md"));
        }
        System.out.println("Report: " + markdown + "\nPlot:   " + png + "\nTotal:  " + took.toSeconds() + " s");
    }
}
