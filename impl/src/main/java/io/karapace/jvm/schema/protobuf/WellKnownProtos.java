package io.karapace.jvm.schema.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Google's well-known types, which schemas import without registering them. Their text comes from
 * the {@code .proto} files protobuf-java ships, their descriptors from its generated classes, so
 * JSON conversion treats them as the well-known types they are.
 */
final class WellKnownProtos {
    private static final Map<String, FileDescriptor> DESCRIPTORS = descriptors();
    private static final Map<String, ProtoFileElement> FILES = parseAll();

    private WellKnownProtos() {
    }

    static boolean isWellKnown(String path) {
        return DESCRIPTORS.containsKey(path);
    }

    /** Every well-known file by import path, e.g. {@code google/protobuf/timestamp.proto}. */
    static Map<String, ProtoFileElement> files() {
        return FILES;
    }

    static Optional<FileDescriptor> descriptor(String path) {
        return Optional.ofNullable(DESCRIPTORS.get(path));
    }

    private static Map<String, FileDescriptor> descriptors() {
        Map<String, FileDescriptor> byPath = new LinkedHashMap<>();
        for (FileDescriptor file : new FileDescriptor[] {AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(), EmptyProto.getDescriptor(),
                FieldMaskProto.getDescriptor(), SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
                TimestampProto.getDescriptor(), TypeProto.getDescriptor(), WrappersProto.getDescriptor()}) {
            byPath.put(file.getName(), file);
        }
        return Map.copyOf(byPath);
    }

    private static Map<String, ProtoFileElement> parseAll() {
        Map<String, ProtoFileElement> byPath = new LinkedHashMap<>();
        DESCRIPTORS.keySet().forEach(path -> byPath.put(path, ProtoParser.Companion.parse(Location.get(path), text(path))));
        return Map.copyOf(byPath);
    }

    private static String text(String path) {
        try (InputStream in = WellKnownProtos.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The well-known proto " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
