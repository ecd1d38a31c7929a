package io.karapace.jvm.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtobufNormalizationTest {
    private static final ProtobufSchemaProvider PROVIDER = new ProtobufSchemaProvider();

    private static ParsedSchema parse(String text) throws Exception {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    private static String normalized(String text) throws Exception {
        return parse(text).normalize().canonical();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            fields in another order          | syntax = "proto3"; message M { int32 a = 1; string b = 2; }                              | syntax = "proto3"; message M { string b = 2; int32 a = 1; }
            options in another order         | syntax = "proto3"; option java_package = "p"; option go_package = "g"; message M {}      | syntax = "proto3"; option go_package = "g"; option java_package = "p"; message M {}
            field options in another order   | syntax = "proto3"; message M { repeated int32 a = 1 [packed = true, deprecated = true]; } | syntax = "proto3"; message M { repeated int32 a = 1 [deprecated = true, packed = true]; }
            a relative and a qualified name  | syntax = "proto3"; package p; message M { N n = 1; message N {} }                        | syntax = "proto3"; package p; message M { .p.M.N n = 1; message N {} }
            a name qualified from the package | syntax = "proto3"; package p; message M { M.N n = 1; message N {} }                     | syntax = "proto3"; package p; message M { p.M.N n = 1; message N {} }
            enum constants in another order  | syntax = "proto3"; enum E { A = 0; C = 2; B = 1; }                                       | syntax = "proto3"; enum E { A = 0; B = 1; C = 2; }
            reserved ranges in another order | syntax = "proto3"; message M { reserved 9 to 11, 3; reserved "x"; }                     | syntax = "proto3"; message M { reserved "x"; reserved 3; reserved 9 to 11; }
            oneof fields in another order    | syntax = "proto3"; message M { oneof o { int32 b = 2; int32 a = 1; } }                   | syntax = "proto3"; message M { oneof o { int32 a = 1; int32 b = 2; } }
            imports in another order         | syntax = "proto3"; import "google/protobuf/empty.proto"; import "google/protobuf/any.proto"; message M {} | syntax = "proto3"; import "google/protobuf/any.proto"; import "google/protobuf/empty.proto"; message M {}
            proto2 said or implied           | syntax = "proto2"; message M { optional int32 a = 1; }                                   | message M { optional int32 a = 1; }
            a number in another notation     | syntax = "proto3"; import "google/protobuf/descriptor.proto"; extend google.protobuf.FieldOptions { double ratio = 50001; } message M { int32 a = 1 [(ratio) = 1.50]; } | syntax = "proto3"; import "google/protobuf/descriptor.proto"; extend google.protobuf.FieldOptions { double ratio = 50001; } message M { int32 a = 1 [(ratio) = 1.5]; }
            """)
    void equivalentSpellingsNormalizeToOneText(String rule, String one, String other) throws Exception {
        assertEquals(normalized(one), normalized(other));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            messages in another order, which clients index | syntax = "proto3"; message A {} message B {}     | syntax = "proto3"; message B {} message A {}
            another field number                           | syntax = "proto3"; message M { int32 a = 1; }    | syntax = "proto3"; message M { int32 a = 2; }
            another field type                             | syntax = "proto3"; message M { int32 a = 1; }    | syntax = "proto3"; message M { int64 a = 1; }
            another option value                           | syntax = "proto3"; option java_package = "p"; message M {} | syntax = "proto3"; option java_package = "q"; message M {}
            """)
    void differencesThatMatterSurviveNormalization(String rule, String one, String other) throws Exception {
        assertNotEquals(normalized(one), normalized(other));
    }

    @Test
    void theNormalizedTextQualifiesNamesSortsAndDropsTheProto2SyntaxLine() throws Exception {
        String text = """
                syntax = "proto2";
                package shop;
                option java_package = "shop.v1";
                option java_multiple_files = true;
                message Order {
                  map<string, Line> lines = 3;
                  optional State state = 2 [default = NEW];
                  required string id = 1;
                  message Line { optional int64 sku = 1; }
                }
                enum State { PAID = 1; NEW = 0; }
                service Orders { rpc Get (Order) returns (Order.Line); }
                """;

        assertEquals("""
                package shop;

                option java_multiple_files = true;
                option java_package = "shop.v1";

                message Order {
                  required string id = 1;
                  optional .shop.State state = 2 [default = NEW];
                  map<string, .shop.Order.Line> lines = 3;

                  message Line {
                    optional int64 sku = 1;
                  }
                }
                enum State {
                  NEW = 0;
                  PAID = 1;
                }

                service Orders {
                  rpc Get (.shop.Order) returns (.shop.Order.Line);
                }
                """, normalized(text));
    }

    @Test
    void normalizingTwiceChangesNothing() throws Exception {
        ParsedSchema once = parse("syntax = \"proto3\"; package p; message M { N b = 2; int32 a = 1; message N {} }").normalize();

        assertEquals(once, once.normalize());
    }

    @Test
    void theCanonicalTextKeepsTheWrittenOrder() throws Exception {
        assertEquals("syntax = \"proto3\";\n\nmessage M {\n  string b = 2;\n  int32 a = 1;\n}\n",
                parse("syntax = \"proto3\"; message M { string b = 2; int32 a = 1; }").canonical());
    }
}
