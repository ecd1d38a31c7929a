package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A consumed record as REST proxy v2 returns it.
 *
 * @param key   the key rendered in the consumer's embedded format; null for a null key
 * @param value the value rendered likewise; null for a tombstone
 */
public record ConsumedRecord(String topic, JsonNode key, JsonNode value, int partition, long offset) {
}
