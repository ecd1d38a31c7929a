package io.karapace.jvm.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * V2: the line {@code /V2}, then per record upper-case hex of the key bytes, a TAB, hex of the value
 * bytes, with {@code null} for a null key or value (API.md D.4; Karapace backup/backends/v2.py).
 */
public final class V2File {
    static final String MARKER = "/V2";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private V2File() {
    }

    /** Writes records to a new V2 file. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;
        private long records;
        private long bytes;

        public Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
            out.write(MARKER + "\n");
            bytes = MARKER.length() + 1;
        }

        public void write(BackupRecord record) throws IOException {
            String line = hex(record.key()) + "\t" + hex(record.value()) + "\n";
            out.write(line);
            records++;
            bytes += line.length();
        }

        public long records() {
            return records;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private static String hex(byte[] bytes) {
            return bytes == null ? "null" : HEX.formatHex(bytes);
        }
    }

    static void read(Path file, RecordSink sink) throws IOException, BackupException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String marker = in.readLine();
            if (!MARKER.equals(marker)) {
                throw new BackupException(file + ": line 1: expected the marker /V2");
            }
            long lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    sink.accept(parse(file, lineNumber, line));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BackupException(file + ": not ASCII text, so not a V2 backup", e);
        }
    }

    private static BackupRecord parse(Path file, long lineNumber, String line) throws BackupException {
        String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
            throw new BackupException(file + ": line " + lineNumber + ": expected hex key TAB hex value, found "
                    + fields.length + " field(s)");
        }
        try {
            return BackupRecord.keyValue(unhex(fields[0]), unhex(fields[1]));
        } catch (IllegalArgumentException e) {
            throw new BackupException(file + ": line " + lineNumber + ": not hexadecimal: " + e.getMessage(), e);
        }
    }

    private static byte[] unhex(String field) {
        String text = field.strip();
        return "null".equals(text) ? null : HexFormat.of().parseHex(text);
    }
}
