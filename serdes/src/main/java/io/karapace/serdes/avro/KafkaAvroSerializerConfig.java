package io.karapace.serdes.avro;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;

/** The configs of {@link KafkaAvroSerializer}: the shared ones of {@link AbstractKafkaSchemaSerDeConfig}. */
public class KafkaAvroSerializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public KafkaAvroSerializerConfig(Map<?, ?> props) {
        super(baseConfigDef(), props);
    }
}
