package io.karapace.jvm.conformance;

import static io.karapace.jvm.conformance.harness.ClusterCalls.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.conformance.harness.ClusterCalls;
import io.karapace.jvm.conformance.harness.ClusterCalls.Answer;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill -9 of the primary while every node takes writes. Expected (the proof, API.md B.6 and
 * Part F): the group notices within its session timeout, a new primary acts after the grace period
 * and its NOOP fence, writes resume through every surviving node, no acknowledged write is lost, no
 * id is given twice, and the killed node comes back as a follower (the sitting primary keeps the role).
 */
@ExtendWith(SharedKafka.class)
class ClusterFailoverIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private record Acked(String subject, int id, String schema, ServerProcess node, long sentNanos, long atNanos) {
    }

    private final ClusterCalls calls = new ClusterCalls();

    @Test
    void killingThePrimaryUnderLoadLosesNoAcknowledgedWriteAndGivesNoIdTwice(KafkaHarness kafka) throws Exception {
        ServerLauncher launcher = ServerLauncher.on(kafka);
        String topic = ServerLauncher.uniqueTopic("failover");
        List<ServerProcess> nodes = new ArrayList<>(List.of(launcher.start(topic), launcher.start(topic),
                launcher.start(topic)));
        try {
            ServerProcess primary = calls.awaitOnePrimary(nodes, DEADLINE);
            List<ServerProcess> survivors = nodes.stream().filter(n -> n != primary).toList();
            Queue load = new Queue(nodes);
            load.start(4);
            ClusterCalls.awaitTrue(() -> load.acked.size() >= 50, DEADLINE, "writes before the kill");

            long killedAt = System.nanoTime();
            load.exclude(primary);
            primary.kill();
            ServerProcess successor = calls.awaitOnePrimary(survivors, DEADLINE);
            long electedMs = (System.nanoTime() - killedAt) / 1_000_000;
            ClusterCalls.awaitTrue(() -> survivors.stream().allMatch(n -> load.ackedVia(n, killedAt) >= 20), DEADLINE,
                    "writes acknowledged through every surviving node after the kill");
            load.stop();
            long firstWriteMs = (load.firstAckAfter(killedAt) - killedAt) / 1_000_000;
            System.out.printf("failover: new primary reported %d ms after kill -9, first write sent after the kill acknowledged after "
                    + "%d ms; %d writes acknowledged, refusals while no primary: %s%n", electedMs, firstWriteMs,
                    load.acked.size(), load.refusals);

            Set<Integer> ids = new HashSet<>();
            for (Acked acked : load.acked) {
                assertTrue(ids.add(acked.id()), "id " + acked.id() + " acknowledged twice");
            }
            for (ServerProcess node : survivors) {
                for (Acked acked : load.acked) {
                    Answer read = calls.get(node, "/subjects/" + acked.subject() + "/versions/1");
                    assertEquals(200, read.status(), acked + " on " + node.baseUri() + ": " + read.body());
                    assertEquals(acked.id(), read.json().get("id").asInt(), acked.toString());
                    assertEquals(ClusterCalls.JSON.valueToTree(acked.schema()), read.json().get("schema"));
                }
            }

            ServerProcess restarted = launcher.start(topic, Map.of("port", primary.port()));
            nodes.add(restarted);
            List<ServerProcess> group = List.of(survivors.get(0), survivors.get(1), restarted);
            assertEquals(successor, calls.awaitOnePrimary(group, DEADLINE), "the sitting primary keeps the role");
            assertFalse(calls.health(restarted).get("schema_registry_is_primary").asBoolean());
            Acked last = load.acked.stream().reduce((a, b) -> b).orElseThrow();
            assertEquals(last.id(), calls.get(restarted, "/subjects/" + last.subject() + "/versions/1").json()
                    .get("id").asInt(), "the restarted node read everything written while it was down");
        } finally {
            nodes.forEach(ServerProcess::close);
        }
    }

    /** Writers registering a new schema each, through a random node that is still meant to be up. */
    private final class Queue {
        final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        private final List<ServerProcess> targets;
        private final AtomicInteger counter = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicLong excluded = new AtomicLong(-1);
        private ExecutorService pool;

        Queue(List<ServerProcess> nodes) {
            this.targets = List.copyOf(nodes);
        }

        void start(int writers) {
            pool = Executors.newFixedThreadPool(writers);
            for (int i = 0; i < writers; i++) {
                pool.execute(this::write);
            }
        }

        void exclude(ServerProcess node) {
            excluded.set(node.port());
        }

        private void write() {
            while (!stopped.get()) {
                List<ServerProcess> up = targets.stream().filter(n -> n.port() != excluded.get()).toList();
                ServerProcess node = up.get(ThreadLocalRandom.current().nextInt(up.size()));
                int n = counter.incrementAndGet();
                String subject = "failover-" + n;
                String schema = "{\"type\":\"record\",\"name\":\"f" + n + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
                long sent = System.nanoTime();
                Answer answer = calls.post(node, "/subjects/" + subject + "/versions", schemaBody(schema));
                if (answer.status() == 200) {
                    acked.add(new Acked(subject, answer.json().get("id").asInt(), schema, node, sent,
                            System.nanoTime()));
                } else {
                    String kind = answer.status() < 0 ? "unreachable" : answer.status() + "/"
                            + answer.json().path("error_code").asInt();
                    refusals.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                    pause();
                }
            }
        }

        long ackedVia(ServerProcess node, long afterNanos) {
            return acked.stream().filter(a -> a.node() == node && a.sentNanos() > afterNanos).count();
        }

        /** When the first write sent after {@code nanos} was acknowledged. */
        long firstAckAfter(long nanos) {
            return acked.stream().filter(a -> a.sentNanos() > nanos).mapToLong(Acked::atNanos).min().orElseThrow();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        }

        private void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
