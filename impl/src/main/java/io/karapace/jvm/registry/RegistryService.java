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
 * The registry's read side, in domain terms: every answer comes from the state the log reader
 * has built, once it has replayed the log. Writes go through {@link RegistryWrites}; the rules
 * both sides share (modes, levels, candidate schemas, references) live here.
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
    private volatile LogApplier applier;

    public RegistryService(SchemaLog log, RecordCodec codec, SchemaProviders providers,
                           CompatibilityLevel defaultLevel, boolean strictReplay, Duration readyTimeout) {
        this.log = log;
        this.codec = codec;
        this.resolver = new SchemaResolver(state, providers);
        this.types = providers.types();
        this.defaultLevel = defaultLevel;
        this.strictReplay = strictReplay;
        this.readyTimeout = readyTimeout;
    }

    /** Starts replaying the log; the registry is ready once it reaches the end seen at start. */
    public void start() {
        applier = new LogApplier(state, codec, strictReplay);
        log.start(applier);
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

    /** How many records the log holds past the one last applied; -1 while unknown. */
    public long readerLag() {
        return log.readerLag();
    }

    /** The counts the metrics endpoint shows, taken under the state's read lock. */
    public RegistryStats stats() {
        LogApplier current = applier;
        long canonical = current == null ? 0 : current.canonicalKeys();
        long other = current == null ? 0 : current.otherKeys();
        long skipped = current == null ? 0 : current.skipped();
        return state.read(() -> RegistryStats.of(state, canonical, other, skipped));
    }

    /**
     * Fences the log for a new primary: appends Confluent's NOOP marker and returns once this node's
     * reader has applied it, so that everything written before it is in this node's state.
     *
     * @throws io.karapace.jvm.store.StoreException when Kafka does not take the marker or it is not read back
     */
    public void fence() {
        log.append(codec.encodeKey(new LogKey.Noop()), null);
    }

    /** Returns once this node has read the log to the end it has now (after a write another node made). */
    public void awaitCaughtUp() {
        try {
            log.awaitCaughtUp();
        } catch (StoreException e) {
            throw e.timeout() ? RegistryError.OPERATION_TIMEOUT.exception(e.getMessage())
                    : RegistryError.STORE_ERROR.exception(e.getMessage());
        }
    }

    RegistryState state() {
        return state;
    }

    SchemaLog log() {
        return log;
    }

    RecordCodec codec() {
        return codec;
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

    // ------------------------------------------------------------------ helpers

    <T> T read(java.util.function.Supplier<T> reader) {
        awaitReady();
        return state.read(reader);
    }

    void awaitReady() {
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

    VersionEntry entry(String subject, VersionSpec spec, boolean includeDeleted) {
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

    CompatibilityChecker.Versioned versioned(VersionEntry e) {
        return new CompatibilityChecker.Versioned(e.version(), resolver.parsed(e.schema()));
    }

    record Candidate(SchemaContent content, ParsedSchema parsed) {
    }

    Candidate content(String subject, SchemaRequest request, boolean normalize, Validation validation) {
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
    Set<Integer> referrers(String subject, int version) {
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

    boolean usedBy(String subject, int id) {
        return state.versions(subject).values().stream().anyMatch(e -> e.schema().id() == id);
    }

    boolean hasLiveSubjects(String subject) {
        if (subject != null) {
            return state.versions(subject).values().stream().anyMatch(e -> !e.deleted());
        }
        return state.subjects().values().stream()
                .anyMatch(versions -> versions.values().stream().anyMatch(e -> !e.deleted()));
    }

    Mode mode(String subject) {
        Mode global = state.globalMode() == null ? Mode.READWRITE : state.globalMode();
        if (global == Mode.READONLY_OVERRIDE) {
            return global;
        }
        Mode own = state.subjectMode(subject);
        return own != null ? own : global;
    }

    void requireWritable(String subject) {
        if (mode(subject).isReadOnly()) {
            throw RegistryError.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
        }
    }

    CompatibilityLevel level(String subject) {
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

    boolean configFlag(String subject, String field) {
        ObjectNode own = state.subjectConfig(subject);
        if (own != null && own.has(field)) {
            return own.get(field).asBoolean(false);
        }
        ObjectNode global = state.globalConfig();
        return global != null && global.get(field) != null && global.get(field).asBoolean(false);
    }

    ObjectNode effectiveGlobalConfig() {
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

    public record CompatibilityResult(boolean compatible, List<String> messages) {
    }
}
