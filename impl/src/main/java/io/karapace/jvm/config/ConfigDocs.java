package io.karapace.jvm.config;

import java.util.stream.Collectors;

/** Renders the configuration keys as the Markdown table of the README. */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static String markdownTable() {
        StringBuilder table = new StringBuilder()
                .append("| key | default | env var | description |\n")
                .append("|---|---|---|---|\n");
        for (ConfigKey key : ConfigKey.values()) {
            table.append("| `").append(key.key()).append("` | ")
                    .append(defaultCell(key)).append(" | ")
                    .append(key.envNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(" or ")))
                    .append(" | ")
                    .append(describe(key).replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String defaultCell(ConfigKey key) {
        return key.defaultValue() == null ? "unset" : "`" + key.defaultValue() + "`";
    }

    private static String describe(ConfigKey key) {
        String text = key.rule().choices().isEmpty()
                ? key.doc()
                : key.doc() + " One of " + String.join(", ", key.rule().choices()) + " (any case).";
        if (!key.rule().aliases().isEmpty()) {
            text += " Also accepted, with a warning: " + key.rule().aliases().entrySet().stream()
                    .map(e -> e.getKey() + " (= " + e.getValue() + ")").collect(Collectors.joining(", ")) + ".";
        }
        if (!key.aliases().isEmpty()) {
            text += " Alias, accepted with a warning: " + key.aliases().stream().map(a -> "`" + a + "`")
                    .collect(Collectors.joining(", ")) + ".";
        }
        return text;
    }

    public static void main(String[] args) {
        System.out.print(markdownTable());
    }
}
