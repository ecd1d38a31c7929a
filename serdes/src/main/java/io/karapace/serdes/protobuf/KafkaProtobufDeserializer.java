package io.karapace.serdes.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.RegistryClients;
import io.karapace.serdes.WireFormat;
import io.karapace.serdes.client.BoundedCache;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's Protobuf wire format: magic byte, schema id, message indexes, message. With
 * {@code specific.protobuf.value.type} / {@code specific.protobuf.key.type} the message is parsed into that
 * generated class (its parser; the registry is not asked). Otherwise the writer's schema is fetched once per
 * id as its {@code FileDescriptorProto} ({@code GET /schemas/ids/{id}?format=serialized}), the indexes pick
 * the message, and a {@code DynamicMessage} comes back. Imports other than Google's well-known types
 * (schema references) are not resolved.
 */
public class KafkaProtobufDeserializer<T extends Message> implements Deserializer<T> {

    private static final Map<String, FileDescriptor> WELL_KNOWN = Stream.of(AnyProto.getDescriptor(),
                    ApiProto.getDescriptor(), DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(),
                    EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(), SourceContextProto.getDescriptor(),
                    StructProto.getDescriptor(), TimestampProto.getDescriptor(), TypeProto.getDescriptor(),
                    WrappersProto.getDescriptor())
            .collect(Collectors.toUnmodifiableMap(FileDescriptor::getName, Function.identity()));

    private SchemaRegistryClient client;
    private KafkaProtobufDeserializerConfig config;
    private Parser<? extends Message> specificParser;
    private BoundedCache<Integer, FileDescriptor> files;

    public KafkaProtobufDeserializer() {
    }

    public KafkaProtobufDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaProtobufDeserializer(SchemaRegistryClient client, Map<String, ?> props) {
        this(client, props, false);
    }

    public KafkaProtobufDeserializer(SchemaRegistryClient client, Map<String, ?> props, boolean isKey) {
        this.client = client;
        configure(props, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        config = new KafkaProtobufDeserializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        Class<?> type = config.specificType(isKey);
        specificParser = type == null || type == Object.class || type == DynamicMessage.class ? null : parserOf(type);
        files = new BoundedCache<>(config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG));
    }

    private static Parser<? extends Message> parserOf(Class<?> type) {
        if (!Message.class.isAssignableFrom(type)) {
            throw new org.apache.kafka.common.config.ConfigException(type.getName() + " is not a Protobuf message class");
        }
        try {
            return ((Message) type.getMethod("getDefaultInstance").invoke(null)).getParserForType();
        } catch (ReflectiveOperationException e) {
            throw new org.apache.kafka.common.config.ConfigException("Not a generated Protobuf class: " + type.getName());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaProtobufDeserializer is not configured");
        }
        ByteBuffer buffer = WireFormat.open(data);
        int id = WireFormat.schemaId(buffer);
        List<Integer> indexes = MessageIndexes.read(buffer);
        try {
            if (specificParser != null) {
                return (T) specificParser.parseFrom(data, buffer.position(), buffer.remaining());
            }
            Descriptor descriptor = MessageIndexes.find(file(id), indexes);
            return (T) DynamicMessage.parseFrom(descriptor,
                    com.google.protobuf.CodedInputStream.newInstance(data, buffer.position(), buffer.remaining()));
        } catch (IOException e) { // InvalidProtocolBufferException for malformed data
            throw new SerializationException("Error deserializing Protobuf message for id " + id, e);
        }
    }

    private FileDescriptor file(int id) {
        try {
            return files.get(id, () -> {
                SchemaString serialized = client.getSchemaById(id, SchemaRegistryClient.SERIALIZED);
                if (!KafkaProtobufSerializer.SCHEMA_TYPE.equals(serialized.schemaType())) {
                    throw new SerializationException("Schema " + id + " is " + serialized.schemaType() + ", not PROTOBUF");
                }
                return build(FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized.schema())), id);
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Error retrieving Protobuf schema for id " + id + ": " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new SerializationException("Error retrieving Protobuf schema for id " + id + ": " + e.getMessage(), e);
        }
    }

    private static FileDescriptor build(FileDescriptorProto proto, int id) {
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            FileDescriptor known = WELL_KNOWN.get(dependency);
            if (known == null) {
                throw new SerializationException("Schema " + id + " imports " + dependency
                        + "; schema references are not supported by this deserializer yet");
            }
            dependencies.add(known);
        }
        try {
            return FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new SerializationException("Schema " + id + " is not a valid Protobuf file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
