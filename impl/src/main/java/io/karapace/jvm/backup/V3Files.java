package io.karapace.jvm.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The V3 metadata file: {@code /V3\n}, a uint32-BE length, the Avro {@code Metadata} (API.md D.4). */
public final class V3Files {
    static final byte[] MARKER = "/V3\n".getBytes(StandardCharsets.US_ASCII);

    private V3Files() {
    }

    public static String metadataFileName(String topic) {
        return topic + ".metadata";
    }

    public static void writeMetadata(Path file, V3Metadata metadata) throws IOException {
        byte[] encoded = V3Codec.encodeMetadata(metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 8);
        out.write(MARKER);
        out.write(ByteBuffer.allocate(Integer.BYTES).putInt(encoded.length).array());
        out.write(encoded);
        Files.write(file, out.toByteArray());
    }

    public static V3Metadata readMetadata(Path file) throws IOException, BackupException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] marker = in.readNBytes(MARKER.length);
            if (!Arrays.equals(marker, MARKER)) {
                throw new BackupException(file + ": not a V3 metadata file (expected the marker /V3)");
            }
            byte[] length = in.readNBytes(Integer.BYTES);
            if (length.length < Integer.BYTES) {
                throw new BackupException(file + ": truncated after the /V3 marker");
            }
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(length).getInt());
            byte[] encoded = in.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8));
            if (encoded.length < size) {
                throw new BackupException(file + ": truncated metadata (" + encoded.length + " of " + size + " bytes)");
            }
            if (in.read() >= 0) {
                throw new BackupException(file + ": data after the metadata record");
            }
            return decode(file, encoded);
        }
    }

    private static V3Metadata decode(Path file, byte[] encoded) throws BackupException {
        try {
            return V3Codec.decodeMetadata(encoded);
        } catch (IllegalArgumentException e) {
            throw new BackupException(file + ": unparseable metadata: " + e.getMessage(), e);
        }
    }
}
