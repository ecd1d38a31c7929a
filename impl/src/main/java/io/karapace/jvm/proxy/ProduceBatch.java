package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One produce request in domain terms.
 *
 * @param partition   the partition of the URL, or null when producing to the topic
 * @param keySchema   the key schema the request names (text or id); {@link SchemaChoice#NONE} when absent
 * @param valueSchema as keySchema, for values
 */
public record ProduceBatch(String topic, Integer partition, EmbeddedFormat format, SchemaChoice keySchema,
                           SchemaChoice valueSchema, List<Entry> records) {

    public ProduceBatch {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /**
     * One record as sent: key and value are JSON (null when absent or null); the partition is the
     * record's own, used only when producing to the topic.
     */
    public record Entry(JsonNode key, JsonNode value, Integer partition) {
    }

    /** A schema given by its text or by its id; at most one of the two is set. */
    public record SchemaChoice(String text, Integer id) {
        public static final SchemaChoice NONE = new SchemaChoice(null, null);

        public boolean isGiven() {
            return text != null || id != null;
        }
    }
}
