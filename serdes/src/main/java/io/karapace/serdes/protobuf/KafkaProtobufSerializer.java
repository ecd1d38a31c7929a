package io.karapace.serdes.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.RegistryClients;
import io.karapace.serdes.WireFormat;
import io.karapace.serdes.client.BoundedCache;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import io.karapace.serdes.subject.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Protobuf messages (generated classes or {@code DynamicMessage}) in Confluent's wire format:
 * magic byte 0, the schema id (4 bytes big-endian), the message indexes ({@link MessageIndexes}), then the
 * message's binary encoding, as Confluent's {@code KafkaProtobufSerializer}. The schema is the message's
 * file rendered as {@code .proto} text; the subject name strategies see the message's full name. The id
 * comes from registering, {@code use.schema.id}, {@code use.latest.version} or a lookup, as for Avro.
 * Unlike Confluent, imported files are not registered as references: only imports the registry resolves
 * itself (Google's well-known types) work.
 */
public class KafkaProtobufSerializer<T extends Message> implements Serializer<T> {

    public static final String SCHEMA_TYPE = "PROTOBUF";

    private SchemaRegistryClient client;
    private KafkaProtobufSerializerConfig config;
    private boolean isKey;
    private SubjectNameStrategy subjectNameStrategy;
    private BoundedCache<SubjectAndFile, Integer> ids;
    private final Map<FileDescriptor, String> texts = new ConcurrentHashMap<>();

    private record SubjectAndFile(String subject, FileDescriptor file) {
    }

    public KafkaProtobufSerializer() {
    }

    public KafkaProtobufSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaProtobufSerializer(SchemaRegistryClient client, Map<String, ?> props) {
        this(client, props, false);
    }

    public KafkaProtobufSerializer(SchemaRegistryClient client, Map<String, ?> props, boolean isKey) {
        this.client = client;
        configure(props, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.config = new KafkaProtobufSerializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        subjectNameStrategy = config.getConfiguredInstance(isKey ? AbstractKafkaSchemaSerDeConfig.KEY_SUBJECT_NAME_STRATEGY
                : AbstractKafkaSchemaSerDeConfig.VALUE_SUBJECT_NAME_STRATEGY, SubjectNameStrategy.class);
        ids = new BoundedCache<>(config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG));
    }

    @Override
    public byte[] serialize(String topic, T message) {
        if (message == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaProtobufSerializer is not configured");
        }
        Descriptor descriptor = message.getDescriptorForType();
        String subject = subjectNameStrategy.subjectName(topic, isKey, SCHEMA_TYPE, descriptor.getFullName());
        int id = id(subject, descriptor.getFile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(id));
        out.writeBytes(MessageIndexes.encode(MessageIndexes.of(descriptor)));
        out.writeBytes(message.toByteArray());
        return out.toByteArray();
    }

    /** The schema text registered for a file: its {@code .proto} rendering. */
    public String schemaText(FileDescriptor file) {
        try {
            return texts.computeIfAbsent(file, ProtoText::render);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot write the schema of " + file.getName() + ": " + e.getMessage(), e);
        }
    }

    private int id(String subject, FileDescriptor file) {
        try {
            return ids.get(new SubjectAndFile(subject, file), () -> resolve(subject, file));
        } catch (IOException e) {
            throw new SerializationException("Error serializing Protobuf message: registry unreachable for subject " + subject, e);
        } catch (RestClientException e) {
            String action = config.autoRegisterSchema() ? "registering" : "retrieving";
            throw new SerializationException("Error " + action + " Protobuf schema for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private int resolve(String subject, FileDescriptor file) throws IOException, RestClientException {
        SchemaString schema = new SchemaString(SCHEMA_TYPE, schemaText(file));
        if (config.autoRegisterSchema()) {
            return client.register(subject, schema, config.normalizeSchema());
        }
        if (config.useSchemaId() >= 0) {
            return config.useSchemaId();
        }
        if (config.useLatestVersion()) {
            return client.getLatestSchemaMetadata(subject).id();
        }
        return client.getId(subject, schema, config.normalizeSchema());
    }

    @Override
    public void close() {
    }
}
