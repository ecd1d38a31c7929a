package io.karapace.jvm.logging;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code log_format} asks for: {@code text} (our default line), {@code json} (one object a line) or,
 * so that an existing Karapace config keeps its look, a Python {@code logging} format string such as
 * Karapace's default {@code %(name)-20s\t%(threadName)s\t%(levelname)-8s\t%(message)s}, translated to a
 * log4j pattern.
 */
public record LogFormat(boolean json, String pattern) {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %c{1} - %msg%n";

    /** Python's record attributes (logging docs, "LogRecord attributes") and their log4j conversions. */
    private static final Map<String, String> PYTHON_ATTRIBUTES = Map.ofEntries(
            Map.entry("name", "c"), Map.entry("message", "msg"),
            Map.entry("levelname", "level{WARN=WARNING, FATAL=CRITICAL}"),
            Map.entry("asctime", "d{yyyy-MM-dd HH:mm:ss,SSS}"), Map.entry("threadName", "t"),
            Map.entry("thread", "tid"), Map.entry("process", "pid"), Map.entry("module", "C{1}"),
            Map.entry("filename", "F"), Map.entry("funcName", "M"), Map.entry("lineno", "L"),
            Map.entry("created", "d{UNIX_MILLIS}"), Map.entry("relativeCreated", "r"));
    private static final Pattern PYTHON_FIELD = Pattern.compile("%(?:\\((\\w+)\\)([-#0 +]*)(\\d*(?:\\.\\d+)?)[sdfrxXeEgGi]|%)");

    public static LogFormat text() {
        return new LogFormat(false, TEXT_PATTERN);
    }

    /** The format a {@code log_format} value names; empty when it is none of the three kinds. */
    public static Optional<LogFormat> parse(String value) {
        if ("text".equals(value)) {
            return Optional.of(text());
        }
        if ("json".equals(value)) {
            return Optional.of(new LogFormat(true, null));
        }
        return fromPython(value);
    }

    private static Optional<LogFormat> fromPython(String value) {
        StringBuilder pattern = new StringBuilder();
        Matcher field = PYTHON_FIELD.matcher(value);
        int copied = 0;
        boolean anyField = false;
        while (field.find()) {
            String between = value.substring(copied, field.start());
            String conversion = field.group(1) == null ? "%" : PYTHON_ATTRIBUTES.get(field.group(1));
            if (between.contains("%") || conversion == null) {
                return Optional.empty();
            }
            anyField |= field.group(1) != null;
            pattern.append(between).append('%').append(field.group(1) == null ? "" : width(field)).append(conversion);
            copied = field.end();
        }
        String rest = value.substring(copied);
        if (!anyField || rest.contains("%")) {
            return Optional.empty();
        }
        return Optional.of(new LogFormat(false, pattern.append(rest).append("%n").toString()));
    }

    /** Python's left-justify flag and width; its other flags (0, #, space, +) mean nothing for text here. */
    private static String width(Matcher field) {
        return (field.group(2).contains("-") ? "-" : "") + field.group(3);
    }
}
