package io.karapace.jvm.backup.cli;

import io.karapace.jvm.backup.Backup;
import io.karapace.jvm.backup.BackupFormat;
import io.karapace.jvm.backup.RecordSink;
import io.karapace.jvm.backup.V3Metadata;
import io.karapace.jvm.backup.kafka.TopicRestore;
import io.karapace.jvm.config.Config;
import io.karapace.jvm.kafka.KafkaClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code backup restore}: checks the whole backup first (a bad one exits 3 having produced nothing), then
 * creates the topic unless told not to and produces every record, tombstones included, in order.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Restore a backup (V3, V2, V1 or console-consumer text) into a topic.")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    private BackupCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--location", required = true, paramLabel = "PATH",
            description = "The backup: a V3 directory or metadata file, or a V2, V1 or console file.")
    private Path location;

    @Option(names = "--skip-topic-creation", description = "Restore into an existing topic; do not create it.")
    private boolean skipTopicCreation;

    @Option(names = "--override-replication-factor", paramLabel = "N",
            description = "Create the topic with this replication factor instead of the backup's.")
    private Integer overrideReplicationFactor;

    @Option(names = "--allow-non-empty", description = "Restore even into a topic that already holds records.")
    private boolean allowNonEmpty;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Backup backup = Backup.open(location);
        long records = validate(backup);
        Config config = kafka.load(parent.env, spec.commandLine().getErr());
        String topic = kafka.topic(config);
        KafkaClients clients = KafkaOptions.clients(config);
        try (Admin admin = clients.admin("restore", Map.of())) {
            prepareTopic(admin, topic, backup, config);
        }
        try (KafkaProducer<byte[], byte[]> producer = clients.producer("restore", producerSettings(config))) {
            TopicRestore.Sending sending = TopicRestore.sending(producer, topic);
            backup.read(sending);
            long sent = sending.finish();
            out.printf("Restored %,d records (%,d tombstones) from %s (format %s) to topic %s%n", sent,
                    sending.tombstones(), backup.file(), backup.format(), topic);
            return sent == records ? 0 : BackupCommand.FAILED;
        }
    }

    private static long validate(Backup backup) throws Exception {
        AtomicLong count = new AtomicLong();
        RecordSink counting = record -> count.incrementAndGet();
        backup.read(counting);
        return count.get();
    }

    private void prepareTopic(Admin admin, String topic, Backup backup, Config config) throws Exception {
        long existing = TopicRestore.existingRecords(admin, topic, KafkaOptions.ADMIN_TIMEOUT);
        if (existing > 0 && !allowNonEmpty) {
            throw new IllegalStateException("Topic " + topic + " already holds " + existing
                    + " records; restore into a new topic, or add --allow-non-empty to append to it");
        }
        if (existing < 0 && skipTopicCreation) {
            throw new IllegalStateException("Topic " + topic + " does not exist and --skip-topic-creation is set");
        }
        if (existing < 0) {
            int factor = replicationFactor(backup, config);
            Map<String, String> configs = backup.metadata().map(V3Metadata::topicConfigurations).orElse(Map.of());
            TopicRestore.create(admin, topic, factor, configs, KafkaOptions.ADMIN_TIMEOUT);
            spec.commandLine().getOut().printf("Created topic %s (1 partition, replication factor %d)%n", topic,
                    factor);
        }
    }

    // V3 keeps the factor in its metadata; the legacy formats use the config's (Karapace api.py
    // _handle_restore_topic and _handle_restore_topic_legacy).
    private int replicationFactor(Backup backup, Config config) {
        if (overrideReplicationFactor != null) {
            return overrideReplicationFactor;
        }
        return backup.format() == BackupFormat.V3 ? backup.metadata().orElseThrow().replicationFactor()
                : config.replicationFactor();
    }

    private static Map<String, Object> producerSettings(Config config) {
        return Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.producerMaxRequestSize());
    }
}
