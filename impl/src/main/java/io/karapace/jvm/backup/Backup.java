package io.karapace.jvm.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A backup on disk, its format told by its first bytes: a directory or file of V3 ({@code /V3\n}), V2
 * ({@code /V2\n}), a V1 JSON array (first non-blank character {@code [}), else console-consumer lines
 * (API.md F "Format detection"; Karapace backup/api.py {@code BackupVersion.identify}).
 */
public final class Backup {
    private final Path file;
    private final BackupFormat format;
    private final V3Metadata metadata;

    private Backup(Path file, BackupFormat format, V3Metadata metadata) {
        this.file = file;
        this.format = format;
        this.metadata = metadata;
    }

    /**
     * A V3 directory must hold exactly one metadata file (Karapace api.py {@code locate_backup_file}); a
     * {@code .metadata} file is V3 whatever its first bytes, so a wrong marker is reported as such.
     */
    public static Backup open(Path location) throws IOException, BackupException {
        Path file = Files.isDirectory(location) ? metadataFileIn(location) : location;
        if (!Files.isRegularFile(file)) {
            throw new BackupException(location + ": no such backup file or directory");
        }
        boolean metadataFile = file.getFileName().toString().endsWith(".metadata");
        BackupFormat format = metadataFile ? BackupFormat.V3 : detect(file);
        return new Backup(file, format, format == BackupFormat.V3 ? V3Files.readMetadata(file) : null);
    }

    private static Path metadataFileIn(Path dir) throws IOException, BackupException {
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(".metadata")).toList();
        }
        if (found.size() != 1) {
            throw new BackupException(dir + ": a V3 backup directory holds exactly one .metadata file, found "
                    + found.size());
        }
        return found.get(0);
    }

    static BackupFormat detect(Path file) throws IOException, BackupException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (startsWith(head, V3Files.MARKER)) {
            return BackupFormat.V3;
        }
        if (startsWith(head, (V2File.MARKER + "\n").getBytes(StandardCharsets.US_ASCII))) {
            return BackupFormat.V2;
        }
        String text = new String(head, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new BackupException(file + ": empty file, not a backup");
        }
        return text.startsWith("[") ? BackupFormat.V1 : BackupFormat.CONSOLE;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    public Path file() {
        return file;
    }

    public BackupFormat format() {
        return format;
    }

    /** Present for V3 only. */
    public Optional<V3Metadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** Hands every record to {@code sink} in order, checking the whole file as it goes. */
    public void read(RecordSink sink) throws IOException, BackupException {
        switch (format) {
            case V3 -> readV3(sink);
            case V2 -> V2File.read(file, sink);
            case V1 -> JsonTextFiles.readV1(file, sink);
            case CONSOLE -> JsonTextFiles.readConsole(file, sink);
            default -> throw new IllegalStateException(format.name());
        }
    }

    private void readV3(RecordSink sink) throws IOException, BackupException {
        if (!RunningChecksum.ALGORITHM.equals(metadata.checksumAlgorithm())) {
            throw new BackupException(file + ": unknown checksum algorithm " + metadata.checksumAlgorithm());
        }
        if (metadata.dataFiles().size() > 1) {
            throw new BackupException(file + ": " + metadata.dataFiles().size()
                    + " data files; only single-partition backups are supported");
        }
        for (V3Metadata.DataFile dataFile : metadata.dataFiles()) {
            new V3DataFileReader(dataFileOf(dataFile), dataFile).read(sink);
        }
    }

    Path dataFileOf(V3Metadata.DataFile dataFile) {
        return file.resolveSibling(dataFile.filename());
    }
}
