package io.karapace.jvm.conformance.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server jar running as a child JVM: its own port, a JSON config pointing at the broker,
 * output in a log file. {@link #start} returns once {@code /_health} answers 200.
 */
public final class ServerProcess implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final int port;
    private final Path logFile;

    private ServerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the jar with the given config entries plus {@code host} and a free {@code port} (unless the
     * config names one: a restarted node keeps its URL).
     * Fails with the tail of the server log if the process dies or stays unhealthy.
     */
    public static ServerProcess start(Path jar, Path workDir, Map<String, Object> config) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar not found: " + jar + " (build it first: mvn -pl impl -am package)");
        }
        return start(List.of("-Xmx256m", "-jar", jar.toString()), workDir, config);
    }

    /** The server started by {@code java <javaArguments> <config file>}, e.g. from an image's layout. */
    public static ServerProcess start(List<String> javaArguments, Path workDir, Map<String, Object> config) {
        int port = config.get("port") instanceof Integer given ? given : FreePorts.next();
        Map<String, Object> fullConfig = new LinkedHashMap<>(config);
        fullConfig.put("host", "127.0.0.1");
        fullConfig.put("port", port);
        try {
            Path dir = Files.createDirectories(workDir.resolve("server-" + port + "-" + System.nanoTime()));
            Path configFile = dir.resolve("config.json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), fullConfig);
            Path logFile = dir.resolve("server.log");
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(javaArguments);
            command.add(configFile.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            ServerProcess server = new ServerProcess(process, port, logFile);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUri() + "/_health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with code " + process.exitValue()
                        + " before becoming healthy; log " + logFile + " ends with:\n" + logTail());
            }
            if (answersHealthy(client, health)) {
                return;
            }
            pause();
        }
        close();
        throw new IllegalStateException("server not healthy within " + STARTUP_TIMEOUT.toSeconds()
                + " s; log " + logFile + " ends with:\n" + logTail());
    }

    private static boolean answersHealthy(HttpClient client, HttpRequest health) {
        try {
            return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Kills the server at once (SIGKILL): no shutdown hook runs, the group only notices when its session expires. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM: the server starts its graceful stop; a second call is a second signal. */
    public void sendTerm() {
        process.destroy();
    }

    /** The exit code once the process has exited, waiting at most {@code deadline}; fails if it is still running. */
    public int awaitExit(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("server still running after " + deadline.toSeconds() + " s; log "
                        + logFile + " ends with:\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to exit", e);
        }
    }

    /** The server's output so far, line by line. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server: a normal termination first, then a forced one after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
