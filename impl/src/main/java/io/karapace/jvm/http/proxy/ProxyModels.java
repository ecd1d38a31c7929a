package io.karapace.jvm.http.proxy;

import io.karapace.jvm.api.proxy.model.Partition;
import io.karapace.jvm.api.proxy.model.PartitionOffsets;
import io.karapace.jvm.api.proxy.model.PartitionReplica;
import io.karapace.jvm.api.proxy.model.ProduceOffset;
import io.karapace.jvm.api.proxy.model.ProduceRecord;
import io.karapace.jvm.api.proxy.model.ProduceRequest;
import io.karapace.jvm.api.proxy.model.ProduceResponse;
import io.karapace.jvm.api.proxy.model.Topic;
import io.karapace.jvm.proxy.ClusterMetadata;
import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProduceBatch;
import io.karapace.jvm.proxy.ProduceResult;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.RecordOutcome;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between the generated REST proxy models and the proxy's domain types. */
final class ProxyModels {
    /** Keeps nulls inside keys and values: the shared mapper drops them, and Avro JSON needs them. */
    private static final Pattern EMBEDDED_SUBTYPE = Pattern.compile("vnd\\.kafka\\.([a-z]+)\\.v2\\+json");

    private ProxyModels() {
    }

    /** The embedded format a produce Content-Type names; the method's @Consumes admits only those. */
    static EmbeddedFormat format(MediaType contentType) {
        Matcher matcher = contentType == null ? null : EMBEDDED_SUBTYPE.matcher(contentType.getSubtype());
        if (matcher == null || !matcher.matches()) {
            throw ProxyError.UNSUPPORTED_MEDIA_TYPE.exception();
        }
        return EmbeddedFormat.parse(matcher.group(1)).orElseThrow(ProxyError.UNSUPPORTED_MEDIA_TYPE::exception);
    }

    static ProduceBatch batch(String topic, Integer partition, EmbeddedFormat format, ProduceRequest request) {
        ProduceRequest body = request == null ? new ProduceRequest() : request;
        List<ProduceBatch.Entry> records = body.getRecords() == null ? List.of() : body.getRecords().stream()
                .map(ProxyModels::entry).toList();
        return new ProduceBatch(topic, partition, format,
                new ProduceBatch.SchemaChoice(body.getKeySchema(), body.getKeySchemaId()),
                new ProduceBatch.SchemaChoice(body.getValueSchema(), body.getValueSchemaId()), records);
    }

    private static ProduceBatch.Entry entry(ProduceRecord record) {
        if (record == null) {
            // Karapace kafka_rest_apis/__init__.py validate_publish_request_format: 400 "Produce record must be an object"
            throw ProxyError.BAD_REQUEST.exception("Produce record must be an object");
        }
        return new ProduceBatch.Entry(record.getKey(), record.getValue(), record.getPartition());
    }

    static ProduceResponse response(ProduceResult result) {
        return new ProduceResponse()
                .keySchemaId(result.keySchemaId())
                .valueSchemaId(result.valueSchemaId())
                .offsets(result.offsets().stream().map(ProxyModels::offset).toList());
    }

    private static ProduceOffset offset(RecordOutcome outcome) {
        return new ProduceOffset()
                .partition(outcome.partition())
                .offset(outcome.offset())
                .errorCode(outcome.errorCode())
                .error(outcome.error());
    }

    static Topic topic(ClusterMetadata.TopicDetails details) {
        return new Topic()
                .name(details.name())
                .configs(details.configs())
                .partitions(partitions(details.partitions()));
    }

    static List<Partition> partitions(List<ClusterMetadata.PartitionDetails> partitions) {
        return partitions.stream().map(ProxyModels::partition).toList();
    }

    static Partition partition(ClusterMetadata.PartitionDetails details) {
        return new Partition()
                .partition(details.partition())
                .leader(details.leader())
                .replicas(details.replicas().stream().map(r -> new PartitionReplica()
                        .broker(r.broker()).leader(r.leader()).inSync(r.inSync())).toList());
    }

    static PartitionOffsets offsets(ClusterMetadata.OffsetRange range) {
        return new PartitionOffsets().beginningOffset(range.beginning()).endOffset(range.end());
    }
}
