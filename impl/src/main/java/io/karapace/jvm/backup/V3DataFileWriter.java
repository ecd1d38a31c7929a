package io.karapace.jvm.backup;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one {@code <topic>:<partition>.data} file: per record a uint32-BE length and the Avro
 * {@code Record}, a running XXH64 over both, and a checkpoint (the digest before the record) once 100
 * records or 16384 bytes have passed since the last one (Karapace backup/backends/v3/backend.py
 * {@code _PartitionStats.get_checkpoint}, writer defaults; API.md F).
 */
public final class V3DataFileWriter implements Closeable {
    static final int RECORDS_PER_CHECKPOINT = 100;
    static final int BYTES_PER_CHECKPOINT = 16_384;

    private final Path file;
    private final OutputStream out;
    private final V3Codec codec = new V3Codec();
    private final RunningChecksum checksum = new RunningChecksum();
    private long records;
    private long bytes;
    private int recordsSinceCheckpoint;
    private long bytesSinceCheckpoint;
    private long firstOffset = -1;
    private long lastOffset = -1;

    public V3DataFileWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public static String fileName(String topic, int partition) {
        return topic + ":" + partition + ".data";
    }

    public void write(BackupRecord record) throws IOException {
        if (record.offset() <= lastOffset) {
            throw new IllegalArgumentException("offsets must increase: " + record.offset() + " after " + lastOffset);
        }
        byte[] encoded = codec.encodeRecord(record, checkpointDue() ? checksum.digest() : null);
        byte[] length = ByteBuffer.allocate(Integer.BYTES).putInt(encoded.length).array();
        out.write(length);
        out.write(encoded);
        checksum.update(length);
        checksum.update(encoded);
        count(record.offset(), length.length + encoded.length);
    }

    private boolean checkpointDue() {
        if (recordsSinceCheckpoint >= RECORDS_PER_CHECKPOINT || bytesSinceCheckpoint >= BYTES_PER_CHECKPOINT) {
            recordsSinceCheckpoint = 0;
            bytesSinceCheckpoint = 0;
            return true;
        }
        return false;
    }

    private void count(long offset, int written) {
        records++;
        recordsSinceCheckpoint++;
        bytesSinceCheckpoint += written;
        bytes += written;
        if (firstOffset < 0) {
            firstOffset = offset;
        }
        lastOffset = offset;
    }

    public long records() {
        return records;
    }

    public long bytes() {
        return bytes;
    }

    /** Closes the file and describes it for the metadata; V3 stores the offsets as Avro ints. */
    public V3Metadata.DataFile finish(int partition) throws IOException {
        close();
        if (records == 0) {
            throw new IllegalStateException("a data file needs at least one record; an empty topic has none");
        }
        return new V3Metadata.DataFile(file.getFileName().toString(), partition, checksum.digest(), records,
                Math.toIntExact(firstOffset), Math.toIntExact(lastOffset));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
