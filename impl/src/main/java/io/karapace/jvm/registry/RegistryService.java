package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.store.LogKey;
import io.karapace.jvm.store.LogValue;
import io.karapace.jvm.store.RecordCodec;
import io.karapace.jvm.store.SchemaLog;
import io.karapace.jvm.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry's operations, in domain terms. Reads answer from memory; writes are decided under
 * one lock (this instance is the leader), appended to the log, and answered once the log reader
 * has applied them, so a client always reads its own writes.
 */
public final class RegistryService {
    private static final String LEVEL = "compatibilityLevel";
    private static final Comparator<SchemaReference> REFERENCE_ORDER = Comparator
            .comparing(SchemaReference::name).thenComparing(SchemaReference::subject)
            .thenComparingInt(SchemaReference::version);

    private final RegistryState state = new RegistryState();
    private final SchemaLog log;
    private final RecordCodec codec;
    private final SchemaResolver resolver;
    private final Set<SchemaType> types;
    private final CompatibilityLevel defaultLevel;
    private final boolean strictReplay;
    private final Duration readyTimeout;
    private final Leadership leadership;
    private final Object writeLock = new Object();

    public RegistryService(SchemaLog log, RecordCodec codec, SchemaProviders providers, Leadership leadership,
                           CompatibilityLevel defaultLevel, boolean strictReplay, Duration readyTimeout) {
        this.log = log;
        this.leadership = leadership;
        this.codec = codec;
        this.resolver = new SchemaResolver(state, providers);
        this.types = providers.types();
        this.defaultLevel = defaultLevel;
        this.strictReplay = strictReplay;
        this.readyTimeout = readyTimeout;
    }

    /** Starts replaying the log; the registry is ready once it reaches the end seen at start. */
    public void start() {
        log.start(new LogApplier(state, codec, strictReplay));
    }

    public boolean isReady() {
        return log.isReady();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return log.awaitReady(timeout);
    }

    /** Offset of the last record applied, and the end of the log when replay started. */
    public long[] readerOffsets() {
        return new long[] {log.appliedOffset(), log.startEndOffset()};
    }

    public Set<SchemaType> schemaTypes() {
        return types;
    }

    // ------------------------------------------------------------------ reads

    public List<String> subjects(String prefix, boolean deleted, boolean deletedOnly) {
        return read(() -> {
            List<String> result = new ArrayList<>();
            state.subjects().forEach((subject, versions) -> {
                boolean live = versions.values().stream().anyMatch(e -> !e.deleted());
                boolean include = deletedOnly ? !live : live || deleted;
                if (include && matches(prefix, subject)) {
                    result.add(subject);
                }
            });
            return result;
        });
    }

    public List<Integer> versions(String subject, boolean deleted, boolean deletedOnly) {
        return read(() -> {
            List<Integer> result = new ArrayList<>();
            for (VersionEntry e : state.versions(subject).values()) {
                if (deletedOnly ? e.deleted() : deleted || !e.deleted()) {
                    result.add(e.version());
                }
            }
            if (result.isEmpty()) {
                throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
            }
            return result;
        });
    }

    public SchemaVersion version(String subject, VersionSpec spec, boolean deleted) {
        return read(() -> view(subject, entry(subject, spec, deleted)));
    }

    public StoredSchema schemaById(int id) {
        return read(() -> {
            StoredSchema stored = state.byId(id);
            if (stored == null) {
                throw RegistryError.SCHEMA_NOT_FOUND.exception(id);
            }
            return stored;
        });
    }

    /** The schema with this id as its provider understands it; for users in this process (the REST proxy). */
    public ParsedSchema parsedSchema(int id) {
        StoredSchema stored = schemaById(id);
        return read(() -> resolver.parsed(stored));
    }

    /** The schema text as the {@code format} query parameter asks; blank means as stored. */
    public String render(StoredSchema stored, String format) {
        if (format == null || format.isBlank()) {
            return stored.schema();
        }
        return read(() -> resolver.parsed(stored).formatted(format));
    }

    public int maxId() {
        return read(state::maxId);
    }

    public List<SubjectVersion> versionsById(int id, boolean deleted) {
        return read(() -> {
            if (state.byId(id) == null) {
                throw RegistryError.SCHEMA_NOT_FOUND.exception(id);
            }
            List<SubjectVersion> result = new ArrayList<>();
            state.subjects().forEach((subject, versions) -> versions.values().stream()
                    .filter(e -> e.schema().id() == id && (deleted || !e.deleted()))
                    .forEach(e -> result.add(new SubjectVersion(subject, e.version()))));
            return result;
        });
    }

    public List<String> subjectsById(int id, boolean deleted) {
        return versionsById(id, deleted).stream().map(SubjectVersion::subject).distinct().toList();
    }

    public List<SchemaVersion> schemas(String prefix, boolean deleted, boolean latestOnly) {
        return read(() -> {
            List<SchemaVersion> result = new ArrayList<>();
            state.subjects().forEach((subject, versions) -> {
                if (!subject.startsWith(prefix)) {
                    return;
                }
                List<VersionEntry> selected = versions.values().stream()
                        .filter(e -> deleted || !e.deleted()).toList();
                if (latestOnly && !selected.isEmpty()) {
                    selected = List.of(selected.get(selected.size() - 1));
                }
                selected.forEach(e -> result.add(view(subject, e)));
            });
            return result;
        });
    }

    public List<Integer> referencedBy(String subject, VersionSpec spec) {
        return read(() -> {
            VersionEntry target = entry(subject, spec, true);
            return List.copyOf(referrers(subject, target.version()));
        });
    }

    public SchemaVersion lookup(String subject, SchemaRequest request, boolean normalize, boolean deleted) {
        return read(() -> {
            NavigableMap<Integer, VersionEntry> versions = state.versions(subject);
            if (versions.values().stream().noneMatch(e -> deleted || !e.deleted())) {
                throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
            }
            SchemaContent content = content(subject, request, normalize, Validation.STORED).content();
            return versions.descendingMap().values().stream()
                    .filter(e -> (deleted || !e.deleted()) && e.schema().content().equals(content))
                    .findFirst()
                    .map(e -> view(subject, e))
                    .orElseThrow(RegistryError.SCHEMA_NOT_FOUND_UNDER_SUBJECT::exception);
        });
    }

    // ------------------------------------------------------------------ compatibility

    /** Checks against one version ({@code spec}) or, when spec is null, exactly as registering would. */
    public CompatibilityResult checkCompatibility(String subject, VersionSpec spec, SchemaRequest request,
                                                  boolean normalize, boolean verbose) {
        return read(() -> {
            List<CompatibilityChecker.Versioned> previous = new ArrayList<>();
            NavigableMap<Integer, VersionEntry> versions = state.versions(subject);
            if (spec instanceof VersionSpec.Exact exact) {
                VersionEntry e = versions.get(exact.version());
                if (e == null || e.deleted()) {
                    throw RegistryError.VERSION_NOT_FOUND.exception(exact.version());
                }
                previous.add(versioned(e));
            } else {
                List<VersionEntry> live = versions.values().stream().filter(e -> !e.deleted()).toList();
                if (spec != null && !live.isEmpty()) {
                    previous.add(versioned(live.get(live.size() - 1)));
                } else if (spec == null) {
                    live.forEach(e -> previous.add(versioned(e)));
                }
            }
            Candidate candidate;
            try {
                candidate = content(subject, request, normalize, Validation.NEW);
            } catch (RegistryException e) {
                if (verbose && e.error() == RegistryError.INVALID_SCHEMA) {
                    return new CompatibilityResult(false, List.of(e.getMessage()));
                }
                throw e;
            }
            List<String> issues = CompatibilityChecker.check(level(subject), candidate.parsed(), previous);
            return new CompatibilityResult(issues.isEmpty(), verbose ? issues : null);
        });
    }

    // ------------------------------------------------------------------ register

    public int register(String subject, SchemaRequest request, boolean normalize) {
        validateSubject(subject);
        synchronized (writeLock) {
            requireLeader();
            Registration plan = read(() -> plan(subject, request, normalize));
            if (plan.record() != null) {
                plan.tombstones().forEach(k -> tombstone(k));
                append(codec.encodeKey(new LogKey.Schema(subject, plan.record().version())), plan.record(),
                        "Register schema");
            }
            return plan.id();
        }
    }

    private Registration plan(String subject, SchemaRequest request, boolean normalize) {
        Mode mode = mode(subject);
        if (mode.isReadOnly()) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
        }
        boolean importing = mode == Mode.IMPORT;
        Candidate candidate = content(subject, request, normalize, importing ? Validation.STORED : Validation.NEW);
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
                    .filter(e -> !e.deleted()).map(this::versioned).toList();
            List<String> issues = CompatibilityChecker.check(level(subject), candidate.parsed(), live);
            if (!issues.isEmpty()) {
                throw RegistryError.INCOMPATIBLE_SCHEMA.exception(subject, issues);
            }
        }
        int version = nextVersion(subject, request, versions, importing);
        List<LogKey.Schema> tombstones = versions.values().stream()
                .filter(e -> e.deleted() && e.schema().id() == id && referrers(subject, e.version()).isEmpty())
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

    public int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
        synchronized (writeLock) {
            requireLeader();
            VersionEntry target = read(() -> {
                requireWritable(subject);
                VersionEntry e = entry(subject, spec, true);
                if (!permanent && e.deleted()) {
                    throw RegistryError.VERSION_SOFT_DELETED.exception(subject, e.version());
                }
                if (permanent && !e.deleted()) {
                    throw RegistryError.VERSION_NOT_SOFT_DELETED.exception(subject, e.version());
                }
                if (!referrers(subject, e.version()).isEmpty()) {
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

    public List<Integer> deleteSubject(String subject, boolean permanent) {
        synchronized (writeLock) {
            requireLeader();
            List<VersionEntry> targets = read(() -> {
                requireWritable(subject);
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
                    if (referrers(subject, e.version()).stream().anyMatch(id -> !usedBy(subject, id))) {
                        throw RegistryError.REFERENCE_EXISTS.exception(subject, e.version());
                    }
                }
                return selected;
            });
            if (permanent) {
                targets.forEach(e -> tombstone(new LogKey.Schema(subject, e.version())));
                if (read(() -> state.subjectConfig(subject)) != null) {
                    tombstone(new LogKey.Config(subject));
                }
                if (read(() -> state.subjectMode(subject)) != null) {
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

    // ------------------------------------------------------------------ config

    public ObjectNode globalConfig() {
        return read(this::effectiveGlobalConfig);
    }

    public ObjectNode subjectConfig(String subject, boolean defaultToGlobal) {
        return read(() -> {
            ObjectNode config = state.subjectConfig(subject);
            if (config != null) {
                return config.deepCopy();
            }
            if (defaultToGlobal) {
                return effectiveGlobalConfig();
            }
            throw RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED.exception(subject);
        });
    }

    /**
     * Applies a config update; the update uses the request's field names ({@code compatibility}),
     * the stored config Confluent's ({@code compatibilityLevel}). Returns the update as echoed.
     */
    public ObjectNode updateConfig(String subject, ObjectNode update) {
        if (subject != null) {
            validateSubject(subject);
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
            requireLeader();
            ObjectNode stored = read(() -> {
                if (subject != null) {
                    requireWritable(subject);
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

    public ObjectNode deleteConfig(String subject) {
        synchronized (writeLock) {
            requireLeader();
            ObjectNode previous = read(() -> {
                if (subject == null) {
                    return state.globalConfig() == null ? null : effectiveGlobalConfig();
                }
                requireWritable(subject);
                ObjectNode config = state.subjectConfig(subject);
                if (config == null) {
                    throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
                }
                return config.deepCopy();
            });
            if (previous == null) {
                return globalConfig();
            }
            tombstone(new LogKey.Config(subject));
            return previous;
        }
    }

    // ------------------------------------------------------------------ mode

    public Mode globalMode() {
        return read(() -> state.globalMode() == null ? Mode.READWRITE : state.globalMode());
    }

    public Mode subjectMode(String subject, boolean defaultToGlobal) {
        return read(() -> {
            Mode mode = state.subjectMode(subject);
            if (mode != null) {
                return mode;
            }
            if (defaultToGlobal) {
                return state.globalMode() == null ? Mode.READWRITE : state.globalMode();
            }
            throw RegistryError.SUBJECT_MODE_NOT_CONFIGURED.exception(subject);
        });
    }

    public Mode updateMode(String subject, String value, boolean force) {
        if (subject != null) {
            validateSubject(subject);
        }
        Mode mode = Mode.parse(value).orElseThrow(RegistryError.INVALID_MODE::exception);
        synchronized (writeLock) {
            requireLeader();
            read(() -> {
                if (mode == Mode.IMPORT && !force && hasLiveSubjects(subject)) {
                    throw RegistryError.OPERATION_NOT_PERMITTED.exception("Cannot import since found existing subjects");
                }
                return null;
            });
            LogKey.Mode key = new LogKey.Mode(subject);
            append(keyBytes(key), new LogValue.Mode(subject, mode.name()), "Update mode");
        }
        return mode;
    }

    public Mode deleteMode(String subject) {
        synchronized (writeLock) {
            requireLeader();
            Mode previous = read(() -> subject == null ? state.globalMode() : state.subjectMode(subject));
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

    // ------------------------------------------------------------------ helpers

    private <T> T read(java.util.function.Supplier<T> reader) {
        awaitReady();
        return state.read(reader);
    }

    /** Writes are decided by the leader only, once it has read the whole log. */
    private void requireLeader() {
        if (!leadership.isLeader()) {
            throw RegistryError.LEADER_UNKNOWN.exception();
        }
        awaitReady();
    }

    private void awaitReady() {
        if (log.isReady()) {
            return;
        }
        try {
            if (log.awaitReady(readyTimeout)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw RegistryError.OPERATION_TIMEOUT.exception(
                "Timed out waiting for the registry to finish reading the schemas topic");
    }

    private VersionEntry entry(String subject, VersionSpec spec, boolean includeDeleted) {
        NavigableMap<Integer, VersionEntry> versions = state.versions(subject);
        if (versions.values().stream().noneMatch(e -> includeDeleted || !e.deleted())) {
            throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
        }
        if (spec instanceof VersionSpec.Exact exact) {
            VersionEntry e = versions.get(exact.version());
            if (e == null || (e.deleted() && !includeDeleted)) {
                throw RegistryError.VERSION_NOT_FOUND.exception(exact.version());
            }
            return e;
        }
        return versions.descendingMap().values().stream()
                .filter(e -> includeDeleted || !e.deleted()).findFirst()
                .orElseThrow(() -> RegistryError.SUBJECT_NOT_FOUND.exception(subject));
    }

    private static SchemaVersion view(String subject, VersionEntry e) {
        return new SchemaVersion(subject, e.version(), e.schema(), e.deleted());
    }

    private CompatibilityChecker.Versioned versioned(VersionEntry e) {
        return new CompatibilityChecker.Versioned(e.version(), resolver.parsed(e.schema()));
    }

    private record Candidate(SchemaContent content, ParsedSchema parsed) {
    }

    private Candidate content(String subject, SchemaRequest request, boolean normalize, Validation validation) {
        SchemaType type = resolver.type(request.schemaType());
        ParsedSchema parsed = resolver.parseRequest(type, request, validation);
        List<SchemaReference> references = resolver.concrete(request.references());
        if (normalize || configFlag(subject, "normalize")) {
            parsed = parsed.normalize();
            references = references.stream().distinct().sorted(REFERENCE_ORDER).toList();
        }
        return new Candidate(new SchemaContent(type, parsed.canonical(), references,
                request.metadata(), request.ruleSet()), parsed);
    }

    /** Ids of live schemas that reference subject-version. */
    private Set<Integer> referrers(String subject, int version) {
        Set<Integer> ids = new TreeSet<>();
        state.subjects().forEach((s, versions) -> versions.values().forEach(e -> {
            if (!e.deleted()) {
                for (SchemaReference ref : e.schema().references()) {
                    if (ref.subject().equals(subject) && ref.version() == version) {
                        ids.add(e.schema().id());
                    }
                }
            }
        }));
        return ids;
    }

    private boolean usedBy(String subject, int id) {
        return state.versions(subject).values().stream().anyMatch(e -> e.schema().id() == id);
    }

    private boolean hasLiveSubjects(String subject) {
        if (subject != null) {
            return state.versions(subject).values().stream().anyMatch(e -> !e.deleted());
        }
        return state.subjects().values().stream()
                .anyMatch(versions -> versions.values().stream().anyMatch(e -> !e.deleted()));
    }

    private Mode mode(String subject) {
        Mode global = state.globalMode() == null ? Mode.READWRITE : state.globalMode();
        if (global == Mode.READONLY_OVERRIDE) {
            return global;
        }
        Mode own = state.subjectMode(subject);
        return own != null ? own : global;
    }

    private void requireWritable(String subject) {
        if (mode(subject).isReadOnly()) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
        }
    }

    private CompatibilityLevel level(String subject) {
        ObjectNode own = state.subjectConfig(subject);
        if (own != null && own.hasNonNull(LEVEL)) {
            return CompatibilityLevel.parse(own.get(LEVEL).asText()).orElse(defaultLevel);
        }
        ObjectNode global = state.globalConfig();
        if (global != null && global.hasNonNull(LEVEL)) {
            return CompatibilityLevel.parse(global.get(LEVEL).asText()).orElse(defaultLevel);
        }
        return defaultLevel;
    }

    private boolean configFlag(String subject, String field) {
        ObjectNode own = state.subjectConfig(subject);
        if (own != null && own.has(field)) {
            return own.get(field).asBoolean(false);
        }
        ObjectNode global = state.globalConfig();
        return global != null && global.get(field) != null && global.get(field).asBoolean(false);
    }

    private ObjectNode effectiveGlobalConfig() {
        ObjectNode stored = state.globalConfig();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put(LEVEL, defaultLevel.name());
        if (stored != null) {
            result.setAll(stored.deepCopy());
        }
        return result;
    }

    private static boolean matches(String prefix, String subject) {
        return prefix == null || prefix.isEmpty() || prefix.equals(":*:") || subject.startsWith(prefix);
    }

    static void validateSubject(String subject) {
        boolean invalid = subject == null || subject.isEmpty() || subject.equals("__GLOBAL")
                || subject.equals("__EMPTY") || subject.chars().anyMatch(Character::isISOControl);
        if (invalid) {
            throw RegistryError.INVALID_SUBJECT.exception(subject);
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

    private void append(byte[] key, LogValue value, String operation) {
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

    /** The verdict of a compatibility check; {@code messages} is null unless verbose. */
    public record CompatibilityResult(boolean compatible, List<String> messages) {
    }
}
