package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.store.LogKey;
import io.karapace.jvm.store.LogValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the registry knows, rebuilt from the log and indexed for every read path.
 * Only the log reader thread mutates it (through the apply methods, under the write lock);
 * request threads read it under the read lock through {@link #read}.
 */
final class RegistryState {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, NavigableMap<Integer, VersionEntry>> subjects = new TreeMap<>();
    private final Map<Integer, StoredSchema> byId = new HashMap<>();
    private final Map<SchemaContent, StoredSchema> byContent = new HashMap<>();
    private final Map<StoredSchema, Integer> usages = new HashMap<>();
    private final Map<String, ObjectNode> subjectConfigs = new HashMap<>();
    private final Map<String, Mode> subjectModes = new HashMap<>();
    private final Map<LogKey, KeyVariants> keyVariants = new HashMap<>();
    private ObjectNode globalConfig;
    private Mode globalMode;
    private int maxId;

    <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void write(Runnable writer) {
        lock.writeLock().lock();
        try {
            writer.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- reads (call inside read) ----

    NavigableMap<String, NavigableMap<Integer, VersionEntry>> subjects() {
        return subjects;
    }

    NavigableMap<Integer, VersionEntry> versions(String subject) {
        return subjects.getOrDefault(subject, new TreeMap<>());
    }

    StoredSchema byId(int id) {
        return byId.get(id);
    }

    StoredSchema byContent(SchemaContent content) {
        return byContent.get(content);
    }

    Collection<StoredSchema> allSchemas() {
        return byId.values();
    }

    int maxId() {
        return maxId;
    }

    ObjectNode globalConfig() {
        return globalConfig;
    }

    ObjectNode subjectConfig(String subject) {
        return subjectConfigs.get(subject);
    }

    Mode globalMode() {
        return globalMode;
    }

    Mode subjectMode(String subject) {
        return subjectModes.get(subject);
    }

    /** The key bytes to rewrite this logical key with; null means the canonical layout. */
    byte[] keyToRewrite(LogKey key) {
        KeyVariants variants = keyVariants.get(key);
        return variants == null ? null : variants.last();
    }

    /** Every non-canonical byte layout seen for this key. */
    List<byte[]> keyVariants(LogKey key) {
        KeyVariants variants = keyVariants.get(key);
        List<byte[]> result = new ArrayList<>();
        if (variants != null) {
            for (ByteBuffer b : variants.all()) {
                result.add(b.array());
            }
        }
        return result;
    }

    // ---- mutations (call inside write, from the log reader only) ----

    void keySeen(LogKey key, byte[] raw, boolean canonical, boolean tombstone) {
        if (canonical && !keyVariants.containsKey(key)) {
            return;
        }
        KeyVariants variants = keyVariants.computeIfAbsent(key, k -> new KeyVariants());
        if (tombstone) {
            variants.tombstoned(raw);
        } else {
            variants.seen(raw, canonical);
        }
        if (variants.isEmpty() && variants.last() == null) {
            keyVariants.remove(key);
        }
    }

    void putSchema(LogKey.Schema key, LogValue.Schema value) {
        SchemaContent content = new SchemaContent(value.schemaType(), value.schema(), value.references(),
                value.metadata(), value.ruleSet());
        StoredSchema stored = byId.get(value.id());
        if (stored == null) {
            stored = byContent.get(content);
            if (stored != null && stored.id() != value.id()) {
                // The same content under a second id (imported, or written by another registry): keep both.
                stored = null;
            }
            if (stored == null) {
                stored = new StoredSchema(value.id(), content);
                byId.put(value.id(), stored);
                byContent.putIfAbsent(content, stored);
            }
        } else if (!stored.content().equals(content)) {
            LOG.warn("Ignoring schema record {} v{}: id {} is already bound to a different schema",
                    key.subject(), key.version(), value.id());
            return;
        }
        maxId = Math.max(maxId, value.id());
        NavigableMap<Integer, VersionEntry> versions = subjects.computeIfAbsent(key.subject(), s -> new TreeMap<>());
        VersionEntry previous = versions.put(key.version(), new VersionEntry(key.version(), stored, value.deleted()));
        usages.merge(stored, 1, Integer::sum);
        if (previous != null) {
            release(previous.schema());
        }
    }

    void removeSchema(LogKey.Schema key) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(key.subject());
        if (versions == null) {
            return;
        }
        VersionEntry removed = versions.remove(key.version());
        if (removed != null) {
            release(removed.schema());
        }
        if (versions.isEmpty()) {
            subjects.remove(key.subject());
        }
    }

    void deleteSubject(String subject, int upToVersion) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        for (VersionEntry e : List.copyOf(versions.headMap(upToVersion, true).values())) {
            versions.put(e.version(), new VersionEntry(e.version(), e.schema(), true));
        }
    }

    void clearSubject(String subject) {
        NavigableMap<Integer, VersionEntry> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        for (VersionEntry e : List.copyOf(versions.values())) {
            if (e.deleted()) {
                removeSchema(new LogKey.Schema(subject, e.version()));
            }
        }
    }

    void config(String subject, ObjectNode value) {
        if (subject == null) {
            globalConfig = value;
        } else if (value == null) {
            subjectConfigs.remove(subject);
        } else {
            subjectConfigs.put(subject, value);
        }
    }

    void mode(String subject, Mode value) {
        if (subject == null) {
            globalMode = value;
        } else if (value == null) {
            subjectModes.remove(subject);
        } else {
            subjectModes.put(subject, value);
        }
    }

    private void release(StoredSchema schema) {
        int left = usages.merge(schema, -1, Integer::sum);
        if (left <= 0) {
            usages.remove(schema);
            byId.remove(schema.id(), schema);
            byContent.remove(schema.content(), schema);
        }
    }
}
