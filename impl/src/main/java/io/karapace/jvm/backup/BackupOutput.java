package io.karapace.jvm.backup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A backup being written: into a staging file or directory beside {@code location}, moved into place
 * only by {@link #commit}, so a failed or interrupted {@code get} leaves no half backup (Karapace
 * backup/safe_writer.py stages the same way). V3 writes a directory, V2 a file.
 */
public final class BackupOutput implements Closeable {
    /** What the V3 metadata records beyond the data: the tool, the start time and the topic. */
    public record Facts(String toolVersion, long startedAt, String topic, Optional<String> topicId,
            int replicationFactor, Map<String, String> topicConfigurations) {
    }

    private final Path location;
    private final Path staging;
    private final BackupFormat format;
    private final String topic;
    private final boolean overwrite;
    private V3DataFileWriter v3;
    private V2File.Writer v2;
    private boolean committed;

    private BackupOutput(Path location, Path staging, BackupFormat format, String topic, boolean overwrite) {
        this.location = location;
        this.staging = staging;
        this.format = format;
        this.topic = topic;
        this.overwrite = overwrite;
    }

    /** @throws FileAlreadyExistsException when {@code location} exists and {@code overwrite} is false */
    public static BackupOutput create(Path location, BackupFormat format, String topic, boolean overwrite)
            throws IOException {
        if (format != BackupFormat.V3 && format != BackupFormat.V2) {
            throw new IllegalArgumentException("backups are written in V3 or V2, not " + format);
        }
        Path absolute = location.toAbsolutePath();
        if (Files.exists(absolute) && !overwrite) {
            throw new FileAlreadyExistsException(absolute + " exists; use --overwrite to replace it");
        }
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".partial-" + UUID.randomUUID());
        BackupOutput output = new BackupOutput(absolute, staging, format, topic, overwrite);
        if (format == BackupFormat.V3) {
            Files.createDirectories(staging);
            output.v3 = new V3DataFileWriter(staging.resolve(V3DataFileWriter.fileName(topic, 0)));
        } else {
            output.v2 = new V2File.Writer(staging);
        }
        return output;
    }

    public void write(BackupRecord record) throws IOException {
        if (v3 != null) {
            v3.write(record);
        } else {
            v2.write(record);
        }
    }

    public long records() {
        return v3 != null ? v3.records() : v2.records();
    }

    public long bytes() {
        return v3 != null ? v3.bytes() : v2.bytes();
    }

    /** Finishes the files (V3: the metadata, finished now) and moves the backup to its location. */
    public void commit(Facts facts) throws IOException {
        if (v3 != null) {
            commitV3(facts);
        } else {
            v2.close();
        }
        if (overwrite) {
            deleteRecursively(location);
        }
        Files.move(staging, location, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    private void commitV3(Facts facts) throws IOException {
        List<V3Metadata.DataFile> dataFiles;
        if (v3.records() == 0) {
            // An empty topic gets metadata only (Karapace api.py create_backup, EmptyPartition)
            v3.close();
            Files.delete(staging.resolve(V3DataFileWriter.fileName(topic, 0)));
            dataFiles = List.of();
        } else {
            dataFiles = List.of(v3.finish(0));
        }
        V3Metadata metadata = new V3Metadata(V3Metadata.VERSION, "karapace-jvm", facts.toolVersion(),
                facts.startedAt(), System.currentTimeMillis(), Math.toIntExact(v3.records()), facts.topic(),
                facts.topicId(), 1, facts.replicationFactor(), facts.topicConfigurations(), dataFiles,
                RunningChecksum.ALGORITHM);
        V3Files.writeMetadata(staging.resolve(V3Files.metadataFileName(topic)), metadata);
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            if (v3 != null) {
                v3.close();
            } else {
                v2.close();
            }
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
