package io.karapace.jvm.proxy.v3;

import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.proxy.SubjectNames;
import io.karapace.jvm.schema.SchemaProviders;
import java.util.concurrent.CompletionException;

/**
 * Produces one v3 record: the topic and partition must exist, key and value are encoded on the
 * caller's thread (any failure there is the client's), then the record is written and the call
 * waits for Kafka's acknowledgement.
 */
public final class V3Producer {
    private final ClusterAdmin admin;
    private final RecordWriter writer;
    private final DataEncoder encoder;

    /** {@code providers} parse schema texts whose record name the name strategy needs before registering. */
    public V3Producer(ClusterAdmin admin, RecordWriter writer, SchemaLookup schemas, SchemaProviders providers,
                      NameStrategy defaultStrategy) {
        this.admin = admin;
        this.writer = writer;
        this.encoder = new DataEncoder(schemas, new SubjectNames(providers), defaultStrategy);
    }

    public ProduceOutcome produce(ProduceCommand command) {
        int partitions = admin.partitionCount(command.topic(), command.partition() == null ? -1 : command.partition());
        if (command.partition() != null && (command.partition() < 0 || command.partition() >= partitions)) {
            throw V3Exception.unknownTopicOrPartition();
        }
        DataEncoder.Encoded key = command.key() == null ? null : encoder.encode(command.topic(), true, command.key());
        DataEncoder.Encoded value = command.value() == null ? null
                : encoder.encode(command.topic(), false, command.value());
        RecordWriter.Outgoing record = new RecordWriter.Outgoing(command.topic(), command.partition(),
                command.timestamp() == null ? null : command.timestamp().toEpochMilli(),
                key == null ? null : key.bytes(), value == null ? null : value.bytes(), command.headers());
        RecordWriter.Written written = await(record);
        return new ProduceOutcome(command.topic(), written.partition(), written.offset(), written.timestamp(),
                key == null ? null : key.side(), value == null ? null : value.side());
    }

    private RecordWriter.Written await(RecordWriter.Outgoing record) {
        try {
            return writer.write(record).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
