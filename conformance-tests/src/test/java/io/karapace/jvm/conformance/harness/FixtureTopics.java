package io.karapace.jvm.conformance.harness;

import io.karapace.jvm.conformance.fixture.Bindings;
import io.karapace.jvm.conformance.fixture.Fixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics a fixture lists, under the names its bindings give them, before it is replayed,
 * and waits until the broker serves them: creation returns before its metadata reaches the broker.
 */
public final class FixtureTopics {

    private final String bootstrapServers;

    public FixtureTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void create(Fixture fixture, Bindings bindings) {
        if (fixture.topics().isEmpty()) {
            return;
        }
        List<NewTopic> topics = fixture.topics().stream()
                .map(topic -> new NewTopic(bindings.substitute(topic.name()), topic.partitions(), (short) 1))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get();
            awaitLeaders(admin, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topics of " + fixture.name() + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                boolean led = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null);
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                // not known to the broker yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("topics " + names + " have no leader after 15 s");
    }
}
