package io.karapace.serdes.json;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The configs of {@link KafkaJsonSchemaSerializer}: the shared ones plus Confluent's {@code json.fail.invalid.schema}. */
public class KafkaJsonSchemaSerializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";

    public KafkaJsonSchemaSerializerConfig(Map<?, ?> props) {
        super(withFailInvalidSchema(baseConfigDef()), props);
    }

    static ConfigDef withFailInvalidSchema(ConfigDef definition) {
        return definition.define(FAIL_INVALID_SCHEMA, Type.BOOLEAN, false, Importance.MEDIUM,
                "Validate each value against its JSON Schema and fail with a SerializationException if it does not conform.");
    }

    public boolean failInvalidSchema() {
        return getBoolean(FAIL_INVALID_SCHEMA);
    }
}
