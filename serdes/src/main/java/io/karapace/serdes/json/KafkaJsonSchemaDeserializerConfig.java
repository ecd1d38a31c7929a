package io.karapace.serdes.json;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configs of {@link KafkaJsonSchemaDeserializer}, with the names and defaults of Confluent's
 * {@code KafkaJsonSchemaDeserializerConfig}: {@code json.key.type} / {@code json.value.type} (the class to
 * read into; {@code Object}, the default, reads Jackson's plain {@code Map}s and {@code List}s; {@code JsonNode} the tree), {@code json.fail.invalid.schema} and
 * {@code json.fail.unknown.properties}.
 */
public class KafkaJsonSchemaDeserializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public static final String JSON_KEY_TYPE = "json.key.type";
    public static final String JSON_VALUE_TYPE = "json.value.type";
    public static final String FAIL_UNKNOWN_PROPERTIES = "json.fail.unknown.properties";

    public KafkaJsonSchemaDeserializerConfig(Map<?, ?> props) {
        super(KafkaJsonSchemaSerializerConfig.withFailInvalidSchema(baseConfigDef())
                .define(JSON_KEY_TYPE, Type.CLASS, Object.class, Importance.MEDIUM,
                        "The class keys are read into; Object: Map, List, String, Number or Boolean.")
                .define(JSON_VALUE_TYPE, Type.CLASS, Object.class, Importance.MEDIUM,
                        "The class values are read into; Object: Map, List, String, Number or Boolean.")
                .define(FAIL_UNKNOWN_PROPERTIES, Type.BOOLEAN, true, Importance.LOW,
                        "Fail when the JSON has a property the target class does not."), props);
    }

    public boolean failInvalidSchema() {
        return getBoolean(KafkaJsonSchemaSerializerConfig.FAIL_INVALID_SCHEMA);
    }

    public boolean failUnknownProperties() {
        return getBoolean(FAIL_UNKNOWN_PROPERTIES);
    }

    public Class<?> type(boolean isKey) {
        return getClass(isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE);
    }
}
