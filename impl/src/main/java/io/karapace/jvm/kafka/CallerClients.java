package io.karapace.jvm.kafka;

import io.karapace.jvm.util.DaemonThreads;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rest_authorization}: one set of Kafka clients per caller credential (Karapace's
 * {@code UserRestProxy} per Authorization header), built with the caller's SASL identity on
 * {@code sasl_bootstrap_uri}. At most {@value #MAX_CALLERS} sets are kept; the least recently used
 * one beyond that, and any set unused for {@value #IDLE_MINUTES} minutes that holds no consumer, is
 * closed. The request being served names its caller through {@link #bind}; the proxy's adapters ask
 * {@link #current()} for its set.
 *
 * @param <T> the client set (admin, producer, consumers) built for one caller
 */
public final class CallerClients<T extends CallerClients.ClientSet> implements AutoCloseable {
    static final int MAX_CALLERS = 100;
    static final int IDLE_MINUTES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CallerClients.class);

    /** What a caller's clients must offer to be kept and closed here. */
    public interface ClientSet extends AutoCloseable {
        /** Whether closing would lose state the caller still holds (REST consumer instances). */
        boolean holdsState();

        @Override
        void close();
    }

    /** A caller's SASL identity: a user and password, or a bearer token. */
    public record Credentials(String mechanism, String username, String password, String token) {
        public static Credentials basic(String mechanism, String username, String password) {
            return new Credentials(mechanism, username, password, null);
        }

        public static Credentials bearer(String token) {
            return new Credentials("OAUTHBEARER", null, null, token);
        }

        @Override
        public String toString() {
            return token == null ? "Credentials[" + mechanism + " " + username + "]" : "Credentials[OAUTHBEARER]";
        }
    }

    private record Entry<T>(T clients, long[] lastUsed) {
    }

    private record Bound<T>(String key, T clients) {
    }

    private final ThreadLocal<Bound<T>> bound = new ThreadLocal<>();
    private final LinkedHashMap<String, Entry<T>> sets = new LinkedHashMap<>(16, 0.75f, true);
    private final Function<KafkaClients, T> builder;
    private final KafkaClients base;
    private final String saslBootstrap;
    private final ScheduledExecutorService janitor;

    /**
     * @param base the server's own clients: their TLS settings and tuning carry over
     * @param saslBootstrap {@code sasl_bootstrap_uri}, else {@code bootstrap_uri}
     */
    public CallerClients(KafkaClients base, String saslBootstrap, Function<KafkaClients, T> builder) {
        this.base = base;
        this.saslBootstrap = saslBootstrap;
        this.builder = builder;
        this.janitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("caller-clients-janitor"));
        janitor.scheduleWithFixedDelay(this::closeIdle, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Binds the caller of the request served on this thread; {@code key} is its Authorization header.
     *
     * @throws io.karapace.jvm.config.ConfigException when the credentials cannot make a Kafka login
     */
    public void bind(String key, Credentials credentials) {
        bound.set(new Bound<>(key, clientsFor(key, credentials)));
    }

    public void unbind() {
        bound.remove();
    }

    /** The bound caller's clients; refuses rather than fall back to the server's own identity. */
    public T current() {
        Bound<T> caller = bound.get();
        if (caller == null) {
            throw new IllegalStateException("rest_authorization is on but no caller is bound to this thread");
        }
        return caller.clients();
    }

    /** The bound caller's Authorization header, passed on to a remote registry; empty when none is bound. */
    public Optional<String> currentAuthorization() {
        Bound<T> caller = bound.get();
        return caller == null ? Optional.empty() : Optional.of(caller.key());
    }

    synchronized int size() {
        return sets.size();
    }

    private synchronized T clientsFor(String key, Credentials credentials) {
        Entry<T> entry = sets.get(key);
        if (entry == null) {
            entry = new Entry<>(builder.apply(base.as(saslBootstrap, KafkaSecurity.of(callerSettings(credentials)))),
                    new long[1]);
            sets.put(key, entry);
            LOG.info("Kafka clients opened for REST caller {}", credentials);
            evictBeyondLimit();
        }
        entry.lastUsed()[0] = System.nanoTime();
        return entry.clients();
    }

    /** Karapace: SASL_SSL when the server's protocol uses TLS, else SASL_PLAINTEXT; the caller's identity. */
    private KafkaSecurity.Settings callerSettings(Credentials credentials) {
        KafkaSecurity.Settings own = base.security().settings();
        boolean tls = own.protocol().equals("SSL") || own.protocol().equals("SASL_SSL");
        return own.withSasl(tls ? "SASL_SSL" : "SASL_PLAINTEXT", credentials.mechanism(), credentials.username(),
                credentials.password(), credentials.token());
    }

    private void evictBeyondLimit() {
        Iterator<Map.Entry<String, Entry<T>>> oldest = sets.entrySet().iterator();
        while (sets.size() > MAX_CALLERS && oldest.hasNext()) {
            T evicted = oldest.next().getValue().clients();
            oldest.remove();
            evicted.close();
        }
    }

    private synchronized void closeIdle() {
        long now = System.nanoTime();
        sets.values().removeIf(entry -> {
            boolean idle = now - entry.lastUsed()[0] > TimeUnit.MINUTES.toNanos(IDLE_MINUTES)
                    && !entry.clients().holdsState();
            if (idle) {
                entry.clients().close();
            }
            return idle;
        });
    }

    @Override
    public synchronized void close() {
        janitor.shutdownNow();
        sets.values().forEach(entry -> entry.clients().close());
        sets.clear();
    }
}
