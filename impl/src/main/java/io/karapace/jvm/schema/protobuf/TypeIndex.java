package io.karapace.jvm.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.karapace.jvm.schema.SchemaReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every type and extension field a schema can see, by fully-qualified name, and protobuf's scoping
 * rule for finding which one a relative name means.
 */
final class TypeIndex {
    /** Where a type was declared: the same subject version means the same declaration. */
    record Origin(String subject, int version) {
        static final Origin LOCAL = new Origin("", -1);
    }

    record TypeInfo(String fullName, String packageName, Origin origin, TypeElement element) {

        boolean isEnum() {
            return element instanceof EnumElement;
        }

        /** A message protoc generates for a map field; it stands for {@code map<key, value>}. */
        boolean isMapEntry() {
            return element instanceof MessageElement message && message.getOptions().stream()
                    .anyMatch(option -> "map_entry".equals(option.getName()) && "true".equals(String.valueOf(option.getValue())));
        }

        ProtoType mapType() {
            MessageElement message = (MessageElement) element;
            return ProtoType.get("map<" + fieldType(message, "key") + ", " + fieldType(message, "value") + ">");
        }

        private static String fieldType(MessageElement message, String name) {
            return message.getFields().stream().filter(field -> field.getName().equals(name))
                    .map(FieldElement::getType).findFirst().orElse("bytes");
        }

        /** The name inside its package, e.g. {@code Outer.Inner}. */
        String localName() {
            return packageName.isEmpty() ? fullName : fullName.substring(packageName.length() + 1);
        }
    }

    private final Map<String, TypeInfo> types = new HashMap<>();
    private final Map<String, Boolean> repeatedByExtension = new HashMap<>();

    TypeIndex(ProtoSources sources) {
        WellKnownProtos.files().values().forEach(file -> add(file, null));
        sources.referenced().forEach((path, file) -> add(file, origin(sources.references().get(path))));
        add(sources.main(), Origin.LOCAL);
    }

    private static Origin origin(SchemaReference reference) {
        return reference == null ? null : new Origin(reference.subject(), reference.version());
    }

    static String packageOf(ProtoFileElement file) {
        return file.getPackageName() == null ? "" : file.getPackageName();
    }

    /** The names a relative name is looked up in: the package's parts, then the enclosing types. */
    static List<String> scope(String packageName, List<String> nesting) {
        List<String> scope = new ArrayList<>();
        if (!packageName.isEmpty()) {
            scope.addAll(Arrays.asList(packageName.split("\\.")));
        }
        scope.addAll(nesting);
        return scope;
    }

    private void add(ProtoFileElement file, Origin origin) {
        String packageName = packageOf(file);
        addExtensions(packageName, file.getExtendDeclarations());
        addTypes(packageName, packageName, file.getTypes(), origin);
    }

    private void addTypes(String packageName, String prefix, List<TypeElement> elements, Origin origin) {
        for (TypeElement element : elements) {
            String fullName = qualify(prefix, element.getName());
            types.put(fullName, new TypeInfo(fullName, packageName, origin, element));
            if (element instanceof MessageElement message) {
                addExtensions(fullName, message.getExtendDeclarations());
            }
            addTypes(packageName, fullName, element.getNestedTypes(), origin);
        }
    }

    private void addExtensions(String prefix, List<ExtendElement> extendDeclarations) {
        for (ExtendElement extend : extendDeclarations) {
            for (FieldElement field : extend.getFields()) {
                repeatedByExtension.put(qualify(prefix, field.getName()), field.getLabel() == Field.Label.REPEATED);
            }
        }
    }

    private static String qualify(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    Optional<TypeInfo> type(String fullName) {
        return Optional.ofNullable(types.get(stripDot(fullName)));
    }

    /** The type a name written inside {@code scope} means, if any. */
    Optional<TypeInfo> resolveType(String name, List<String> scope) {
        return Optional.ofNullable(resolve(name, scope, types::containsKey)).map(types::get);
    }

    Optional<String> resolveExtension(String name, List<String> scope) {
        return Optional.ofNullable(resolve(name, scope, repeatedByExtension::containsKey));
    }

    /** A known extension field that holds one value, whose settings merge into one. */
    boolean isSingularExtension(String fullName) {
        return Boolean.FALSE.equals(repeatedByExtension.get(fullName));
    }

    private static String resolve(String name, List<String> scope, Predicate<String> known) {
        if (name.startsWith(".")) {
            String fullName = name.substring(1);
            return known.test(fullName) ? fullName : null;
        }
        for (int depth = scope.size(); depth >= 0; depth--) {
            String candidate = qualify(String.join(".", scope.subList(0, depth)), name);
            if (known.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String stripDot(String name) {
        return name.startsWith(".") ? name.substring(1) : name;
    }
}
