package io.karapace.serdes.protobuf;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configs of {@link KafkaProtobufDeserializer}, with the names and defaults of Confluent's
 * {@code KafkaProtobufDeserializerConfig}: {@code specific.protobuf.key.type} /
 * {@code specific.protobuf.value.type}, a generated message class; {@code Object} (the default) reads a
 * {@code DynamicMessage}.
 */
public class KafkaProtobufDeserializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public static final String SPECIFIC_PROTOBUF_KEY_TYPE = "specific.protobuf.key.type";
    public static final String SPECIFIC_PROTOBUF_VALUE_TYPE = "specific.protobuf.value.type";

    public KafkaProtobufDeserializerConfig(Map<?, ?> props) {
        super(baseConfigDef()
                .define(SPECIFIC_PROTOBUF_KEY_TYPE, Type.CLASS, Object.class, Importance.MEDIUM,
                        "The generated message class keys are read into; Object: a DynamicMessage.")
                .define(SPECIFIC_PROTOBUF_VALUE_TYPE, Type.CLASS, Object.class, Importance.MEDIUM,
                        "The generated message class values are read into; Object: a DynamicMessage."), props);
    }

    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_PROTOBUF_KEY_TYPE : SPECIFIC_PROTOBUF_VALUE_TYPE);
    }
}
