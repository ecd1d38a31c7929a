package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;

/** Protobuf data as the REST proxy receives and returns it: the message's canonical JSON mapping. */
final class ProtobufJson {
    private static final ObjectMapper READER = new ObjectMapper();
    /** Confluent prints fields left at their defaults too, under their JSON (lowerCamelCase) names. */
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().includingDefaultValueFields();

    private ProtobufJson() {
    }

    /** The message's binary encoding; 42203 when the JSON is no such message. */
    static byte[] toBinary(JsonNode datum, Descriptor message) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(message);
        try {
            JsonFormat.parser().merge(datum.toString(), builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw ProxyError.JSON_CONVERSION.exception(e.getMessage());
        }
        return builder.build().toByteArray();
    }

    /** The JSON mapping of a binary message of this type. */
    static JsonNode fromBinary(byte[] data, Descriptor message) {
        try {
            return READER.readTree(PRINTER.print(DynamicMessage.parseFrom(message, data)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + message.getFullName() + " message: " + e.getMessage(), e);
        }
    }
}
