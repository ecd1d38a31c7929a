package io.karapace.jvm.registry;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The key byte layouts seen for one logical key, other than our canonical one. Compaction keeps
 * the latest value per byte layout, so a rewrite must reuse the layout last written and a delete
 * must tombstone every layout, or an old value comes back on the next replay.
 */
final class KeyVariants {
    private final Set<ByteBuffer> all = new LinkedHashSet<>();
    private byte[] last;

    void seen(byte[] raw, boolean canonical) {
        if (canonical) {
            last = null;
        } else {
            all.add(ByteBuffer.wrap(raw));
            last = raw;
        }
    }

    void tombstoned(byte[] raw) {
        all.remove(ByteBuffer.wrap(raw));
        if (last != null && ByteBuffer.wrap(last).equals(ByteBuffer.wrap(raw))) {
            last = null;
        }
    }

    /** The layout to write a new value with; null means the canonical layout. */
    byte[] last() {
        return last;
    }

    Set<ByteBuffer> all() {
        return all;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }
}
