package io.karapace.jvm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server jar as a child JVM with given flags and config; knows its pid, RSS and heap. */
public final class KarapaceProcess implements AutoCloseable {
    private static final Pattern GENERATION_USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path logFile;
    private final long launchedAt;
    private long readyAfterNanos = -1;

    private KarapaceProcess(Process process, int port, Path logFile, long launchedAt) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.launchedAt = launchedAt;
    }

    /** Launches the jar and returns once {@code /_health} answers 200; the time that took is {@link #startup}. */
    public static KarapaceProcess start(Path jar, List<String> jvmFlags, Map<String, Object> config, Path dir,
                                        Duration timeout) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar not found: " + jar
                    + " (build it first: mvn -B -ntp -DskipTests package)");
        }
        Files.createDirectories(dir);
        int port = FreePorts.next();
        Map<String, Object> full = new LinkedHashMap<>(config);
        full.put("host", "127.0.0.1");
        full.put("port", port);
        Path configFile = dir.resolve("config.json");
        Files.writeString(configFile, Http.text(full));
        Path logFile = dir.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), configFile.toString()));
        long launchedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        KarapaceProcess server = new KarapaceProcess(process, port, logFile, launchedAt);
        server.awaitHealthy(timeout);
        return server;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration startup() {
        return Duration.ofNanos(readyAfterNanos);
    }

    /** Resident set size of the whole server process, in KiB, from /proc. */
    public long rssKb() throws IOException {
        return ProcessMemory.rssKb(process.pid());
    }

    /** Heap in use right after a full collection, in KiB (young plus old generation, as jcmd reports them). */
    public long heapUsedAfterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        return parseHeapUsedKb(jcmd("GC.heap_info"));
    }

    static long parseHeapUsedKb(String heapInfo) {
        Matcher matcher = GENERATION_USED.matcher(heapInfo);
        long used = 0;
        boolean found = false;
        while (matcher.find()) {
            used += Long.parseLong(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no generation sizes in jcmd GC.heap_info output: " + heapInfo);
        }
        return used;
    }

    /** jcmd's VM.native_memory summary; the server must run with -XX:NativeMemoryTracking=summary. */
    public String nativeMemorySummary() throws IOException, InterruptedException {
        return jcmd("VM.native_memory summary");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process call = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!call.waitFor(60, TimeUnit.SECONDS) || call.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = Http.newClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUri() + "/_health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = launchedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfterNanos = System.nanoTime() - launchedAt;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        close();
        throw new IllegalStateException("server not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
