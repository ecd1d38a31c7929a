package io.karapace.jvm.testing;

import io.karapace.jvm.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A real KRaft broker with, beside its PLAINTEXT listener (principal ANONYMOUS, a super user, for test
 * set-up), a SASL_SSL and a SASL_PLAINTEXT listener accepting PLAIN (users of the broker's JAAS
 * config) and SCRAM-SHA-256/512 (users created through the admin API), and Kafka's ACL authorizer
 * (StandardAuthorizer) with {@code admin} and {@code karapace} as super users. Its TLS certificate is
 * issued by the given test CA for 127.0.0.1.
 */
public final class SecureKafkaBroker implements AutoCloseable {
    public static final List<String> SUPER_USERS = List.of("admin", "karapace");

    private final Path dataDir;
    private final EmbeddedKafka kafka;
    private final int saslSslPort;
    private final int saslPlaintextPort;

    private SecureKafkaBroker(Path dataDir, EmbeddedKafka kafka, int saslSslPort, int saslPlaintextPort) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.saslSslPort = saslSslPort;
        this.saslPlaintextPort = saslPlaintextPort;
    }

    /** {@code users}: name → password, each both a PLAIN user and a SCRAM-SHA-256/512 user. */
    public static SecureKafkaBroker start(TestPki pki, Map<String, String> users) {
        try {
            Path dataDir = Files.createTempDirectory("karapace-secure-kafka");
            int[] ports = FreePorts.distinct(2);
            int ssl = ports[0];
            int plain = ports[1];
            TestPki.Issued cert = pki.issue("127.0.0.1");
            Map<String, String> props = new HashMap<>();
            props.put("listeners", "PLAINTEXT://127.0.0.1:{broker},CONTROLLER://127.0.0.1:{controller},"
                    + "SASL_SSL://127.0.0.1:" + ssl + ",SASL_PLAINTEXT://127.0.0.1:" + plain);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:{broker},SASL_SSL://127.0.0.1:" + ssl
                    + ",SASL_PLAINTEXT://127.0.0.1:" + plain);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL,"
                    + "SASL_PLAINTEXT:SASL_PLAINTEXT");
            props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
            String plainUsers = users.entrySet().stream()
                    .map(u -> "user_" + u.getKey() + "=\"" + u.getValue() + "\"").collect(Collectors.joining(" "));
            for (String listener : List.of("sasl_ssl", "sasl_plaintext")) {
                props.put("listener.name." + listener + ".plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required " + plainUsers + ";");
                for (String scram : List.of("scram-sha-256", "scram-sha-512")) {
                    props.put("listener.name." + listener + "." + scram + ".sasl.jaas.config",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required;");
                }
            }
            props.put("listener.name.sasl_ssl.ssl.keystore.type", "PEM");
            props.put("listener.name.sasl_ssl.ssl.keystore.certificate.chain", TestPki.pem(cert.certificate()));
            props.put("listener.name.sasl_ssl.ssl.keystore.key", Files.readString(pki.pkcs8KeyFile(cert)));
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            List<String> superUsers = new ArrayList<>(List.of("User:ANONYMOUS"));
            SUPER_USERS.forEach(u -> superUsers.add("User:" + u));
            props.put("super.users", String.join(";", superUsers));
            EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 0, props);
            SecureKafkaBroker broker = new SecureKafkaBroker(dataDir, kafka, ssl, plain);
            broker.createScramUsers(users);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PLAINTEXT, as the super user ANONYMOUS: for set-up only. */
    public String plaintextBootstrap() {
        return kafka.bootstrapServers();
    }

    public String saslSslBootstrap() {
        return "127.0.0.1:" + saslSslPort;
    }

    public String saslPlaintextBootstrap() {
        return "127.0.0.1:" + saslPlaintextPort;
    }

    /** An admin client over PLAINTEXT as the super user. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap()));
    }

    private void createScramUsers(Map<String, String> users) {
        try (Admin admin = admin()) {
            // Kafka takes one alteration per user and request
            for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
                List<UserScramCredentialAlteration> upserts = new ArrayList<>();
                users.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(mechanism, 4096), password)));
                admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            }
            awaitCredentials(admin, users.size());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create SCRAM users: " + e, e);
        }
    }

    /** The broker applies credentials from the metadata log; wait until all are there. */
    private static void awaitCredentials(Admin admin, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("SCRAM users not visible after 30 s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        kafka.close();
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
