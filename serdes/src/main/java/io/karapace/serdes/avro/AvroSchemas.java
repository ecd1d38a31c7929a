package io.karapace.serdes.avro;

import io.karapace.serdes.client.SchemaString;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a Java value, as Confluent's {@code AvroSchemaUtils.getSchema} maps it. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    /** null, Boolean, Integer, Long, Float, Double, CharSequence, byte[]/ByteBuffer, or a record's own schema. */
    static Schema schemaOf(Object value) {
        if (value == null) {
            return Schema.create(Schema.Type.NULL);
        }
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type = primitiveType(value);
        if (type == null) {
            throw new SerializationException("Unsupported Avro type " + value.getClass().getName()
                    + ". Supported types are null, Boolean, Integer, Long, Float, Double, String, byte[] and IndexedRecord");
        }
        return Schema.create(type);
    }

    private static Schema.Type primitiveType(Object value) {
        if (value instanceof Boolean) {
            return Schema.Type.BOOLEAN;
        } else if (value instanceof Integer) {
            return Schema.Type.INT;
        } else if (value instanceof Long) {
            return Schema.Type.LONG;
        } else if (value instanceof Float) {
            return Schema.Type.FLOAT;
        } else if (value instanceof Double) {
            return Schema.Type.DOUBLE;
        } else if (value instanceof CharSequence) {
            return Schema.Type.STRING;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.Type.BYTES;
        }
        return null;
    }

    static Schema parse(SchemaString schema) {
        if (!SchemaString.AVRO.equals(schema.schemaType())) {
            throw new SerializationException("Schema type " + schema.schemaType() + " is not Avro");
        }
        return new Schema.Parser().parse(schema.schema());
    }

    /** Whether data written with {@code writer} can be read with {@code reader}. */
    static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
