package io.karapace.serdes.avro;

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
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in Confluent's wire format: magic byte 0, the schema id (4 bytes big-endian),
 * then the Avro binary encoding. {@code byte[]} and {@code ByteBuffer} values are written raw after
 * the header, as Confluent's {@code AbstractKafkaAvroSerializer} does. The id comes, in this order of
 * precedence, from registering the schema ({@code auto.register.schemas}), from {@code use.schema.id},
 * from the subject's latest version ({@code use.latest.version}), or from looking the schema up.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient client;
    private KafkaAvroSerializerConfig config;
    private boolean isKey;
    private SubjectNameStrategy subjectNameStrategy;
    private BoundedCache<SubjectAndSchema, Target> targets;

    /** The id to write and the schema to write with. */
    private record Target(int id, Schema writerSchema) {
    }

    private record SubjectAndSchema(String subject, Schema schema) {
    }

    public KafkaAvroSerializer() {
    }

    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> props) {
        this(client, props, false);
    }

    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> props, boolean isKey) {
        this.client = client;
        configure(props, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.config = new KafkaAvroSerializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        String strategyKey = isKey ? AbstractKafkaSchemaSerDeConfig.KEY_SUBJECT_NAME_STRATEGY
                : AbstractKafkaSchemaSerDeConfig.VALUE_SUBJECT_NAME_STRATEGY;
        subjectNameStrategy = config.getConfiguredInstance(strategyKey, SubjectNameStrategy.class);
        targets = new BoundedCache<>(config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG));
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured");
        }
        Schema schema = AvroSchemas.schemaOf(value);
        String subject = subjectNameStrategy.subjectName(topic, isKey, schema);
        Target target = target(subject, schema);
        return encode(target, value);
    }

    private Target target(String subject, Schema schema) {
        try {
            return targets.get(new SubjectAndSchema(subject, schema), () -> resolve(subject, schema));
        } catch (IOException e) {
            throw new SerializationException("Error serializing Avro message: registry unreachable for subject " + subject, e);
        } catch (RestClientException e) {
            String action = config.autoRegisterSchema() ? "registering" : "retrieving";
            throw new SerializationException("Error " + action + " Avro schema for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private Target resolve(String subject, Schema schema) throws IOException, RestClientException {
        SchemaString text = SchemaString.avro(schema.toString());
        if (config.autoRegisterSchema()) {
            return new Target(client.register(subject, text, config.normalizeSchema()), schema);
        }
        if (config.useSchemaId() >= 0) {
            return byConfiguredId(schema);
        }
        if (config.useLatestVersion()) {
            return latest(subject, schema);
        }
        return new Target(client.getId(subject, text, config.normalizeSchema()), schema);
    }

    private Target byConfiguredId(Schema schema) throws IOException, RestClientException {
        int id = config.useSchemaId();
        Schema registered = AvroSchemas.parse(client.getSchemaById(id));
        if (config.idCompatibilityStrict() && !AvroSchemas.canRead(registered, schema)) {
            throw new SerializationException("Schema " + id + " cannot read data of schema " + schema
                    + "; set " + AbstractKafkaSchemaSerDeConfig.ID_COMPATIBILITY_STRICT + "=false to skip this check");
        }
        return new Target(id, registered);
    }

    private Target latest(String subject, Schema schema) throws IOException, RestClientException {
        SchemaMetadata latest = client.getLatestSchemaMetadata(subject);
        Schema latestSchema = AvroSchemas.parse(latest.schema());
        if (config.latestCompatibilityStrict() && !AvroSchemas.canRead(latestSchema, schema)) {
            throw new SerializationException("The latest schema of subject " + subject + " (id " + latest.id()
                    + ") cannot read data of schema " + schema + "; set "
                    + AbstractKafkaSchemaSerDeConfig.LATEST_COMPATIBILITY_STRICT + "=false to skip this check");
        }
        return new Target(latest.id(), latestSchema);
    }

    private static byte[] encode(Target target, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(target.id()));
        if (value instanceof byte[] bytes) {
            out.writeBytes(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            out.writeBytes(bytes);
        } else {
            writeAvro(target.writerSchema(), value, out);
        }
        return out.toByteArray();
    }

    private static void writeAvro(Schema writerSchema, Object value, ByteArrayOutputStream out) {
        // the model from the value's class: SpecificData.getForSchema would load that class by name,
        // which Avro's class validator refuses outside its trusted packages
        DatumWriter<Object> writer = value instanceof SpecificRecord
                ? new SpecificDatumWriter<>(writerSchema, SpecificData.getForClass(value.getClass()))
                : new GenericDatumWriter<>(writerSchema);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message", e);
        }
    }

    @Override
    public void close() {
    }
}
