package io.karapace.jvm.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inspect}: the V3 metadata as Karapace prints it (backup/api.py {@code inspect}: the same keys
 * and order, checksums as {@code checksum_hex}, times as Python's {@code isoformat()} in UTC); for the
 * other formats only {@code {"version": n}}, with {@code "console"} for console-consumer text.
 */
public final class Inspection {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Inspection() {
    }

    public static String toJson(Backup backup) {
        try {
            return JSON.writeValueAsString(describe(backup));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> describe(Backup backup) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (backup.format()) {
            case V1 -> out.put("version", 1);
            case V2 -> out.put("version", 2);
            case CONSOLE -> out.put("version", "console");
            case V3 -> out.putAll(metadata(backup.metadata().orElseThrow()));
            default -> throw new IllegalStateException(backup.format().name());
        }
        return out;
    }

    private static Map<String, Object> metadata(V3Metadata m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", m.version());
        out.put("tool_name", m.toolName());
        out.put("tool_version", m.toolVersion());
        out.put("started_at", isoformat(m.startedAt()));
        out.put("finished_at", isoformat(m.finishedAt()));
        out.put("topic_name", m.topicName());
        out.put("topic_id", m.topicId().orElse(null));
        out.put("partition_count", m.partitionCount());
        out.put("record_count", m.recordCount());
        out.put("replication_factor", m.replicationFactor());
        out.put("topic_configurations", m.topicConfigurations());
        out.put("checksum_algorithm", m.checksumAlgorithm());
        out.put("data_files", dataFiles(m.dataFiles()));
        return out;
    }

    private static List<Map<String, Object>> dataFiles(List<V3Metadata.DataFile> files) {
        return files.stream().map(f -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("filename", f.filename());
            out.put("partition", f.partition());
            out.put("checksum_hex", HexFormat.of().formatHex(f.checksum()));
            out.put("record_count", f.recordCount());
            out.put("start_offset", f.startOffset());
            out.put("end_offset", f.endOffset());
            return out;
        }).toList();
    }

    /** Python's {@code datetime.isoformat()}: microseconds only when not zero, then {@code +00:00}. */
    static String isoformat(long epochMillis) {
        var time = Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
        String micros = time.getNano() == 0 ? "" : String.format(".%06d", time.getNano() / 1000);
        return SECONDS.format(time) + micros + "+00:00";
    }
}
