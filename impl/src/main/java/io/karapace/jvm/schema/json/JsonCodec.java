package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * Reads and writes schema text as Confluent's JSON Schema provider does: decimals are kept exactly as
 * written (so {@code 1.0} stays {@code 1.0}), NaN is accepted, and text is written compactly.
 */
final class JsonCodec {
    private static final ObjectMapper IN_ORDER = mapper(JsonNodeFactory.withExactBigDecimals(true), false);
    private static final ObjectMapper IN_ORDER_STRICT = mapper(JsonNodeFactory.withExactBigDecimals(true), true);
    private static final ObjectMapper SORTED = mapper(new SortingNodeFactory(), false);

    private JsonCodec() {
    }

    private static ObjectMapper mapper(JsonNodeFactory nodes, boolean rejectTrailingText) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, rejectTrailingText)
                .build();
        mapper.setNodeFactory(nodes);
        return mapper;
    }

    /** Keys keep the order they were written in; {@code strict} rejects text after the first JSON value. */
    static JsonNode read(String text, boolean strict) throws JsonProcessingException {
        return (strict ? IN_ORDER_STRICT : IN_ORDER).readTree(text);
    }

    /** The same value with the keys of every object sorted, as Confluent's normalize does. */
    static JsonNode sorted(JsonNode node) {
        try {
            return SORTED.readTree(write(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return IN_ORDER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SortingNodeFactory extends JsonNodeFactory {
        SortingNodeFactory() {
            super(true);
        }

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new TreeMap<>());
        }
    }
}
