package io.karapace.jvm.backup.cli;

import io.karapace.jvm.config.Config;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.kafka.KafkaClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config} and {@code --topic} of {@code get} and {@code restore}. The config is the server's
 * (the same JSON file and KARAPACE_* variables); with no {@code bootstrap_uri} the backup talks to the
 * embedded broker of a server running on that config, at {@code 127.0.0.1:embedded_kafka_port}.
 */
final class KafkaOptions {
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Karapace JSON config file.")
    Path config;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic; the config's topic_name when not given.")
    String topic;

    Config load(Map<String, String> env, PrintWriter err) {
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.of(config), env);
        loaded.warnings().forEach(warning -> err.println("karapace-jvm backup: warning: " + warning));
        return loaded.config();
    }

    String topic(Config loaded) {
        return topic != null ? topic : loaded.topicName();
    }

    static KafkaClients clients(Config config) {
        String bootstrap = config.bootstrapUri().orElse("127.0.0.1:" + config.embeddedKafkaPort());
        return KafkaClients.fromConfig(config, bootstrap);
    }
}
