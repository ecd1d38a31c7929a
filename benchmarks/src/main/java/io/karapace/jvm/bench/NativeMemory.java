package io.karapace.jvm.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads jcmd's VM.native_memory summary. */
final class NativeMemory {
    private static final Pattern CATEGORY = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB", Pattern.MULTILINE);

    private NativeMemory() {
    }

    /** Committed KiB by NMT category, in the summary's order. */
    static Map<String, Long> committedKb(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher matcher = CATEGORY.matcher(summary);
        while (matcher.find()) {
            committed.put(matcher.group(1).trim(), Long.parseLong(matcher.group(2)));
        }
        if (committed.isEmpty()) {
            throw new IllegalStateException("no categories in jcmd VM.native_memory output: " + summary);
        }
        return committed;
    }
}
