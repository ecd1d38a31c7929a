package io.karapace.jvm.proxy.consumer;

import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyError;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** An {@link InstanceConfig} validated and completed with the server's defaults. */
record InstanceOptions(String name, EmbeddedFormat format, String autoOffsetReset, boolean autoCommit,
                       int fetchMinBytes, Duration requestTimeout) {
    private static final Set<String> OFFSET_RESETS = Set.of("earliest", "latest");
    /*
     * What one instance holds in fetched but unread records. Kafka's defaults (1 MiB a partition, 50 MiB a
     * fetch) are sized for one consumer a process; a proxy runs many, and a REST fetch returns far less.
     */
    static final int PARTITION_FETCH_BYTES = 256 * 1024;
    static final int FETCH_MAX_BYTES = 1024 * 1024;

    static InstanceOptions from(InstanceConfig config, ConsumerSettings defaults) {
        return new InstanceOptions(name(config), format(config.format()), autoOffsetReset(config.autoOffsetReset()),
                autoCommit(config.autoCommitEnable(), defaults.autoCommit()),
                fetchMinBytes(config.fetchMinBytes(), defaults.fetchMinBytes()),
                requestTimeout(config.requestTimeoutMs(), defaults.requestTimeout()));
    }

    /** The consumer settings this instance overrides; a negative fetch.min.bytes leaves Kafka's default. */
    Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(autoCommit));
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(Math.max(1, fetchMinBytes)));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(PARTITION_FETCH_BYTES));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(FETCH_MAX_BYTES));
        return props;
    }

    private static String name(InstanceConfig config) {
        if (config.id() != null) {
            return config.id();
        }
        return config.name() != null ? config.name() : "rest-consumer-" + UUID.randomUUID();
    }

    private static EmbeddedFormat format(String format) {
        if (format == null) {
            return EmbeddedFormat.BINARY;
        }
        return EmbeddedFormat.parse(format).orElseThrow(() -> invalid("format '" + format
                + "' is not one of binary, json, avro, jsonschema, protobuf"));
    }

    private static String autoOffsetReset(String reset) {
        if (reset == null) {
            return "latest";
        }
        String lower = reset.trim().toLowerCase(Locale.ROOT);
        if (!OFFSET_RESETS.contains(lower)) {
            throw invalid("auto.offset.reset '" + reset + "' is not one of earliest, latest");
        }
        return lower;
    }

    private static boolean autoCommit(String enable, boolean fallback) {
        if (enable == null) {
            return fallback;
        }
        return switch (enable.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("auto.commit.enable '" + enable + "' is not one of true, false");
        };
    }

    private static int fetchMinBytes(String bytes, int fallback) {
        if (bytes == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(bytes.trim());
        } catch (NumberFormatException e) {
            throw invalid("fetch.min.bytes '" + bytes + "' is not an integer");
        }
    }

    private static Duration requestTimeout(String millis, Duration fallback) {
        if (millis == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(millis.trim());
            if (parsed >= 0) {
                return Duration.ofMillis(parsed);
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative value
        }
        throw invalid("consumer.request.timeout.ms '" + millis + "' is not a non-negative integer");
    }

    private static RuntimeException invalid(String detail) {
        return ProxyError.INVALID_CONSUMER_CONFIG.exception(detail);
    }
}
