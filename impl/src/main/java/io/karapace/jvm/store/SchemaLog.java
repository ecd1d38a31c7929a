package io.karapace.jvm.store;

import java.time.Duration;

/**
 * The registry's durable log (the schemas topic). One reader thread replays it from the start and
 * then follows it, handing each raw record to the sink; writers append and wait until the reader
 * has applied their record, so every answer reflects the writer's own write.
 */
public interface SchemaLog extends AutoCloseable {

    /** Receives raw records in log order, on the reader thread only. */
    interface Sink {
        void apply(byte[] key, byte[] value, long offset);
    }

    /** Starts replaying into the sink. Returns at once; see {@link #isReady()}. */
    void start(Sink sink);

    /** True once the reader has applied every record that existed when {@link #start} was called. */
    boolean isReady();

    /** Blocks until {@link #isReady()} or the timeout passes; returns whether it is ready. */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /** Offset of the last record applied, -1 before any. */
    long appliedOffset();

    /** Offset the reader must reach to be ready (end of log at start), -1 if empty. */
    long startEndOffset();

    /** Records the log holds past the reader's position as the reader last saw it; -1 while unknown. */
    default long readerLag() {
        return -1;
    }

    /**
     * Appends a record (value null = tombstone), waits until it is durable (acks=all) and applied
     * by the reader, and returns its offset.
     *
     * @throws StoreException when Kafka cannot take the record or the reader does not apply it in time
     */
    long append(byte[] key, byte[] value);

    /**
     * Waits until the reader has applied every record the log holds at the time of the call (what
     * another node wrote included), so an answer given afterwards reflects it.
     *
     * @throws StoreException when Kafka does not answer or the reader does not get there in time
     */
    void awaitCaughtUp();

    @Override
    void close();
}
