package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.FixtureLoader;
import io.karapace.jvm.conformance.fixture.FixtureRunner;
import io.karapace.jvm.conformance.fixture.RegistryHttp;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerPool;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every fixture under {@code fixtures/registry} against the server jar, one dynamic test per
 * file, in path order and one at a time. Fixtures share one server (each uses its own random
 * subjects) unless they ask for a fresh one because they touch global state or read global listings.
 */
@ExtendWith(SharedKafka.class)
class FixtureSuite {

    private ServerPool servers;

    @TestFactory
    Stream<DynamicTest> registryFixtures(KafkaHarness kafka) {
        servers = new ServerPool(ServerLauncher.on(kafka));
        Path root = FixtureLoader.classpathRoot();
        return FixtureLoader.loadAll(root, "registry").stream()
                .map(fixture -> dynamicTest(fixture.name(), root.resolve(fixture.name()).toUri(), () -> replay(fixture)));
    }

    private void replay(Fixture fixture) {
        if (fixture.freshServer()) {
            try (ServerProcess own = servers.fresh()) {
                replayOn(own, fixture);
            }
        } else {
            replayOn(servers.shared(), fixture);
        }
    }

    private static void replayOn(ServerProcess server, Fixture fixture) {
        new FixtureRunner(new RegistryHttp(server.baseUri())).run(fixture);
    }

    @AfterEach
    void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }
}
