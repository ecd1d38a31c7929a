package io.karapace.jvm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds wrk and nginx, installing the Debian packages when either is missing (root or sudo needed then). */
public final class Tools {
    private static final List<String> SEARCH_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");

    private final Path wrk;
    private final Path nginx;

    private Tools(Path wrk, Path nginx) {
        this.wrk = wrk;
        this.nginx = nginx;
    }

    public static Tools ensureInstalled() throws IOException, InterruptedException {
        if (find("wrk").isEmpty() || find("nginx").isEmpty()) {
            install();
        }
        return new Tools(find("wrk").orElseThrow(() -> new IllegalStateException("wrk is still missing after apt-get")),
                find("nginx").orElseThrow(() -> new IllegalStateException("nginx is still missing after apt-get")));
    }

    public Path wrk() {
        return wrk;
    }

    public Path nginx() {
        return nginx;
    }

    static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(SEARCH_DIRS);
        return dirs.stream().filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static void install() throws IOException, InterruptedException {
        if (find("apt-get").isEmpty()) {
            throw new IllegalStateException("wrk or nginx is missing and there is no apt-get: install both and rerun");
        }
        List<String> prefix = isRoot() ? List.of() : List.of("sudo", "-n");
        System.out.println("Installing wrk and nginx with apt-get (once per machine)...");
        run(prefix, List.of("apt-get", "update", "-qq"));
        run(prefix, List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "wrk", "nginx"));
    }

    private static void run(List<String> prefix, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", full) + "' failed; install wrk and nginx by hand");
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
