package io.karapace.jvm.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Avro binary encoding of V3's {@code Metadata} and {@code Record} (schemas beside this class). */
final class V3Codec {
    static final Schema METADATA = schema("Metadata.avsc");
    static final Schema RECORD = schema("Record.avsc");
    private static final Schema DATA_FILE = METADATA.getField("data_files").schema().getElementType();
    private static final Schema HEADER = RECORD.getField("headers").schema().getElementType();
    private static final Schema ALGORITHM = METADATA.getField("checksum_algorithm").schema();

    private final GenericDatumWriter<GenericRecord> recordWriter = new GenericDatumWriter<>(RECORD);
    private final GenericDatumReader<GenericRecord> recordReader = new GenericDatumReader<>(RECORD);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    byte[] encodeRecord(BackupRecord record, byte[] checkpoint) {
        GenericRecord avro = new GenericData.Record(RECORD);
        avro.put("key", wrap(record.key()));
        avro.put("value", wrap(record.value()));
        avro.put("headers", headers(record.headers()));
        avro.put("offset", record.offset());
        avro.put("timestamp", record.timestamp());
        avro.put("checksum_checkpoint", wrap(checkpoint));
        return encode(recordWriter, avro);
    }

    /** A record and its checkpoint (null when it has none). */
    record Decoded(BackupRecord record, byte[] checkpoint) {
    }

    /** @throws IllegalArgumentException when the bytes are not exactly one Record */
    Decoded decodeRecord(byte[] bytes) {
        GenericRecord avro = decodeAll(recordReader, bytes);
        List<BackupRecord.Header> headers = new ArrayList<>();
        for (Object header : (List<?>) avro.get("headers")) {
            GenericRecord h = (GenericRecord) header;
            headers.add(new BackupRecord.Header(unwrap(h.get("key")), unwrap(h.get("value"))));
        }
        BackupRecord record = new BackupRecord(unwrap(avro.get("key")), unwrap(avro.get("value")), headers,
                (Long) avro.get("offset"), (Long) avro.get("timestamp"));
        return new Decoded(record, unwrap(avro.get("checksum_checkpoint")));
    }

    static byte[] encodeMetadata(V3Metadata metadata) {
        GenericRecord avro = new GenericData.Record(METADATA);
        avro.put("version", metadata.version());
        avro.put("tool_name", metadata.toolName());
        avro.put("tool_version", metadata.toolVersion());
        avro.put("started_at", metadata.startedAt());
        avro.put("finished_at", metadata.finishedAt());
        avro.put("record_count", metadata.recordCount());
        avro.put("topic_name", metadata.topicName());
        avro.put("topic_id", metadata.topicId().orElse(null));
        avro.put("partition_count", metadata.partitionCount());
        avro.put("replication_factor", metadata.replicationFactor());
        avro.put("topic_configurations", new LinkedHashMap<>(metadata.topicConfigurations()));
        avro.put("data_files", metadata.dataFiles().stream().map(V3Codec::dataFile).toList());
        avro.put("checksum_algorithm", new GenericData.EnumSymbol(ALGORITHM, metadata.checksumAlgorithm()));
        return new V3Codec().encode(new GenericDatumWriter<>(METADATA), avro);
    }

    /** @throws IllegalArgumentException when the bytes are not exactly one Metadata */
    static V3Metadata decodeMetadata(byte[] bytes) {
        GenericRecord avro = new V3Codec().decodeAll(new GenericDatumReader<>(METADATA), bytes);
        Map<String, String> configs = new LinkedHashMap<>();
        ((Map<?, ?>) avro.get("topic_configurations")).forEach((k, v) -> configs.put(k.toString(), v.toString()));
        List<V3Metadata.DataFile> files = ((List<?>) avro.get("data_files")).stream()
                .map(f -> dataFile((GenericRecord) f)).toList();
        return new V3Metadata((Integer) avro.get("version"), text(avro, "tool_name"), text(avro, "tool_version"),
                (Long) avro.get("started_at"), (Long) avro.get("finished_at"), (Integer) avro.get("record_count"),
                text(avro, "topic_name"), Optional.ofNullable(avro.get("topic_id")).map(Object::toString),
                (Integer) avro.get("partition_count"), (Integer) avro.get("replication_factor"), configs, files,
                text(avro, "checksum_algorithm"));
    }

    private static GenericRecord dataFile(V3Metadata.DataFile file) {
        GenericRecord avro = new GenericData.Record(DATA_FILE);
        avro.put("filename", file.filename());
        avro.put("partition", file.partition());
        avro.put("checksum", ByteBuffer.wrap(file.checksum()));
        avro.put("record_count", file.recordCount());
        avro.put("start_offset", file.startOffset());
        avro.put("end_offset", file.endOffset());
        return avro;
    }

    private static V3Metadata.DataFile dataFile(GenericRecord avro) {
        return new V3Metadata.DataFile(text(avro, "filename"), (Long) avro.get("partition"),
                unwrap(avro.get("checksum")), (Long) avro.get("record_count"), (Integer) avro.get("start_offset"),
                (Integer) avro.get("end_offset"));
    }

    private List<GenericRecord> headers(List<BackupRecord.Header> headers) {
        List<GenericRecord> list = new ArrayList<>(headers.size());
        for (BackupRecord.Header header : headers) {
            GenericRecord avro = new GenericData.Record(HEADER);
            avro.put("key", ByteBuffer.wrap(header.key()));
            avro.put("value", ByteBuffer.wrap(header.value() == null ? new byte[0] : header.value()));
            list.add(avro);
        }
        return list;
    }

    private byte[] encode(GenericDatumWriter<GenericRecord> writer, GenericRecord avro) {
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        try {
            writer.write(avro, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private GenericRecord decodeAll(GenericDatumReader<GenericRecord> reader, byte[] bytes) {
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        try {
            GenericRecord avro = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IllegalArgumentException("bytes left over after the Avro record");
            }
            return avro;
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an Avro " + reader.getSchema().getName() + " record: "
                    + e.getMessage(), e);
        }
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static byte[] unwrap(Object value) {
        if (value == null) {
            return null;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String text(GenericRecord avro, String field) {
        return avro.get(field).toString();
    }

    private static Schema schema(String resource) {
        try (InputStream in = V3Codec.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
