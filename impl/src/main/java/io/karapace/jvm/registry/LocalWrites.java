package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.store.LogKey;
import io.karapace.jvm.store.LogValue;
import io.karapace.jvm.store.RecordCodec;
import io.karapace.jvm.store.SchemaLog;
import io.karapace.jvm.store.StoreException;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The registry's writes as the primary makes them: decided under one lock against the state this
 * node has read, appended to the log, and answered once the log reader has applied them. Every
 * append first checks that this node still holds the primary's term, and a registration is only
 * answered once the reader confirms that its record won (ids are first come, first served).
 */
public final class LocalWrites implements RegistryWrites {
    private static final String LEVEL = "compatibilityLevel";

    private final RegistryService reads;
    private final RegistryState state;
    private final SchemaLog log;
    private final RecordCodec codec;
    private final PrimaryLease lease;
    private final Object writeLock = new Object();
    private long term;

    public LocalWrites(RegistryService reads, PrimaryLease lease) {
        this.reads = reads;
        this.state = reads.state();
        this.log = reads.log();
        this.codec = reads.codec();
        this.lease = lease;
    }

    /** Called under the write lock: takes the current term, or refuses when this node may not write. */
    private void beginWrite() {
        term = lease.acquire();
        reads.awaitReady();
    }

    // ------------------------------------------------------------------ register

    @Override
    public int register(String subject, SchemaRequest request, boolean normalize, WriteOrigin origin) {
        RegistryService.validateSubject(subject);
        synchronized (writeLock) {
            beginWrite();
            Registration plan = reads.read(() -> plan(subject, request, normalize));
            if (plan.record() != null) {
                plan.tombstones().forEach(k -> tombstone(k));
                append(codec.encodeKey(new LogKey.Schema(subject, plan.record().version())), plan.record(),
                        "Register schema");
                requireWon(subject, plan.record());
            }
            return plan.id();
        }
    }

    private Registration plan(String subject, SchemaRequest request, boolean normalize) {
        Mode mode = reads.mode(subject);
        if (mode.isReadOnly()) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
        }
        boolean importing = mode == Mode.IMPORT;
        RegistryService.Candidate candidate = reads.content(subject, request, normalize, importing ? Validation.STORED : Validation.NEW);
        SchemaContent content = candidate.content();
        NavigableMap<Integer, VersionEntry> versions = state.versions(subject);
        Optional<VersionEntry> same = versions.values().stream()
                .filter(e -> !e.deleted() && e.schema().content().equals(content)).findFirst();
        Integer requestedId = request.id() != null && request.id() >= 0 ? request.id() : null;
        if (same.isPresent() && (requestedId == null || requestedId == same.get().schema().id())) {
            return new Registration(same.get().schema().id(), null, List.of());
        }
        int id = importing ? importId(subject, requestedId, content) : newId(subject, requestedId, content);
        if (!importing) {
            List<CompatibilityChecker.Versioned> live = versions.values().stream()
                    .filter(e -> !e.deleted()).map(reads::versioned).toList();
            List<String> issues = CompatibilityChecker.check(reads.level(subject), candidate.parsed(), live);
            if (!issues.isEmpty()) {
                throw RegistryError.INCOMPATIBLE_SCHEMA.exception(subject, issues);
            }
        }
        int version = nextVersion(subject, request, versions, importing);
        List<LogKey.Schema> tombstones = versions.values().stream()
                .filter(e -> e.deleted() && e.schema().id() == id && reads.referrers(subject, e.version()).isEmpty())
                .map(e -> new LogKey.Schema(subject, e.version())).toList();
        LogValue.Schema record = new LogValue.Schema(subject, version, id, content.type(), content.references(),
                content.metadata(), content.ruleSet(), content.schema(), false);
        return new Registration(id, record, tombstones);
    }

    private int newId(String subject, Integer requestedId, SchemaContent content) {
        StoredSchema existing = state.byContent(content);
        if (requestedId != null && (existing == null || existing.id() != requestedId)) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in import mode");
        }
        return existing != null ? existing.id() : state.maxId() + 1;
    }

    private int importId(String subject, Integer requestedId, SchemaContent content) {
        if (requestedId == null) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is not in read-write mode");
        }
        StoredSchema atId = state.byId(requestedId);
        if (atId != null && !atId.content().equals(content)) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception(
                    "Overwrite new schema with id " + requestedId + " is not permitted.");
        }
        return requestedId;
    }

    private static int nextVersion(String subject, SchemaRequest request,
                                   NavigableMap<Integer, VersionEntry> versions, boolean importing) {
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        Integer asked = request.version();
        if (asked == null || asked == 0 || asked == -1) {
            return next;
        }
        if (importing) {
            if (asked < 1) {
                throw RegistryError.INVALID_VERSION.exception(asked);
            }
            if (versions.containsKey(asked)) {
                throw RegistryError.OPERATION_NOT_PERMITTED.exception(
                        "Subject " + subject + " version " + asked + " already exists");
            }
            return asked;
        }
        if (asked != next) {
            throw RegistryError.INVALID_SCHEMA.exception("Version is not one more than previous version");
        }
        return next;
    }

    // ------------------------------------------------------------------ deletes

    @Override
    public int deleteVersion(String subject, VersionSpec spec, boolean permanent, WriteOrigin origin) {
        synchronized (writeLock) {
            beginWrite();
            VersionEntry target = reads.read(() -> {
                reads.requireWritable(subject);
                VersionEntry e = reads.entry(subject, spec, true);
                if (!permanent && e.deleted()) {
                    throw RegistryError.VERSION_SOFT_DELETED.exception(subject, e.version());
                }
                if (permanent && !e.deleted()) {
                    throw RegistryError.VERSION_NOT_SOFT_DELETED.exception(subject, e.version());
                }
                if (!reads.referrers(subject, e.version()).isEmpty()) {
                    throw RegistryError.REFERENCE_EXISTS.exception(subject, e.version());
                }
                return e;
            });
            LogKey.Schema key = new LogKey.Schema(subject, target.version());
            if (permanent) {
                tombstone(key);
            } else {
                StoredSchema s = target.schema();
                append(keyBytes(key), new LogValue.Schema(subject, target.version(), s.id(), s.type(),
                        s.references(), s.metadata(), s.ruleSet(), s.schema(), true), "Delete schema version");
            }
            return target.version();
        }
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent, WriteOrigin origin) {
        synchronized (writeLock) {
            beginWrite();
            List<VersionEntry> targets = reads.read(() -> {
                reads.requireWritable(subject);
                NavigableMap<Integer, VersionEntry> versions = state.versions(subject);
                if (versions.isEmpty()) {
                    throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
                }
                List<VersionEntry> live = versions.values().stream().filter(e -> !e.deleted()).toList();
                if (!permanent && live.isEmpty()) {
                    throw RegistryError.SUBJECT_SOFT_DELETED.exception(subject);
                }
                if (permanent && !live.isEmpty()) {
                    throw RegistryError.SUBJECT_NOT_SOFT_DELETED.exception(subject);
                }
                List<VersionEntry> selected = permanent ? List.copyOf(versions.values()) : live;
                for (VersionEntry e : selected) {
                    if (reads.referrers(subject, e.version()).stream().anyMatch(id -> !reads.usedBy(subject, id))) {
                        throw RegistryError.REFERENCE_EXISTS.exception(subject, e.version());
                    }
                }
                return selected;
            });
            if (permanent) {
                targets.forEach(e -> tombstone(new LogKey.Schema(subject, e.version())));
                if (reads.read(() -> state.subjectConfig(subject)) != null) {
                    tombstone(new LogKey.Config(subject));
                }
                if (reads.read(() -> state.subjectMode(subject)) != null) {
                    tombstone(new LogKey.Mode(subject));
                }
            } else {
                int latest = targets.get(targets.size() - 1).version();
                LogKey.DeleteSubject key = new LogKey.DeleteSubject(subject);
                append(keyBytes(key), new LogValue.DeleteSubject(subject, latest), "Delete subject");
            }
            return targets.stream().map(VersionEntry::version).toList();
        }
    }

    @Override
    public ObjectNode updateConfig(String subject, ObjectNode update, WriteOrigin origin) {
        if (subject != null) {
            RegistryService.validateSubject(subject);
        }
        ObjectNode echo = update.deepCopy();
        if (update.hasNonNull("compatibility")) {
            CompatibilityLevel level = CompatibilityLevel.parse(update.get("compatibility").asText())
                    .orElseThrow(RegistryError.INVALID_COMPATIBILITY_LEVEL::exception);
            echo.put("compatibility", level.name());
        } else if (update.has("compatibility")) {
            throw RegistryError.INVALID_COMPATIBILITY_LEVEL.exception();
        }
        synchronized (writeLock) {
            beginWrite();
            ObjectNode stored = reads.read(() -> {
                if (subject != null) {
                    reads.requireWritable(subject);
                }
                ObjectNode current = subject == null ? state.globalConfig() : state.subjectConfig(subject);
                return current == null ? JsonNodeFactory.instance.objectNode() : current.deepCopy();
            });
            echo.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    stored.set(f.getKey().equals("compatibility") ? LEVEL : f.getKey(), f.getValue());
                }
            });
            LogKey.Config key = new LogKey.Config(subject);
            append(keyBytes(key), new LogValue.Config(stored), "Update config");
        }
        return echo;
    }

    @Override
    public ObjectNode deleteConfig(String subject, WriteOrigin origin) {
        synchronized (writeLock) {
            beginWrite();
            ObjectNode previous = reads.read(() -> {
                if (subject == null) {
                    return state.globalConfig() == null ? null : reads.effectiveGlobalConfig();
                }
                reads.requireWritable(subject);
                ObjectNode config = state.subjectConfig(subject);
                if (config == null) {
                    throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
                }
                return config.deepCopy();
            });
            if (previous == null) {
                return reads.globalConfig();
            }
            tombstone(new LogKey.Config(subject));
            return previous;
        }
    }

    @Override
    public Mode updateMode(String subject, String value, boolean force, WriteOrigin origin) {
        if (subject != null) {
            RegistryService.validateSubject(subject);
        }
        Mode mode = Mode.parse(value).orElseThrow(RegistryError.INVALID_MODE::exception);
        synchronized (writeLock) {
            beginWrite();
            reads.read(() -> {
                if (mode == Mode.IMPORT && !force && reads.hasLiveSubjects(subject)) {
                    throw RegistryError.OPERATION_NOT_PERMITTED.exception("Cannot import since found existing subjects");
                }
                return null;
            });
            LogKey.Mode key = new LogKey.Mode(subject);
            append(keyBytes(key), new LogValue.Mode(subject, mode.name()), "Update mode");
        }
        return mode;
    }

    @Override
    public Mode deleteMode(String subject, WriteOrigin origin) {
        synchronized (writeLock) {
            beginWrite();
            Mode previous = reads.read(() -> subject == null ? state.globalMode() : state.subjectMode(subject));
            if (previous == null) {
                if (subject != null) {
                    throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
                }
                return Mode.READWRITE;
            }
            tombstone(new LogKey.Mode(subject));
            return previous;
        }
    }

    private byte[] keyBytes(LogKey key) {
        byte[] previous = state.read(() -> state.keyToRewrite(key));
        return previous != null ? previous : codec.encodeKey(key);
    }

    private void tombstone(LogKey key) {
        for (byte[] variant : state.read(() -> state.keyVariants(key))) {
            append(variant, null, "Delete");
        }
        append(codec.encodeKey(key), null, "Delete");
    }

    /**
     * A second node that wrongly believed itself primary may have bound the same id to another schema
     * first; every reader keeps the first, so this write must not be acknowledged.
     */
    private void requireWon(String subject, LogValue.Schema record) {
        boolean won = state.read(() -> {
            VersionEntry entry = state.versions(subject).get(record.version());
            return entry != null && entry.schema().id() == record.id() && entry.schema().schema().equals(record.schema());
        });
        if (!won) {
            throw RegistryError.STORE_ERROR.exception("Register schema operation failed: another node wrote id "
                    + record.id() + " or version " + record.version() + " of subject " + subject + " first; retry");
        }
    }

    private void append(byte[] key, LogValue value, String operation) {
        if (!lease.holds(term)) {
            throw RegistryError.LEADER_UNKNOWN.exception();
        }
        try {
            log.append(key, value == null ? null : codec.encodeValue(value));
        } catch (StoreException e) {
            if (e.timeout()) {
                throw RegistryError.OPERATION_TIMEOUT.exception(operation + " operation timed out");
            }
            throw RegistryError.STORE_ERROR.exception(
                    operation + " operation failed while writing to the Kafka store: " + e.getMessage());
        }
    }

    private record Registration(int id, LogValue.Schema record, List<LogKey.Schema> tombstones) {
    }

}
