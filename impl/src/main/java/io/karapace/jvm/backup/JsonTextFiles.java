package io.karapace.jvm.backup;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two read-only JSON text formats. V1 is one JSON array of {@code [key, value]} pairs of JSON text;
 * the console format is {@code kafka-console-consumer --property print.key=true} output, one
 * {@code key TAB value} line per record. In both, {@code null} (JSON null or the text "null") stands for
 * a null key or value (Karapace backup/backends/v1.py and encoders.py {@code encode_key}/{@code encode_value}).
 */
final class JsonTextFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonTextFiles() {
    }

    static void readV1(Path file, RecordSink sink) throws IOException, BackupException {
        JsonNode root = parse(file, Files.readString(file, StandardCharsets.UTF_8), "the file");
        if (!root.isArray()) {
            throw new BackupException(file + ": a V1 backup is a JSON array, found " + root.getNodeType());
        }
        for (int index = 0; index < root.size(); index++) {
            JsonNode pair = root.get(index);
            if (!pair.isArray() || pair.size() != 2) {
                throw new BackupException(file + ": item " + index + ": expected a [key, value] pair");
            }
            sink.accept(BackupRecord.keyValue(v1Bytes(pair.get(0)), v1Bytes(pair.get(1))));
        }
    }

    static void readConsole(Path file, RecordSink sink) throws IOException, BackupException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    sink.accept(consoleLine(file, lineNumber, line));
                }
            }
        }
    }

    private static BackupRecord consoleLine(Path file, long lineNumber, String line) throws BackupException {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new BackupException(file + ": line " + lineNumber + ": expected key TAB value");
        }
        String where = "line " + lineNumber;
        return BackupRecord.keyValue(jsonText(file, line.substring(0, tab), where + " key"),
                jsonText(file, line.substring(tab + 1), where + " value"));
    }

    private static byte[] jsonText(Path file, String text, String where) throws BackupException {
        String trimmed = text.strip();
        if ("null".equals(trimmed)) {
            return null;
        }
        parse(file, trimmed, where);
        return trimmed.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] v1Bytes(JsonNode node) throws BackupException {
        if (node.isNull() || (node.isTextual() && "null".equals(node.textValue()))) {
            return null;
        }
        try {
            String text = node.isTextual() ? node.textValue() : JSON.writeValueAsString(node);
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new BackupException("cannot re-encode a V1 item: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(Path file, String text, String where) throws BackupException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new BackupException(file + ": " + where + ": not JSON" + position + ": " + e.getOriginalMessage(), e);
        }
    }
}
