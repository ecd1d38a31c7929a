package io.karapace.jvm.schema.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemaProviderTest {
    private static final JsonSchemaProvider PROVIDER = new JsonSchemaProvider();

    private static ParsedSchema parse(String text) throws InvalidSchemaException {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    @Test
    void servesJsonSchemas() {
        assertEquals(SchemaType.JSON, PROVIDER.type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no $schema means draft 7          | {"type":"object","properties":{"a":{"type":"string","const":"x"}}}
            an unknown $schema means draft 7  | {"$schema":"http://example.com/my-draft","type":"string"}
            draft 4                           | {"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":5,"exclusiveMaximum":true}
            draft 6                           | {"$schema":"http://json-schema.org/draft-06/schema#","type":"number","exclusiveMaximum":5}
            draft 7 conditionals              | {"$schema":"http://json-schema.org/draft-07/schema#","if":{"type":"string"},"then":{"minLength":1}}
            draft 2019-09                     | {"$schema":"https://json-schema.org/draft/2019-09/schema","$defs":{"a":{"type":"string"}},"dependentRequired":{"a":["b"]}}
            draft 2020-12                     | {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array","prefixItems":[{"type":"string"}],"items":false}
            the true schema                   | true
            the false schema                  | false
            the empty schema                  | {}
            a local $ref                      | {"properties":{"a":{"$ref":"#/definitions/A"}},"definitions":{"A":{"type":"string"}}}
            a $ref to an embedded $id         | {"$id":"http://example.com/root.json","properties":{"a":{"$ref":"item.json"}},"definitions":{"A":{"$id":"item.json","type":"string"}}}
            """)
    void acceptsValidSchemasOfEveryDraft(String description, String schema) throws Exception {
        assertEquals(schema, parse(schema).canonical());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            blank text                                 | ` `                                                                   | Empty schema
            not JSON                                   | {"type":                                                              | Invalid JSON
            text after the schema                      | {"type":"string"} {}                                                  | Invalid JSON
            a JSON string                              | "string"                                                              | must be a JSON object or a boolean, not string
            a JSON array                               | [{"type":"string"}]                                                   | must be a JSON object or a boolean, not array
            an unknown type (draft 7)                  | {"type":"strin"}                                                      | /type: does not have a value in the enumeration
            a negative length (draft 7)                | {"type":"string","minLength":-1}                                      | /minLength: must have a minimum value of 0
            a broken pattern (draft 7)                 | {"type":"string","pattern":"("}                                       | /pattern: does not match the regex pattern
            draft 4 has no numeric exclusiveMaximum    | {"$schema":"http://json-schema.org/draft-04/schema#","exclusiveMaximum":5} | /exclusiveMaximum: integer found, boolean expected
            draft 6 has no boolean exclusiveMaximum    | {"$schema":"http://json-schema.org/draft-06/schema#","exclusiveMaximum":true} | /exclusiveMaximum: boolean found, number expected
            2019-09 requires required to be an array   | {"$schema":"https://json-schema.org/draft/2019-09/schema","required":"a"} | /required: string found, array expected
            2020-12 prefixItems must be an array       | {"$schema":"https://json-schema.org/draft/2020-12/schema","prefixItems":{}} | /prefixItems: object found, array expected
            a $ref to a missing definition             | {"properties":{"a":{"$ref":"#/definitions/missing"}}}                 | Unresolved $ref '#/definitions/missing' at #/properties/a
            a $ref to a schema that was not referenced | {"$ref":"other.json"}                                                 | Unresolved $ref 'other.json' at #
            """)
    void rejectsInvalidSchemasWithTheReason(String description, String schema, String reason) {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> parse(schema));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void storedSchemasAreAcceptedWhateverTheyAreAsLongAsTheyAreJson() throws Exception {
        String schema = "{\"type\":\"strin\",\"properties\":{\"a\":{\"$ref\":\"missing.json\"}}}";

        assertEquals(schema, PROVIDER.parse(schema, List.of(), Validation.STORED).canonical());
        assertEquals("\"string\"", PROVIDER.parse(" \"string\" ", List.of(), Validation.STORED).canonical());
        assertThrows(InvalidSchemaException.class, () -> PROVIDER.parse("{", List.of(), Validation.STORED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            whitespace goes, key order stays     | { "type" : "object",\\n "properties" : { "b" : {}, "a" : {} } } | {"type":"object","properties":{"b":{},"a":{}}}
            decimals stay as written             | {"maximum": 1.0, "minimum": 1e2, "multipleOf": 0.10}            | {"maximum":1.0,"minimum":1E+2,"multipleOf":0.10}
            unicode and escapes are re-encoded   | {"title": "caf\\u00e9 \\/ x"}                                     | {"title":"café / x"}
            a boolean schema                     | ` true `                                                          | true
            """)
    void canonicalTextIsCompactJsonInTheWrittenOrder(String description, String schema, String canonical) throws Exception {
        assertEquals(canonical, parse(schema.replace("\\n", "\n")).canonical());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            keys are sorted at every depth       | {"type":"object","properties":{"b":{"type":"string","maxLength":1},"a":{}}} | {"properties":{"a":{},"b":{"maxLength":1,"type":"string"}},"type":"object"}
            array order is kept                  | {"required":["b","a"],"enum":[{"y":1,"x":2},"a"]}                             | {"enum":[{"x":2,"y":1},"a"],"required":["b","a"]}
            a boolean schema is left alone       | false                                                                       | false
            """)
    void normalizingSortsTheKeysOfEveryObject(String description, String schema, String normalized) throws Exception {
        ParsedSchema parsed = parse(schema);

        assertEquals(normalized, parsed.normalize().canonical());
        assertEquals(normalized, parsed.normalize().normalize().canonical());
        assertEquals(schema, parsed.canonical());
    }

    @Test
    void spellingsThatDifferOnlyInKeyOrderNormalizeToTheSameSchema() throws Exception {
        ParsedSchema one = parse("{\"type\":\"string\",\"maxLength\":3}");
        ParsedSchema other = parse("{\"maxLength\":3,\"type\":\"string\"}");

        assertNotEquals(one, other);
        assertEquals(one.normalize(), other.normalize());
    }

    @Test
    void everyFormatIsTheCanonicalText() throws Exception {
        ParsedSchema schema = parse("{ \"type\": \"string\" }");

        assertEquals("{\"type\":\"string\"}", schema.formatted("resolved"));
        assertEquals("{\"type\":\"string\"}", schema.formatted(null));
    }

    @Test
    void validatesDocumentsAgainstTheSchema() throws Exception {
        JsonParsedSchema schema = (JsonParsedSchema) parse(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                        + "\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"n\"]}");

        assertEquals(List.of(), schema.validate("{\"n\":3}"));
        assertEquals(1, schema.validate("{\"n\":-1}").size());
        assertTrue(schema.validate("{}").get(0).contains("required property 'n' not found"), schema.validate("{}").toString());
    }
}
