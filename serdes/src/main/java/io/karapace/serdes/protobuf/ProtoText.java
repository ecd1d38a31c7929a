package io.karapace.serdes.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a file descriptor as {@code .proto} text, the schema the Protobuf serializer registers, as
 * Confluent's {@code ProtobufSchema(Descriptor)} does. Covered: syntax proto2/proto3, package, imports
 * (public too), the file options {@code java_package}, {@code java_outer_classname},
 * {@code java_multiple_files} and {@code go_package}, messages (nested), fields with labels, proto3
 * {@code optional}, maps, oneofs, {@code packed}, {@code deprecated} and proto2 defaults, enums, reserved
 * ranges and names, services. Not covered (refused): groups, extensions, editions, custom options.
 * Type references are written fully qualified with a leading dot, so they resolve from any scope.
 */
final class ProtoText {

    private final StringBuilder out = new StringBuilder();
    private final boolean proto3;
    /** Fully-qualified names (leading dot) of map-entry messages, with their key and value fields. */
    private final Map<String, DescriptorProto> mapEntries = new HashMap<>();

    private ProtoText(FileDescriptorProto file) {
        String syntax = file.getSyntax();
        if (!syntax.isEmpty() && !syntax.equals("proto2") && !syntax.equals("proto3")) {
            throw new IllegalArgumentException("Protobuf syntax " + syntax + " is not supported: " + file.getName());
        }
        proto3 = syntax.equals("proto3");
        String prefix = file.getPackage().isEmpty() ? "." : "." + file.getPackage() + ".";
        file.getMessageTypeList().forEach(m -> collectMapEntries(prefix + m.getName(), m));
    }

    static String render(FileDescriptor file) {
        return render(file.toProto());
    }

    static String render(FileDescriptorProto file) {
        ProtoText text = new ProtoText(file);
        text.file(file);
        return text.out.toString();
    }

    private void collectMapEntries(String name, DescriptorProto message) {
        if (message.getOptions().getMapEntry()) {
            mapEntries.put(name, message);
        }
        message.getNestedTypeList().forEach(n -> collectMapEntries(name + "." + n.getName(), n));
    }

    private void file(FileDescriptorProto file) {
        out.append("syntax = \"").append(proto3 ? "proto3" : "proto2").append("\";\n");
        if (!file.getPackage().isEmpty()) {
            out.append("package ").append(file.getPackage()).append(";\n");
        }
        if (file.getExtensionCount() > 0) {
            throw new IllegalArgumentException("Protobuf extensions are not supported: " + file.getName());
        }
        Set<Integer> publicImports = new HashSet<>(file.getPublicDependencyList());
        for (int i = 0; i < file.getDependencyCount(); i++) {
            out.append("import ").append(publicImports.contains(i) ? "public " : "")
                    .append(quote(file.getDependency(i))).append(";\n");
        }
        FileOptions options = file.getOptions();
        if (options.hasJavaPackage()) {
            out.append("option java_package = ").append(quote(options.getJavaPackage())).append(";\n");
        }
        if (options.hasJavaOuterClassname()) {
            out.append("option java_outer_classname = ").append(quote(options.getJavaOuterClassname())).append(";\n");
        }
        if (options.hasJavaMultipleFiles()) {
            out.append("option java_multiple_files = ").append(options.getJavaMultipleFiles()).append(";\n");
        }
        if (options.hasGoPackage()) {
            out.append("option go_package = ").append(quote(options.getGoPackage())).append(";\n");
        }
        String prefix = file.getPackage().isEmpty() ? "." : "." + file.getPackage() + ".";
        for (DescriptorProto message : file.getMessageTypeList()) {
            out.append('\n');
            message(message, prefix + message.getName(), "");
        }
        for (EnumDescriptorProto e : file.getEnumTypeList()) {
            out.append('\n');
            enumType(e, "");
        }
        for (ServiceDescriptorProto service : file.getServiceList()) {
            out.append('\n');
            service(service);
        }
    }

    /**
     * Nested messages come first, in their descriptor order, each map field where its entry message is,
     * so a parser of the text gives every nested message its original index (the wire format's message
     * indexes count the map entries); then the enums and the other fields.
     */
    private void message(DescriptorProto message, String fullName, String indent) {
        if (message.getExtensionCount() > 0 || message.getExtensionRangeCount() > 0) {
            throw new IllegalArgumentException("Protobuf extensions are not supported: " + message.getName());
        }
        out.append(indent).append("message ").append(message.getName()).append(" {\n");
        String inner = indent + "  ";
        Set<String> mapFields = new HashSet<>();
        for (DescriptorProto nested : message.getNestedTypeList()) {
            String nestedName = fullName + "." + nested.getName();
            if (!nested.getOptions().getMapEntry()) {
                message(nested, nestedName, inner);
                continue;
            }
            for (FieldDescriptorProto field : message.getFieldList()) {
                if (field.getTypeName().equals(nestedName) && field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
                    field(field, inner, false);
                    mapFields.add(field.getName());
                }
            }
        }
        for (EnumDescriptorProto e : message.getEnumTypeList()) {
            enumType(e, inner);
        }
        Set<Integer> oneofsDone = new HashSet<>();
        List<FieldDescriptorProto> fields = message.getFieldList();
        for (FieldDescriptorProto field : fields) {
            boolean realOneof = field.hasOneofIndex() && !field.getProto3Optional();
            if (mapFields.contains(field.getName())) {
                continue;
            }
            if (!realOneof) {
                field(field, inner, false);
            } else if (oneofsDone.add(field.getOneofIndex())) {
                out.append(inner).append("oneof ").append(message.getOneofDecl(field.getOneofIndex()).getName()).append(" {\n");
                for (FieldDescriptorProto member : fields) {
                    if (member.hasOneofIndex() && !member.getProto3Optional() && member.getOneofIndex() == field.getOneofIndex()) {
                        field(member, inner + "  ", true);
                    }
                }
                out.append(inner).append("}\n");
            }
        }
        List<String> ranges = new ArrayList<>();
        message.getReservedRangeList().forEach(r -> ranges.add(range(r.getStart(), r.getEnd() - 1)));
        reserved(ranges, message.getReservedNameList(), inner);
        out.append(indent).append("}\n");
    }

    private void field(FieldDescriptorProto field, String indent, boolean inOneof) {
        out.append(indent);
        DescriptorProto mapEntry = field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE
                ? mapEntries.get(field.getTypeName()) : null;
        if (mapEntry != null && field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            out.append("map<").append(type(mapEntry.getField(0))).append(", ").append(type(mapEntry.getField(1))).append("> ");
        } else {
            if (!inOneof) {
                out.append(label(field));
            }
            out.append(type(field)).append(' ');
        }
        out.append(field.getName()).append(" = ").append(field.getNumber());
        List<String> options = new ArrayList<>();
        if (field.getOptions().hasPacked()) {
            options.add("packed = " + field.getOptions().getPacked());
        }
        if (field.getOptions().hasDeprecated()) {
            options.add("deprecated = " + field.getOptions().getDeprecated());
        }
        if (field.hasDefaultValue()) {
            options.add("default = " + defaultValue(field));
        }
        if (!options.isEmpty()) {
            out.append(" [").append(String.join(", ", options)).append(']');
        }
        out.append(";\n");
    }

    private String label(FieldDescriptorProto field) {
        return switch (field.getLabel()) {
            case LABEL_REPEATED -> "repeated ";
            case LABEL_REQUIRED -> "required ";
            default -> !proto3 || field.getProto3Optional() ? "optional " : "";
        };
    }

    private static String type(FieldDescriptorProto field) {
        return switch (field.getType()) {
            case TYPE_MESSAGE, TYPE_ENUM -> field.getTypeName();
            case TYPE_GROUP -> throw new IllegalArgumentException("Protobuf groups are not supported: " + field.getName());
            default -> field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
        };
    }

    private static String defaultValue(FieldDescriptorProto field) {
        return switch (field.getType()) {
            case TYPE_STRING -> quote(field.getDefaultValue());
            case TYPE_BYTES -> "\"" + field.getDefaultValue() + "\""; // already C-escaped in the descriptor
            default -> field.getDefaultValue();
        };
    }

    private void enumType(EnumDescriptorProto e, String indent) {
        out.append(indent).append("enum ").append(e.getName()).append(" {\n");
        String inner = indent + "  ";
        if (e.getOptions().hasAllowAlias()) {
            out.append(inner).append("option allow_alias = ").append(e.getOptions().getAllowAlias()).append(";\n");
        }
        for (EnumValueDescriptorProto value : e.getValueList()) {
            out.append(inner).append(value.getName()).append(" = ").append(value.getNumber()).append(";\n");
        }
        List<String> ranges = new ArrayList<>();
        e.getReservedRangeList().forEach(r -> ranges.add(range(r.getStart(), r.getEnd())));
        reserved(ranges, e.getReservedNameList(), inner);
        out.append(indent).append("}\n");
    }

    private void service(ServiceDescriptorProto service) {
        out.append("service ").append(service.getName()).append(" {\n");
        for (MethodDescriptorProto method : service.getMethodList()) {
            out.append("  rpc ").append(method.getName()).append(" (").append(method.getClientStreaming() ? "stream " : "")
                    .append(method.getInputType()).append(") returns (").append(method.getServerStreaming() ? "stream " : "")
                    .append(method.getOutputType()).append(");\n");
        }
        out.append("}\n");
    }

    /** An inclusive range; {@code max} for the largest field number. */
    private static String range(int start, int end) {
        String last = end >= 536870911 ? "max" : Integer.toString(end);
        return start == end ? Integer.toString(start) : start + " to " + last;
    }

    private void reserved(List<String> ranges, List<String> names, String indent) {
        if (!ranges.isEmpty()) {
            out.append(indent).append("reserved ").append(String.join(", ", ranges)).append(";\n");
        }
        if (!names.isEmpty()) {
            out.append(indent).append("reserved ").append(String.join(", ", names.stream().map(ProtoText::quote).toList())).append(";\n");
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\%03o", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
