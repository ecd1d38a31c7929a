package io.karapace.jvm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What every scenario shares: options, tools, the broker, the output folder and server launches. */
public final class Bench implements AutoCloseable {
    static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(120);

    private final Options options;
    private final Report report;
    private final Tools tools;
    private final Wrk wrk;
    private final String bootstrap;
    private final Admin admin;
    private int serverCount;
    private KarapaceProcess shared;

    Bench(Options options, Report report, Tools tools, String bootstrap) throws IOException {
        this.options = options;
        this.report = report;
        this.tools = tools;
        this.bootstrap = bootstrap;
        this.wrk = new Wrk(tools.wrk(), options.outDir().resolve("work/wrk"));
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(props);
    }

    public Options options() {
        return options;
    }

    public Report report() {
        return report;
    }

    public Tools tools() {
        return tools;
    }

    public Wrk wrk() {
        return wrk;
    }

    public Path workDir(String name) {
        return options.outDir().resolve("work").resolve(name);
    }

    /** The server the registry and REST proxy scenarios share, started on first use. */
    public KarapaceProcess sharedServer() throws IOException, InterruptedException {
        if (shared == null) {
            shared = startServer("shared", Map.of(), Optional.empty());
        }
        return shared;
    }

    /** A server on a schemas topic of its own; {@code extra} adds config keys, {@code flags} replaces JVM flags. */
    public KarapaceProcess startServer(String name, Map<String, Object> extra, Optional<List<String>> flags)
            throws IOException, InterruptedException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap_uri", bootstrap);
        config.put("topic_name", "_schemas_bench_" + UUID.randomUUID().toString().substring(0, 8));
        config.put("producer_linger_ms", options.lingerMs());
        config.put("producer_acks", "1");
        config.put("log_level", "INFO");
        config.putAll(extra);
        return KarapaceProcess.start(options.serverJar(), flags.orElse(options.jvmFlags()), config,
                workDir("server-" + (++serverCount) + "-" + name), SERVER_START_TIMEOUT);
    }

    public void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** A raw producer tuned like the server's REST producer (acks, linger, no compression). */
    public KafkaProducer<byte[], byte[]> producer(String acks, int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, acks);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "all".equals(acks));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Unrecorded load so the JIT has compiled the paths the measured runs take. */
    public void warmUp(Wrk.Request request, int connections) throws IOException, InterruptedException {
        wrk.run(request, "warm-up", connections, options.warmupSeconds(), 1);
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
