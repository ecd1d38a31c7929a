package io.karapace.serdes.avro;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The configs of {@link KafkaAvroDeserializer}: the shared ones plus {@code specific.avro.reader}. */
public class KafkaAvroDeserializerConfig extends AbstractKafkaSchemaSerDeConfig {

    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";

    public KafkaAvroDeserializerConfig(Map<?, ?> props) {
        super(baseConfigDef().define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                "Read records as the generated SpecificRecord class named by the writer's schema, "
                        + "with that class's schema as reader schema; else as GenericRecord."), props);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }
}
