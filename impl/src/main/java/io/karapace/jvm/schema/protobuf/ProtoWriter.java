package io.karapace.jvm.schema.protobuf;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.UtilKt;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.OptionElement.Kind;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import kotlin.ranges.IntRange;

/**
 * Writes a parsed {@code .proto} file in the layout Confluent's registry stores: comments dropped,
 * two-space indentation, and inside a message its reserved ranges, options, fields, oneofs,
 * extensions and then nested messages before nested enums. Normalizing also sorts what has no
 * meaning in its order and writes every type name fully qualified; the order of messages is kept,
 * because clients address messages by their index.
 */
final class ProtoWriter {
    private final ProtoStyle style;
    private final TypeIndex types;
    private final String packageName;
    private final List<String> nesting = new ArrayList<>();
    private final OptionWriter options;

    private ProtoWriter(ProtoFileElement file, TypeIndex types, ProtoStyle style) {
        this.style = style;
        this.types = types;
        this.packageName = TypeIndex.packageOf(file);
        this.options = new OptionWriter(style, types, name -> types.resolveExtension(name, scope()).orElse(null));
    }

    static String write(ProtoFileElement file, TypeIndex types, ProtoStyle style) {
        return new ProtoWriter(file, types, style).file(file);
    }

    private List<String> scope() {
        return TypeIndex.scope(packageName, nesting);
    }

    private String file(ProtoFileElement file) {
        StringBuilder text = new StringBuilder();
        Syntax syntax = file.getSyntax();
        if (syntax != null && (!style.normalize() || syntax == Syntax.PROTO_3)) {
            text.append("syntax = \"").append(syntax).append("\";\n");
        }
        if (file.getPackageName() != null) {
            text.append("package ").append(file.getPackageName()).append(";\n");
        }
        if (!file.getImports().isEmpty() || !file.getPublicImports().isEmpty()) {
            text.append('\n');
            sortedIfNormalizing(file.getImports()).forEach(path -> text.append("import \"").append(path).append("\";\n"));
            sortedIfNormalizing(file.getPublicImports()).forEach(path -> text.append("import public \"").append(path).append("\";\n"));
        }
        List<OptionElement> fileOptions = options.select(file.getOptions());
        if (!fileOptions.isEmpty()) {
            text.append('\n');
            fileOptions.forEach(option -> text.append(options.statement(option)));
        }
        List<TypeElement> declared = declaredTypes(file.getTypes());
        if (!declared.isEmpty()) {
            text.append('\n').append(typesText(declared, false));
        }
        if (!style.ignoreExtensions() && !file.getExtendDeclarations().isEmpty()) {
            text.append('\n');
            extendsToWrite(file.getExtendDeclarations()).forEach(extend -> text.append(extend(extend)));
        }
        if (!file.getServices().isEmpty()) {
            text.append('\n');
            file.getServices().forEach(service -> text.append(service(service)));
        }
        return text.toString();
    }

    private List<String> sortedIfNormalizing(List<String> paths) {
        return style.normalize() ? paths.stream().sorted().distinct().toList() : paths;
    }

    /** Messages first, then enums, each in declaration order. */
    private String typesText(List<TypeElement> declared, boolean indented) {
        StringBuilder text = new StringBuilder();
        Stream.concat(declared.stream().filter(MessageElement.class::isInstance),
                declared.stream().filter(EnumElement.class::isInstance)).forEach(type -> {
            nesting.add(type.getName());
            String block = type instanceof MessageElement message ? message(message) : enumType((EnumElement) type);
            nesting.remove(nesting.size() - 1);
            append(text, block, indented);
        });
        return text.toString();
    }

    private static void append(StringBuilder text, String block, boolean indented) {
        if (indented) {
            ProtoText.appendIndented(text, block);
        } else {
            text.append(block);
        }
    }

    /** Normalizing leaves out the entry messages protoc generates for map fields. */
    private List<TypeElement> declaredTypes(List<TypeElement> declared) {
        if (!style.normalize()) {
            return declared;
        }
        return declared.stream().filter(type -> !(type instanceof MessageElement)
                || types.type(qualified(type.getName())).map(info -> !info.isMapEntry()).orElse(true)).toList();
    }

    private String qualified(String name) {
        List<String> scope = scope();
        return scope.isEmpty() ? name : String.join(".", scope) + "." + name;
    }

    private String message(MessageElement message) {
        StringBuilder text = new StringBuilder("message ").append(message.getName()).append(" {");
        if (!message.getReserveds().isEmpty()) {
            text.append('\n');
            sortedIfNormalizing(message.getReserveds(), ReservedElement::getValues, this::reserved)
                    .forEach(reserved -> ProtoText.appendIndented(text, reserved));
        }
        appendOptionStatements(text, message.getOptions());
        if (!message.getFields().isEmpty()) {
            text.append('\n');
            byTagIfNormalizing(message.getFields()).forEach(field -> ProtoText.appendIndented(text, field(field)));
        }
        if (!message.getOneOfs().isEmpty()) {
            text.append('\n');
            oneOfsToWrite(message.getOneOfs()).forEach(oneOf -> ProtoText.appendIndented(text, oneOf(oneOf)));
        }
        if (!message.getGroups().isEmpty()) {
            text.append('\n');
            List<GroupElement> groups = style.normalize()
                    ? message.getGroups().stream().sorted(Comparator.comparingInt(GroupElement::getTag)).toList()
                    : message.getGroups();
            groups.forEach(group -> ProtoText.appendIndented(text, group(group)));
        }
        if (!style.ignoreExtensions() && !message.getExtensions().isEmpty()) {
            text.append('\n');
            sortedIfNormalizing(message.getExtensions(), ExtensionsElement::getValues, values -> "extensions " + ranges(values) + ";\n")
                    .forEach(extensions -> ProtoText.appendIndented(text, extensions));
        }
        if (!style.ignoreExtensions() && !message.getExtendDeclarations().isEmpty()) {
            text.append('\n');
            extendsToWrite(message.getExtendDeclarations()).forEach(extend -> ProtoText.appendIndented(text, extend(extend)));
        }
        List<TypeElement> nested = declaredTypes(message.getNestedTypes());
        if (!nested.isEmpty()) {
            text.append('\n').append(typesText(nested, true));
        }
        return text.append("}\n").toString();
    }

    private void appendOptionStatements(StringBuilder text, List<OptionElement> declared) {
        List<OptionElement> selected = options.select(declared);
        if (!selected.isEmpty()) {
            text.append('\n');
            selected.forEach(option -> ProtoText.appendIndented(text, options.statement(option)));
        }
    }

    private List<FieldElement> byTagIfNormalizing(List<FieldElement> fields) {
        return style.normalize() ? fields.stream().sorted(Comparator.comparingInt(FieldElement::getTag)).toList() : fields;
    }

    /**
     * Reserved and extension ranges; normalizing writes each value on its own line, numbers by
     * their start and names last.
     */
    private <T> List<String> sortedIfNormalizing(List<T> declarations, Function<T, List<Object>> values,
                                                 Function<List<Object>, String> render) {
        if (!style.normalize()) {
            return declarations.stream().map(values).map(render).toList();
        }
        return declarations.stream().flatMap(declaration -> values.apply(declaration).stream())
                .sorted(Comparator.comparingInt(ProtoWriter::rangeStart).thenComparing(String::valueOf))
                .map(value -> render.apply(List.of(value))).toList();
    }

    private static int rangeStart(Object value) {
        if (value instanceof IntRange range) {
            return range.getStart();
        }
        return value instanceof Integer number ? number : Integer.MAX_VALUE;
    }

    private String reserved(List<Object> values) {
        return "reserved " + ranges(values) + ";\n";
    }

    private String ranges(List<Object> values) {
        List<String> written = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof String name) {
                written.add("\"" + name + "\"");
            } else if (value instanceof IntRange range) {
                written.add(range(range));
            } else {
                written.add(String.valueOf(value));
            }
        }
        return String.join(", ", written);
    }

    private String range(IntRange range) {
        if (style.normalize() && range.getStart().equals(range.getEndInclusive())) {
            return String.valueOf(range.getStart());
        }
        int last = range.getEndInclusive();
        return range.getStart() + " to " + (last < UtilKt.MAX_TAG_VALUE ? String.valueOf(last) : "max");
    }

    private List<OneOfElement> oneOfsToWrite(List<OneOfElement> oneOfs) {
        if (!style.normalize()) {
            return oneOfs;
        }
        return oneOfs.stream().filter(oneOf -> !oneOf.getFields().isEmpty())
                .map(oneOf -> new OneOfElement(oneOf.getName(), oneOf.getDocumentation(), byTagIfNormalizing(oneOf.getFields()),
                        oneOf.getGroups(), oneOf.getOptions(), oneOf.getLocation()))
                .sorted(Comparator.comparingInt(oneOf -> oneOf.getFields().get(0).getTag()))
                .toList();
    }

    private String oneOf(OneOfElement oneOf) {
        StringBuilder text = new StringBuilder("oneof ").append(oneOf.getName()).append(" {");
        appendOptionStatements(text, oneOf.getOptions());
        if (!oneOf.getFields().isEmpty()) {
            text.append('\n');
            oneOf.getFields().forEach(field -> ProtoText.appendIndented(text, field(field)));
        }
        if (!oneOf.getGroups().isEmpty()) {
            text.append('\n');
            oneOf.getGroups().forEach(group -> ProtoText.appendIndented(text, group(group)));
        }
        return text.append("}\n").toString();
    }

    private String group(GroupElement group) {
        StringBuilder text = new StringBuilder();
        if (group.getLabel() != null) {
            text.append(group.getLabel().name().toLowerCase(Locale.ROOT)).append(' ');
        }
        text.append("group ").append(group.getName()).append(" = ").append(group.getTag()).append(" {");
        if (!group.getFields().isEmpty()) {
            text.append('\n');
            byTagIfNormalizing(group.getFields()).forEach(field -> ProtoText.appendIndented(text, field(field)));
        }
        return text.append("}\n").toString();
    }

    private List<ExtendElement> extendsToWrite(List<ExtendElement> declared) {
        if (!style.normalize()) {
            return declared;
        }
        Map<String, List<FieldElement>> fieldsByExtendee = new LinkedHashMap<>();
        for (ExtendElement extend : declared) {
            fieldsByExtendee.computeIfAbsent(qualifiedType(extend.getName()), name -> new ArrayList<>()).addAll(extend.getFields());
        }
        List<ExtendElement> merged = new ArrayList<>();
        fieldsByExtendee.forEach((name, fields) -> merged.add(new ExtendElement(declared.get(0).getLocation(), name, "", fields)));
        return merged;
    }

    private String extend(ExtendElement extend) {
        StringBuilder text = new StringBuilder("extend ").append(extend.getName()).append(" {");
        if (!extend.getFields().isEmpty()) {
            text.append('\n');
            byTagIfNormalizing(extend.getFields()).forEach(field -> ProtoText.appendIndented(text, field(field)));
        }
        return text.append("}\n").toString();
    }

    /** A type name with a leading dot when it resolves; as written when it does not. */
    private String qualifiedType(String name) {
        return types.resolveType(name, scope()).map(info -> "." + info.fullName()).orElse(name);
    }

    private String field(FieldElement field) {
        Field.Label label = field.getLabel();
        String type = field.getType();
        if (style.normalize()) {
            ProtoType written = ProtoType.get(type);
            if (!written.isScalar() && !written.isMap()) {
                type = types.resolveType(type, scope())
                        .map(info -> info.isMapEntry() ? info.mapType().toString() : "." + info.fullName())
                        .orElse(type);
            }
            ProtoType resolved = ProtoType.get(type);
            if (resolved.isMap()) {
                type = "map<" + resolved.getKeyType() + ", " + qualifiedMapValue(resolved.getValueType().toString()) + ">";
                label = null;
            }
        }
        StringBuilder text = new StringBuilder();
        if (label != null) {
            text.append(label.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        text.append(type).append(' ').append(field.getName()).append(" = ").append(field.getTag());
        List<OptionElement> fieldOptions = new ArrayList<>(field.getOptions());
        if (field.getDefaultValue() != null) {
            fieldOptions.add(OptionElement.Companion.create("default", defaultKind(type), field.getDefaultValue()));
        }
        if (field.getJsonName() != null) {
            fieldOptions.add(OptionElement.Companion.create("json_name", Kind.STRING, field.getJsonName()));
        }
        List<OptionElement> selected = options.select(fieldOptions);
        if (!selected.isEmpty()) {
            text.append(' ').append(options.bracketed(selected));
        }
        return text.append(";\n").toString();
    }

    private String qualifiedMapValue(String valueType) {
        return types.resolveType(valueType, scope()).map(info -> "." + info.fullName()).orElse(valueType);
    }

    private static Kind defaultKind(String type) {
        return switch (type) {
            case "bool" -> Kind.BOOLEAN;
            case "string", "bytes" -> Kind.STRING;
            case "double", "float", "fixed32", "fixed64", "int32", "int64", "sfixed32", "sfixed64", "sint32", "sint64",
                 "uint32", "uint64" -> Kind.NUMBER;
            default -> Kind.ENUM;
        };
    }

    private String enumType(EnumElement type) {
        StringBuilder text = new StringBuilder("enum ").append(type.getName()).append(" {");
        if (!type.getReserveds().isEmpty()) {
            text.append('\n');
            sortedIfNormalizing(type.getReserveds(), ReservedElement::getValues, this::reserved)
                    .forEach(reserved -> ProtoText.appendIndented(text, reserved));
        } else if (!type.getOptions().isEmpty() || !type.getConstants().isEmpty()) {
            text.append('\n');
        }
        options.select(type.getOptions()).forEach(option -> ProtoText.appendIndented(text, options.statement(option)));
        List<EnumConstantElement> constants = type.getConstants();
        if (style.normalize()) {
            constants = constants.stream().sorted(Comparator.comparingInt(EnumConstantElement::getTag)
                    .thenComparing(EnumConstantElement::getName)).toList();
        }
        constants.forEach(constant -> ProtoText.appendIndented(text, constant(constant)));
        return text.append("}\n").toString();
    }

    private String constant(EnumConstantElement constant) {
        StringBuilder text = new StringBuilder(constant.getName()).append(" = ").append(constant.getTag());
        List<OptionElement> selected = options.select(constant.getOptions());
        if (!selected.isEmpty()) {
            text.append(' ').append(options.bracketed(selected));
        }
        return text.append(";\n").toString();
    }

    private String service(ServiceElement service) {
        StringBuilder text = new StringBuilder("service ").append(service.getName()).append(" {");
        appendOptionStatements(text, service.getOptions());
        if (!service.getRpcs().isEmpty()) {
            text.append('\n');
            service.getRpcs().forEach(rpc -> ProtoText.appendIndented(text, rpc(rpc)));
        }
        return text.append("}\n").toString();
    }

    private String rpc(RpcElement rpc) {
        StringBuilder text = new StringBuilder("rpc ").append(rpc.getName()).append(" (");
        text.append(rpc.getRequestStreaming() ? "stream " : "").append(rpcType(rpc.getRequestType())).append(") returns (");
        text.append(rpc.getResponseStreaming() ? "stream " : "").append(rpcType(rpc.getResponseType())).append(')');
        List<OptionElement> selected = options.select(rpc.getOptions());
        if (!selected.isEmpty()) {
            text.append(" {\n");
            selected.forEach(option -> ProtoText.appendIndented(text, options.statement(option)));
            text.append('}');
        }
        return text.append(";\n").toString();
    }

    private String rpcType(String type) {
        return style.normalize() ? qualifiedType(type) : type;
    }
}
