package io.karapace.serdes.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.karapace.serdes.client.SchemaMetadata;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import io.karapace.serdes.subject.RecordNameStrategy;
import io.karapace.serdes.subject.TopicRecordNameStrategy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes from API.md Part F, "Confluent wire format": magic 0, the id as 4 bytes big-endian, the
 * message indexes (a count then each index, zig-zag varints; {@code [0]} as the single byte 0; Confluent's
 * {@code MessageIndexes}), then the Protobuf binary encoding. Configs are Confluent's
 * {@code KafkaProtobufDeserializerConfig} ({@code specific.protobuf.value.type}).
 */
class ProtobufWireFormatTest {

    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "http://unused:1");

    static final FileDescriptorProto SHOP = FileDescriptorProto.newBuilder()
            .setName("shop.proto").setPackage("shop").setSyntax("proto3")
            .addMessageType(DescriptorProto.newBuilder().setName("Order")
                    .addNestedType(DescriptorProto.newBuilder().setName("Line")
                            .addField(field("sku", 1, Type.TYPE_STRING))
                            .addField(field("qty", 2, Type.TYPE_INT32)))
                    .addNestedType(DescriptorProto.newBuilder().setName("Note")
                            .addField(field("text", 1, Type.TYPE_STRING)))
                    .addNestedType(DescriptorProto.newBuilder().setName("TagsEntry")
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                            .addField(field("key", 1, Type.TYPE_STRING).setLabel(Label.LABEL_OPTIONAL))
                            .addField(field("value", 2, Type.TYPE_INT64).setLabel(Label.LABEL_OPTIONAL)))
                    .addField(field("id", 1, Type.TYPE_STRING))
                    .addField(field("lines", 2, Type.TYPE_MESSAGE).setTypeName(".shop.Order.Line").setLabel(Label.LABEL_REPEATED))
                    .addField(field("tags", 3, Type.TYPE_MESSAGE).setTypeName(".shop.Order.TagsEntry").setLabel(Label.LABEL_REPEATED))
                    .addField(field("card", 4, Type.TYPE_STRING).setOneofIndex(0))
                    .addField(field("iban", 5, Type.TYPE_STRING).setOneofIndex(0))
                    .addField(field("note", 6, Type.TYPE_STRING).setOneofIndex(1).setProto3Optional(true))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("pay"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_note")))
            .addMessageType(DescriptorProto.newBuilder().setName("Refund")
                    .addField(field("order", 1, Type.TYPE_MESSAGE).setTypeName(".shop.Order")))
            .build();

    static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL);
    }

    static FileDescriptor shop() throws Exception {
        return FileDescriptor.buildFrom(SHOP, new FileDescriptor[0]);
    }

    /** Ids from 7; {@code format=serialized} answers the base64 of the FileDescriptorProto registered for the file. */
    static final class Registry implements SchemaRegistryClient {
        final List<String> calls = new ArrayList<>();
        final Map<Integer, SchemaString> byId = new HashMap<>();
        final Map<String, FileDescriptorProto> serialized = new HashMap<>();
        int next = 7;

        @Override
        public int register(String subject, SchemaString schema, boolean normalize) {
            calls.add("register " + subject);
            for (Map.Entry<Integer, SchemaString> e : byId.entrySet()) {
                if (e.getValue().equals(schema)) {
                    return e.getKey();
                }
            }
            byId.put(next, schema);
            return next++;
        }

        @Override
        public int getId(String subject, SchemaString schema, boolean normalize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaString getSchemaById(int id) {
            return byId.get(id);
        }

        @Override
        public SchemaString getSchemaById(int id, String format) {
            calls.add("schema " + id + " " + format);
            return new SchemaString("PROTOBUF", Base64.getEncoder().encodeToString(serialized.get(byId.get(id).schema()).toByteArray()));
        }

        @Override
        public SchemaMetadata getLatestSchemaMetadata(String subject) {
            throw new UnsupportedOperationException();
        }
    }

    private final Registry registry = new Registry();

    @Test
    void theFirstTopLevelMessageIsTheSingleIndexByteZero() {
        Timestamp timestamp = Timestamp.newBuilder().setSeconds(1).build();

        byte[] bytes = new KafkaProtobufSerializer<Timestamp>(registry, CONFIG).serialize("t", timestamp);

        // 00 magic | 00 00 00 07 id | 00 indexes [0] | 08 01 field 1 varint = 1
        assertEquals("0000000007" + "00" + "0801", HexFormat.of().formatHex(bytes));
        Timestamp read = new KafkaProtobufDeserializer<Timestamp>(registry, Map.of("schema.registry.url", "http://unused:1",
                "specific.protobuf.value.type", Timestamp.class.getName())).deserialize("t", bytes);
        assertEquals(timestamp, read);
    }

    @Test
    void nestedMessagesWriteTheirPath() throws Exception {
        FileDescriptor shop = shop();
        Descriptor note = shop.findMessageTypeByName("Order").getNestedTypes().get(1);
        Message message = DynamicMessage.newBuilder(note).setField(note.findFieldByName("text"), "hi").build();
        Descriptor refund = shop.findMessageTypeByName("Refund");

        // [0, 1]: count 2 then 0 and 1, zig-zag: 04 00 02 | 0a 02 68 69 field 1 "hi"
        assertEquals("0000000007" + "040002" + "0a026869",
                HexFormat.of().formatHex(new KafkaProtobufSerializer<>(registry, CONFIG).serialize("t", message)));
        // [1]: count 1 then 1: 02 02; an empty message has no bytes
        assertEquals("0000000007" + "0202",
                HexFormat.of().formatHex(new KafkaProtobufSerializer<>(registry, CONFIG).serialize("u", DynamicMessage.getDefaultInstance(refund))));
        assertEquals(List.of(0, 1), MessageIndexes.read(ByteBuffer.wrap(new byte[] {4, 0, 2})));
        assertEquals(List.of(0), MessageIndexes.read(ByteBuffer.wrap(new byte[] {0})));
    }

    @Test
    void theDeserializerPicksTheMessageByItsIndexesInTheSerializedSchema() throws Exception {
        FileDescriptor shop = shop();
        Descriptor note = shop.findMessageTypeByName("Order").getNestedTypes().get(1);
        KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>(registry, CONFIG);
        registry.serialized.put(serializer.schemaText(shop), SHOP);
        byte[] bytes = serializer.serialize("t", DynamicMessage.newBuilder(note).setField(note.findFieldByName("text"), "hi").build());

        DynamicMessage read = new KafkaProtobufDeserializer<DynamicMessage>(registry, CONFIG).deserialize("t", bytes);

        assertEquals("shop.Order.Note", read.getDescriptorForType().getFullName());
        assertEquals("hi", read.getField(read.getDescriptorForType().findFieldByName("text")));
        assertEquals("schema 7 serialized", registry.calls.get(1));
    }

    @Test
    void theSchemaIsTheFileAsProtoText() throws Exception {
        assertEquals("""
                syntax = "proto3";
                package shop;

                message Order {
                  message Line {
                    string sku = 1;
                    int32 qty = 2;
                  }
                  message Note {
                    string text = 1;
                  }
                  map<string, int64> tags = 3;
                  string id = 1;
                  repeated .shop.Order.Line lines = 2;
                  oneof pay {
                    string card = 4;
                    string iban = 5;
                  }
                  optional string note = 6;
                }

                message Refund {
                  .shop.Order order = 1;
                }
                """, ProtoText.render(shop()));
        // a map field declared before a nested message stays before it: the entry keeps its index 0, Inner 1
        FileDescriptorProto mapFirst = FileDescriptorProto.newBuilder().setName("m.proto").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("M")
                        .addNestedType(DescriptorProto.newBuilder().setName("AEntry")
                                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                                .addField(field("key", 1, Type.TYPE_INT32)).addField(field("value", 2, Type.TYPE_INT32)))
                        .addNestedType(DescriptorProto.newBuilder().setName("Inner"))
                        .addField(field("a", 1, Type.TYPE_MESSAGE).setTypeName(".M.AEntry").setLabel(Label.LABEL_REPEATED)))
                .build();
        assertEquals("""
                syntax = "proto3";

                message M {
                  map<int32, int32> a = 1;
                  message Inner {
                  }
                }
                """, ProtoText.render(mapFirst));
    }

    @Test
    void recordNameStrategiesUseTheMessagesFullName() throws Exception {
        Descriptor refund = shop().findMessageTypeByName("Refund");
        Map<String, Object> config = Map.of("schema.registry.url", "http://unused:1",
                "key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName());

        new KafkaProtobufSerializer<>(registry, config, true).serialize("t", DynamicMessage.getDefaultInstance(refund));
        new KafkaProtobufSerializer<>(registry, config, false).serialize("t", DynamicMessage.getDefaultInstance(refund));

        // Confluent's ProtobufSchema.name(): the message's full name
        assertEquals(List.of("register shop.Refund", "register t-shop.Refund"), registry.calls);
        assertThrows(SerializationException.class, () -> new KafkaProtobufDeserializer<Message>(registry, CONFIG)
                .deserialize("t", new byte[] {1, 0, 0, 0, 7, 0}));
    }
}
