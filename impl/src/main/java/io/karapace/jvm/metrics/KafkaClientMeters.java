package io.karapace.jvm.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * Kafka's own client metrics as meters: a {@link MetricsReporter} that every client the server builds
 * for itself loads (its properties come from {@link #clientProperties}), so a client's meters come and
 * go with the client. Names follow Micrometer's Kafka binder ({@code kafka.<group>.<name>}, e.g.
 * {@code kafka_consumer_fetch_manager_records_lag_max}); tags are Kafka's, except that metrics per topic
 * or partition are left out: topic names must never be labels.
 */
public final class KafkaClientMeters implements MetricsReporter {
    /** The config key carrying the meter registry to the reporter Kafka instantiates. */
    static final String REGISTRY_CONFIG = "karapace.metrics.meter.registry";
    private static final Set<String> UNBOUNDED_TAGS = Set.of("topic", "partition");

    private final Map<MetricName, Meter> meters = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    /** What to add to a client's properties so that its metrics are meters of {@code registry}. */
    public static Map<String, Object> clientProperties(MeterRegistry registry) {
        return Map.of(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG,
                JmxReporter.class.getName() + "," + KafkaClientMeters.class.getName(), REGISTRY_CONFIG, registry);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        registry = configs.get(REGISTRY_CONFIG) instanceof MeterRegistry given ? given : null;
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        if (registry == null || !(metric.metricValue() instanceof Number)) {
            return; // app-info's version and commit id are text
        }
        MetricName name = metric.metricName();
        if (name.tags().keySet().stream().anyMatch(UNBOUNDED_TAGS::contains)) {
            return;
        }
        Meter previous = meters.remove(name);
        if (previous != null) {
            registry.remove(previous);
        }
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((key, value) -> tags.add(Tag.of(key, value)));
        String group = name.group().endsWith("-metrics") ? name.group().substring(0, name.group().length() - 8)
                : name.group();
        String meterName = "kafka." + group + "." + name.name();
        try {
            Meter meter = name.name().endsWith("-total")
                    ? FunctionCounter.builder(meterName.substring(0, meterName.length() - 6), metric,
                            KafkaClientMeters::value).tags(tags).description(name.description()).register(registry)
                    : Gauge.builder(meterName, metric, KafkaClientMeters::value).tags(tags)
                            .description(name.description()).strongReference(true).register(registry);
            meters.put(name, meter);
        } catch (IllegalArgumentException e) {
            // a meter of this name with other tag keys exists: Prometheus cannot show both
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        Meter meter = meters.remove(metric.metricName());
        if (meter != null && registry != null) {
            registry.remove(meter);
        }
    }

    @Override
    public void close() {
        if (registry != null) {
            meters.values().forEach(registry::remove);
        }
        meters.clear();
    }

    private static double value(KafkaMetric metric) {
        return metric.metricValue() instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
