package io.karapace.jvm.conformance.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts server processes on one broker. The jar and work directory come from the system
 * properties {@code karapace.jar} and {@code conformance.workDir} that the module's pom sets.
 */
public final class ServerLauncher {

    private final Path jar;
    private final Path workDir;
    private final String bootstrapServers;
    private final Map<String, Object> baseConfig;

    public ServerLauncher(Path jar, Path workDir, String bootstrapServers) {
        this(jar, workDir, bootstrapServers, Map.of("karapace_rest", false));
    }

    private ServerLauncher(Path jar, Path workDir, String bootstrapServers, Map<String, Object> baseConfig) {
        this.jar = jar;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.baseConfig = baseConfig;
    }

    /** A launcher whose servers also get these config keys (before each start's own extras). */
    public ServerLauncher with(Map<String, Object> config) {
        Map<String, Object> merged = new LinkedHashMap<>(baseConfig);
        merged.putAll(config);
        return new ServerLauncher(jar, workDir, bootstrapServers, merged);
    }

    public static ServerLauncher on(KafkaHarness kafka) {
        return new ServerLauncher(
                Path.of(System.getProperty("karapace.jar", "../impl/target/karapace-jvm.jar")).toAbsolutePath(),
                Path.of(System.getProperty("conformance.workDir", "target/conformance")).toAbsolutePath(),
                kafka.bootstrapServers());
    }

    /** A topic name no other server in this run uses. */
    public static String uniqueTopic(String purpose) {
        return "_schemas_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ServerProcess start(String topic) {
        return start(topic, Map.of());
    }

    /** A server storing in {@code topic}; {@code extraConfig} adds or overrides config keys. */
    public ServerProcess start(String topic, Map<String, Object> extraConfig) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap_uri", bootstrapServers);
        config.put("topic_name", topic);
        // one election group per topic: servers of other topics on the same broker must not elect together
        config.put("group_id", "registry" + topic);
        config.put("log_level", "INFO");
        config.putAll(baseConfig);
        config.putAll(extraConfig);
        return ServerProcess.start(jar, workDir, config);
    }
}
