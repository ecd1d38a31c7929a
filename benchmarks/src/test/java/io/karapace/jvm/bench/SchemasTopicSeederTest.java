package io.karapace.jvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemasTopicSeederTest {

    @Test
    void keysAreConfluentsCanonicalSchemaKeys() {
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":3,\"magic\":1}",
                new String(SchemasTopicSeeder.key("s-value", 3), StandardCharsets.UTF_8));
    }

    @Test
    void valuesCarryTheSchemaTextAsAString() throws Exception {
        JsonNode value = Http.JSON.readTree(SchemasTopicSeeder.value("s-value", 3, 7));
        assertEquals(7, value.get("id").asInt());
        assertEquals(3, value.get("version").asInt());
        assertEquals(false, value.get("deleted").asBoolean());
        assertEquals("Startup7", Http.JSON.readTree(value.get("schema").asText()).get("name").asText());
    }

    @Test
    void distinctIdsGetDistinctSchemaTexts() {
        assertNotEquals(SchemasTopicSeeder.schema(1), SchemasTopicSeeder.schema(98));
    }
}
