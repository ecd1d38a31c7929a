package io.karapace.jvm.proxy.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.ProxyException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InstanceOptionsTest {
    private static final ConsumerSettings DEFAULTS =
            new ConsumerSettings(Duration.ofSeconds(11), 1 << 20, 1, true, Duration.ZERO);

    @Test
    void anEmptyBodyGivesAGeneratedNameAndTheDefaults() {
        InstanceOptions options = InstanceOptions.from(InstanceConfig.defaults(), DEFAULTS);

        assertTrue(options.name().matches("rest-consumer-[0-9a-f-]{36}"), options.name());
        assertEquals(EmbeddedFormat.BINARY, options.format());
        assertEquals("latest", options.autoOffsetReset());
        assertTrue(options.autoCommit());
        assertEquals(1, options.fetchMinBytes());
        assertEquals(Duration.ofSeconds(11), options.requestTimeout());
    }

    /** consumer_enable_auto_commit (alias consumer_enable_autocommit) false: instances naming none do not commit. */
    @Test
    void theServersAutoCommitDefaultAppliesWhenTheBodyNamesNone() {
        ConsumerSettings noCommit = new ConsumerSettings(Duration.ofSeconds(11), 1 << 20, 1, false, Duration.ZERO);

        InstanceOptions options = InstanceOptions.from(InstanceConfig.defaults(), noCommit);

        assertFalse(options.autoCommit());
        assertEquals("false", options.kafkaProperties().get("enable.auto.commit"));
    }

    @Test
    void everySettingOfTheBodyIsTaken() {
        InstanceOptions options = InstanceOptions.from(
                new InstanceConfig("c1", null, "AVRO", "Earliest", "false", "1024", "2500"), DEFAULTS);

        assertEquals(new InstanceOptions("c1", EmbeddedFormat.AVRO, "earliest", false, 1024, Duration.ofMillis(2500)),
                options);
        Properties kafka = options.kafkaProperties();
        assertEquals("earliest", kafka.get("auto.offset.reset"));
        assertEquals("false", kafka.get("enable.auto.commit"));
        assertEquals("1024", kafka.get("fetch.min.bytes"));
    }

    @Test
    void anInstanceBuffersAtMostAMebibyteOfFetchedRecords() {
        Properties kafka = InstanceOptions.from(new InstanceConfig(null, null, null, null, null, null, null), DEFAULTS)
                .kafkaProperties();

        assertEquals(String.valueOf(256 * 1024), kafka.get("max.partition.fetch.bytes"));
        assertEquals(String.valueOf(1024 * 1024), kafka.get("fetch.max.bytes"));
    }

    @Test
    void theLegacyIdWinsOverTheName() {
        assertEquals("old", InstanceOptions.from(
                new InstanceConfig("new", "old", null, null, null, null, null), DEFAULTS).name());
    }

    @Test
    void aNegativeFetchMinBytesLeavesKafkasMinimumOfOneByte() {
        InstanceOptions options = InstanceOptions.from(
                new InstanceConfig(null, null, null, null, null, "-1", null), DEFAULTS);

        assertEquals(-1, options.fetchMinBytes());
        assertEquals("1", options.kafkaProperties().get("fetch.min.bytes"));
        assertFalse(options.kafkaProperties().containsKey("group.id"));
    }

    @Test
    void invalidSettingsAre42204() {
        assertInvalid(new InstanceConfig(null, null, "xml", null, null, null, null),
                "Invalid consumer configuration: format 'xml' is not one of binary, json, avro, jsonschema, protobuf");
        assertInvalid(new InstanceConfig(null, null, null, "smallest", null, null, null),
                "Invalid consumer configuration: auto.offset.reset 'smallest' is not one of earliest, latest");
        assertInvalid(new InstanceConfig(null, null, null, null, "yes", null, null),
                "Invalid consumer configuration: auto.commit.enable 'yes' is not one of true, false");
        assertInvalid(new InstanceConfig(null, null, null, null, null, "many", null),
                "Invalid consumer configuration: fetch.min.bytes 'many' is not an integer");
        assertInvalid(new InstanceConfig(null, null, null, null, null, null, "-5"),
                "Invalid consumer configuration: consumer.request.timeout.ms '-5' is not a non-negative integer");
    }

    private static void assertInvalid(InstanceConfig config, String message) {
        ProxyException e = assertThrows(ProxyException.class, () -> InstanceOptions.from(config, DEFAULTS));
        assertEquals(ProxyError.INVALID_CONSUMER_CONFIG, e.error());
        assertEquals(message, e.getMessage());
    }
}
