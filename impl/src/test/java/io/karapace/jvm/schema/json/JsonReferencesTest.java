package io.karapace.jvm.schema.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reference's name is the URL the schema's {@code $ref} uses; its text is the referenced subject's schema. */
class JsonReferencesTest {
    private static final JsonSchemaProvider PROVIDER = new JsonSchemaProvider();
    private static final String ADDRESS = "{\"definitions\":{\"Address\":{\"type\":\"object\","
            + "\"properties\":{\"street\":{\"type\":\"string\"}},\"required\":[\"street\"]}}}";
    private static final String ADDRESS_WITH_NUMERIC_STREET = ADDRESS.replace("\"street\":{\"type\":\"string\"}",
            "\"street\":{\"type\":\"number\"}");
    private static final String CUSTOMER = "{\"type\":\"object\",\"properties\":{"
            + "\"name\":{\"type\":\"string\"},\"home\":{\"$ref\":\"address.json#/definitions/Address\"}}}";
    private static final String ORDER = "{\"type\":\"object\",\"properties\":{"
            + "\"customer\":{\"$ref\":\"customer.json\"},\"shipTo\":{\"$ref\":\"address.json#/definitions/Address\"}}}";

    private static ReferencedSchema reference(String name, String subject, int version, String schema) {
        return new ReferencedSchema(new SchemaReference(name, subject, version), SchemaType.JSON, schema, List.of());
    }

    /** In dependency order, as the registry hands them over: address before the customer that uses it. */
    private static List<ReferencedSchema> orderReferences(String address) {
        return List.of(reference("address.json", "address", 1, address), reference("customer.json", "customer", 1, CUSTOMER));
    }

    private static JsonParsedSchema parse(String schema, List<ReferencedSchema> references) throws InvalidSchemaException {
        return (JsonParsedSchema) PROVIDER.parse(schema, references, Validation.NEW);
    }

    @Test
    void referencesResolveByNameWithOrWithoutAFragmentAndFromInsideOtherReferences() throws Exception {
        JsonParsedSchema order = parse(ORDER, orderReferences(ADDRESS));

        assertEquals(List.of(), order.validate("{\"customer\":{\"name\":\"a\",\"home\":{\"street\":\"b\"}},\"shipTo\":{\"street\":\"c\"}}"));
        assertEquals(1, order.validate("{\"shipTo\":{}}").size());
        assertTrue(order.validate("{\"customer\":{\"home\":{\"street\":1}}}").get(0).startsWith("/customer/home/street"),
                () -> order.validate("{\"customer\":{\"home\":{\"street\":1}}}").toString());
    }

    @Test
    void compatibilityFollowsRefsIntoReferencedSchemas() throws Exception {
        JsonParsedSchema old = parse(ORDER, orderReferences(ADDRESS));
        JsonParsedSchema changed = parse(ORDER, orderReferences(ADDRESS_WITH_NUMERIC_STREET));

        assertEquals(List.of("TYPE_CHANGED #/properties/customer/properties/home/properties/street",
                        "TYPE_CHANGED #/properties/shipTo/properties/street"),
                changed.differencesFrom(old).stream().map(Difference::toString).sorted().toList());
        assertEquals(List.of(), parse(ORDER, orderReferences(ADDRESS)).readIssues(old));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a name relative to the schema's $id       | http://example.com/schemas/order.json | address.json
            the absolute URL the $ref resolves to     | http://example.com/schemas/order.json | http://example.com/schemas/address.json
            a name with ./ when the schema has no $id | mem://unused                          | ./address.json
            """)
    void referenceNamesResolveAgainstTheSchemasId(String description, String id, String name) throws Exception {
        String schema = "{" + (id.startsWith("http") ? "\"$id\":\"" + id + "\"," : "")
                + "\"properties\":{\"a\":{\"$ref\":\"" + name + "#/definitions/Address\"}}}";

        JsonParsedSchema parsed = parse(schema, List.of(reference(name, "address", 1, ADDRESS)));

        assertEquals(1, parsed.validate("{\"a\":{}}").size());
    }

    @Test
    void aReferenceMustBeAValidJsonSchema() {
        InvalidSchemaException notJson = assertThrows(InvalidSchemaException.class,
                () -> parse(ORDER, List.of(reference("address.json", "address", 1, "{"), reference("customer.json", "customer", 1, CUSTOMER))));
        InvalidSchemaException invalid = assertThrows(InvalidSchemaException.class,
                () -> parse(ORDER, orderReferences("{\"type\":12}")));

        assertTrue(notJson.getMessage().startsWith("Invalid reference 'address.json': Invalid JSON"), notJson.getMessage());
        assertTrue(invalid.getMessage().startsWith("Invalid reference 'address.json': Invalid JSON Schema"), invalid.getMessage());
    }

    @Test
    void aReferenceMustBeAJsonSchema() {
        ReferencedSchema avro = new ReferencedSchema(new SchemaReference("address.json", "address", 1), SchemaType.AVRO,
                "\"string\"", List.of());

        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> parse("{\"$ref\":\"address.json\"}", List.of(avro)));

        assertEquals("Invalid reference 'address.json': it is a AVRO schema; a JSON schema can only reference JSON schemas",
                e.getMessage());
    }

    @Test
    void aFragmentThatPointsNowhereInAReferenceIsRejected() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> parse("{\"$ref\":\"address.json#/definitions/Missing\"}",
                        List.of(reference("address.json", "address", 1, ADDRESS))));

        assertTrue(e.getMessage().contains("'address.json#/definitions/Missing' at #"), e.getMessage());
    }

    @Test
    void theCanonicalTextKeepsTheRefsAsWritten() throws Exception {
        assertEquals(ORDER, parse(ORDER, orderReferences(ADDRESS)).canonical());
    }
}
