package io.karapace.jvm.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-caller client sets of rest_authorization (Karapace's get_user_proxy keeps one UserRestProxy
 * per Authorization header, using SASL_SSL when the server's protocol has TLS, else SASL_PLAINTEXT;
 * issue 11: "one client per principal, bounded and closed when idle").
 */
class CallerClientsTest {

    /** What the factory was asked to build, and whether it was closed. */
    static final class Recorded implements CallerClients.ClientSet {
        final KafkaClients kafka;
        boolean closed;

        Recorded(KafkaClients kafka) {
            this.kafka = kafka;
        }

        @Override
        public boolean holdsState() {
            return false;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Recorded> built = new ArrayList<>();

    @Test
    void eachCallerGetsItsOwnSaslIdentityOnTheSaslBootstrapServers() {
        try (CallerClients<Recorded> callers = callers("PLAINTEXT")) {
            callers.bind("Basic YWxpY2U6cHc=", CallerClients.Credentials.basic("SCRAM-SHA-256", "alice", "pw"));
            Recorded alice = callers.current();
            assertEquals("sasl-host:9094", alice.kafka.bootstrapServers());
            assertEquals("SASL_PLAINTEXT", alice.kafka.security().properties().get("security.protocol"));
            assertEquals("SCRAM-SHA-256", alice.kafka.security().properties().get("sasl.mechanism"));
            assertEquals("Basic YWxpY2U6cHc=", callers.currentAuthorization().orElseThrow());
            callers.bind("Basic YWxpY2U6cHc=", CallerClients.Credentials.basic("SCRAM-SHA-256", "alice", "pw"));
            assertSame(alice, callers.current(), "the same header reuses its clients");
            callers.bind("Bearer t", CallerClients.Credentials.bearer("t"));
            assertEquals("OAUTHBEARER", callers.current().kafka.security().properties().get("sasl.mechanism"));
        }
    }

    @Test
    void tlsOfTheServerCarriesOverAsSaslSsl() {
        try (CallerClients<Recorded> callers = callers("SSL")) {
            callers.bind("Basic x", CallerClients.Credentials.basic("PLAIN", "u", "p"));
            assertEquals("SASL_SSL", callers.current().kafka.security().properties().get("security.protocol"));
        }
    }

    @Test
    void atMostMaxCallersAreKeptAndTheLeastRecentlyUsedIsClosed() {
        try (CallerClients<Recorded> callers = callers("PLAINTEXT")) {
            for (int i = 0; i <= CallerClients.MAX_CALLERS; i++) {
                callers.bind("Basic " + i, CallerClients.Credentials.basic("PLAIN", "u" + i, "p"));
            }
            assertEquals(CallerClients.MAX_CALLERS, callers.size());
            assertTrue(built.get(0).closed);
            assertFalse(built.get(CallerClients.MAX_CALLERS).closed);
        }
        assertTrue(built.stream().allMatch(r -> r.closed), "closing closes every set");
    }

    @Test
    void noBoundCallerNeverFallsBackToTheServersIdentity() {
        try (CallerClients<Recorded> callers = callers("PLAINTEXT")) {
            callers.bind("Basic x", CallerClients.Credentials.basic("PLAIN", "u", "p"));
            callers.unbind();
            assertThrows(IllegalStateException.class, callers::current);
            assertTrue(callers.currentAuthorization().isEmpty());
        }
    }

    private CallerClients<Recorded> callers(String protocol) {
        KafkaSecurity own = KafkaSecurity.of(new KafkaSecurity.Settings(protocol, null, null, null, null, null, true,
                null, null, null, null, null));
        return new CallerClients<>(new KafkaClients("own-host:9092", "sr-1", own, null), "sasl-host:9094", kafka -> {
            Recorded recorded = new Recorded(kafka);
            built.add(recorded);
            return recorded;
        });
    }
}
