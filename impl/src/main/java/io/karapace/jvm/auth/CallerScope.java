package io.karapace.jvm.auth;

import java.util.Optional;

/**
 * The access of the request this thread is serving, for code reached from a request without a way to
 * pass it (the REST proxy's in-process registry lookups during a produce). The HTTP edge sets it before
 * every request's resource method runs, so a value can never outlive into another request's checks.
 */
public final class CallerScope {
    private static final ThreadLocal<Access> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> CREDENTIALS = new ThreadLocal<>();

    private CallerScope() {
    }

    /** @param credentials the caller's Authorization value, passed on when a write is forwarded to the primary */
    public static void enter(Access access, String credentials) {
        CURRENT.set(access);
        CREDENTIALS.set(credentials);
    }

    public static void leave() {
        CURRENT.remove();
        CREDENTIALS.remove();
    }

    /** The caller's Authorization value; empty outside a request or without credentials. */
    public static Optional<String> credentials() {
        return Optional.ofNullable(CREDENTIALS.get());
    }

    /** Empty outside a request (e.g. a consumer's background fetch). */
    public static Optional<Access> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
