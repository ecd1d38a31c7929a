package io.karapace.jvm.schema.protobuf;

/** Small text helpers shared by the writers. */
final class ProtoText {

    private ProtoText() {
    }

    /** Appends each line of {@code block} indented by two spaces; trailing empty lines are dropped. */
    static void appendIndented(StringBuilder text, String block) {
        for (String line : block.split("\n")) {
            text.append("  ").append(line).append('\n');
        }
    }

    /** Escapes a string literal the way protobuf text expects it. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case 0x07 -> escaped.append("\\a");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case 0x0B -> escaped.append("\\v");
                case '\\' -> escaped.append("\\\\");
                case '\'' -> escaped.append("\\'");
                case '"' -> escaped.append("\\\"");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
