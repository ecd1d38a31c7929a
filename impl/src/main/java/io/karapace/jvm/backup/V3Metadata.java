package io.karapace.jvm.backup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Metadata} record of a V3 backup's {@code <topic>.metadata} file (API.md D.4; Karapace
 * backup/backends/v3/avro/Metadata.avsc). Times are epoch milliseconds.
 */
public record V3Metadata(int version, String toolName, String toolVersion, long startedAt, long finishedAt,
        int recordCount, String topicName, Optional<String> topicId, int partitionCount, int replicationFactor,
        Map<String, String> topicConfigurations, List<DataFile> dataFiles, String checksumAlgorithm) {
    public static final int VERSION = 3;

    public V3Metadata {
        topicConfigurations = Collections.unmodifiableMap(new LinkedHashMap<>(topicConfigurations));
        dataFiles = List.copyOf(dataFiles);
    }

    /** One {@code <topic>:<partition>.data} file; the offsets are those of its first and last record. */
    public record DataFile(String filename, long partition, byte[] checksum, long recordCount, int startOffset,
            int endOffset) {
    }
}
