package io.karapace.jvm.schema.protobuf;

import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.OptionElement.Kind;
import com.squareup.wire.schema.internal.parser.OptionElement.OptionPrimitive;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes options as Confluent's Protobuf formatter does. Normalizing sorts them by name, qualifies
 * custom option names, merges repeated settings of one non-repeated custom option, sorts the keys of
 * aggregate values and writes numbers in one notation.
 */
final class OptionWriter {
    private final ProtoStyle style;
    private final UnaryOperator<String> extensionNames;
    private final TypeIndex types;

    /**
     * @param extensionNames the fully-qualified name of a custom option as written in the current
     *                       scope, or null when it cannot be resolved
     */
    OptionWriter(ProtoStyle style, TypeIndex types, UnaryOperator<String> extensionNames) {
        this.style = style;
        this.types = types;
        this.extensionNames = extensionNames;
    }

    /** The options to write, in the order to write them. */
    List<OptionElement> select(List<OptionElement> options) {
        List<OptionElement> selected = options;
        if (style.ignoreExtensions()) {
            selected = selected.stream()
                    .filter(option -> !option.isParenthesized() || option.getName().startsWith("confluent."))
                    .toList();
        }
        return style.normalize() ? normalized(selected) : selected;
    }

    private List<OptionElement> normalized(List<OptionElement> options) {
        Map<String, List<OptionElement>> byName = new LinkedHashMap<>();
        options.stream().map(this::qualified).sorted(Comparator.comparing(OptionElement::getName))
                .forEach(option -> byName.computeIfAbsent(option.getName(), name -> new ArrayList<>()).add(option));
        List<OptionElement> merged = new ArrayList<>();
        byName.forEach((name, settings) -> {
            if (types.isSingularExtension(name)) {
                merged.add(settings.stream().reduce(OptionWriter::merge).orElseThrow());
            } else {
                merged.addAll(settings);
            }
        });
        return merged;
    }

    private OptionElement qualified(OptionElement option) {
        if (!option.isParenthesized()) {
            return option;
        }
        String fullName = extensionNames.apply(option.getName());
        if (fullName == null) {
            return option;
        }
        return asAggregate(OptionElement.Companion.create(fullName, option.getKind(), option.getValue(), true));
    }

    /** {@code (opt).a.b = 1} becomes {@code (opt) = {a: {b: 1}}}, the form merging works on. */
    private static OptionElement asAggregate(OptionElement option) {
        if (option.getKind() != Kind.OPTION) {
            return option;
        }
        return OptionElement.Companion.create(option.getName(), Kind.MAP, aggregateValue(option), option.isParenthesized());
    }

    private static Map<String, Object> aggregateValue(OptionElement option) {
        OptionElement inner = (OptionElement) option.getValue();
        Object value = switch (inner.getKind()) {
            case BOOLEAN, ENUM, NUMBER -> new OptionPrimitive(inner.getKind(), inner.getValue());
            case OPTION -> aggregateValue(inner);
            default -> inner.getValue();
        };
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(inner.getName(), value);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static OptionElement merge(OptionElement existing, OptionElement replacement) {
        OptionElement next = asAggregate(replacement);
        if (existing.getKind() != Kind.MAP || next.getKind() != Kind.MAP) {
            return next;
        }
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing.getValue());
        ((Map<String, Object>) next.getValue()).forEach((key, value) -> merged.merge(key, value, OptionWriter::union));
        return OptionElement.Companion.create(next.getName(), Kind.MAP, merged, next.isParenthesized());
    }

    private static Object union(Object first, Object second) {
        Set<Object> values = new LinkedHashSet<>();
        for (Object value : List.of(first, second)) {
            if (value instanceof List<?> list) {
                values.addAll(list);
            } else {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }

    /** {@code option name = value;} with a line break. */
    String statement(OptionElement option) {
        return "option " + assignment(option) + ";\n";
    }

    /** The bracketed list after a field or enum constant: one inline, several one per line. */
    String bracketed(List<?> values) {
        if (values.size() == 1) {
            return "[" + value(values.get(0)) + "]";
        }
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < values.size(); i++) {
            ProtoText.appendIndented(text, value(values.get(i)) + (i < values.size() - 1 ? "," : ""));
        }
        return text.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    private String assignment(OptionElement option) {
        String name = option.isParenthesized() ? "(" + option.getName() + ")" : option.getName();
        Object value = option.getValue();
        return switch (option.getKind()) {
            case STRING -> name + " = \"" + ProtoText.escape(value.toString()) + "\"";
            case BOOLEAN, ENUM -> name + " = " + value;
            case NUMBER -> name + " = " + number(value);
            case OPTION -> name + "." + assignment((OptionElement) value);
            case MAP -> name + " = {\n" + entries((Map<String, Object>) value) + "}";
            case LIST -> name + " = " + bracketed((List<Object>) value);
        };
    }

    private String entries(Map<String, Object> map) {
        Map<String, Object> entries = style.normalize() ? normalizedEntries(map) : map;
        StringBuilder text = new StringBuilder();
        int remaining = entries.size();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            remaining--;
            ProtoText.appendIndented(text, entry.getKey() + ": " + value(entry.getValue()) + (remaining > 0 ? "," : ""));
        }
        return text.toString();
    }

    private Map<String, Object> normalizedEntries(Map<String, Object> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof List<?> list && list.isEmpty())) {
                sorted.putIfAbsent(qualifiedKey(key), value);
            }
        });
        return sorted;
    }

    private String qualifiedKey(String key) {
        if (!key.startsWith("[") || !key.endsWith("]")) {
            return key;
        }
        String fullName = extensionNames.apply(key.substring(1, key.length() - 1));
        return fullName == null ? key : "[" + fullName + "]";
    }

    @SuppressWarnings("unchecked")
    private String value(Object value) {
        if (value instanceof String text) {
            return "\"" + ProtoText.escape(text) + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            return "{\n" + entries((Map<String, Object>) map) + "}";
        }
        if (value instanceof List<?> list) {
            return listValue(list);
        }
        if (value instanceof OptionPrimitive primitive) {
            return switch (primitive.getKind()) {
                case BOOLEAN, ENUM -> String.valueOf(primitive.getValue());
                case NUMBER -> number(primitive.getValue());
                default -> value(primitive.getValue());
            };
        }
        if (value instanceof OptionElement option) {
            return assignment(option);
        }
        return String.valueOf(value);
    }

    private String listValue(List<?> list) {
        if (style.normalize() && list.size() == 1) {
            return value(list.get(0));
        }
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < list.size(); i++) {
            ProtoText.appendIndented(text, value(list.get(i)) + (i < list.size() - 1 ? "," : ""));
        }
        return text.append(']').toString();
    }

    private String number(Object value) {
        if (!style.normalize()) {
            return String.valueOf(value);
        }
        String text = String.valueOf(value);
        DecimalFormat format = new DecimalFormat();
        format.setGroupingUsed(false);
        try {
            return format.format(Long.decode(text));
        } catch (NumberFormatException notAnInteger) {
            try {
                return format.format(new BigDecimal(text));
            } catch (NumberFormatException notADecimal) {
                return text;
            }
        }
    }
}
