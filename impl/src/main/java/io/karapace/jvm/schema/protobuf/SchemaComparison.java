package io.karapace.jvm.schema.protobuf;

import static io.karapace.jvm.schema.protobuf.DifferenceKind.ENUM_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ENUM_CONST_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ENUM_CONST_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ENUM_CONST_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ENUM_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_KIND_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_MOVED_TO_EXISTING_ONEOF;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_NAMED_TYPE_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_NAME_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_NUMERIC_LABEL_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_SCALAR_KIND_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.FIELD_STRING_OR_BYTES_LABEL_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.MESSAGE_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.MESSAGE_MOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.MESSAGE_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.MULTIPLE_FIELDS_MOVED_TO_ONEOF;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ONEOF_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ONEOF_FIELD_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ONEOF_FIELD_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.ONEOF_REMOVED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.PACKAGE_CHANGED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.REQUIRED_FIELD_ADDED;
import static io.karapace.jvm.schema.protobuf.DifferenceKind.REQUIRED_FIELD_REMOVED;

import com.squareup.wire.schema.Field.Label;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.karapace.jvm.schema.protobuf.TypeIndex.TypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks an original and an updated schema side by side, as Confluent's SchemaDiff does: messages and
 * enums by name, fields and enum constants by number, oneofs by name, and message-typed fields into
 * the message they name when it comes from another schema. Iteration follows the same hash order, so
 * differences come out in the order Confluent lists them.
 */
final class SchemaComparison {
    private enum Kind { SCALAR, MAP, MESSAGE }

    private enum ScalarKind { GENERAL_NUMBER, SIGNED_NUMBER, STRING_OR_BYTES, FIXED32, FIXED64, FLOAT, DOUBLE }

    private final TypeIndex originalTypes;
    private final TypeIndex updateTypes;
    private final Set<MessageElement> inProgress;
    private final List<String> path = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Difference> differences = new ArrayList<>();
    private String originalPackage;
    private String updatePackage;

    private SchemaComparison(TypeIndex originalTypes, TypeIndex updateTypes, Set<MessageElement> inProgress) {
        this.originalTypes = originalTypes;
        this.updateTypes = updateTypes;
        this.inProgress = inProgress;
    }

    /** Every difference from {@code original} to {@code update}, compatible ones included. */
    static List<Difference> compare(ProtoSources original, ProtoSources update) {
        SchemaComparison comparison = new SchemaComparison(new TypeIndex(original), new TypeIndex(update),
                Collections.newSetFromMap(new IdentityHashMap<>()));
        comparison.originalPackage = TypeIndex.packageOf(original.main());
        comparison.updatePackage = TypeIndex.packageOf(update.main());
        if (!Objects.equals(original.main().getPackageName(), update.main().getPackageName())) {
            comparison.add(PACKAGE_CHANGED);
        }
        comparison.compareTypes(original.main().getTypes(), update.main().getTypes());
        return List.copyOf(comparison.differences);
    }

    private void add(DifferenceKind kind) {
        differences.add(new Difference(kind, "#/" + String.join("/", path)));
    }

    private void enter(String step, boolean named) {
        path.add(step);
        if (named) {
            names.add(step);
        }
    }

    private void leave(boolean named) {
        path.remove(path.size() - 1);
        if (named) {
            names.remove(names.size() - 1);
        }
    }

    private void compareTypes(List<TypeElement> original, List<TypeElement> update) {
        Map<String, MessageElement> originalMessages = messages(original);
        Map<String, MessageElement> updateMessages = messages(update);
        List<String> originalOrder = new ArrayList<>(originalMessages.keySet());
        List<String> updateOrder = new ArrayList<>(updateMessages.keySet());
        for (String name : union(originalMessages.keySet(), updateMessages.keySet())) {
            enter(name, true);
            MessageElement originalMessage = originalMessages.get(name);
            MessageElement updateMessage = updateMessages.get(name);
            if (updateMessage == null) {
                if (declaredHere(originalTypes, originalPackage)) {
                    add(MESSAGE_REMOVED);
                }
            } else if (originalMessage == null) {
                if (declaredHere(updateTypes, updatePackage)) {
                    add(MESSAGE_ADDED);
                }
            } else {
                compareMessages(originalMessage, updateMessage);
                // Clients send the index of a message within its schema version, so moving one is safe.
                if (originalOrder.indexOf(name) != updateOrder.indexOf(name)) {
                    add(MESSAGE_MOVED);
                }
            }
            leave(true);
        }
        Map<String, EnumElement> originalEnums = enums(original);
        Map<String, EnumElement> updateEnums = enums(update);
        for (String name : union(originalEnums.keySet(), updateEnums.keySet())) {
            enter(name, true);
            if (!updateEnums.containsKey(name)) {
                add(ENUM_REMOVED);
            } else if (!originalEnums.containsKey(name)) {
                add(ENUM_ADDED);
            } else {
                compareEnums(originalEnums.get(name), updateEnums.get(name));
            }
            leave(true);
        }
    }

    private static Map<String, MessageElement> messages(List<TypeElement> types) {
        Map<String, MessageElement> byName = new LinkedHashMap<>();
        types.stream().filter(MessageElement.class::isInstance).map(MessageElement.class::cast)
                .forEach(message -> byName.put(message.getName(), message));
        return byName;
    }

    private static Map<String, EnumElement> enums(List<TypeElement> types) {
        Map<String, EnumElement> byName = new HashMap<>();
        types.stream().filter(EnumElement.class::isInstance).map(EnumElement.class::cast)
                .forEach(type -> byName.put(type.getName(), type));
        return byName;
    }

    private static <T> Set<T> union(Set<T> first, Set<T> second) {
        Set<T> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The message at the current path is a real one, not the entry protoc generates for a map. */
    private boolean declaredHere(TypeIndex types, String packageName) {
        return types.type(String.join(".", TypeIndex.scope(packageName, names))).filter(info -> !info.isMapEntry()).isPresent();
    }

    private void compareMessages(MessageElement original, MessageElement update) {
        if (inProgress.add(original)) {
            compareMessageContents(original, update);
            inProgress.remove(original);
        }
        compareTypes(original.getNestedTypes(), update.getNestedTypes());
    }

    private void compareMessageContents(MessageElement original, MessageElement update) {
        Map<Integer, FieldElement> originalByTag = byTag(original.getFields(), FieldElement::getTag);
        Map<Integer, FieldElement> updateByTag = byTag(update.getFields(), FieldElement::getTag);
        Map<String, OneOfElement> originalOneOfs = new HashMap<>();
        Map<Integer, FieldElement> originalOneOfFields = new HashMap<>();
        for (OneOfElement oneOf : original.getOneOfs()) {
            originalOneOfs.put(oneOf.getName(), oneOf);
            oneOf.getFields().forEach(field -> originalOneOfFields.put(field.getTag(), field));
        }
        Map<String, OneOfElement> updateOneOfs = new HashMap<>();
        for (OneOfElement oneOf : update.getOneOfs()) {
            updateOneOfs.put(oneOf.getName(), oneOf);
            enter(oneOf.getName(), false);
            checkFieldsMovedInto(oneOf, originalByTag, originalOneOfFields);
            leave(false);
        }
        for (String name : union(originalOneOfs.keySet(), updateOneOfs.keySet())) {
            enter(name, false);
            if (!updateOneOfs.containsKey(name)) {
                add(ONEOF_REMOVED);
            } else if (!originalOneOfs.containsKey(name)) {
                add(ONEOF_ADDED);
            } else {
                compareOneOfs(originalOneOfs.get(name), updateOneOfs.get(name));
            }
            leave(false);
        }
        for (Integer tag : union(originalByTag.keySet(), updateByTag.keySet())) {
            enter(tag.toString(), false);
            FieldElement originalField = originalByTag.get(tag);
            FieldElement updateField = updateByTag.get(tag);
            if (updateField == null) {
                add(originalField.getLabel() == Label.REQUIRED ? REQUIRED_FIELD_REMOVED : FIELD_REMOVED);
            } else if (originalField == null) {
                add(updateField.getLabel() == Label.REQUIRED ? REQUIRED_FIELD_ADDED : FIELD_ADDED);
            } else {
                compareFields(originalField, updateField);
            }
            leave(false);
        }
    }

    /**
     * A oneof may take over one plain field (readers of old data see it set), but not several, nor
     * one plain field together with fields of another oneof. Fields it took over are no longer
     * counted as removed.
     */
    private void checkFieldsMovedInto(OneOfElement oneOf, Map<Integer, FieldElement> originalByTag,
                                      Map<Integer, FieldElement> originalOneOfFields) {
        int moved = 0;
        int fromOtherOneOfs = 0;
        for (FieldElement field : oneOf.getFields()) {
            if (originalByTag.remove(field.getTag()) != null) {
                moved++;
            } else if (originalOneOfFields.containsKey(field.getTag())) {
                fromOtherOneOfs++;
            }
        }
        if (moved > 1) {
            add(MULTIPLE_FIELDS_MOVED_TO_ONEOF);
        } else if (moved == 1 && fromOtherOneOfs > 0) {
            add(FIELD_MOVED_TO_EXISTING_ONEOF);
        }
    }

    private static <T> Map<Integer, T> byTag(List<T> elements, Function<T, Integer> tag) {
        Map<Integer, T> byTag = new HashMap<>();
        elements.forEach(element -> byTag.put(tag.apply(element), element));
        return byTag;
    }

    private void compareOneOfs(OneOfElement original, OneOfElement update) {
        Map<Integer, FieldElement> originalByTag = byTag(original.getFields(), FieldElement::getTag);
        Map<Integer, FieldElement> updateByTag = byTag(update.getFields(), FieldElement::getTag);
        for (Integer tag : union(originalByTag.keySet(), updateByTag.keySet())) {
            enter(tag.toString(), false);
            if (!updateByTag.containsKey(tag)) {
                add(ONEOF_FIELD_REMOVED);
            } else if (!originalByTag.containsKey(tag)) {
                add(ONEOF_FIELD_ADDED);
            } else {
                compareFields(originalByTag.get(tag), updateByTag.get(tag));
            }
            leave(false);
        }
    }

    private void compareEnums(EnumElement original, EnumElement update) {
        Map<Integer, EnumConstantElement> originalByTag = byTag(original.getConstants(), EnumConstantElement::getTag);
        Map<Integer, EnumConstantElement> updateByTag = byTag(update.getConstants(), EnumConstantElement::getTag);
        for (Integer tag : union(originalByTag.keySet(), updateByTag.keySet())) {
            enter(tag.toString(), false);
            if (!updateByTag.containsKey(tag)) {
                add(ENUM_CONST_REMOVED);
            } else if (!originalByTag.containsKey(tag)) {
                add(ENUM_CONST_ADDED);
            } else if (!originalByTag.get(tag).getName().equals(updateByTag.get(tag).getName())) {
                add(ENUM_CONST_CHANGED);
            }
            leave(false);
        }
    }

    private void compareFields(FieldElement original, FieldElement update) {
        if (!original.getName().equals(update.getName())) {
            add(FIELD_NAME_CHANGED);
        }
        compareLabelsAndTypes(original.getLabel(), update.getLabel(), ProtoType.get(original.getType()),
                ProtoType.get(update.getType()));
    }

    private Optional<TypeInfo> resolve(ProtoType type, boolean original) {
        TypeIndex types = original ? originalTypes : updateTypes;
        return types.resolveType(type.toString(), TypeIndex.scope(original ? originalPackage : updatePackage, names));
    }

    private ProtoType mapEntryAsMap(ProtoType type, boolean original) {
        return resolve(type, original).filter(TypeInfo::isMapEntry).map(TypeInfo::mapType).orElse(type);
    }

    private void compareLabelsAndTypes(Label originalLabel, Label updateLabel, ProtoType originalType, ProtoType updateType) {
        ProtoType originalResolved = mapEntryAsMap(originalType, true);
        ProtoType updateResolved = mapEntryAsMap(updateType, false);
        Kind kind = kind(originalResolved, true);
        if (kind != kind(updateResolved, false)) {
            add(FIELD_KIND_CHANGED);
            return;
        }
        switch (kind) {
            case SCALAR -> compareScalars(originalLabel, updateLabel, originalResolved, updateResolved);
            case MESSAGE -> compareMessageTypes(originalResolved, updateResolved);
            case MAP -> {
                compareLabelsAndTypes(null, null, originalResolved.getKeyType(), updateResolved.getKeyType());
                compareLabelsAndTypes(null, null, originalResolved.getValueType(), updateResolved.getValueType());
            }
        }
    }

    private Kind kind(ProtoType type, boolean original) {
        if (type.isScalar()) {
            return Kind.SCALAR;
        }
        if (type.isMap()) {
            return Kind.MAP;
        }
        return resolve(type, original).filter(TypeInfo::isEnum).isPresent() ? Kind.SCALAR : Kind.MESSAGE;
    }

    private void compareScalars(Label originalLabel, Label updateLabel, ProtoType originalType, ProtoType updateType) {
        ScalarKind originalKind = scalarKind(originalType);
        if (originalKind != scalarKind(updateType)) {
            add(FIELD_SCALAR_KIND_CHANGED);
        } else if (originalLabel != null && updateLabel != null && originalLabel != updateLabel) {
            add(originalKind == ScalarKind.STRING_OR_BYTES ? FIELD_STRING_OR_BYTES_LABEL_CHANGED : FIELD_NUMERIC_LABEL_CHANGED);
        }
    }

    /** The groups of scalar types whose values read as each other on the wire; enums read as int32. */
    private static ScalarKind scalarKind(ProtoType type) {
        if (!type.isScalar()) {
            return ScalarKind.GENERAL_NUMBER;
        }
        return switch (type.toString()) {
            case "sint32", "sint64" -> ScalarKind.SIGNED_NUMBER;
            case "string", "bytes" -> ScalarKind.STRING_OR_BYTES;
            case "fixed32", "sfixed32" -> ScalarKind.FIXED32;
            case "fixed64", "sfixed64" -> ScalarKind.FIXED64;
            case "float" -> ScalarKind.FLOAT;
            case "double" -> ScalarKind.DOUBLE;
            default -> ScalarKind.GENERAL_NUMBER;
        };
    }

    private void compareMessageTypes(ProtoType originalType, ProtoType updateType) {
        Optional<TypeInfo> original = resolve(originalType, true);
        Optional<TypeInfo> update = resolve(updateType, false);
        if (original.isEmpty() || update.isEmpty()) {
            if (!originalType.toString().equals(updateType.toString())) {
                add(FIELD_NAMED_TYPE_CHANGED);
            }
            return;
        }
        String localName = original.get().localName();
        if (!localName.equals(update.get().localName())) {
            add(FIELD_NAMED_TYPE_CHANGED);
        } else if (!sameDeclaration(original.get(), update.get())) {
            compareReferencedMessages(original.get(), update.get(), localName);
        }
    }

    /** Types declared in this schema are compared where they are declared, not where they are used. */
    private static boolean sameDeclaration(TypeInfo original, TypeInfo update) {
        return original.origin() != null && original.origin().equals(update.origin());
    }

    private void compareReferencedMessages(TypeInfo original, TypeInfo update, String localName) {
        SchemaComparison nested = new SchemaComparison(originalTypes, updateTypes, inProgress);
        nested.originalPackage = original.packageName();
        nested.updatePackage = update.packageName();
        nested.path.addAll(Arrays.asList(localName.split("\\.")));
        nested.names.addAll(nested.path);
        nested.compareMessages((MessageElement) original.element(), (MessageElement) update.element());
        differences.addAll(nested.differences);
        if (nested.differences.stream().anyMatch(difference -> !difference.compatible())) {
            add(FIELD_NAMED_TYPE_CHANGED);
        }
    }
}
