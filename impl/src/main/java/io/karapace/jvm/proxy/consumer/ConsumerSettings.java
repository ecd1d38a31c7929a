package io.karapace.jvm.proxy.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * Server-wide defaults for REST consumer instances.
 *
 * @param requestTimeout  how long a fetch waits at most, unless the instance sets its own
 *                        ({@code consumer_request_timeout_ms})
 * @param requestMaxBytes the most a fetch gathers ({@code consumer_request_max_bytes})
 * @param fetchMinBytes   the default {@code fetch.min.bytes} ({@code fetch_min_bytes})
 * @param autoCommit      the default {@code auto.commit.enable}
 * @param idleTimeout     instances unused this long are closed; zero means never
 *                        ({@code consumer_idle_disconnect_timeout})
 */
public record ConsumerSettings(Duration requestTimeout, long requestMaxBytes, int fetchMinBytes,
                               boolean autoCommit, Duration idleTimeout) {

    public ConsumerSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (requestTimeout.isNegative() || idleTimeout.isNegative() || requestMaxBytes < 0) {
            throw new IllegalArgumentException("Consumer timeouts and byte limits must not be negative");
        }
    }
}
