package io.karapace.jvm.registry;

import java.util.Map;
import java.util.Set;

/**
 * Who asked for a write, as far as handing it to the primary must pass on: the caller's headers
 * that travel with a forwarded request (credentials, request id, trace context), and whether the
 * request already is a forwarded one, so that it is never forwarded twice.
 */
public record WriteOrigin(Map<String, String> headers, boolean forwarded) {
    /** A write this process makes for itself (the in-process REST proxy without caller headers). */
    public static final WriteOrigin INTERNAL = new WriteOrigin(Map.of(), false);
    /** The caller's headers a forwarded write carries (Confluent's and Karapace's lists together), lower case. */
    public static final Set<String> PASSED_HEADERS = Set.of("authorization", "accept", "x-request-id", "traceparent");
    /** Marks a forwarded request (Confluent's RestService sets it on requests it forwards to the leader). */
    public static final String FORWARDED_HEADER = "X-Forward";

    /** The origin of a request with these headers ({@code header} answers null for an absent one). */
    public static WriteOrigin from(java.util.function.UnaryOperator<String> header) {
        Map<String, String> passed = new java.util.HashMap<>();
        for (String name : PASSED_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                passed.put(name, value);
            }
        }
        return new WriteOrigin(passed, "true".equalsIgnoreCase(header.apply(FORWARDED_HEADER)));
    }

    public WriteOrigin {
        headers = Map.copyOf(headers);
    }
}
