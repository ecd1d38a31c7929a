package io.karapace.serdes.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.RegistryClients;
import io.karapace.serdes.WireFormat;
import io.karapace.serdes.client.BoundedCache;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaMetadata;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import io.karapace.serdes.subject.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes JSON values in Confluent's wire format: magic byte 0, the schema id (4 bytes big-endian), then the
 * value as UTF-8 JSON (Jackson), as Confluent's {@code KafkaJsonSchemaSerializer}. The schema comes with the
 * value as an envelope ({@link JsonSchemaUtils#envelope}, Confluent's {@code JsonSchemaUtils.envelope}), from
 * the value's class annotation {@link io.karapace.serdes.annotations.Schema} (Confluent's {@code @Schema}), or,
 * for another POJO or {@code JsonNode}, from the registry: {@code use.schema.id} or {@code use.latest.version}
 * with {@code auto.register.schemas=false}. Unlike Confluent, no schema is generated from a POJO's class.
 * With {@code json.fail.invalid.schema} the value is validated against the schema before it is written.
 */
public class KafkaJsonSchemaSerializer<T> implements Serializer<T> {

    public static final String SCHEMA_TYPE = "JSON";

    private SchemaRegistryClient client;
    private KafkaJsonSchemaSerializerConfig config;
    private boolean isKey;
    private SubjectNameStrategy subjectNameStrategy;
    private BoundedCache<SubjectAndSchema, Target> targets;
    private BoundedCache<String, Schema> validators;

    private record Target(int id, String schema) {
    }

    /** {@code schema} null: the value came without one. */
    private record SubjectAndSchema(String subject, String schema) {
    }

    public KafkaJsonSchemaSerializer() {
    }

    public KafkaJsonSchemaSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaJsonSchemaSerializer(SchemaRegistryClient client, Map<String, ?> props) {
        this(client, props, false);
    }

    public KafkaJsonSchemaSerializer(SchemaRegistryClient client, Map<String, ?> props, boolean isKey) {
        this.client = client;
        configure(props, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.config = new KafkaJsonSchemaSerializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        subjectNameStrategy = config.getConfiguredInstance(isKey ? AbstractKafkaSchemaSerDeConfig.KEY_SUBJECT_NAME_STRATEGY
                : AbstractKafkaSchemaSerDeConfig.VALUE_SUBJECT_NAME_STRATEGY, SubjectNameStrategy.class);
        int capacity = config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG);
        targets = new BoundedCache<>(capacity);
        validators = new BoundedCache<>(capacity);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaJsonSchemaSerializer is not configured");
        }
        String schema = null;
        Object payload = value;
        if (JsonSchemaUtils.isEnvelope(value)) {
            JsonNode envelope = (JsonNode) value;
            schema = envelope.get(JsonSchemaUtils.ENVELOPE_SCHEMA).toString();
            payload = envelope.get(JsonSchemaUtils.ENVELOPE_PAYLOAD);
        } else {
            io.karapace.serdes.annotations.Schema annotated = value.getClass().getAnnotation(io.karapace.serdes.annotations.Schema.class);
            schema = annotated == null ? null : annotated.value();
        }
        String subject = subjectNameStrategy.subjectName(topic, isKey, SCHEMA_TYPE,
                schema == null ? null : JsonSchemaUtils.title(schema));
        Target target = target(subject, schema);
        byte[] json;
        try {
            json = JsonSchemaUtils.MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Error serializing JSON message", e);
        }
        if (config.failInvalidSchema()) {
            validate(target, json);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + WireFormat.HEADER_LENGTH);
        out.writeBytes(WireFormat.header(target.id()));
        out.writeBytes(json);
        return out.toByteArray();
    }

    private void validate(Target target, byte[] json) {
        Schema validator;
        try {
            validator = validators.get(target.schema(), () -> JsonSchemaUtils.compile(target.schema()));
        } catch (IOException | RestClientException e) {
            throw new IllegalStateException(e);
        }
        JsonSchemaUtils.validate(validator, new String(json, java.nio.charset.StandardCharsets.UTF_8), target.id());
    }

    private Target target(String subject, String schema) {
        try {
            return targets.get(new SubjectAndSchema(subject, schema), () -> resolve(subject, schema));
        } catch (IOException e) {
            throw new SerializationException("Error serializing JSON message: registry unreachable for subject " + subject, e);
        } catch (RestClientException e) {
            String action = config.autoRegisterSchema() && schema != null ? "registering" : "retrieving";
            throw new SerializationException("Error " + action + " JSON schema for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    // the order of Confluent's AbstractKafkaJsonSchemaSerializer: register, use.schema.id, use.latest.version, look up
    private Target resolve(String subject, String schema) throws IOException, RestClientException {
        if (schema != null && config.autoRegisterSchema()) {
            return new Target(client.register(subject, new SchemaString(SCHEMA_TYPE, schema), config.normalizeSchema()), schema);
        }
        if (config.useSchemaId() >= 0) {
            return new Target(config.useSchemaId(), jsonSchema(client.getSchemaById(config.useSchemaId()), config.useSchemaId()));
        }
        if (config.useLatestVersion()) {
            SchemaMetadata latest = client.getLatestSchemaMetadata(subject);
            return new Target(latest.id(), jsonSchema(latest.schema(), latest.id()));
        }
        if (schema == null) {
            throw new SerializationException("A " + (isKey ? "key" : "value") + " without a JSON Schema: wrap it with "
                    + "JsonSchemaUtils.envelope(schema, value), annotate its class with @io.karapace.serdes.annotations.Schema, or set auto.register.schemas=false with use.latest.version=true "
                    + "or use.schema.id (no schema is generated from a class)");
        }
        return new Target(client.getId(subject, new SchemaString(SCHEMA_TYPE, schema), config.normalizeSchema()), schema);
    }

    private static String jsonSchema(SchemaString registered, int id) {
        if (!Objects.equals(SCHEMA_TYPE, registered.schemaType())) {
            throw new SerializationException("Schema " + id + " is " + registered.schemaType() + ", not JSON");
        }
        return registered.schema();
    }

    @Override
    public void close() {
    }
}
