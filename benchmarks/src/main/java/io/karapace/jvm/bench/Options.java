package io.karapace.jvm.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Command line of the runner. */
public record Options(boolean quick, String bootstrap, Path serverJar, Path outDir, List<String> jvmFlags,
                      int lingerMs, Set<String> only, boolean publish) {

    private static final Path CHECKOUT = checkout();
    /** The server's own producer_linger_ms default. */
    static final int DEFAULT_LINGER_MS = 0;
    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--bootstrap host:port] [--server-jar path]
                   [--out dir] [--jvm-opts "flags"] [--linger-ms n] [--publish]
                   [--only reads,writes,produce,consume,memory,startup]
              --quick       1 s per load run and small startup topics: a 1-2 minute smoke run
              --bootstrap   measure against this Kafka instead of an embedded broker started here
              --server-jar  default: impl/target/karapace-jvm.jar of this checkout
              --out         report folder, default target/benchmarks
              --jvm-opts    the server's JVM flags, default: those of bin/jvm.options, as bin/karapace-jvm uses
              --linger-ms   producer_linger_ms of the server and linger.ms of the raw producer, default %d
              --publish     also copy the report and plot to docs/benchmarks.md and docs/benchmarks-latency.png
            """.formatted(DEFAULT_LINGER_MS);

    public static Options parse(String[] args) {
        boolean quick = false;
        String bootstrap = null;
        Path jar = CHECKOUT.resolve("impl/target/karapace-jvm.jar");
        Path out = Path.of("target", "benchmarks");
        List<String> flags = null;
        int linger = DEFAULT_LINGER_MS;
        Set<String> only = new TreeSet<>();
        boolean publish = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--bootstrap" -> bootstrap = value(args, ++i);
                case "--server-jar" -> jar = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--jvm-opts" -> flags = List.of(value(args, ++i).trim().split("\\s+"));
                case "--linger-ms" -> linger = Integer.parseInt(value(args, ++i));
                case "--publish" -> publish = true;
                case "--only" -> only.addAll(Arrays.asList(value(args, ++i).split(",")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(quick, bootstrap, jar.toAbsolutePath(), out.toAbsolutePath(),
                flags == null ? launcherJvmOptions(CHECKOUT.resolve("bin/jvm.options")) : flags, linger, only, publish);
    }

    /** Seconds each measured load run lasts. */
    public int seconds() {
        return quick ? 1 : 4;
    }

    /** Seconds of unrecorded load before a scenario's first measured run. */
    public int warmupSeconds() {
        return quick ? 1 : 5;
    }

    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    /** The JVM options of a jvm.options file: one a line, blank lines and # comments skipped. */
    static List<String> launcherJvmOptions(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the launcher's JVM options " + file + ": " + e.getMessage()
                    + "; give --jvm-opts", e);
        }
    }

    /** The checkout this runner was built in: benchmarks/target/benchmarks.jar → ../..; else the working directory. */
    private static Path checkout() {
        try {
            Path self = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self.getParent().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }
}
