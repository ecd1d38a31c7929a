package io.karapace.jvm.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.app.KarapaceServer;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registrations racing on one server over a real broker (issue 13, "concurrent registrations"): 8
 * threads register 25 distinct schemas each into one subject, and one schema under several subjects at
 * once. Confluent's rules (API.md A.3.4): one id per distinct schema, shared by every subject holding it;
 * versions of a subject are 1..N without gaps; a repeated registration answers the existing id.
 * Compatibility is NONE so that every distinct schema is accepted.
 */
class ConcurrentRegistrationTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SR = "application/vnd.schemaregistry.v1+json";
    private static final String ID = UUID.randomUUID().toString().substring(0, 8);
    private static final int THREADS = 8;
    private static final int PER_THREAD = 25;

    static KarapaceServer server;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", KAFKA.bootstrapServers(),
                "KARAPACE_TOPIC_NAME", "_schemas_concurrent_" + ID, "KARAPACE_GROUP_ID", "concurrent-" + ID,
                "KARAPACE_KARAPACE_REST", "false", "KARAPACE_COMPATIBILITY", "NONE", "KARAPACE_LOG_LEVEL", "WARNING");
        server = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(), List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!send("GET", "/master_available", null).body().contains("true")) {
            assertTrue(System.nanoTime() < deadline, "no primary after 60 s");
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void distinctSchemasIntoOneSubjectGetUniqueIdsAndGaplessVersions() throws Exception {
        String subject = "concurrent-one-" + ID;
        Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    String schema = record("R_" + thread + "_" + i);
                    idBySchema.put(schema, register(subject, schema));
                }
                return null;
            });
        }
        runAtOnce(tasks);

        int total = THREADS * PER_THREAD;
        assertEquals(total, idBySchema.size());
        assertEquals(total, new HashSet<>(idBySchema.values()).size(), "one id per distinct schema");
        JsonNode versions = JSON.readTree(send("GET", "/subjects/" + subject + "/versions", null).body());
        List<Integer> listed = new ArrayList<>();
        versions.forEach(v -> listed.add(v.asInt()));
        assertEquals(IntStream.rangeClosed(1, total).boxed().toList(), listed, "versions 1..N without gaps");
        Set<Integer> versionIds = new HashSet<>();
        for (int version = 1; version <= total; version++) {
            JsonNode stored = JSON.readTree(send("GET", "/subjects/" + subject + "/versions/" + version, null).body());
            assertEquals(idBySchema.get(stored.get("schema").asText()), stored.get("id").asInt(),
                    "version " + version + " holds the id its registration answered");
            versionIds.add(stored.get("id").asInt());
        }
        assertEquals(total, versionIds.size(), "no schema was stored twice");
    }

    @Test
    void oneSchemaRegisteredEverywhereAtOnceSharesOneId() throws Exception {
        String schema = record("Shared_" + ID);
        List<String> subjects = IntStream.range(0, THREADS).mapToObj(i -> "concurrent-shared-" + i + "-" + ID).toList();
        List<Callable<Void>> tasks = new ArrayList<>();
        Map<String, List<Integer>> ids = new ConcurrentHashMap<>();
        for (String subject : subjects) {
            for (int repeat = 0; repeat < 3; repeat++) {
                tasks.add(() -> {
                    int id = register(subject, schema);
                    ids.computeIfAbsent(subject, s -> java.util.Collections.synchronizedList(new ArrayList<>())).add(id);
                    return null;
                });
            }
        }
        runAtOnce(tasks);

        Set<Integer> distinct = new HashSet<>();
        ids.values().forEach(distinct::addAll);
        assertEquals(1, distinct.size(), "identical schemas share one id: " + ids);
        Map<String, String> versionsBySubject = new HashMap<>();
        for (String subject : subjects) {
            versionsBySubject.put(subject, send("GET", "/subjects/" + subject + "/versions", null).body());
        }
        subjects.forEach(s -> assertEquals("[1]", versionsBySubject.get(s), "repeats add no version to " + s));
        int id = distinct.iterator().next();
        JsonNode holders = JSON.readTree(send("GET", "/schemas/ids/" + id + "/subjects", null).body());
        assertEquals(subjects.size(), holders.size(), holders.toString());
    }

    private static void runAtOnce(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                running.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            for (Future<Void> future : running) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    private static int register(String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema", schema));
        HttpResponse<String> answer = send("POST", "/subjects/" + subject + "/versions", body);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).get("id").asInt();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", SR);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
