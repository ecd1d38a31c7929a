package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, "Logs and shutdown": SIGTERM stops accepting, finishes the requests in flight, closes consumers,
 * flushes producers and leaves the election group, one log line per phase, then exits 0; a second SIGTERM
 * or shutdown_timeout_ms forces the exit. Every request sent during the stop either completed or was never
 * accepted: what was answered 200 is stored, what failed without an answer is not.
 */
@ExtendWith(SharedKafka.class)
class GracefulShutdownIT {
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);
    private static final String KAFKA_JSON = "application/vnd.kafka.json.v2+json";
    private static final String KAFKA_V2 = "application/vnd.kafka.v2+json";
    private static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private static final int WRITERS = 3;
    /** What a request arriving on a kept-alive connection during the stop is told: it was not accepted. */
    private static final String STOPPING = "{\"error_code\":503,\"message\":\"Service Unavailable: the server is stopping\"}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** One request of the load: its key (subject or produced value) and its answer, or none. */
    private record Outcome(String kind, String key, int status, String body) {
        /** Answered at all: an answer other than the 503 of a request that arrived during the stop. */
        boolean accepted() {
            return status > 0 && !refusedWhileStopping();
        }

        boolean refusedWhileStopping() {
            return status == 503 && body.equals(STOPPING);
        }
    }

    @Test
    void sigtermDuringRegisterAndProduceLoadCompletesOrNeverAcceptsEachRequest(KafkaHarness kafka) throws Exception {
        ServerLauncher launcher = ServerLauncher.on(kafka).with(Map.of("karapace_rest", true));
        String schemas = ServerLauncher.uniqueTopic("sigterm");
        String data = createTopic(kafka, "sigterm-data-");
        ServerProcess server = launcher.start(schemas);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stopLoad = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(2 * WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            load.submit(() -> loop(stopLoad, outcomes, n -> register(server, "load-" + w + "-" + n, w, n)));
            load.submit(() -> loop(stopLoad, outcomes, n -> produce(server, data, "value-" + w + "-" + n)));
        }
        awaitAnswers(outcomes, 30);

        server.sendTerm();
        int exitCode = server.awaitExit(EXIT_DEADLINE);
        stopLoad.set(true);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(0, exitCode, server.logTail());
        List<Outcome> answered = outcomes.stream().filter(Outcome::accepted).toList();
        assertEquals(List.of(), answered.stream().filter(o -> o.status() != 200).toList(),
                "a request accepted during the stop must complete, not fail");
        assertTrue(answered.size() >= 30, "load before the signal: " + answered.size());
        System.out.printf("SIGTERM under load: %d requests completed, %d refused with 503 while stopping,"
                + " %d without an answer%n", answered.size(), outcomes.stream().filter(Outcome::refusedWhileStopping)
                .count(), outcomes.stream().filter(o -> o.status() == 0).count());
        assertPhasesLogged(server.logLines());
        try (ServerProcess restarted = launcher.start(schemas)) {
            assertRegistrationsStoredExactlyWhenAnswered(restarted, outcomes);
        }
        assertProducedValuesStoredExactlyWhenAnswered(kafka, data, outcomes);
    }

    @Test
    void aSecondSigtermExitsAtOnceWhileALongPollIsInFlight(KafkaHarness kafka) throws Exception {
        ServerProcess server = ServerLauncher.on(kafka).with(Map.of("karapace_rest", true, "shutdown_timeout_ms", 300_000))
                .start(ServerLauncher.uniqueTopic("second-sigterm"));
        CompletableFuture<HttpResponse<String>> poll = startLongPoll(server, createTopic(kafka, "second-sigterm-"));

        server.sendTerm();
        awaitLogLine(server, "Stopping: finish the requests in flight");
        assertTrue(server.isAlive(), "the stop waits for the long poll (up to shutdown_timeout_ms)");
        server.sendTerm();

        assertEquals(1, server.awaitExit(EXIT_DEADLINE), server.logTail());
        assertTrue(server.logLines().stream().anyMatch(line -> line.contains("Second SIGTERM: exiting now")));
        poll.handle((answer, failure) -> null).get(30, TimeUnit.SECONDS);
    }

    @Test
    void shutdownTimeoutCutsALongPollAndExitsWithOne(KafkaHarness kafka) throws Exception {
        ServerProcess server = ServerLauncher.on(kafka).with(Map.of("karapace_rest", true, "shutdown_timeout_ms", 1000))
                .start(ServerLauncher.uniqueTopic("shutdown-timeout"));
        CompletableFuture<HttpResponse<String>> poll = startLongPoll(server, createTopic(kafka, "shutdown-timeout-"));

        server.sendTerm();

        assertEquals(1, server.awaitExit(EXIT_DEADLINE), server.logTail());
        assertTrue(server.logLines().stream().anyMatch(line ->
                line.contains("Requests still in flight after shutdown_timeout_ms (1000 ms) were cut")), server.logTail());
        assertPhasesLogged(server.logLines());
        poll.handle((answer, failure) -> null).get(30, TimeUnit.SECONDS);
    }

    private void loop(AtomicBoolean stop, ConcurrentLinkedQueue<Outcome> outcomes, IntFunction<Outcome> request) {
        for (int n = 0; !stop.get(); n++) {
            outcomes.add(request.apply(n));
        }
    }

    private Outcome register(ServerProcess server, String subject, int writer, int n) {
        String schema = "{\"type\":\"record\",\"name\":\"r_" + writer + "_" + n + "\",\"fields\":[]}";
        String body = "{\"schema\":" + quoted(schema) + "}";
        return send("register", subject, post(server, "/subjects/" + subject + "/versions", REGISTRY_JSON, body));
    }

    private Outcome produce(ServerProcess server, String topic, String value) {
        String body = "{\"records\":[{\"value\":\"" + value + "\"}]}";
        return send("produce", value, post(server, "/topics/" + topic, KAFKA_JSON, body));
    }

    private Outcome send(String kind, String key, HttpRequest request) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(kind, key, answer.statusCode(), answer.body());
        } catch (IOException e) {
            pause(20);
            return new Outcome(kind, key, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(kind, key, 0, e.toString());
        }
    }

    private static HttpRequest post(ServerProcess server, String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void awaitAnswers(ConcurrentLinkedQueue<Outcome> outcomes, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outcomes.stream().filter(o -> o.status() == 200).map(Outcome::kind).distinct().count() < 2
                || outcomes.size() < count) {
            assertTrue(System.nanoTime() < deadline, "no load answered: " + outcomes.peek());
            pause(50);
        }
    }

    private static void assertPhasesLogged(List<String> log) {
        List<String> phases = log.stream().filter(line -> line.contains("ShutdownPlan - Stopping: "))
                .map(line -> line.substring(line.indexOf("Stopping: ") + "Stopping: ".length())).toList();
        assertEquals(List.of("stop accepting connections",
                "finish the requests in flight", "leave the election group, so another node becomes primary at once",
                "close REST consumer instances, leaving their groups",
                "flush and close the producers", "close the schemas topic's clients and the authfile watcher"), phases);
    }

    private void assertRegistrationsStoredExactlyWhenAnswered(ServerProcess restarted, ConcurrentLinkedQueue<Outcome> outcomes)
            throws IOException {
        RegistryCalls registry = new RegistryCalls(restarted);
        for (Outcome outcome : outcomes) {
            if (!outcome.kind().equals("register")) {
                continue;
            }
            var stored = registry.get("/subjects/" + outcome.key() + "/versions/1");
            if (outcome.accepted()) {
                assertEquals(200, stored.status(), outcome.key());
                assertEquals(json.readTree(outcome.body()).get("id"), json.readTree(stored.body()).get("id"));
            } else {
                // Confluent's RestSubjectNotFoundException: never accepted, so never stored
                assertEquals(404, stored.status(), outcome.key() + " failed with " + outcome.body() + " yet is stored");
            }
        }
    }

    private void assertProducedValuesStoredExactlyWhenAnswered(KafkaHarness kafka, String topic,
                                                               ConcurrentLinkedQueue<Outcome> outcomes) throws IOException {
        Map<String, Long> offsets = readTopic(kafka, topic);
        for (Outcome outcome : outcomes) {
            if (!outcome.kind().equals("produce")) {
                continue;
            }
            String value = "\"" + outcome.key() + "\"";
            if (outcome.accepted()) {
                JsonNode written = json.readTree(outcome.body()).get("offsets").get(0);
                assertEquals(written.get("offset").asLong(), offsets.get(value), outcome.key());
            } else {
                assertTrue(!offsets.containsKey(value), outcome.key() + " failed with " + outcome.body() + " yet is stored");
            }
        }
    }

    private static Map<String, Long> readTopic(KafkaHarness kafka, String topic) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Long> offsets = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    offsets.put(record.value(), record.offset());
                }
            }
        }
        return offsets;
    }

    private CompletableFuture<HttpResponse<String>> startLongPoll(ServerProcess server, String topic) throws Exception {
        String group = "/consumers/shutdown-" + UUID.randomUUID();
        HttpResponse<String> created = http.send(post(server, group, KAFKA_V2, "{\"name\":\"c\",\"format\":\"json\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> subscribed = http.send(post(server, group + "/instances/c/subscription", KAFKA_V2,
                "{\"topics\":[\"" + topic + "\"]}"), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, subscribed.statusCode(), subscribed.body());
        HttpRequest poll = HttpRequest.newBuilder(URI.create(server.baseUri() + group + "/instances/c/records?timeout=120000"))
                .header("Accept", KAFKA_JSON).timeout(Duration.ofSeconds(180)).GET().build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(poll, HttpResponse.BodyHandlers.ofString());
        pause(1000); // the poll reaches the server; the order checks below hold either way
        return answer;
    }

    private static void awaitLogLine(ServerProcess server, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.logLines().stream().noneMatch(line -> line.contains(text))) {
            assertTrue(System.nanoTime() < deadline, "no log line '" + text + "'; log ends with:\n" + server.logTail());
            pause(50);
        }
    }

    private static String createTopic(KafkaHarness kafka, String prefix) throws Exception {
        String name = prefix + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
