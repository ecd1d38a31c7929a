package io.karapace.jvm.app;

import io.karapace.jvm.auth.Authorizer;
import io.karapace.jvm.kafka.KafkaSecurity;
import io.karapace.jvm.tls.ServerTls;
import java.util.Locale;

/** The one startup line that tells an operator at a glance whether this server is open (issue 11). */
final class Protection {
    private Protection() {
    }

    /** {@code tls} and {@code authorizer} are null when off. */
    static String describe(ServerTls tls, Authorizer authorizer, KafkaSecurity kafka) {
        return "Protection: " + tls(tls) + ", " + auth(authorizer) + ", Kafka security " + kafka.describe();
    }

    private static String tls(ServerTls tls) {
        if (tls == null) {
            return "TLS off (server_tls_certfile not set)";
        }
        return "TLS on (client certificates " + tls.clientAuth().name().toLowerCase(Locale.ROOT) + ", certificate "
                + tls.certificate().getSubjectX500Principal().getName() + ")";
    }

    private static String auth(Authorizer authorizer) {
        if (authorizer == null) {
            return "authentication off (registry_authfile not set): every endpoint is open";
        }
        return "authentication on (" + authorizer.file() + "): " + authorizer.rules().users().size() + " users, "
                + authorizer.rules().permissions().size() + " permission rules";
    }
}
