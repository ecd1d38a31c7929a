package io.karapace.jvm.auth;

import io.karapace.jvm.util.DaemonThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live rules of one {@code registry_authfile}: checks passwords and answers what a principal may do.
 * The file is polled; a change is loaded whole or not at all, so a broken edit keeps the previous rules
 * (Karapace 3.9.0 karapace/auth.py _refresh_authfile) and is reported once.
 */
public final class Authorizer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Authorizer.class);
    /** Past this many remembered logins the cache starts over, bounding its memory. */
    static final int CACHE_LIMIT = 10_000;

    private final Path file;
    private final byte[] cacheKey = new byte[32];
    private volatile Snapshot current;
    private volatile FileStamp seen;
    private ScheduledExecutorService watcher;

    /** The rules in force, the file state they came from, and the logins already verified against them. */
    private record Snapshot(AuthRules rules, Map<String, String> verified) {
    }

    /** What identifies one version of the file: an editor's atomic rename changes the file key. */
    private record FileStamp(Object fileKey, long modifiedNanos, long size) {
    }

    private Authorizer(Path file, AuthRules rules, FileStamp stamp) {
        this.file = file;
        new SecureRandom().nextBytes(cacheKey);
        this.current = new Snapshot(rules, new ConcurrentHashMap<>());
        this.seen = stamp;
    }

    /** @throws AuthFileException when the file is missing or unusable: startup must stop */
    public static Authorizer open(Path file) {
        FileStamp stamp = stamp(file);
        return new Authorizer(file, AuthFile.load(file), stamp);
    }

    /** Starts polling the file for changes. */
    public synchronized void watch(Duration interval) {
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("authfile-watch"));
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    public AuthRules rules() {
        return current.rules();
    }

    public Path file() {
        return file;
    }

    /**
     * The principal these credentials name, or empty. A verified login is remembered under a keyed hash
     * of the credentials (scrypt costs tens of milliseconds), until the rules change.
     */
    public Optional<Principal> authenticate(String username, String password) {
        Snapshot snapshot = current;
        String key = credentialKey(username, password);
        if (username.equals(snapshot.verified().get(key))) {
            return Optional.of(new Principal(username));
        }
        Optional<AuthUser> user = snapshot.rules().user(username);
        if (user.isEmpty() || !user.get().matches(password)) {
            return Optional.empty();
        }
        if (snapshot.verified().size() >= CACHE_LIMIT) {
            snapshot.verified().clear();
        }
        snapshot.verified().put(key, username);
        return Optional.of(new Principal(username));
    }

    /** The principal's rights, evaluated against the rules in force at each check. */
    public Access access(Principal principal) {
        Objects.requireNonNull(principal);
        return new Access() {
            @Override
            public boolean allows(Operation operation, String resource) {
                return current.rules().allows(principal.username(), operation, resource);
            }

            @Override
            public String toString() {
                return principal.username();
            }
        };
    }

    /** Loads the file if it changed since last looked at; true when new rules are in force. */
    public boolean reloadIfChanged() {
        FileStamp stamp;
        try {
            stamp = stamp(file);
        } catch (AuthFileException e) {
            return reportOnce(null, e);
        }
        if (stamp.equals(seen)) {
            return false;
        }
        try {
            AuthRules rules = AuthFile.load(file);
            current = new Snapshot(rules, new ConcurrentHashMap<>());
            seen = stamp;
            LOG.info("Reloaded registry_authfile {}: {} users, {} permissions", file, rules.users().size(),
                    rules.permissions().size());
            return true;
        } catch (AuthFileException e) {
            return reportOnce(stamp, e);
        }
    }

    private boolean reportOnce(FileStamp stamp, AuthFileException e) {
        if (!Objects.equals(stamp, seen)) {
            seen = stamp;
            LOG.warn("Could not reload registry_authfile, keeping the previous rules: {}", e.getMessage());
        }
        return false;
    }

    private String credentialKey(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attributes.size());
        } catch (IOException e) {
            throw new AuthFileException("file " + file + " does not exist or cannot be read");
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
