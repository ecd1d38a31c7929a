package io.karapace.jvm.metrics;

import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The REST proxy's counts (Karapace has no proxy metrics of its own; Micrometer's naming): records and
 * bytes produced and consumed by embedded format, records not written, consumer instances, record
 * fetches waiting. The format is the only label: never a topic or a consumer group.
 */
public final class ProxyMeters {
    private ProxyMeters() {
    }

    public static void bind(MeterRegistry registry, ProxyStats stats) {
        for (EmbeddedFormat format : EmbeddedFormat.values()) {
            String tag = format.name().toLowerCase(Locale.ROOT);
            counter(registry, "karapace.rest.produced.records", "Records written to Kafka", tag, null,
                    s -> s.producedRecords(format), stats);
            counter(registry, "karapace.rest.produced", "Key and value bytes of the records written", tag, "bytes",
                    s -> s.producedBytes(format), stats);
            counter(registry, "karapace.rest.produce.errors", "Records of produce requests that were not written",
                    tag, null, s -> s.produceErrors(format), stats);
            counter(registry, "karapace.rest.consumed.records", "Records handed to REST consumers", tag, null,
                    s -> s.consumedRecords(format), stats);
            counter(registry, "karapace.rest.consumed", "Key and value bytes of the records handed to REST consumers",
                    tag, "bytes", s -> s.consumedBytes(format), stats);
        }
        Gauge.builder("karapace.rest.consumer.instances", stats, ProxyStats::consumerInstances)
                .description("REST proxy consumer instances").strongReference(true).register(registry);
        Gauge.builder("karapace.rest.consumer.fetches.waiting", stats, ProxyStats::waitingFetches)
                .description("Record fetches (long polls) waiting for records").strongReference(true)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, String format,
                                String unit, ToDoubleFunction<ProxyStats> value, ProxyStats stats) {
        FunctionCounter.builder(name, stats, value).description(description).baseUnit(unit).tag("format", format)
                .register(registry);
    }
}
