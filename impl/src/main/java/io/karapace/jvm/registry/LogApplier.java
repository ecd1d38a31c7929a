package io.karapace.jvm.registry;

import io.karapace.jvm.store.LogKey;
import io.karapace.jvm.store.LogRecord;
import io.karapace.jvm.store.LogValue;
import io.karapace.jvm.store.MalformedRecordException;
import io.karapace.jvm.store.RecordCodec;
import io.karapace.jvm.store.SchemaLog;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns records of the schemas topic into registry state, in log order. Lenient by default:
 * a record it cannot read is logged and skipped, so one bad record never stops the registry;
 * in strict mode it stops the reader instead.
 */
final class LogApplier implements SchemaLog.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(LogApplier.class);

    private final RegistryState state;
    private final RecordCodec codec;
    private final boolean strict;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong canonicalKeys = new AtomicLong();
    private final AtomicLong otherKeys = new AtomicLong();

    LogApplier(RegistryState state, RecordCodec codec, boolean strict) {
        this.state = state;
        this.codec = codec;
        this.strict = strict;
    }

    @Override
    public void apply(byte[] key, byte[] value, long offset) {
        LogRecord record;
        try {
            record = codec.decode(key, value, offset);
        } catch (MalformedRecordException e) {
            if (strict) {
                throw new IllegalStateException("Invalid record at offset " + offset + ": " + e.getMessage(), e);
            }
            skipped.incrementAndGet();
            LOG.warn("Skipping record at offset {}: {}", offset, e.getMessage());
            return;
        }
        state.write(() -> apply(record));
    }

    long skipped() {
        return skipped.get();
    }

    /** Records applied whose key had Confluent's canonical layout. */
    long canonicalKeys() {
        return canonicalKeys.get();
    }

    /** Records applied whose key had another layout (older Karapace's, say). */
    long otherKeys() {
        return otherKeys.get();
    }

    private void apply(LogRecord record) {
        LogKey key = record.key();
        boolean canonical = Arrays.equals(record.rawKey(), codec.encodeKey(key));
        state.keySeen(key, record.rawKey(), canonical, record.isTombstone());
        // Karapace counts each schema record read (schema_reader.py consume_messages); NOOP markers are
        // this server's election fences, which Karapace never writes, and are not counted
        if (!(key instanceof LogKey.Noop)) {
            (canonical ? canonicalKeys : otherKeys).incrementAndGet();
        }
        LogValue value = record.value();
        if (key instanceof LogKey.Schema k) {
            if (value instanceof LogValue.Schema v) {
                state.putSchema(k, v);
            } else {
                state.removeSchema(k);
            }
        } else if (key instanceof LogKey.Config k) {
            state.config(k.subject(), value instanceof LogValue.Config c ? c.fields() : null);
        } else if (key instanceof LogKey.Mode k) {
            state.mode(k.subject(), value instanceof LogValue.Mode m ? modeOf(m) : null);
        } else if (key instanceof LogKey.DeleteSubject k && value instanceof LogValue.DeleteSubject d) {
            state.deleteSubject(k.subject(), d.version());
        } else if (key instanceof LogKey.ClearSubject k) {
            state.clearSubject(k.subject());
        }
    }

    private static Mode modeOf(LogValue.Mode value) {
        return Mode.parse(value.mode()).orElseGet(() -> {
            LOG.warn("Ignoring unknown mode '{}' for {}", value.mode(), value.subject());
            return null;
        });
    }
}
