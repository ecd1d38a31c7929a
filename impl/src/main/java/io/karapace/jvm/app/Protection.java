package io.karapace.jvm.app;

import io.karapace.jvm.auth.Authorizer;
import io.karapace.jvm.config.Config;

/** The one startup line that tells an operator at a glance whether this server is open (issue 11). */
final class Protection {
    private Protection() {
    }

    static String describe(Config config, Authorizer authorizer) {
        // server_tls_certfile arrives with HTTPS support; until then the key does not exist and TLS is off.
        String tls = config.isSet("server_tls_certfile") ? "TLS on" : "TLS off";
        String auth = authorizer == null ? "authentication off (registry_authfile not set): every endpoint is open"
                : "authentication on (" + authorizer.file() + "): " + authorizer.rules().users().size() + " users, "
                + authorizer.rules().permissions().size() + " permission rules";
        return "Protection: " + tls + ", " + auth;
    }
}
