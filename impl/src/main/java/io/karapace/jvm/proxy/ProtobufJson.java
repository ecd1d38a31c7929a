package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

/** Protobuf data as the REST proxy receives it: the message's canonical JSON mapping. */
final class ProtobufJson {
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
}
