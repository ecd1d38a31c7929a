package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "Ship it": the image the build makes with Jib, without a Docker daemon. CI reaches no container
 * registry, so the build makes it on an empty base (the -Pimage profile uses a Java 17 runtime image);
 * this test checks the image's configuration and runs its layers' application with the local JDK exactly
 * as the entrypoint does.
 */
@ExtendWith(SharedKafka.class)
class ImageLayoutIT {
    private static final Path IMAGE = Path.of(System.getProperty("karapace.image.layout",
            "../impl/target/karapace-jvm-image-layout.tar")).toAbsolutePath();

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theImageRunsAsNonRootWithTheLaunchersJvmOptionsADataVolumeAndKarapaceEnvironment() throws Exception {
        JsonNode config = imageConfig();

        assertEquals(List.of("java", "@/app/bin/jvm.options", "-cp", "@/app/jib-classpath-file",
                "io.karapace.jvm.app.Main"), strings(config.get("Entrypoint")));
        assertEquals("10001:10001", config.get("User").asText());
        assertTrue(config.get("Volumes").has("/data"), config.toString());
        assertTrue(config.get("ExposedPorts").has("8081/tcp"), config.toString());
        assertEquals(List.of("KARAPACE_DATA_DIR=/data", "KARAPACE_HOST=0.0.0.0"),
                strings(config.get("Env")).stream().sorted().toList());
        Path root = extractLayers();
        assertEquals(Files.readAllLines(Path.of("../bin/jvm.options")), Files.readAllLines(root.resolve("app/bin/jvm.options")),
                "the image's JVM options are the launcher's");
        // the volume's mount point is writable by the non-root user
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("data"))));
    }

    @Test
    void theImagesApplicationServesAndStopsGracefully(KafkaHarness kafka) throws Exception {
        Path root = extractLayers();
        String classpath = Files.readString(root.resolve("app/jib-classpath-file"), StandardCharsets.UTF_8).trim()
                .replace("/app/", root.resolve("app") + "/");
        List<String> entrypoint = List.of("@" + root.resolve("app/bin/jvm.options"), "-cp", classpath,
                "io.karapace.jvm.app.Main");
        ServerProcess server = ServerProcess.start(entrypoint, dir, Map.of("bootstrap_uri", kafka.bootstrapServers(),
                "topic_name", "_schemas_image_" + System.nanoTime(), "karapace_rest", false));

        assertEquals(1, new RegistryCalls(server).register("from-the-image", "\"string\""));
        server.sendTerm();
        assertEquals(0, server.awaitExit(Duration.ofSeconds(60)), server.logTail());
    }

    private JsonNode imageConfig() throws IOException, InterruptedException {
        Path image = Files.createDirectories(dir.resolve("image"));
        untar(IMAGE, image, "xf");
        JsonNode manifest = json.readTree(image.resolve("manifest.json").toFile()).get(0);
        return json.readTree(image.resolve(manifest.get("Config").asText()).toFile()).get("config");
    }

    private Path extractLayers() throws IOException, InterruptedException {
        Path image = Files.createDirectories(dir.resolve("layers"));
        untar(IMAGE, image, "xf");
        Path root = Files.createDirectories(dir.resolve("root"));
        for (JsonNode layer : json.readTree(image.resolve("manifest.json").toFile()).get(0).get("Layers")) {
            untar(image.resolve(layer.asText()), root, "xzf");
        }
        return root;
    }

    private static void untar(Path archive, Path into, String mode) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", mode, archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar " + mode + " " + archive);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
