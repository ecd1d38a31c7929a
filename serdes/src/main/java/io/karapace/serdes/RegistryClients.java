package io.karapace.serdes;

import io.karapace.serdes.client.CachedSchemaRegistryClient;
import io.karapace.serdes.client.SchemaRegistryClient;
import org.apache.kafka.common.config.ConfigException;

/** Builds the registry client of a serializer or deserializer from its configs. */
public final class RegistryClients {

    private RegistryClients() {
    }

    public static SchemaRegistryClient create(AbstractKafkaSchemaSerDeConfig config) {
        try {
            return new CachedSchemaRegistryClient(config.getList(AbstractKafkaSchemaSerDeConfig.SCHEMA_REGISTRY_URL_CONFIG),
                    config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG), config.clientConfigs());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
