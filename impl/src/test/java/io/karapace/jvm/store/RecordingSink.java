package io.karapace.jvm.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it was handed, as text, for assertions. */
final class RecordingSink implements SchemaLog.Sink {
    record Applied(String key, String value, long offset) {
    }

    private final List<Applied> applied = new CopyOnWriteArrayList<>();

    @Override
    public void apply(byte[] key, byte[] value, long offset) {
        applied.add(new Applied(new String(key, UTF_8), value == null ? null : new String(value, UTF_8), offset));
    }

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    List<String> keys() {
        return applied.stream().map(Applied::key).toList();
    }
}
