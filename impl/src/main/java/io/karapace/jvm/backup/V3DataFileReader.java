package io.karapace.jvm.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads one V3 data file as Karapace's reader checks it (backup/backends/v3/readers.py and backend.py):
 * exactly {@code record_count} records and nothing after them, every checkpoint equal to the running
 * digest before its record, first and last offsets equal to {@code start_offset}/{@code end_offset},
 * and the final digest equal to {@code checksum}. Offsets must also increase, as the writer demands.
 */
final class V3DataFileReader {
    private final Path file;
    private final V3Metadata.DataFile expected;
    private final V3Codec codec = new V3Codec();
    private final RunningChecksum checksum = new RunningChecksum();
    private long position;

    V3DataFileReader(Path file, V3Metadata.DataFile expected) {
        this.file = file;
        this.expected = expected;
    }

    void read(RecordSink sink) throws IOException, BackupException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + ": data file is missing");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long lastOffset = -1;
            for (long index = 0; index < expected.recordCount(); index++) {
                BackupRecord record = next(in, index, lastOffset);
                lastOffset = record.offset();
                sink.accept(record);
            }
            if (in.read() >= 0) {
                throw failure("data after the last of its " + expected.recordCount() + " records, at byte "
                        + position);
            }
            checkEnd(lastOffset);
        }
    }

    private BackupRecord next(InputStream in, long index, long lastOffset) throws IOException, BackupException {
        long start = position;
        byte[] length = readFully(in, Integer.BYTES, index);
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(length).getInt());
        if (size > Integer.MAX_VALUE - 8) {
            throw failure(at(index, start) + ": impossible record length " + size);
        }
        byte[] encoded = readFully(in, (int) size, index);
        V3Codec.Decoded decoded = decode(encoded, index, start);
        if (decoded.checkpoint() != null && !Arrays.equals(decoded.checkpoint(), checksum.digest())) {
            throw failure(at(index, start) + ": checksum checkpoint does not match the data before it");
        }
        checksum.update(length);
        checksum.update(encoded);
        long offset = decoded.record().offset();
        if (index == 0 && offset != expected.startOffset()) {
            throw failure(at(index, start) + ": first offset " + offset + " is not start_offset "
                    + expected.startOffset());
        }
        if (offset <= lastOffset) {
            throw failure(at(index, start) + ": offset " + offset + " does not follow " + lastOffset);
        }
        return decoded.record();
    }

    private void checkEnd(long lastOffset) throws BackupException {
        if (expected.recordCount() > 0 && lastOffset != expected.endOffset()) {
            throw failure("last offset " + lastOffset + " is not end_offset " + expected.endOffset());
        }
        if (!Arrays.equals(checksum.digest(), expected.checksum())) {
            throw failure("checksum " + HexFormat.of().formatHex(checksum.digest()) + " of the whole file is not "
                    + HexFormat.of().formatHex(expected.checksum()) + " from the metadata");
        }
    }

    private V3Codec.Decoded decode(byte[] encoded, long index, long start) throws BackupException {
        try {
            return codec.decodeRecord(encoded);
        } catch (IllegalArgumentException e) {
            throw failure(at(index, start) + ": unparseable record: " + e.getMessage());
        }
    }

    private byte[] readFully(InputStream in, int size, long index) throws IOException, BackupException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw failure("truncated at record " + index + " (byte " + (position + bytes.length) + "): "
                    + expected.recordCount() + " records expected");
        }
        position += size;
        return bytes;
    }

    private static String at(long index, long byteOffset) {
        return "record " + index + " (byte " + byteOffset + ")";
    }

    private BackupException failure(String what) {
        return new BackupException(file + ": " + what);
    }
}
