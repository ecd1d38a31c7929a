package io.karapace.jvm.backup;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * V3 bytes written from the format description alone (API.md D.4 and F; the field order of Karapace
 * backup/backends/v3/avro/*.avsc), with Avro's binary encoding done by hand: zig-zag varints, length-
 * prefixed bytes, union branch indexes, blocked arrays and maps. Independent of the production writer.
 */
final class HandWrittenV3 {
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final StreamingXXHash64 hash = XXHashFactory.safeInstance().newStreamingHash64(0);
    private int recordsSinceCheckpoint;
    private long bytesSinceCheckpoint;
    private long count;
    private long first = -1;
    private long last = -1;

    /** Appends one record, with a checkpoint when 100 records or 16384 bytes passed since the last (API.md F). */
    void record(byte[] key, byte[] value, List<byte[][]> headers, long offset, long timestamp) {
        byte[] checkpoint = null;
        if (recordsSinceCheckpoint >= 100 || bytesSinceCheckpoint >= 16_384) {
            checkpoint = digest();
            recordsSinceCheckpoint = 0;
            bytesSinceCheckpoint = 0;
        }
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        nullableBytes(avro, key);
        nullableBytes(avro, value);
        if (!headers.isEmpty()) {
            varint(avro, headers.size());
            for (byte[][] header : headers) {
                bytes(avro, header[0]);
                bytes(avro, header[1]);
            }
        }
        varint(avro, 0);
        varint(avro, offset);
        varint(avro, timestamp);
        nullableBytes(avro, checkpoint);
        byte[] body = avro.toByteArray();
        byte[] length = uint32(body.length);
        data.writeBytes(length);
        data.writeBytes(body);
        hash.update(length, 0, 4);
        hash.update(body, 0, body.length);
        recordsSinceCheckpoint++;
        bytesSinceCheckpoint += 4 + body.length;
        count++;
        first = first < 0 ? offset : first;
        last = offset;
    }

    byte[] dataFile() {
        return data.toByteArray();
    }

    byte[] digest() {
        return ByteBuffer.allocate(8).putLong(hash.getValue()).array();
    }

    /** The metadata file: /V3\n, uint32-BE length, Avro Metadata (fields in Metadata.avsc order). */
    byte[] metadataFile(String topic, String dataFileName, Map<String, String> configs) {
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        varint(avro, 3);
        string(avro, "hand-written");
        string(avro, "1.0");
        varint(avro, 1_700_000_000_000L);
        varint(avro, 1_700_000_001_000L);
        varint(avro, count);
        string(avro, topic);
        varint(avro, 1); // topic_id: branch 1 of [uuid, null]
        varint(avro, 1);
        varint(avro, 1);
        if (!configs.isEmpty()) {
            varint(avro, configs.size());
            configs.forEach((k, v) -> {
                string(avro, k);
                string(avro, v);
            });
        }
        varint(avro, 0);
        varint(avro, 1);
        string(avro, dataFileName);
        varint(avro, 0);
        bytes(avro, digest());
        varint(avro, count);
        varint(avro, first);
        varint(avro, last);
        varint(avro, 0);
        varint(avro, 1); // checksum_algorithm: symbol 1, xxhash3_64_be
        byte[] body = avro.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("/V3\n".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(uint32(body.length));
        file.writeBytes(body);
        return file.toByteArray();
    }

    private static void nullableBytes(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes == null) {
            varint(out, 1);
        } else {
            varint(out, 0);
            bytes(out, bytes);
        }
    }

    private static void bytes(ByteArrayOutputStream out, byte[] bytes) {
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void string(ByteArrayOutputStream out, String text) {
        bytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
    }

    private static byte[] uint32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
