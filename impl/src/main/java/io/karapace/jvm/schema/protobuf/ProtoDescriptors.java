package io.karapace.jvm.schema.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.SchemaEncoder;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Links a schema with Wire, which checks that every name resolves, and turns the result into
 * protobuf-java descriptors. Like Confluent's registry, the schema's own file is named
 * {@code default}; imported files keep their import paths.
 */
final class ProtoDescriptors {
    static final String MAIN_FILE_NAME = "default";

    private final Schema schema;
    private final ProtoSources sources;
    private final Map<String, FileDescriptor> built = new HashMap<>();

    private ProtoDescriptors(ProtoSources sources) {
        this.sources = sources;
        // Loading exhaustively keeps every member of imported files; otherwise Wire prunes what the file does not use.
        this.schema = new Linker(new SourcesLoader(sources), new ErrorCollector(), false, true)
                .link(List.of(ProtoFile.Companion.get(sources.main())));
    }

    /** Links the schema; throws with Wire's reasons when it does not link. */
    static ProtoDescriptors link(ProtoSources sources) {
        return new ProtoDescriptors(sources);
    }

    FileDescriptorProto mainProto() {
        return encode(sources.main().getLocation().getPath(), sources.main()).toBuilder().setName(MAIN_FILE_NAME).build();
    }

    FileDescriptor mainDescriptor() throws DescriptorValidationException {
        return build(mainProto());
    }

    private FileDescriptor build(FileDescriptorProto file) throws DescriptorValidationException {
        FileDescriptor[] dependencies = new FileDescriptor[file.getDependencyCount()];
        for (int i = 0; i < dependencies.length; i++) {
            dependencies[i] = dependency(file.getDependency(i));
        }
        return FileDescriptor.buildFrom(file, dependencies);
    }

    private FileDescriptor dependency(String path) throws DescriptorValidationException {
        Optional<FileDescriptor> wellKnown = WellKnownProtos.descriptor(path);
        if (wellKnown.isPresent()) {
            return wellKnown.get();
        }
        FileDescriptor cached = built.get(path);
        if (cached == null) {
            cached = build(encode(path, sources.dependency(path)));
            built.put(path, cached);
        }
        return cached;
    }

    private FileDescriptorProto encode(String path, ProtoFileElement element) {
        try {
            FileDescriptorProto encoded = FileDescriptorProto.parseFrom(
                    new SchemaEncoder(schema).encode(schema.protoFile(path)).toByteArray());
            return withDeclaredJsonNames(encoded, element);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Wire encoded an unreadable descriptor for " + path, e);
        }
    }

    /** Wire's encoder leaves out {@code json_name}; JSON conversion needs the names the schema declares. */
    private static FileDescriptorProto withDeclaredJsonNames(FileDescriptorProto file, ProtoFileElement element) {
        FileDescriptorProto.Builder builder = file.toBuilder();
        for (DescriptorProto.Builder message : builder.getMessageTypeBuilderList()) {
            messageNamed(element.getTypes(), message.getName()).ifPresent(declared -> addJsonNames(message, declared));
        }
        return builder.build();
    }

    private static Optional<MessageElement> messageNamed(List<TypeElement> types, String name) {
        return types.stream().filter(MessageElement.class::isInstance).map(MessageElement.class::cast)
                .filter(message -> message.getName().equals(name)).findFirst();
    }

    private static void addJsonNames(DescriptorProto.Builder message, MessageElement declared) {
        Map<Integer, String> jsonNames = new HashMap<>();
        Stream.concat(declared.getFields().stream(), declared.getOneOfs().stream().map(OneOfElement::getFields).flatMap(List::stream))
                .filter(field -> field.getJsonName() != null)
                .forEach(field -> jsonNames.put(field.getTag(), field.getJsonName()));
        for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
            String jsonName = jsonNames.get(field.getNumber());
            if (jsonName != null) {
                field.setJsonName(jsonName);
            }
        }
        for (DescriptorProto.Builder nested : message.getNestedTypeBuilderList()) {
            messageNamed(declared.getNestedTypes(), nested.getName()).ifPresent(element -> addJsonNames(nested, element));
        }
    }

    /** Imports resolve to referenced schemas, then to Google's well-known types; Wire's own files come from Wire. */
    private record SourcesLoader(ProtoSources sources) implements Loader {

        @Override
        public ProtoFile load(String path) {
            if (path.startsWith("wire/")) {
                return CoreLoader.INSTANCE.load(path);
            }
            ProtoFileElement file = sources.dependency(path);
            if (file == null) {
                throw new IllegalStateException("Cannot resolve import \"" + path
                        + "\": it is neither a schema reference nor a well-known type");
            }
            return ProtoFile.Companion.get(file);
        }

        @Override
        public Loader withErrors(ErrorCollector errors) {
            return this;
        }
    }
}
