package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.V3RecordsApi;
import io.karapace.jvm.api.proxy.v3.model.V3ProduceData;
import io.karapace.jvm.api.proxy.v3.model.V3ProduceHeader;
import io.karapace.jvm.api.proxy.v3.model.V3ProduceRequest;
import io.karapace.jvm.api.proxy.v3.model.V3ProduceResponse;
import io.karapace.jvm.api.proxy.v3.model.V3ProduceResult;
import io.karapace.jvm.http.Json;
import io.karapace.jvm.proxy.v3.ProduceCommand;
import io.karapace.jvm.proxy.v3.ProduceOutcome;
import io.karapace.jvm.proxy.v3.RecordWriter;
import io.karapace.jvm.proxy.v3.V3Admin;
import io.karapace.jvm.proxy.v3.V3Exception;
import io.karapace.jvm.proxy.v3.V3Producer;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Produces one record per request and answers where it went, with {@code error_code} 200. */
public final class V3RecordsResource implements V3RecordsApi {
    private final V3Admin admin;
    private final V3Producer producer;

    public V3RecordsResource(V3Admin admin, V3Producer producer) {
        this.admin = admin;
        this.producer = producer;
    }

    @Override
    public Response produceRecordV3(String clusterId, String topicName, V3ProduceRequest request) {
        admin.requireCluster(clusterId);
        V3ProduceRequest body = request == null ? new V3ProduceRequest() : request;
        ProduceOutcome outcome = producer.produce(new ProduceCommand(topicName, body.getPartitionId(),
                headers(body.getHeaders()), data(body.getKey()), data(body.getValue()), timestamp(body)));
        return Response.ok(new V3ProduceResponse()
                .errorCode(200)
                .clusterId(clusterId)
                .topicName(outcome.topic())
                .partitionId(outcome.partition())
                .offset(outcome.offset())
                .timestamp(Instant.ofEpochMilli(outcome.timestamp()).toString())
                .key(result(outcome.key()))
                .value(result(outcome.value()))).build();
    }

    private static List<RecordWriter.Header> headers(List<V3ProduceHeader> headers) {
        if (headers == null) {
            return List.of();
        }
        return headers.stream().map(h -> {
            if (h == null || h.getName() == null) {
                throw V3Exception.badRequest("Every header needs a name");
            }
            try {
                return new RecordWriter.Header(h.getName(),
                        h.getValue() == null ? null : Base64.getDecoder().decode(h.getValue()));
            } catch (IllegalArgumentException e) {
                throw V3Exception.badRequest("Header " + h.getName() + " must have a base64 value");
            }
        }).toList();
    }

    private static ProduceCommand.Data data(V3ProduceData data) {
        if (data == null) {
            return null;
        }
        return new ProduceCommand.Data(data.getType(),
                data.getData() == null ? null : Json.MAPPER.valueToTree(data.getData()), data.getSubject(),
                data.getSubjectNameStrategy(), data.getSchemaId(), data.getSchemaVersion(), data.getSchema());
    }

    private static Instant timestamp(V3ProduceRequest body) {
        return body.getTimestamp() == null ? null : body.getTimestamp().toInstant();
    }

    private static V3ProduceResult result(ProduceOutcome.Side side) {
        if (side == null) {
            return null;
        }
        return new V3ProduceResult().type(side.type()).size(side.size()).subject(side.subject())
                .schemaId(side.schemaId());
    }
}
