package io.karapace.jvm.auth;

import java.util.Optional;

/**
 * The access of the request this thread is serving, for code reached from a request without a way to
 * pass it (the REST proxy's in-process registry lookups during a produce). The HTTP edge sets it before
 * every request's resource method runs, so a value can never outlive into another request's checks.
 */
public final class CallerScope {
    private static final ThreadLocal<Access> CURRENT = new ThreadLocal<>();

    private CallerScope() {
    }

    public static void enter(Access access) {
        CURRENT.set(access);
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** Empty outside a request (e.g. a consumer's background fetch). */
    public static Optional<Access> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
