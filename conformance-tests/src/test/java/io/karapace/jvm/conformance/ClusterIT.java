package io.karapace.jvm.conformance;

import static io.karapace.jvm.conformance.harness.ClusterCalls.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.conformance.harness.ClusterCalls;
import io.karapace.jvm.conformance.harness.ClusterCalls.Answer;
import io.karapace.jvm.conformance.harness.FreePorts;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several nodes on one topic and one election group, each a real jar on the shared broker (API.md
 * B.6 and Part F: one elected primary; followers forward writes with the primary's answer passed
 * through; ids are max + 1 of what the primary has read, so two nodes never hand out one id).
 */
@ExtendWith(SharedKafka.class)
class ClusterIT {
    private static final Duration ELECTION = Duration.ofSeconds(90);
    private final ClusterCalls calls = new ClusterCalls();

    private static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    private static List<ServerProcess> startNodes(ServerLauncher launcher, String topic, int count) {
        List<CompletableFuture<ServerProcess>> starts = IntStream.range(0, count)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> launcher.start(topic))).toList();
        return starts.stream().map(CompletableFuture::join).toList();
    }

    private static void closeAll(List<ServerProcess> nodes) {
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void threeNodesGiveEveryAcknowledgedRegistrationItsOwnIdAndAgreeOnEveryId(KafkaHarness kafka) throws Exception {
        List<ServerProcess> nodes = startNodes(ServerLauncher.on(kafka), ServerLauncher.uniqueTopic("cluster"), 3);
        try {
            calls.awaitOnePrimary(nodes, ELECTION);
            int writes = 1000;
            Map<Integer, String> schemaById = new ConcurrentHashMap<>();
            List<String> failures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    ServerProcess node = nodes.get(n % nodes.size());
                    String schema = record("r" + n);
                    Answer registered = calls.post(node, "/subjects/load-" + n + "/versions", schemaBody(schema));
                    // read-your-writes on the node that took the request, whichever node wrote it
                    Answer read = calls.get(node, "/subjects/load-" + n + "/versions/latest");
                    synchronized (failures) {
                        if (registered.status() != 200 || read.status() != 200) {
                            failures.add(n + ": " + registered + " then " + read);
                            return;
                        }
                        int id = registered.json().get("id").asInt();
                        assertEquals(id, read.json().get("id").asInt(), "read back on the node that registered");
                        String previous = schemaById.put(id, schema);
                        if (previous != null) {
                            failures.add("id " + id + " acknowledged for two schemas");
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(List.of(), failures);
            assertEquals(writes, schemaById.size(), "every acknowledged write has its own id");
            for (ServerProcess node : nodes) {
                schemaById.forEach((id, schema) -> {
                    Answer answer = calls.get(node, "/schemas/ids/" + id);
                    assertEquals(200, answer.status(), answer.body());
                    assertEquals(ClusterCalls.JSON.valueToTree(schema), answer.json().get("schema"),
                            "node " + node.baseUri() + " id " + id);
                });
            }
            assertEquals(1, calls.primaries(nodes).size(), "exactly one node reports primary");
            for (ServerProcess node : nodes) {
                boolean primary = calls.health(node).get("schema_registry_is_primary").asBoolean();
                assertEquals(new Answer(200, "{\"master_available\":true}"), calls.get(node, "/master_available"),
                        "a follower asks the primary (Karapace master_availability), primary: " + primary);
            }
        } finally {
            closeAll(nodes);
        }
    }

    @Test
    void oneSchemaRegisteredThroughEveryNodeAtOnceGetsOneId(KafkaHarness kafka) throws Exception {
        List<ServerProcess> nodes = startNodes(ServerLauncher.on(kafka), ServerLauncher.uniqueTopic("same"), 2);
        try {
            calls.awaitOnePrimary(nodes, ELECTION);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                answers.add(pool.submit(() -> calls.post(nodes.get(n % 2), "/subjects/same-" + n + "/versions",
                        schemaBody(record("Shared")))));
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<Answer> answer : answers) {
                Answer a = answer.get(2, TimeUnit.MINUTES);
                assertEquals(200, a.status(), a.body());
                ids.add(a.json().get("id").asInt());
            }
            pool.shutdown();
            // Confluent: the same schema has one global id in every subject (API.md A.3)
            assertEquals(1, ids.size(), ids.toString());
        } finally {
            closeAll(nodes);
        }
    }

    @Test
    void aFollowerPassesOnThePrimarysExactAnswer(KafkaHarness kafka) {
        List<ServerProcess> nodes = startNodes(ServerLauncher.on(kafka), ServerLauncher.uniqueTopic("forward"), 2);
        try {
            ServerProcess primary = calls.awaitOnePrimary(nodes, ELECTION);
            ServerProcess follower = nodes.get(nodes.get(0) == primary ? 1 : 0);
            assertEquals(200, calls.post(follower, "/subjects/fwd/versions", schemaBody("\"string\"")).status());
            // expected status and error_code: Confluent's Errors / RestIncompatibleSchemaException etc. (API.md A.2)
            record Case(String method, String path, String body, int status, int errorCode) {
            }
            List<Case> cases = List.of(
                    new Case("POST", "/subjects/fwd/versions", schemaBody("\"int\""), 409, 409),
                    new Case("POST", "/subjects/fwd/versions", schemaBody("{\"type\":\"nope\"}"), 422, 42201),
                    new Case("PUT", "/config/fwd", "{\"compatibility\":\"SOME\"}", 422, 42203),
                    new Case("PUT", "/mode/fwd", "{\"mode\":\"SLEEPY\"}", 422, 42204),
                    new Case("DELETE", "/subjects/missing", null, 404, 40401),
                    new Case("DELETE", "/subjects/fwd/versions/7", null, 404, 40402));
            for (Case c : cases) {
                Answer viaFollower = send(follower, c.method(), c.path(), c.body());
                Answer atPrimary = send(primary, c.method(), c.path(), c.body());
                assertEquals(atPrimary, viaFollower, c.method() + " " + c.path());
                assertEquals(c.status(), viaFollower.status(), viaFollower.body());
                assertEquals(c.errorCode(), viaFollower.json().get("error_code").asInt(), viaFollower.body());
            }
            Answer config = calls.put(follower, "/config/fwd", "{\"compatibility\":\"NONE\"}");
            assertEquals(new Answer(200, "{\"compatibility\":\"NONE\"}"), config);
            assertEquals("NONE", calls.get(follower, "/config/fwd").json().get("compatibilityLevel").asText(),
                    "the follower reads the config it just forwarded");
        } finally {
            closeAll(nodes);
        }
    }

    private Answer send(ServerProcess node, String method, String path, String body) {
        return switch (method) {
            case "POST" -> calls.post(node, path, body);
            case "PUT" -> calls.put(node, path, body);
            default -> calls.delete(node, path);
        };
    }

    @Test
    void aNodeThatMayNotLeadNeverLeadsAndAloneItRefusesWritesButServesReads(KafkaHarness kafka) {
        ServerLauncher launcher = ServerLauncher.on(kafka);
        String topic = ServerLauncher.uniqueTopic("eligibility");
        List<Integer> ports = new ArrayList<>(List.of(FreePorts.next(), FreePorts.next()));
        // the non-eligible node gets the URL that sorts lowest, the one the election would pick
        ports.sort((a, b) -> ("http://127.0.0.1:" + a).compareTo("http://127.0.0.1:" + b));
        ServerProcess ineligible = launcher.start(topic, Map.of("port", ports.get(0), "master_eligibility", false));
        ServerProcess eligible = launcher.start(topic, Map.of("port", ports.get(1)));
        try {
            assertEquals(eligible, calls.awaitOnePrimary(List.of(ineligible, eligible), ELECTION));
            JsonNode health = calls.health(ineligible);
            assertFalse(health.get("schema_registry_is_primary").asBoolean());
            assertFalse(health.get("schema_registry_is_primary_eligible").asBoolean());
            int id = calls.post(ineligible, "/subjects/kept/versions", schemaBody("\"string\"")).json().get("id").asInt();

            eligible.close();
            ClusterCalls.awaitTrue(() -> !calls.health(ineligible).has("schema_registry_primary_url"), ELECTION,
                    "the remaining node knows it has no primary");
            Answer refused = calls.post(ineligible, "/subjects/kept/versions", schemaBody("\"int\""));
            assertEquals(500, refused.status(), refused.body());
            assertEquals(50004, refused.json().get("error_code").asInt());
            assertTrue(refused.json().get("message").asText().contains("eligible"), refused.body());
            assertEquals(new Answer(200, "{\"schema\":\"\\\"string\\\"\"}"), calls.get(ineligible, "/schemas/ids/" + id));
            assertEquals(new Answer(200, "{\"master_available\":false}"), calls.get(ineligible, "/master_available"));
            // Karapace's master_availability router: NO_CACHE_HEADER
            assertEquals("no-store, no-cache, must-revalidate",
                    calls.header(ineligible, "/master_available", "Cache-Control"));
        } finally {
            closeAll(List.of(ineligible, eligible));
        }
    }
}
