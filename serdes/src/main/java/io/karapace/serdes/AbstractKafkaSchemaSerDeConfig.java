package io.karapace.serdes;

import io.karapace.serdes.client.SchemaRegistryClientConfig;
import io.karapace.serdes.subject.TopicNameStrategy;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configs shared by the serializers and deserializers, with the names and defaults of Confluent's
 * {@code io.confluent.kafka.serializers.AbstractKafkaSchemaSerDeConfig} (API.md Part F, "Serializer configs").
 */
public class AbstractKafkaSchemaSerDeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String MAX_SCHEMAS_PER_SUBJECT_CONFIG = "max.schemas.per.subject";
    public static final int MAX_SCHEMAS_PER_SUBJECT_DEFAULT = 1000;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_SCHEMA_ID = "use.schema.id";
    public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    public static final String USER_INFO_CONFIG = SchemaRegistryClientConfig.USER_INFO_CONFIG;

    public AbstractKafkaSchemaSerDeConfig(ConfigDef definition, Map<?, ?> props) {
        super(definition, props);
    }

    /** The definitions of every shared config; subclasses add their own to it. */
    public static ConfigDef baseConfigDef() {
        return new ConfigDef()
                .define(SCHEMA_REGISTRY_URL_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Comma-separated registry URLs; a request that cannot reach one is tried on the next.")
                .define(MAX_SCHEMAS_PER_SUBJECT_CONFIG, Type.INT, MAX_SCHEMAS_PER_SUBJECT_DEFAULT, ConfigDef.Range.atLeast(1),
                        Importance.LOW, "Entries per cache of the registry client.")
                .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Register the record's schema under its subject when serializing.")
                .define(USE_SCHEMA_ID, Type.INT, -1, Importance.LOW,
                        "Serialize with this schema id (when auto.register.schemas is false); -1 for none.")
                .define(ID_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                        "With use.schema.id: the schema of that id must be able to read the record's schema.")
                .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                        "Serialize with the subject's latest schema (when auto.register.schemas is false).")
                .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                        "With use.latest.version: the latest schema must be able to read the record's schema.")
                .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
                        "Ask the registry to normalize schemas when registering or looking them up.")
                .define(KEY_SUBJECT_NAME_STRATEGY, Type.CLASS, TopicNameStrategy.class, Importance.MEDIUM,
                        "The SubjectNameStrategy for keys.")
                .define(VALUE_SUBJECT_NAME_STRATEGY, Type.CLASS, TopicNameStrategy.class, Importance.MEDIUM,
                        "The SubjectNameStrategy for values.")
                .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
                        ConfigDef.CaseInsensitiveValidString.in("URL", "USER_INFO", "SASL_INHERIT"), Importance.MEDIUM,
                        "Where basic-auth credentials come from: URL (user info of the registry URL) or USER_INFO. "
                                + "SASL_INHERIT is not supported yet.")
                .define(USER_INFO_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                        "user:password, with basic.auth.credentials.source = USER_INFO.");
    }

    public boolean autoRegisterSchema() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public int useSchemaId() {
        return getInt(USE_SCHEMA_ID);
    }

    public boolean idCompatibilityStrict() {
        return getBoolean(ID_COMPATIBILITY_STRICT);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    public boolean normalizeSchema() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    /** The configs for the registry client: the user's values, with the password in clear. */
    public Map<String, Object> clientConfigs() {
        Map<String, Object> configs = new java.util.HashMap<>(originals());
        configs.put(USER_INFO_CONFIG, getPassword(USER_INFO_CONFIG).value());
        configs.put(BASIC_AUTH_CREDENTIALS_SOURCE, getString(BASIC_AUTH_CREDENTIALS_SOURCE));
        return configs;
    }
}
