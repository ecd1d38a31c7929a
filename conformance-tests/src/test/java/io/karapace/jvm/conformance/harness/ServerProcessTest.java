package io.karapace.jvm.conformance.harness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path workDir;

    @Test
    void aMissingJarFailsAtOnceSayingHowToBuildIt() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ServerProcess.start(workDir.resolve("absent.jar"), workDir, Map.of()));

        assertTrue(error.getMessage().contains("absent.jar") && error.getMessage().contains("mvn -pl impl"), error.getMessage());
    }

    @Test
    void aServerThatDiesDuringStartupFailsWithTheTailOfItsLog() throws Exception {
        Path notAJar = Files.writeString(workDir.resolve("broken.jar"), "not a zip file");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ServerProcess.start(notAJar, workDir, Map.of("topic_name", "t")));

        assertTrue(error.getMessage().contains("exited with code"), error.getMessage());
        assertTrue(error.getMessage().contains("broken.jar"), error.getMessage());
    }

    @Test
    void theChildGetsItsConfigAsAJsonFileWithHostAndPortAdded() throws Exception {
        Path notAJar = Files.writeString(workDir.resolve("broken.jar"), "not a zip file");

        assertThrows(IllegalStateException.class, () -> ServerProcess.start(notAJar, workDir, Map.of("topic_name", "t_1")));

        try (var configs = Files.walk(workDir)) {
            Path config = configs.filter(path -> path.endsWith("config.json")).findFirst().orElseThrow();
            String json = Files.readString(config);
            assertTrue(json.contains("\"topic_name\" : \"t_1\"") && json.contains("\"host\" : \"127.0.0.1\"")
                    && json.contains("\"port\" : "), json);
        }
    }
}
