package io.karapace.jvm.registry;

import io.karapace.jvm.store.SchemaLog;
import io.karapace.jvm.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A SchemaLog in memory, applying each append at once: for unit tests of the registry's rules. */
final class InMemorySchemaLog implements SchemaLog {
    record Entry(byte[] key, byte[] value) {
    }

    final List<Entry> entries = new ArrayList<>();
    private Sink sink;
    boolean failWrites;
    /** A record another node slips in just before the next append (a second, mistaken primary). */
    Entry interloper;

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        for (int i = 0; i < entries.size(); i++) {
            sink.apply(entries.get(i).key(), entries.get(i).value(), i);
        }
    }

    @Override
    public boolean isReady() {
        return sink != null;
    }

    @Override
    public boolean awaitReady(Duration timeout) {
        return isReady();
    }

    @Override
    public long appliedOffset() {
        return entries.size() - 1;
    }

    @Override
    public long startEndOffset() {
        return entries.size() - 1;
    }

    @Override
    public long append(byte[] key, byte[] value) {
        if (failWrites) {
            throw new StoreException("Kafka is down", false, null);
        }
        if (interloper != null) {
            Entry first = interloper;
            interloper = null;
            entries.add(first);
            sink.apply(first.key(), first.value(), entries.size() - 1);
        }
        entries.add(new Entry(key, value));
        sink.apply(key, value, entries.size() - 1);
        return entries.size() - 1;
    }

    void add(String key, String value) {
        entries.add(new Entry(key.getBytes(), value == null ? null : value.getBytes()));
    }

    /** Appends are applied as they are made, so the reader is always at the end. */
    @Override
    public void awaitCaughtUp() {
    }

    @Override
    public void close() {
    }
}
