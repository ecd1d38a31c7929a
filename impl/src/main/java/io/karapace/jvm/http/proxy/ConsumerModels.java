package io.karapace.jvm.http.proxy;

import io.karapace.jvm.api.proxy.model.CommittedOffset;
import io.karapace.jvm.api.proxy.model.CommittedOffsets;
import io.karapace.jvm.api.proxy.model.ConsumerRecord;
import io.karapace.jvm.api.proxy.model.CreateConsumerRequest;
import io.karapace.jvm.api.proxy.model.SeekRequest;
import io.karapace.jvm.api.proxy.model.TopicPartition;
import io.karapace.jvm.api.proxy.model.TopicPartitionOffset;
import io.karapace.jvm.api.proxy.model.TopicPartitions;
import io.karapace.jvm.proxy.ConsumedRecord;
import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.consumer.InstanceConfig;
import io.karapace.jvm.proxy.consumer.PartitionOffset;
import io.karapace.jvm.proxy.consumer.PartitionRef;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between the generated consumer models and the consumer manager's domain types. */
final class ConsumerModels {
    private static final Pattern EMBEDDED_SUBTYPE = Pattern.compile("vnd\\.kafka\\.([a-z]+)\\.v2\\+json");

    private ConsumerModels() {
    }

    static InstanceConfig config(CreateConsumerRequest request) {
        if (request == null) {
            return InstanceConfig.defaults();
        }
        return new InstanceConfig(request.getName(), request.getId(), request.getFormat(), request.getAutoOffsetReset(),
                request.getAutoCommitEnable(), text(request.getFetchMinBytes()),
                text(request.getConsumerRequestTimeoutMs()));
    }

    /**
     * The embedded format a records Accept names, the most preferred first; a plain
     * {@code application/vnd.kafka.v2+json}, {@code application/json}, a wildcard or no Accept mean binary,
     * as in Confluent.
     */
    static EmbeddedFormat acceptedFormat(String accept) {
        if (accept == null) {
            return EmbeddedFormat.BINARY;
        }
        return Arrays.stream(accept.split(","))
                .map(ConsumerModels::mediaType)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(ConsumerModels::quality).reversed())
                .map(ConsumerModels::embedded)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(EmbeddedFormat.BINARY);
    }

    private static Optional<EmbeddedFormat> embedded(MediaType type) {
        Matcher matcher = EMBEDDED_SUBTYPE.matcher(type.getSubtype());
        return matcher.matches() ? EmbeddedFormat.parse(matcher.group(1)) : Optional.empty();
    }

    private static Optional<MediaType> mediaType(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(MediaType.valueOf(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<PartitionRef> partitions(TopicPartitions body) {
        return list(body == null ? null : body.getPartitions(), p -> new PartitionRef(p.getTopic(), number(p.getPartition())));
    }

    static TopicPartitions topicPartitions(List<PartitionRef> partitions) {
        return new TopicPartitions().partitions(partitions.stream()
                .map(p -> new TopicPartition().topic(p.topic()).partition(p.partition())).toList());
    }

    /** Seeks to offsets; Confluent's seek by timestamp is not offered by this proxy. */
    static List<PartitionOffset> offsets(SeekRequest body) {
        if (body != null && body.getTimestamps() != null && !body.getTimestamps().isEmpty()) {
            throw ProxyError.UNPROCESSABLE.exception("Seeking to timestamps is not supported; seek to offsets");
        }
        return list(body == null ? null : body.getOffsets(), (TopicPartitionOffset o) ->
                new PartitionOffset(o.getTopic(), number(o.getPartition()), number(o.getOffset())));
    }

    static List<io.karapace.jvm.proxy.consumer.CommittedOffset> committed(CommittedOffsets body) {
        return list(body.getOffsets(), o -> new io.karapace.jvm.proxy.consumer.CommittedOffset(o.getTopic(),
                number(o.getPartition()), number(o.getOffset()), o.getMetadata()));
    }

    static CommittedOffsets committedOffsets(List<io.karapace.jvm.proxy.consumer.CommittedOffset> offsets) {
        return new CommittedOffsets().offsets(offsets.stream().map(o -> new CommittedOffset().topic(o.topic())
                .partition(o.partition()).offset(o.offset()).metadata(o.metadata())).toList());
    }

    static ConsumerRecord record(ConsumedRecord record) {
        return new ConsumerRecord().topic(record.topic()).key(record.key()).value(record.value())
                .partition(record.partition()).offset(record.offset());
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> convert) {
        if (items == null) {
            throw ProxyError.UNPROCESSABLE.exception("Unrecognized field: the request lists no entries");
        }
        return items.stream().filter(Objects::nonNull).map(convert).toList();
    }

    private static int number(Integer value) {
        if (value == null) {
            throw ProxyError.UNPROCESSABLE.exception("partition is required");
        }
        return value;
    }

    private static long number(Long value) {
        if (value == null) {
            throw ProxyError.UNPROCESSABLE.exception("offset is required");
        }
        return value;
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
