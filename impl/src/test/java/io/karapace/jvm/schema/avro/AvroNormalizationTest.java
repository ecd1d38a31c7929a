package io.karapace.jvm.schema.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroNormalizationTest {
    private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

    private static ParsedSchema parse(String text) throws Exception {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    private static String normalized(String text) throws Exception {
        return parse(text).normalize().canonical();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            custom properties in another order     | {"type":"record","name":"R","b":1,"a":2,"fields":[{"name":"f","type":"int"}]}                                  | {"type":"record","name":"R","a":2,"b":1,"fields":[{"name":"f","type":"int"}]}
            field properties in another order      | {"type":"record","name":"R","fields":[{"name":"f","type":"int","y":1,"x":2}]}                                 | {"type":"record","name":"R","fields":[{"name":"f","type":"int","x":2,"y":1}]}
            primitive properties in another order  | {"type":"long","connect.version":1,"connect.name":"ts"}                                                       | {"connect.name":"ts","type":"long","connect.version":1}
            nested property objects in another order | {"type":"string","meta":{"b":[1,{"d":1,"c":2}],"a":0}}                                                      | {"type":"string","meta":{"a":0,"b":[1,{"c":2,"d":1}]}}
            aliases in another order               | {"type":"record","name":"R","aliases":["B","A"],"fields":[{"name":"f","type":"int","aliases":["y","x"]}]}     | {"type":"record","name":"R","aliases":["A","B"],"fields":[{"name":"f","type":"int","aliases":["x","y"]}]}
            a record default in another key order  | {"type":"record","name":"R","fields":[{"name":"p","type":{"type":"record","name":"P","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]},"default":{"y":1,"x":2}}]} | {"type":"record","name":"R","fields":[{"name":"p","type":{"type":"record","name":"P","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]},"default":{"x":2,"y":1}}]}
            a double default written as an integer | {"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1}]}                              | {"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.0}]}
            a full name instead of a namespace     | {"type":"record","name":"a.b.R","fields":[{"name":"f","type":"int"}]}                                          | {"type":"record","name":"R","namespace":"a.b","fields":[{"name":"f","type":"int"}]}
            a short name instead of a full name    | {"type":"record","name":"R","namespace":"n","fields":[{"name":"e","type":{"type":"enum","name":"E","symbols":["A"]}},{"name":"g","type":"E"}]} | {"type":"record","name":"R","namespace":"n","fields":[{"name":"e","type":{"type":"enum","name":"n.E","symbols":["A"]}},{"name":"g","type":"n.E"}]}
            an explicit ascending order            | {"type":"record","name":"R","fields":[{"name":"f","type":"int","order":"ascending"}]}                         | {"type":"record","name":"R","fields":[{"name":"f","type":"int"}]}
            attributes in another order            | {"fields":[{"type":"int","name":"f","doc":"d"}],"name":"R","type":"record"}                                   | {"type":"record","name":"R","fields":[{"name":"f","doc":"d","type":"int"}]}
            """)
    void equivalentSpellingsNormalizeToOneText(String rule, String one, String other) throws Exception {
        assertEquals(normalized(one), normalized(other));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another doc            | {"type":"record","name":"R","doc":"x","fields":[{"name":"f","type":"int"}]}                | {"type":"record","name":"R","doc":"y","fields":[{"name":"f","type":"int"}]}
            another default        | {"type":"record","name":"R","fields":[{"name":"f","type":"int","default":1}]}              | {"type":"record","name":"R","fields":[{"name":"f","type":"int","default":2}]}
            another logical type   | {"type":"int","logicalType":"date"}                                                          | {"type":"int","logicalType":"time-millis"}
            another decimal scale  | {"type":"bytes","logicalType":"decimal","precision":4,"scale":2}                             | {"type":"bytes","logicalType":"decimal","precision":4,"scale":1}
            another property value | {"type":"string","x":1}                                                                      | {"type":"string","x":2}
            another field order    | {"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"}]} | {"type":"record","name":"R","fields":[{"name":"b","type":"int"},{"name":"a","type":"int"}]}
            a descending order     | {"type":"record","name":"R","fields":[{"name":"f","type":"int"}]}                            | {"type":"record","name":"R","fields":[{"name":"f","type":"int","order":"descending"}]}
            """)
    void differencesThatMatterSurviveNormalization(String rule, String one, String other) throws Exception {
        assertNotEquals(normalized(one), normalized(other));
    }

    @Test
    void theNormalizedTextIsAvrosRenderingOfTheRewrite() throws Exception {
        String text = """
                {"namespace": "shop", "type": "record", "name": "Order", "zeta": 1, "alpha": {"y": 1, "x": 2},
                 "aliases": ["Purchase", "Basket"], "doc": "An order",
                 "fields": [
                   {"name": "amount", "type": {"type": "bytes", "scale": 2, "precision": 9, "logicalType": "decimal"}},
                   {"name": "state", "default": "NEW", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "PAID"]}},
                   {"name": "previous", "type": ["null", "State"], "default": null, "doc": ""}
                 ]}""";

        assertEquals("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"doc\":\"An order\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}},"
                + "{\"name\":\"state\",\"type\":{\"type\":\"enum\",\"name\":\"State\",\"symbols\":[\"NEW\",\"PAID\"]},\"default\":\"NEW\"},"
                + "{\"name\":\"previous\",\"type\":[\"null\",\"State\"],\"doc\":\"\",\"default\":null}],"
                + "\"alpha\":{\"x\":2,\"y\":1},\"zeta\":1,\"aliases\":[\"Basket\",\"Purchase\"]}",
                normalized(text));
    }

    @Test
    void normalizingTwiceChangesNothing() throws Exception {
        ParsedSchema once = parse("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"b\":1,\"a\":2,"
                + "\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"fixed\",\"name\":\"F\",\"size\":2,\"q\":1,\"p\":0}}]}").normalize();

        assertEquals(once, once.normalize());
    }

    @Test
    void referencedTypesStayReferencesWhenNormalized() throws Exception {
        List<ReferencedSchema> references = List.of(new ReferencedSchema(new SchemaReference("geo.Country", "country", 1),
                SchemaType.AVRO, "{\"type\":\"enum\",\"name\":\"Country\",\"namespace\":\"geo\",\"symbols\":[\"FR\"]}", List.of()));
        ParsedSchema schema = PROVIDER.parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"c\",\"type\":\"geo.Country\",\"y\":1,\"x\":0}]}",
                references, Validation.NEW);

        ParsedSchema normalized = schema.normalize();

        assertEquals("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"c\",\"type\":\"geo.Country\",\"x\":0,\"y\":1}]}",
                normalized.canonical());
        assertEquals("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"c\",\"type\":{\"type\":\"enum\","
                + "\"name\":\"Country\",\"namespace\":\"geo\",\"symbols\":[\"FR\"]},\"x\":0,\"y\":1}]}",
                normalized.formatted("resolved"));
    }

    @Test
    void aDefaultThatOnlyLenientParsingKeptIsDroppedAsConfluentDoes() throws Exception {
        ParsedSchema stored = PROVIDER.parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"default\":\"x\"}]}",
                List.of(), Validation.STORED);

        assertEquals("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}",
                stored.normalize().canonical());
    }
}
