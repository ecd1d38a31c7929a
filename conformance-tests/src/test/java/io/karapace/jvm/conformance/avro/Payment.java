package io.karapace.jvm.conformance.avro;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * An "old" generated class, hand-written as avro-maven-plugin would generate it, of version 1 of
 * {@code io.karapace.jvm.conformance.avro.Payment}: only {@code id}. Producers in the tests write
 * version 2, which adds {@code amount} with a default.
 */
public class Payment extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\","
            + "\"namespace\":\"io.karapace.jvm.conformance.avro\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

    private CharSequence id;

    public Payment() {
    }

    public Payment(CharSequence id) {
        this.id = id;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    public CharSequence getId() {
        return id;
    }

    @Override
    public Object get(int field) {
        if (field == 0) {
            return id;
        }
        throw new IndexOutOfBoundsException("Invalid index: " + field);
    }

    @Override
    public void put(int field, Object value) {
        if (field != 0) {
            throw new IndexOutOfBoundsException("Invalid index: " + field);
        }
        id = (CharSequence) value;
    }
}
