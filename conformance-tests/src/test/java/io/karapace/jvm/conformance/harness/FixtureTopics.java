package io.karapace.jvm.conformance.harness;

import io.karapace.jvm.conformance.fixture.Bindings;
import io.karapace.jvm.conformance.fixture.Fixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics a fixture lists, under the names its bindings give them, before it is replayed. */
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
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topics of " + fixture.name() + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
