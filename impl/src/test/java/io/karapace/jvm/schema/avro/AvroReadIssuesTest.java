package io.karapace.jvm.schema.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.schema.json.JsonSchemaProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issues keep Confluent's {@code %s} placeholders: first the reader's role, then the writer's. */
class AvroReadIssuesTest {
    private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

    private static ParsedSchema parse(String text) throws Exception {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a reader field without default missing in the writer | {"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"string"}]} | {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]} | {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path '/fields/1' in the %s schema has no default value and is missing in the %s schema', additionalInfo:'b'}
            a narrower type                                      | {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]} | {"type":"record","name":"R","fields":[{"name":"a","type":"long"}]} | {errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the %s schema does not match with the %s schema', additionalInfo:'reader type: INT not compatible with writer type: LONG'}
            another record name                                  | {"type":"record","name":"R2","fields":[]} | {"type":"record","name":"R1","fields":[]} | {errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', additionalInfo:'expected: R1'}
            an enum lacking a symbol                             | {"type":"enum","name":"E","symbols":["A"]} | {"type":"enum","name":"E","symbols":["A","B","C"]} | {errorType:'MISSING_ENUM_SYMBOLS', description:'The %s schema is missing enum symbols '[B, C]' at path '/symbols' in the %s schema', additionalInfo:'[B, C]'}
            a union lacking a branch                             | ["null","string"] | ["null","string","int"] | {errorType:'MISSING_UNION_BRANCH', description:'The %s schema is missing a type inside a union field at path '/2' in the %s schema', additionalInfo:'reader union lacking writer type: INT'}
            another fixed size                                   | {"type":"fixed","name":"F","size":8} | {"type":"fixed","name":"F","size":4} | {errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' in the %s schema does not match with the %s schema', additionalInfo:'expected: 4, found: 8'}
            """)
    void eachKindOfIncompatibilityIsWordedAsConfluentWordsIt(String rule, String reader, String writer, String issue)
            throws Exception {
        assertEquals(List.of(issue), parse(reader).readIssues(parse(writer)));
    }

    @Test
    void everyIncompatibilityIsReported() throws Exception {
        ParsedSchema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
        ParsedSchema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

        assertEquals(List.of("TYPE_MISMATCH", "READER_FIELD_MISSING_DEFAULT_VALUE"),
                reader.readIssues(writer).stream().map(issue -> issue.split("'")[1]).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the same schema                | "string"                                                                  | "string"
            a wider type                   | "long"                                                                    | "int"
            string read as bytes           | "bytes"                                                                   | "string"
            a reader field with default    | {"type":"record","name":"R","fields":[{"name":"b","type":"int","default":0}]} | {"type":"record","name":"R","fields":[]}
            a reader field alias           | {"type":"record","name":"R","fields":[{"name":"b","type":"int","aliases":["a"]}]} | {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}
            a record alias                 | {"type":"record","name":"R2","aliases":["R1"],"fields":[]}                | {"type":"record","name":"R1","fields":[]}
            an enum default covers symbols | {"type":"enum","name":"E","symbols":["A"],"default":"A"}                  | {"type":"enum","name":"E","symbols":["A","B"]}
            another namespace              | {"type":"record","name":"R","namespace":"b","fields":[]}                  | {"type":"record","name":"R","namespace":"a","fields":[]}
            """)
    void aReaderThatCanReadTheWriterHasNoIssues(String rule, String reader, String writer) throws Exception {
        assertEquals(List.of(), parse(reader).readIssues(parse(writer)));
    }

    @Test
    void aWriterOfAnotherSchemaTypeCannotBeRead() throws Exception {
        ParsedSchema jsonWriter = new JsonSchemaProvider().parse("{}", List.of(), Validation.NEW);
        assertEquals(List.of("Incompatible because of different schema type"), parse("\"string\"").readIssues(jsonWriter));
    }
}
