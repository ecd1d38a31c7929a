package io.karapace.jvm.backup.cli;

import io.karapace.jvm.backup.BackupFormat;
import io.karapace.jvm.backup.BackupOutput;
import io.karapace.jvm.backup.kafka.TopicSnapshot;
import io.karapace.jvm.config.Config;
import io.karapace.jvm.kafka.KafkaClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import io.karapace.jvm.backup.BackupRecord;

/** {@code backup get}: copies the topic up to its end offset at start into a V3 directory or a V2 file. */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Back up the topic (read-only) up to its end offset at start.")
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    private BackupCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--location", required = true, paramLabel = "PATH",
            description = "Where to write: a directory for v3, a file for v2.")
    private Path location;

    @Option(names = "--overwrite", description = "Replace --location if it exists.")
    private boolean overwrite;

    @Option(names = "--format", defaultValue = "v3", paramLabel = "v2|v3",
            description = "Backup format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--use-format-v3", hidden = true, description = "Karapace's flag; v3 is the default here.")
    private boolean useFormatV3;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor stored in v3 metadata (default: the topic's).")
    private Integer replicationFactor;

    @Option(names = "--poll-timeout", defaultValue = "PT1M", paramLabel = "DURATION",
            description = "Give up when no record arrives for this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration pollTimeout;

    @Override
    public Integer call() throws Exception {
        BackupFormat chosen = chosenFormat();
        PrintWriter out = spec.commandLine().getOut();
        Config config = kafka.load(parent.env, spec.commandLine().getErr());
        String topic = kafka.topic(config);
        KafkaClients clients = KafkaOptions.clients(config);
        long startedAt = System.currentTimeMillis();
        try (Admin admin = clients.admin("backup", Map.of());
             KafkaConsumer<byte[], byte[]> consumer = clients.consumer("backup", consumerSettings());
             BackupOutput output = BackupOutput.create(location, chosen, topic, overwrite)) {
            TopicSnapshot.Description description = TopicSnapshot.describe(admin, topic, KafkaOptions.ADMIN_TIMEOUT);
            TopicSnapshot.Range range = TopicSnapshot.start(consumer, topic);
            Progress progress = new Progress(out, System.console() != null, range.start(), range.end());
            TopicSnapshot.copy(consumer, topic, range, pollTimeout, record -> {
                write(output, record);
                progress.update(output.records(), output.bytes(), record.offset());
            });
            progress.done();
            output.commit(facts(description, startedAt));
            String offsets = range.isEmpty() ? "empty" : "offsets " + range.start() + ".." + (range.end() - 1);
            out.printf("Backed up %,d records (%s) of topic %s (%s) to %s in format %s in %.1f s%n",
                    output.records(), Progress.size(output.bytes()), topic, offsets,
                    location.toAbsolutePath(), chosen, progress.seconds());
        }
        return 0;
    }

    private BackupFormat chosenFormat() {
        return switch (useFormatV3 ? "v3" : format.toLowerCase(Locale.ROOT)) {
            case "v3" -> BackupFormat.V3;
            case "v2" -> BackupFormat.V2;
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--format': '" + format + "' is not one of v2, v3");
        };
    }

    private BackupOutput.Facts facts(TopicSnapshot.Description description, long startedAt) {
        int factor = replicationFactor != null ? replicationFactor : description.replicationFactor();
        return new BackupOutput.Facts(ToolVersion.NUMBER, startedAt, description.topic(),
                Optional.of(description.topicId()), factor, description.configs());
    }

    private static Map<String, Object> consumerSettings() {
        return Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private static void write(BackupOutput output, BackupRecord record) {
        try {
            output.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
