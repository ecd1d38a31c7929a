package io.karapace.serdes.avro;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.RegistryClients;
import io.karapace.serdes.WireFormat;
import io.karapace.serdes.client.BoundedCache;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format: checks the magic byte, fetches the writer's schema by id (once per
 * id), then decodes the Avro binary. Records come back as {@code GenericRecord}, or as the generated
 * class named by the writer's schema with {@code specific.avro.reader}; that class's schema is the
 * reader schema, so an older class reads data of a newer compatible schema. Strings come back as
 * {@code String} and bytes as {@code byte[]}, as in Confluent's {@code AbstractKafkaAvroDeserializer}.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    /** Avro (1.11.4 and later) loads generated classes named by a schema only from packages listed here. */
    public static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private SchemaRegistryClient client;
    private boolean specificReader;
    private BoundedCache<Integer, Schema> writerSchemas;
    private final Map<String, Schema> specificReaderSchemas = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {
    }

    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> props) {
        this.client = client;
        configure(props, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        KafkaAvroDeserializerConfig config = new KafkaAvroDeserializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        specificReader = config.specificAvroReader();
        writerSchemas = new BoundedCache<>(config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG));
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, data, null);
    }

    /** Reads with the given reader schema (null: the writer's, or the specific class's with {@code specific.avro.reader}). */
    public Object deserialize(String topic, byte[] data, Schema readerSchema) {
        if (data == null) {
            return null;
        }
        if (writerSchemas == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured");
        }
        ByteBuffer buffer = WireFormat.open(data);
        int id = WireFormat.schemaId(buffer);
        Schema writer = writerSchema(id);
        try {
            return read(writer, readerSchema, data, buffer.position());
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Error deserializing Avro message for id " + id, e);
        } catch (SecurityException e) {
            throw new SerializationException("Avro refused to load the class of schema " + id + " (" + writer.getFullName()
                    + "); trust its package with -D" + TRUSTED_PACKAGES_PROPERTY + "=<package>", e);
        }
    }

    private Object read(Schema writer, Schema requestedReader, byte[] data, int offset) throws IOException {
        if (writer.getType() == Schema.Type.BYTES) {
            byte[] bytes = new byte[data.length - offset];
            System.arraycopy(data, offset, bytes, 0, bytes.length);
            return bytes;
        }
        Schema reader = requestedReader != null ? requestedReader : specificReader ? specificReaderSchema(writer) : writer;
        DatumReader<Object> datumReader = specificReader
                ? new SpecificDatumReader<>(writer, reader) : new GenericDatumReader<>(writer, reader);
        Object result = datumReader.read(null, DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, null));
        return writer.getType() == Schema.Type.STRING ? result.toString() : result;
    }

    private Schema writerSchema(int id) {
        try {
            return writerSchemas.get(id, () -> AvroSchemas.parse(client.getSchemaById(id)));
        } catch (IOException e) {
            throw new SerializationException("Error retrieving Avro schema for id " + id + ": registry unreachable", e);
        } catch (RestClientException e) {
            throw new SerializationException("Error retrieving Avro schema for id " + id + ": " + e.getMessage(), e);
        }
    }

    /** The schema of the generated class named by a record schema; other types read as written. */
    private Schema specificReaderSchema(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD) {
            return writer;
        }
        return specificReaderSchemas.computeIfAbsent(writer.getFullName(), name -> {
            Class<?> type;
            try {
                type = SpecificData.get().getClass(writer);
            } catch (SecurityException e) {
                throw new SerializationException("Avro refused to load class " + name + "; trust its package with -D"
                        + TRUSTED_PACKAGES_PROPERTY + "=<package>", e);
            }
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new SerializationException("Could not find class " + name
                        + " specified in writer's schema whilst finding reader's schema for a SpecificRecord.");
            }
            try {
                return ((SpecificRecord) type.getConstructor().newInstance()).getSchema();
            } catch (ReflectiveOperationException e) {
                throw new SerializationException("Could not instantiate " + name + " to find its schema", e);
            }
        });
    }

    @Override
    public void close() {
    }
}
