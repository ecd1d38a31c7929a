package io.karapace.jvm.schema.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroSchemaProviderTest {
    private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

    private static final String COUNTRY = """
            {"type": "enum", "name": "Country", "namespace": "geo", "symbols": ["FR", "NO"]}""";
    private static final String ADDRESS = """
            {"type": "record", "name": "Address", "namespace": "geo",
             "fields": [{"name": "street", "type": "string"}, {"name": "country", "type": "Country"}]}""";
    private static final String PERSON = """
            {"type": "record", "name": "Person", "namespace": "people",
             "fields": [{"name": "home", "type": "geo.Address"}]}""";
    private static final List<ReferencedSchema> PERSON_REFERENCES = List.of(
            reference("geo.Country", "country", COUNTRY),
            reference("geo.Address", "address", ADDRESS));

    private static ReferencedSchema reference(String name, String subject, String text) {
        return new ReferencedSchema(new SchemaReference(name, subject, 1), SchemaType.AVRO, text, List.of());
    }

    private static ParsedSchema parse(String text) throws InvalidSchemaException {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a bare primitive object becomes the primitive name | {"type" : "string"}                  | "string"
            whitespace around a primitive name goes           | '  "int"  '                           | "int"
            a primitive with a property stays an object       | {"type": "long", "connect.version": 1} | {"type":"long","connect.version":1}
            logical types are kept                            | {"type": "int", "logicalType": "date"} | {"type":"int","logicalType":"date"}
            unknown logical types are kept as properties      | {"type": "long", "logicalType": "x-y"} | {"type":"long","logicalType":"x-y"}
            an empty union is a schema                        | []                                     | []
            """)
    void canonicalFormOfSmallSchemas(String rule, String text, String canonical) throws Exception {
        assertEquals(canonical, parse(text).canonical());
    }

    @Test
    void canonicalFormIsCompactAndKeepsFieldOrderDocsDefaultsAndProperties() throws Exception {
        String pretty = """
                {
                  "name": "Order", "type": "record", "namespace": "shop", "doc": "An order",
                  "zeta": {"b": 1, "a": 2},
                  "fields": [
                    {"name": "total", "type": "double", "default": 0, "doc": "in EUR"},
                    {"name": "id", "type": {"type": "string"}, "aliases": ["ref"], "alpha": true},
                    {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "PAID"], "default": "NEW"}}
                  ],
                  "aliases": ["Purchase"]
                }""";

        assertEquals("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"doc\":\"An order\","
                + "\"fields\":[{\"name\":\"total\",\"type\":\"double\",\"doc\":\"in EUR\",\"default\":0},"
                + "{\"name\":\"id\",\"type\":\"string\",\"aliases\":[\"ref\"],\"alpha\":true},"
                + "{\"name\":\"state\",\"type\":{\"type\":\"enum\",\"name\":\"State\",\"symbols\":[\"NEW\",\"PAID\"],\"default\":\"NEW\"}}],"
                + "\"zeta\":{\"b\":1,\"a\":2},\"aliases\":[\"Purchase\"]}",
                parse(pretty).canonical());
    }

    @Test
    void spellingsThatDifferOnlyInWhitespaceAreTheSameSchema() throws Exception {
        ParsedSchema compact = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        ParsedSchema spaced = parse("{ \"type\" : \"record\",\n \"name\" : \"R\",\n \"fields\" : [ { \"name\" : \"a\", \"type\" : \"int\" } ] }");

        assertEquals(compact, spaced);
        assertEquals(compact.hashCode(), spaced.hashCode());
        assertEquals(SchemaType.AVRO, compact.type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty text                       | ''                                                                                  | Empty schema
            blank text                       | '   '                                                                               | Empty schema
            a JSON object that is no schema  | {}                                                                                  | No type: {}
            a JSON number                    | 123                                                                                 | Schema not yet supported: 123
            broken JSON                      | {"type":                                                                            | Unexpected end-of-input
            text after the schema            | "string" "int"                                                                      | dangling content after end of schema
            an unknown type name             | "Foo"                                                                               | Undefined schema: "Foo"
            a field of an unknown type       | {"type":"record","name":"R","fields":[{"name":"f","type":"Foo"}]}                   | Undefined schema: Foo
            a default that does not fit      | {"type":"record","name":"R","fields":[{"name":"f","type":"int","default":"x"}]}     | Invalid default for field f: "x" not a "int"
            an illegal record name           | {"type":"record","name":"bad-name","fields":[]}                                     | Illegal character in: bad-name
            an illegal namespace             | {"type":"record","name":"R","namespace":"a-b","fields":[]}                          | Illegal character in: a-b
            a field defined twice            | {"type":"record","name":"R","fields":[{"name":"f","type":"int"},{"name":"f","type":"int"}]} | Duplicate field f in record R
            a record without fields          | {"type":"record","name":"R"}                                                        | Record has no fields
            a union with a repeated branch   | ["int","int"]                                                                       | Duplicate in union:int
            an enum default not in symbols   | {"type":"enum","name":"E","symbols":["A"],"default":"B"}                            | The Enum Default: B is not in the enum symbol set: [A]
            a fixed without size             | {"type":"fixed","name":"F"}                                                         | Invalid or no size
            """)
    void invalidSchemasAreRejectedWithTheParserMessage(String rule, String text, String message) {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> parse(text));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a default that does not fit | {"type":"record","name":"R","fields":[{"name":"f","type":"int","default":"x"}]}
            an illegal record name      | {"type":"record","name":"bad-name","fields":[]}
            """)
    void storedSchemasAreParsedLeniently(String rule, String text) throws Exception {
        assertThrows(InvalidSchemaException.class, () -> parse(text));
        assertEquals(text, PROVIDER.parse(text, List.of(), Validation.STORED).canonical());
    }

    @Test
    void referencedTypesAreUsedByNameAndNotInlinedInTheCanonicalForm() throws Exception {
        ParsedSchema person = PROVIDER.parse(PERSON, PERSON_REFERENCES, Validation.NEW);

        assertEquals("{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"people\","
                + "\"fields\":[{\"name\":\"home\",\"type\":\"geo.Address\"}]}", person.canonical());
        assertEquals(person.canonical(), person.formatted("default"));
        assertEquals(person.canonical(), person.formatted("no-such-format"));
    }

    @Test
    void theResolvedFormatInlinesReferencedTypes() throws Exception {
        ParsedSchema person = PROVIDER.parse(PERSON, PERSON_REFERENCES, Validation.NEW);

        assertEquals("{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"people\",\"fields\":[{\"name\":\"home\","
                + "\"type\":{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"geo\",\"fields\":["
                + "{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"country\","
                + "\"type\":{\"type\":\"enum\",\"name\":\"Country\",\"symbols\":[\"FR\",\"NO\"]}}]}}]}",
                person.formatted("RESOLVED"));
    }

    @Test
    void aSchemaReachedThroughTwoReferencesIsDefinedOnce() throws Exception {
        String pair = """
                {"type": "record", "name": "Pair", "namespace": "geo",
                 "fields": [{"name": "a", "type": "Address"}, {"name": "c", "type": "Country"}]}""";
        List<ReferencedSchema> diamond = List.of(
                reference("geo.Country", "country", COUNTRY),
                reference("geo.Address", "address", ADDRESS),
                reference("geo.Country", "country", COUNTRY));

        assertEquals("{\"type\":\"record\",\"name\":\"Pair\",\"namespace\":\"geo\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"Address\"},{\"name\":\"c\",\"type\":\"Country\"}]}",
                PROVIDER.parse(pair, diamond, Validation.NEW).canonical());
    }

    @Test
    void aMissingReferenceIsAnUndefinedType() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> PROVIDER.parse(PERSON, PERSON_REFERENCES.subList(0, 1), Validation.NEW));
        assertEquals("Undefined schema: geo.Address", e.getMessage());
    }

    @Test
    void anInvalidReferenceIsNamedInTheMessage() {
        List<ReferencedSchema> broken = List.of(reference("geo.Address", "address", "{\"type\":"));
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> PROVIDER.parse(PERSON, broken, Validation.NEW));
        assertTrue(e.getMessage().startsWith("Invalid reference 'geo.Address': "), e.getMessage());
    }

    @Test
    void aReferenceToAnotherSchemaTypeIsRejected() {
        List<ReferencedSchema> json = List.of(new ReferencedSchema(
                new SchemaReference("geo.Address", "address", 1), SchemaType.JSON, "{}", List.of()));
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> PROVIDER.parse(PERSON, json, Validation.NEW));
        assertEquals("Reference 'geo.Address' is a JSON schema; an Avro schema can only reference Avro schemas",
                e.getMessage());
    }

    @Test
    void theSameTextWithOtherReferencesIsAnotherSchema() throws Exception {
        ParsedSchema first = PROVIDER.parse(PERSON, PERSON_REFERENCES, Validation.NEW);
        List<ReferencedSchema> otherVersion = List.of(
                PERSON_REFERENCES.get(0),
                new ReferencedSchema(new SchemaReference("geo.Address", "address", 2), SchemaType.AVRO, ADDRESS, List.of()));
        ParsedSchema second = PROVIDER.parse(PERSON, otherVersion, Validation.NEW);

        assertEquals(first.canonical(), second.canonical());
        assertNotEquals(first, second);
    }
}
