package io.karapace.serdes.protobuf;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;

/** The configs of {@link KafkaProtobufSerializer}: the shared ones of {@link AbstractKafkaSchemaSerDeConfig}. */
public class KafkaProtobufSerializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public KafkaProtobufSerializerConfig(Map<?, ?> props) {
        super(baseConfigDef(), props);
    }
}
