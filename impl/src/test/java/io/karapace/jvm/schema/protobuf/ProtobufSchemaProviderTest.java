package io.karapace.jvm.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtobufSchemaProviderTest {
    private static final ProtobufSchemaProvider PROVIDER = new ProtobufSchemaProvider();

    private static final String ADDRESS = """
            syntax = "proto3";
            package geo;
            message Address {
              string street = 1;
              Country country = 2;
            }
            enum Country {
              UNKNOWN = 0;
              NO = 1;
            }
            """;
    private static final String PERSON = """
            syntax = "proto3";
            package people;
            import "geo/address.proto";
            import "google/protobuf/timestamp.proto";
            message Person {
              string name = 1 [json_name = "fullName"];
              geo.Address home = 2;
              google.protobuf.Timestamp born = 3;
            }
            """;
    private static final List<ReferencedSchema> PERSON_REFERENCES = List.of(
            new ReferencedSchema(new SchemaReference("geo/address.proto", "address", 1), SchemaType.PROTOBUF, ADDRESS, List.of()));

    private static ProtobufParsedSchema parse(String text) throws InvalidSchemaException {
        return (ProtobufParsedSchema) PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    private static ProtobufParsedSchema person() throws InvalidSchemaException {
        return (ProtobufParsedSchema) PROVIDER.parse(PERSON, PERSON_REFERENCES, Validation.NEW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a proto3 message                   | syntax = "proto3"; message M { int32 a = 1; }
            proto2 without a syntax line        | message M { optional int32 a = 1 [default = 7]; required string b = 2; }
            nested types and enums             | syntax = "proto3"; message M { message N { E e = 1; enum E { Z = 0; } } N n = 1; }
            oneofs and maps                    | syntax = "proto3"; message M { oneof o { int32 a = 1; string b = 2; } map<string, M> c = 3; }
            options and reserved ranges        | syntax = "proto3"; option java_package = "p"; message M { reserved 2, 9 to 11; reserved "x"; int32 a = 1 [deprecated = true]; }
            a service                          | syntax = "proto3"; message M { int32 a = 1; } service S { rpc Get (M) returns (stream M); }
            well-known types without references | syntax = "proto3"; import "google/protobuf/any.proto"; import "google/protobuf/struct.proto"; import "google/protobuf/wrappers.proto"; import "google/protobuf/empty.proto"; import "google/protobuf/field_mask.proto"; import "google/protobuf/duration.proto"; message M { google.protobuf.Any a = 1; google.protobuf.Struct s = 2; google.protobuf.StringValue w = 3; google.protobuf.Empty e = 4; google.protobuf.FieldMask f = 5; google.protobuf.Duration d = 6; }
            a custom option declared in the file | syntax = "proto3"; import "google/protobuf/descriptor.proto"; extend google.protobuf.FieldOptions { string unit = 50001; } message M { int32 a = 1 [(unit) = "cm"]; }
            """)
    void validSchemasParse(String rule, String text) throws Exception {
        ParsedSchema schema = parse(text);

        assertEquals(SchemaType.PROTOBUF, schema.type());
        assertEquals(schema, parse(schema.canonical()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty text                    | ``                                                               | Empty schema
            a missing semicolon           | syntax = "proto3"; message M { int32 a = 1 }                    | Syntax error in :1:45: expected ';'
            an unknown syntax             | syntax = "proto4";                                               | Syntax error in :1:1: unexpected syntax: proto4
            a proto2 field without label  | syntax = "proto2"; message M { int32 a = 1; }                   | Syntax error in :1:32: unexpected label: int32
            required in proto3            | syntax = "proto3"; message M { required int32 a = 1; }          | 'required' label forbidden in proto3 field declarations
            an unknown type               | syntax = "proto3"; message M { Foo a = 1; }                     | unable to resolve Foo
            a repeated field number       | syntax = "proto3"; message M { int32 a = 1; int32 b = 1; }      | multiple fields share tag 1
            a reserved field number       | syntax = "proto3"; message M { reserved 1; int32 a = 1; }       | tag 1 is reserved
            a proto3 enum without zero    | syntax = "proto3"; enum E { A = 1; }                            | missing a zero value at the first element in proto3
            an unknown import             | syntax = "proto3"; import "nope.proto"; message M { int32 a = 1; } | Cannot resolve import "nope.proto": it is neither a schema reference nor a well-known type
            an unknown custom option      | syntax = "proto3"; message M { int32 a = 1 [(nope) = 1]; }      | unable to resolve option nope
            """)
    void invalidSchemasAreRejectedWithTheParsersReason(String rule, String text, String reason) {
        InvalidSchemaException failure = assertThrows(InvalidSchemaException.class, () -> parse(text));

        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    @Test
    void aStoredSchemaThatNoLongerLinksIsStillServed() throws Exception {
        ParsedSchema stored = PROVIDER.parse("syntax = \"proto3\"; message M { Foo a = 1; }", List.of(), Validation.STORED);

        assertEquals("syntax = \"proto3\";\n\nmessage M {\n  Foo a = 1;\n}\n", stored.canonical());
    }

    @Test
    void importsResolveToReferencedSchemas() throws Exception {
        Descriptor person = person().descriptor("people.Person").orElseThrow();

        assertEquals("geo.Address", person.findFieldByName("home").getMessageType().getFullName());
        assertEquals("geo.Country", person.findFieldByName("home").getMessageType().findFieldByName("country").getEnumType().getFullName());
    }

    @Test
    void aReferenceThatIsNotProtobufIsRejected() {
        List<ReferencedSchema> avro = List.of(new ReferencedSchema(new SchemaReference("geo/address.proto", "address", 1),
                SchemaType.AVRO, "\"string\"", List.of()));

        InvalidSchemaException failure = assertThrows(InvalidSchemaException.class,
                () -> PROVIDER.parse(PERSON, avro, Validation.NEW));
        assertEquals("Reference 'geo/address.proto' is a AVRO schema; a Protobuf schema can only import Protobuf schemas",
                failure.getMessage());
    }

    @Test
    void theCanonicalTextIsConfluentsLayout() throws Exception {
        String messy = """
                // A comment that is not kept
                syntax="proto3";   package   shop ;
                import "google/protobuf/timestamp.proto";
                option java_multiple_files=true;
                enum State { NEW = 0; PAID = 1 [deprecated=true]; }
                message Order { reserved 9; message Line { int64 sku = 1; }
                  oneof payment { string card = 4; string iban = 5; }
                  repeated Line lines = 2 [packed=false, deprecated=true];
                  google.protobuf.Timestamp at = 3; option deprecated = true; }
                service Orders { rpc Place (Order) returns (Order); }
                """;

        assertEquals("""
                syntax = "proto3";
                package shop;

                import "google/protobuf/timestamp.proto";

                option java_multiple_files = true;

                message Order {
                  reserved 9;

                  option deprecated = true;

                  repeated Line lines = 2 [
                    packed = false,
                    deprecated = true
                  ];
                  google.protobuf.Timestamp at = 3;

                  oneof payment {
                    string card = 4;
                    string iban = 5;
                  }

                  message Line {
                    int64 sku = 1;
                  }
                }
                enum State {
                  NEW = 0;
                  PAID = 1 [deprecated = true];
                }

                service Orders {
                  rpc Place (Order) returns (Order);
                }
                """, parse(messy).canonical());
    }

    @Test
    void spellingsThatDifferOnlyInLayoutAreTheSameSchema() throws Exception {
        ParsedSchema compact = parse("syntax = \"proto3\"; message M { int32 a = 1; string b = 2; }");
        ParsedSchema spread = parse("// v1\nsyntax = \"proto3\";\n\nmessage M {\n  int32 a = 1; // first\n\n  string b = 2;\n}\n");

        assertEquals(compact, spread);
        assertEquals(compact.hashCode(), spread.hashCode());
        assertNotEquals(compact, parse("syntax = \"proto3\"; message M { string b = 2; int32 a = 1; }"));
    }

    @Test
    void theSerializedFormatIsTheBase64OfTheFileDescriptor() throws Exception {
        FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(person().formatted("serialized")));

        assertEquals("default", file.getName());
        assertEquals("people", file.getPackage());
        assertEquals("proto3", file.getSyntax());
        assertEquals(List.of("geo/address.proto", "google/protobuf/timestamp.proto"), file.getDependencyList());
        assertEquals(List.of("Person"), file.getMessageTypeList().stream().map(DescriptorProto::getName).toList());
        assertEquals(".geo.Address", file.getMessageType(0).getField(1).getTypeName());
        assertEquals("fullName", file.getMessageType(0).getField(0).getJsonName());
    }

    @Test
    void ignoringExtensionsDropsCustomOptionsAndExtensions() throws Exception {
        ParsedSchema schema = parse("""
                syntax = "proto2";
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { optional string unit = 50001; }
                message M { optional int32 a = 1 [(unit) = "cm", deprecated = true]; extensions 100 to 199; }
                """);

        assertEquals("""
                syntax = "proto2";

                import "google/protobuf/descriptor.proto";

                message M {
                  optional int32 a = 1 [deprecated = true];
                }
                """, schema.formatted("ignore_extensions"));
        assertTrue(schema.canonical().contains("extend google.protobuf.FieldOptions {"), schema.canonical());
        assertEquals(schema.canonical(), schema.formatted("default"));
        assertEquals(schema.canonical(), schema.formatted("SERIALIZED"));
    }

    @Test
    void jsonBecomesAMessageThroughTheDescriptor() throws Exception {
        ProtobufParsedSchema schema = person();
        Descriptor person = schema.firstMessage().orElseThrow();
        DynamicMessage.Builder message = DynamicMessage.newBuilder(person);

        JsonFormat.parser().merge("{\"fullName\": \"Ada\", \"home\": {\"country\": \"NO\"}, \"born\": \"1815-12-10T00:00:00Z\"}", message);

        assertEquals("people.Person", person.getFullName());
        assertEquals("Ada", message.getField(person.findFieldByName("name")));
        Message born = (Message) message.getField(person.findFieldByName("born"));
        assertEquals(Instant.parse("1815-12-10T00:00:00Z").getEpochSecond(),
                born.getField(Timestamp.getDescriptor().findFieldByName("seconds")));
        assertTrue(schema.descriptor("people.Nobody").isEmpty());
    }
}
