package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.karapace.jvm.conformance.fixture.Bindings;
import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.FixtureLoader;
import io.karapace.jvm.conformance.fixture.FixtureRunner;
import io.karapace.jvm.conformance.fixture.RegistryHttp;
import io.karapace.jvm.conformance.harness.FixtureTopics;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerPool;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every fixture under {@code fixtures/registry} (on a registry-only server) and under
 * {@code fixtures/proxy} (on a server with the REST proxy on) against the server jar, one dynamic
 * test per file, in path order and one at a time. Fixtures share one server (each uses its own
 * random subjects and topics) unless they ask for a fresh one because they touch global state or
 * read global listings. Topics a fixture lists are created on the broker before it is replayed.
 * With {@code -Dconformance.registry=URL} the fixtures certify that server instead: see {@link CertificationSuite}.
 */
@ExtendWith(SharedKafka.class)
@DisabledIfSystemProperty(named = "conformance.registry", matches = ".*\\S.*",
        disabledReason = "certification mode: CertificationSuite replays the fixtures against the external server")
class FixtureSuite {

    private ServerPool servers;

    @TestFactory
    Stream<DynamicTest> registryFixtures(KafkaHarness kafka) {
        return replayAll(kafka, "registry", ServerLauncher.on(kafka));
    }

    @TestFactory
    Stream<DynamicTest> proxyFixtures(KafkaHarness kafka) {
        return replayAll(kafka, "proxy", ServerLauncher.on(kafka).with(Map.of("karapace_rest", true)));
    }

    private Stream<DynamicTest> replayAll(KafkaHarness kafka, String api, ServerLauncher launcher) {
        servers = new ServerPool(launcher);
        FixtureTopics topics = new FixtureTopics(kafka.bootstrapServers());
        Path root = FixtureLoader.classpathRoot();
        return FixtureLoader.loadAll(root, api).stream()
                .map(fixture -> dynamicTest(fixture.name(), root.resolve(fixture.name()).toUri(),
                        () -> replay(fixture, topics)));
    }

    private void replay(Fixture fixture, FixtureTopics topics) {
        if (fixture.freshServer()) {
            try (ServerProcess own = servers.fresh()) {
                replayOn(own, fixture, topics);
            }
        } else {
            replayOn(servers.shared(), fixture, topics);
        }
    }

    private static void replayOn(ServerProcess server, Fixture fixture, FixtureTopics topics) {
        Bindings bindings = Bindings.withRandomSubjects();
        topics.create(fixture, bindings);
        new FixtureRunner(new RegistryHttp(server.baseUri())).run(fixture, bindings);
    }

    @AfterEach
    void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }
}
