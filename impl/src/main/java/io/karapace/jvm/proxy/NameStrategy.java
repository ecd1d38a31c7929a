package io.karapace.jvm.proxy;

import io.karapace.jvm.util.Enums;
import java.util.Optional;

/** How a subject is derived for a schema sent with produced records ({@code name_strategy}). */
public enum NameStrategy {
    /** {@code <topic>-key} or {@code <topic>-value}. */
    TOPIC_NAME,
    /** The fully qualified record name. */
    RECORD_NAME,
    /** {@code <topic>-<fully qualified record name>}. */
    TOPIC_RECORD_NAME;

    public boolean needsRecordName() {
        return this != TOPIC_NAME;
    }

    /** The subject; {@code recordName} is only read by the strategies that {@link #needsRecordName()}. */
    public String subject(String topic, boolean isKey, String recordName) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> recordName;
            case TOPIC_RECORD_NAME -> topic + "-" + recordName;
        };
    }

    /** The config value ({@code topic_name}, {@code record_name}, {@code topic_record_name}). */
    public static Optional<NameStrategy> parse(String name) {
        return Enums.parse(NameStrategy.class, name);
    }
}
