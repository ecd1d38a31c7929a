package io.karapace.jvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs wrk with the bundled Lua script and reads its JSON summary line. */
public final class Wrk {
    private static final String SUMMARY_PREFIX = "BENCH_JSON ";

    private final Path wrk;
    private final Path workDir;
    private final Path script;
    private int bodyCount;

    public Wrk(Path wrk, Path workDir) throws IOException {
        this.wrk = wrk;
        this.workDir = Files.createDirectories(workDir);
        this.script = workDir.resolve("wrk.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/bench/wrk.lua")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** What every request of a run looks like; {@code registerPrefix} makes each one register a new schema. */
    public record Request(String method, String url, String body, String contentType, String accept,
                          String registerPrefix) {
        public static Request get(String url, String accept) {
            return new Request("GET", url, null, null, accept, null);
        }

        public static Request post(String url, String body, String contentType, String accept) {
            return new Request("POST", url, body, contentType, accept, null);
        }

        public static Request register(String baseUri, String prefix) {
            return new Request("POST", baseUri, null, Http.REGISTRY_JSON, Http.REGISTRY_JSON, prefix);
        }
    }

    /** A run in the background; {@link #await} gives its result. */
    public final class Running {
        private final Process process;
        private final String series;
        private final int connections;
        private final int items;
        private final int seconds;

        private Running(Process process, String series, int connections, int items, int seconds) {
            this.process = process;
            this.series = series;
            this.connections = connections;
            this.items = items;
            this.seconds = seconds;
        }

        public LoadResult await() throws IOException, InterruptedException {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                Processes.stop(process);
                throw new IllegalStateException("wrk did not finish");
            }
            return parse(output, series, connections, items);
        }
    }

    public LoadResult run(Request request, String series, int connections, int seconds, int itemsPerRequest)
            throws IOException, InterruptedException {
        return start(request, series, connections, seconds, itemsPerRequest).await();
    }

    public Running start(Request request, String series, int connections, int seconds, int itemsPerRequest)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t", String.valueOf(Math.min(connections, 2)),
                "-c", String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(),
                request.url()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("BENCH_METHOD", request.method());
        if (request.body() != null) {
            Path body = workDir.resolve("body-" + (++bodyCount) + ".json");
            Files.writeString(body, request.body());
            env.put("BENCH_BODY_FILE", body.toString());
        }
        putIfSet(env, "BENCH_CONTENT_TYPE", request.contentType());
        putIfSet(env, "BENCH_ACCEPT", request.accept());
        putIfSet(env, "BENCH_REGISTER_PREFIX", request.registerPrefix());
        return new Running(builder.start(), series, connections, itemsPerRequest, seconds);
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    static LoadResult parse(String output, String series, int connections, int itemsPerRequest) throws IOException {
        String line = output.lines().filter(l -> l.startsWith(SUMMARY_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + output.strip()));
        JsonNode json = Http.JSON.readTree(line.substring(SUMMARY_PREFIX.length()));
        LatencyStats latency = new LatencyStats(json.get("requests").asLong(), json.get("mean_us").asDouble() / 1000,
                json.get("p50_us").asDouble() / 1000, json.get("p99_us").asDouble() / 1000,
                json.get("max_us").asDouble() / 1000);
        return new LoadResult(series, connections, json.get("requests").asLong(),
                json.get("socket_errors").asLong() + json.get("status_errors").asLong(),
                json.get("duration_us").asDouble() / 1_000_000, itemsPerRequest, latency);
    }
}
