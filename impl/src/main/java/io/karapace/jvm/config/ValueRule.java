package io.karapace.jvm.config;

import io.karapace.jvm.logging.LogFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the text of a setting becomes a typed value, and the rule a wrong value breaks. Every source
 * (JSON file, environment) is reduced to text first, so the file and the environment accept the same
 * spellings.
 */
public final class ValueRule {
    private static final List<String> TRUE_WORDS = List.of("true", "1", "yes", "on");
    private static final List<String> FALSE_WORDS = List.of("false", "0", "no", "off");

    private final String description;
    private final Function<String, Optional<Object>> parser;
    private final List<String> choices;
    private final Map<String, String> aliases;

    private ValueRule(String description, Function<String, Optional<Object>> parser, List<String> choices) {
        this(description, parser, choices, Map.of());
    }

    private ValueRule(String description, Function<String, Optional<Object>> parser, List<String> choices,
                      Map<String, String> aliases) {
        this.description = description;
        this.parser = parser;
        this.choices = choices;
        this.aliases = aliases;
    }

    /** Completes "Invalid value 'x' for configuration k: ..." */
    public String description() {
        return description;
    }

    /** The accepted values of an enumerated setting, in their canonical spelling; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    Optional<Object> parse(String text) {
        return parser.apply(text);
    }

    /** The canonical choice {@code text} is an alias of (matched case-insensitively), if it is one. */
    Optional<String> aliasOf(String text) {
        return aliases.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(text.trim()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The accepted aliases of an enumerated setting and the choice each stands for; empty otherwise. */
    public Map<String, String> aliases() {
        return aliases;
    }

    static ValueRule text() {
        return new ValueRule("must be a string", Optional::of, List.of());
    }

    static ValueRule nonBlankText() {
        return new ValueRule("must be a non-empty string",
                s -> s.isBlank() ? Optional.empty() : Optional.of(s), List.of());
    }

    static ValueRule intBetween(int min, int max) {
        return new ValueRule("must be an integer between " + min + " and " + max,
                s -> parseLong(s).filter(v -> v >= min && v <= max).map(Long::intValue), List.of());
    }

    static ValueRule intAtLeast(int min) {
        return new ValueRule("must be an integer of at least " + min,
                s -> parseLong(s).filter(v -> v >= min && v <= Integer.MAX_VALUE).map(Long::intValue), List.of());
    }

    static ValueRule longAtLeast(long min) {
        return new ValueRule("must be an integer of at least " + min,
                s -> parseLong(s).filter(v -> v >= min).map(v -> v), List.of());
    }

    static ValueRule bool() {
        return new ValueRule("must be true or false", ValueRule::parseBoolean, List.of());
    }

    /** Matches case-insensitively and yields the canonical spelling given here. */
    static ValueRule oneOf(String... choices) {
        List<String> accepted = List.of(choices);
        return new ValueRule("must be one of " + String.join(", ", accepted),
                s -> accepted.stream().filter(c -> c.equalsIgnoreCase(s.trim())).findFirst().map(c -> c),
                accepted);
    }

    /**
     * {@link #oneOf} that also accepts other names for some choices and reads them as the choice they
     * stand for; {@code aliases} maps each alias to its choice.
     */
    static ValueRule oneOf(Map<String, String> aliases, String... choices) {
        ValueRule plain = oneOf(choices);
        Map<String, String> ordered = new LinkedHashMap<>(aliases);
        String also = ordered.entrySet().stream().map(e -> e.getKey() + " (= " + e.getValue() + ")")
                .reduce((a, b) -> a + ", " + b).map(list -> "; also " + list).orElse("");
        return new ValueRule(plain.description + also, s -> plain.parse(s).or(() -> ordered.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(s.trim())).findFirst().map(Map.Entry::getValue)),
                plain.choices, Collections.unmodifiableMap(ordered));
    }

    /** {@code log_format}: text, json or a Python logging format string (see {@link LogFormat}). */
    static ValueRule logFormat() {
        return new ValueRule("must be text, json or a Python logging format of the attributes name, levelname,"
                + " message, asctime, threadName, thread, process, module, filename, funcName, lineno, created"
                + " and relativeCreated", s -> LogFormat.parse(s).map(f -> s), List.of());
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> parseBoolean(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(Boolean.TRUE);
        }
        return FALSE_WORDS.contains(word) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }
}
