package io.karapace.jvm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.registry.CompatibilityLevel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void withoutFileOrEnvironmentEveryKeyHasItsDefault() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.empty(), Map.of());
        Config config = loaded.config();

        assertEquals(List.of(), loaded.warnings());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8081, config.port());
        assertEquals("127.0.0.1", config.advertisedHostname());
        assertEquals(8081, config.advertisedPort());
        assertEquals("http", config.advertisedProtocol());
        assertEquals(Optional.empty(), config.bootstrapUri());
        assertEquals("sr-1", config.clientId());
        assertEquals("schema-registry", config.groupId());
        assertEquals("_schemas", config.topicName());
        assertEquals("BACKWARD", config.compatibility());
        assertEquals(1, config.replicationFactor());
        assertEquals("PLAINTEXT", config.securityProtocol());
        assertEquals(Optional.empty(), config.sslCafile());
        assertEquals(Optional.empty(), config.saslMechanism());
        assertEquals("INFO", config.logLevel());
        assertTrue(config.karapaceRegistry());
        assertTrue(config.karapaceRest());
        assertTrue(config.masterEligibility());
        assertEquals(1048576, config.httpRequestMaxSize());
        assertFalse(config.kafkaSchemaReaderStrictMode());
        assertEquals("topic_name", config.nameStrategy());
        assertEquals(Optional.empty(), config.restBaseUri());
        assertEquals(Path.of("./data"), config.dataDir());
        assertEquals(29092, config.embeddedKafkaPort());
        assertEquals(29093, config.embeddedKafkaControllerPort());
        assertEquals(10000L, config.storeTimeoutMs());
        assertEquals(60000L, config.startupTimeoutMs());
    }

    @Test
    void readsKarapaceReadmeExampleFile() throws URISyntaxException {
        Config config = ConfigLoader.load(Optional.of(resource("karapace-readme-example.json")), Map.of()).config();

        assertEquals("localhost", config.advertisedHostname());
        assertEquals(Optional.of("127.0.0.1:9092"), config.bootstrapUri());
        assertEquals("FULL", config.compatibility());
        assertEquals("DEBUG", config.logLevel());
        assertEquals(Optional.empty(), config.sslCafile());
    }

    @Test
    void fileValuesOfEveryTypeAreTypedAndUnknownKeysOnlyWarn() throws URISyntaxException {
        Path file = resource("every-type.json");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.of(file), Map.of());
        Config config = loaded.config();

        assertEquals(9000, config.port());
        assertEquals(9000, config.advertisedPort());
        assertEquals(2500L, config.storeTimeoutMs());
        assertFalse(config.karapaceRest());
        assertEquals("SASL_SSL", config.securityProtocol());
        assertEquals(Optional.of("SCRAM-SHA-512"), config.saslMechanism());
        assertEquals(Optional.of("registry"), config.saslPlainUsername());
        assertEquals(Optional.of("s3cret"), config.saslPlainPassword());
        assertEquals(Path.of("/var/lib/karapace-jvm"), config.dataDir());
        // log_format is a key since issue 12 (Karapace's is a Python logging format: src/karapace/core/config.py)
        assertEquals("%msg%n", config.logFormat().pattern());
        assertEquals(List.of("Unknown configuration key 'sentry' in " + file + " is ignored"), loaded.warnings());
    }

    @Test
    void environmentBeatsFileAndFileBeatsDefault() throws IOException {
        Path file = write("{\"port\": 9000, \"topic_name\": \"from_file\", \"group_id\": \"file-group\"}");

        Config config = ConfigLoader.load(Optional.of(file),
                Map.of("KARAPACE_PORT", "9100", "KARAPACE_TOPIC_NAME", "from_env")).config();

        assertEquals(9100, config.port());
        assertEquals("from_env", config.topicName());
        assertEquals("file-group", config.groupId());
        assertEquals("sr-1", config.clientId());
    }

    @Test
    void blankEnvironmentValuesAreIgnored() throws IOException {
        Path file = write("{\"port\": 9000}");

        Config config = ConfigLoader.load(Optional.of(file),
                Map.of("KARAPACE_PORT", "  ", "KARAPACE_HOST", "")).config();

        assertEquals(9000, config.port());
        assertEquals("127.0.0.1", config.host());
    }

    @Test
    void environmentSetsEveryType() {
        Config config = ConfigLoader.load(Optional.empty(), Map.of(
                "KARAPACE_CLIENT_ID", "sr-7",
                "KARAPACE_PORT", "18081",
                "KARAPACE_STORE_TIMEOUT_MS", "123456789012",
                "KARAPACE_MASTER_ELIGIBILITY", "false",
                "KARAPACE_KAFKA_SCHEMA_READER_STRICT_MODE", "yes",
                "KARAPACE_COMPATIBILITY", "full_transitive",
                "KARAPACE_BOOTSTRAP_URI", "kafka-1:9092,kafka-2:9092")).config();

        assertEquals("sr-7", config.clientId());
        assertEquals(18081, config.port());
        assertEquals(123456789012L, config.storeTimeoutMs());
        assertFalse(config.masterEligibility());
        assertTrue(config.kafkaSchemaReaderStrictMode());
        assertEquals("FULL_TRANSITIVE", config.compatibility());
        assertEquals(Optional.of("kafka-1:9092,kafka-2:9092"), config.bootstrapUri());
    }

    @Test
    void karapacePrefixedKeysAnswerToSingleAndDoublePrefix() {
        Config single = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_REST", "false")).config();
        Config twice = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_KARAPACE_REST", "false")).config();

        assertFalse(single.karapaceRest());
        assertFalse(twice.karapaceRest());
        assertTrue(twice.karapaceRegistry());
    }

    @Test
    void environmentNamesMatchWhateverTheirCase() {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("karapace_port", "18082")).config();

        assertEquals(18082, config.port());
    }

    @Test
    void badIntegerNamesKeyValueRuleAndSource() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_PORT", "abc")));

        assertEquals("Invalid value 'abc' for configuration port: must be an integer between 0 and 65535"
                + " (set in environment variable KARAPACE_PORT)", e.getMessage());
    }

    @Test
    void outOfRangeIntegerIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_PORT", "70000")));

        assertTrue(e.getMessage().startsWith("Invalid value '70000' for configuration port:"), e.getMessage());
    }

    @Test
    void badBooleanNamesKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_MASTER_ELIGIBILITY", "maybe")));

        assertEquals("Invalid value 'maybe' for configuration master_eligibility: must be true or false"
                + " (set in environment variable KARAPACE_MASTER_ELIGIBILITY)", e.getMessage());
    }

    @Test
    void badEnumNamesKeyAndChoices() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_COMPATIBILITY", "SIDEWAYS")));

        assertEquals("Invalid value 'SIDEWAYS' for configuration compatibility: must be one of NONE, BACKWARD,"
                + " BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE"
                + " (set in environment variable KARAPACE_COMPATIBILITY)", e.getMessage());
    }

    @Test
    void unknownLogFormatNamesKeyAndTheAcceptedForms() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_LOG_FORMAT", "%(hostname)s %(message)s")));

        assertTrue(e.getMessage().startsWith("Invalid value '%(hostname)s %(message)s' for configuration log_format:"
                + " must be text, json or a Python logging format"), e.getMessage());
    }

    @Test
    void karapacesDefaultLogFormatIsAccepted() {
        // Karapace 6.2.0 src/karapace/core/config.py default log_format
        Config config = ConfigLoader.load(Optional.empty(),
                Map.of("KARAPACE_LOG_FORMAT", "%(name)-20s\t%(threadName)s\t%(levelname)-8s\t%(message)s")).config();

        assertEquals("%-20c\t%t\t%-8level{WARN=WARNING, FATAL=CRITICAL}\t%msg%n", config.logFormat().pattern());
    }

    @Test
    void badFileValueNamesTheFile() throws IOException {
        Path file = write("{\"replication_factor\": 0}");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));

        assertEquals("Invalid value '0' for configuration replication_factor: must be an integer between 1 and 32767"
                + " (set in " + file + ")", e.getMessage());
    }

    @Test
    void fractionalNumberIsNotAnInteger() throws IOException {
        Path file = write("{\"port\": 80.5}");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));

        assertTrue(e.getMessage().startsWith("Invalid value '80.5' for configuration port:"), e.getMessage());
    }

    @Test
    void structuredValueIsShownOnOneLine() throws IOException {
        Path file = write("{\"host\": {\n  \"name\": \"a\"\n}}");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));

        assertEquals("Invalid value '{\"name\":\"a\"}' for configuration host: must be a string (set in " + file + ")",
                e.getMessage());
    }

    @Test
    void jsonNullUnsetsANullableKeyButBreaksAnOther() throws IOException {
        Path nullable = write("{\"advertised_hostname\": null, \"host\": \"10.0.0.5\"}");
        Path required = write("{\"port\": null}");

        assertEquals("10.0.0.5", ConfigLoader.load(Optional.of(nullable), Map.of()).config().advertisedHostname());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.of(required), Map.of()));
        assertTrue(e.getMessage().startsWith("Invalid value 'null' for configuration port:"), e.getMessage());
    }

    @Test
    void validEnvironmentValueHidesAnInvalidFileValue() throws IOException {
        Path file = write("{\"port\": \"abc\"}");

        assertEquals(8082, ConfigLoader.load(Optional.of(file), Map.of("KARAPACE_PORT", "8082")).config().port());
    }

    @Test
    void fileThatIsNotJsonIsNamed() throws IOException {
        Path file = write("{\"port\": 8081,,}");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));

        assertTrue(e.getMessage().startsWith("Configuration file " + file + " is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 1, column 15)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void fileWithTrailingGarbageOrDuplicateKeysIsRejected() throws IOException {
        Path trailing = write("{\"port\": 8081} {}");
        Path duplicate = write("{\"port\": 8081, \"port\": 8082}");

        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(trailing), Map.of()))
                .getMessage().contains("is not valid JSON"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(duplicate), Map.of()))
                .getMessage().contains("Duplicate field 'port'"));
    }

    @Test
    void fileThatIsNotAnObjectIsNamed() throws IOException {
        Path file = write("[1, 2]");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));

        assertEquals("Configuration file " + file + " must hold a JSON object, not array", e.getMessage());
    }

    @Test
    void emptyOrMissingFileIsNamed() throws IOException {
        Path empty = write("");
        Path missing = dir.resolve("absent.json");

        assertEquals("Configuration file " + empty + " is empty; it must hold a JSON object",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(empty), Map.of())).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(missing), Map.of()))
                .getMessage().startsWith("Cannot read configuration file " + missing));
    }

    @Test
    void turningOffBothServicesIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("KARAPACE_KARAPACE_REGISTRY", "false", "KARAPACE_KARAPACE_REST", "false")));

        assertEquals("Invalid configuration: at least one of karapace_registry and karapace_rest must be true",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"debug,DEBUG,DEBUG", "INFO,INFO,INFO", "Warning,WARNING,WARN", "ERROR,ERROR,ERROR",
            "critical,CRITICAL,FATAL"})
    void logLevelAcceptsKarapaceNamesAndMapsThemToLog4j(String given, String karapace, String log4j) {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_LOG_LEVEL", given)).config();

        assertEquals(karapace, config.logLevel());
        assertEquals(log4j, config.log4jLevel());
    }

    @Test
    void wildcardHostAdvertisesAReachableName() {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_HOST", "0.0.0.0")).config();

        assertNotEquals("0.0.0.0", config.advertisedHostname());
        assertFalse(config.advertisedHostname().isBlank());
    }

    @Test
    void asMapListsEveryKeyAndMasksThePassword() {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("KARAPACE_SASL_PLAIN_PASSWORD", "s3cret")).config();

        Map<String, Object> map = config.asMap();

        assertEquals(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList(), List.copyOf(map.keySet()));
        assertEquals("********", map.get("sasl_plain_password"));
        assertFalse(config.toString().contains("s3cret"));
        assertEquals(8081, map.get("port"));
    }

    @Test
    void compatibilityChoicesAreTheRegistryLevels() {
        assertEquals(Arrays.stream(CompatibilityLevel.values()).map(Enum::name).toList(),
                ConfigKey.COMPATIBILITY.rule().choices());
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "config", ".json"), json);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    }

    /** API.md D.1 registry_authfile: unset by default, a path when set. */
    @Test
    void registryAuthfileIsAPath() {
        assertEquals(Optional.empty(), ConfigLoader.load(Optional.empty(), Map.of()).config().registryAuthfile());
        assertEquals(Optional.of(Path.of("/etc/karapace/auth.json")), ConfigLoader.load(Optional.empty(),
                Map.of("KARAPACE_REGISTRY_AUTHFILE", "/etc/karapace/auth.json")).config().registryAuthfile());
    }

    /**
     * Issue 11 "never silently open": unknown keys that look like security settings (*_tls_*, ssl_*, sasl_*,
     * *auth*) stop startup. The names are ones no Karapace release reads (API.md D.1), so they stay unknown.
     */
    @ParameterizedTest
    @CsvSource({"server_tls_truststore", "ssl_endpoint_identification_algorithm", "sasl_kerberos_service_name",
        "basic_auth_user_info", "rest_oauth_audience"})
    void unknownSecurityLookingFileKeyStopsStartup(String key) throws IOException {
        Path file = Files.writeString(dir.resolve("security.json"), "{\"" + key + "\": \"x\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        assertEquals("Unsupported configuration " + key + " in " + file + ": it looks like a security setting this"
                + " server does not implement, and security settings are never ignored", e.getMessage());
    }

    @Test
    void unknownSecurityLookingEnvironmentVariableStopsStartup() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("KARAPACE_SERVER_TLS_TRUSTSTORE", "/k.jks")));
        assertTrue(e.getMessage().startsWith("Unsupported configuration server_tls_truststore (environment variable"
                + " KARAPACE_SERVER_TLS_TRUSTSTORE)"), e.getMessage());
    }

    @Test
    void knownSecurityKeysAndOtherUnknownKeysAreNotRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.json"),
                "{\"ssl_cafile\": \"/ca.pem\", \"registry_authfile\": \"/a.json\", \"sentry\": \"x\"}");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.of(file), Map.of("KARAPACE_SOMETHING_ELSE", "1"));
        assertEquals(Optional.of(Path.of("/a.json")), loaded.config().registryAuthfile());
        assertEquals(List.of("Unknown configuration key 'sentry' in " + file + " is ignored"), loaded.warnings());
    }
}
