package io.karapace.jvm.registry;

import io.karapace.jvm.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The seven compatibility levels, each a set of reading directions and a scope of versions. Schema
 * plug-ins only answer "can this reader read that writer"; the levels are composed here, and the
 * reasons are worded and ordered as Confluent's registry words and orders them.
 */
public final class CompatibilityChecker {
    private static final String DIFFERENT_TYPE = "Incompatible because of different schema type";
    private static final int MAX_OLD_SCHEMA_CHARS = 10 * 1024;
    private static final Map<CompatibilityLevel, Rule> RULES = rules();

    /** A previous version of the subject. */
    public record Versioned(int version, ParsedSchema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * @param previousOldestFirst the subject's live versions, oldest first
     * @return the reasons {@code candidate} may not follow them, empty when it may
     */
    public static List<String> check(CompatibilityLevel level, ParsedSchema candidate,
                                     List<Versioned> previousOldestFirst) {
        List<String> issues = RULES.get(level).check(candidate, previousOldestFirst);
        if (!issues.isEmpty()) {
            issues.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
        }
        return List.copyOf(issues);
    }

    private static Map<CompatibilityLevel, Rule> rules() {
        Map<CompatibilityLevel, Rule> rules = new EnumMap<>(CompatibilityLevel.class);
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            List<Direction> directions = new ArrayList<>();
            // Confluent reports the old-reads-new issues before the new-reads-old ones.
            if (level.oldReadsNew) {
                directions.add(Direction.OLD_READS_NEW);
            }
            if (level.newReadsOld) {
                directions.add(Direction.NEW_READS_OLD);
            }
            rules.put(level, new Rule(List.copyOf(directions), level.transitive));
        }
        return rules;
    }

    private record Rule(List<Direction> directions, boolean transitive) {

        /** Newest first; a transitive check stops at the first version that fails. */
        List<String> check(ParsedSchema candidate, List<Versioned> previousOldestFirst) {
            int oldest = transitive ? 0 : Math.max(0, previousOldestFirst.size() - 1);
            for (int i = previousOldestFirst.size() - 1; i >= oldest; i--) {
                List<String> issues = check(candidate, previousOldestFirst.get(i));
                if (!issues.isEmpty()) {
                    return issues;
                }
            }
            return new ArrayList<>();
        }

        /** As in Confluent, the old version and its text follow only the issues of the last direction checked. */
        private List<String> check(ParsedSchema candidate, Versioned old) {
            List<String> issues = new ArrayList<>();
            List<String> lastIssues = List.of();
            for (Direction direction : directions) {
                lastIssues = direction.issues(candidate, old.schema());
                issues.addAll(lastIssues);
            }
            if (!lastIssues.isEmpty()) {
                issues.add("{oldSchemaVersion: " + old.version() + "}");
                issues.add(oldSchemaItem(old.schema().canonical()));
            }
            return issues;
        }
    }

    private static String oldSchemaItem(String text) {
        if (text.length() <= MAX_OLD_SCHEMA_CHARS) {
            return "{oldSchema: '" + text + "'}";
        }
        return "{oldSchema: <truncated to " + MAX_OLD_SCHEMA_CHARS + " characters> '"
                + text.substring(0, MAX_OLD_SCHEMA_CHARS) + "'}";
    }

    private enum Direction {
        NEW_READS_OLD {
            @Override
            List<String> issues(ParsedSchema candidate, ParsedSchema old) {
                return readIssues(candidate, old, "new", "old");
            }
        },
        OLD_READS_NEW {
            @Override
            List<String> issues(ParsedSchema candidate, ParsedSchema old) {
                return readIssues(old, candidate, "old", "new");
            }
        };

        abstract List<String> issues(ParsedSchema candidate, ParsedSchema old);

        private static List<String> readIssues(ParsedSchema reader, ParsedSchema writer,
                                               String readerRole, String writerRole) {
            if (reader.type() != writer.type()) {
                return List.of(DIFFERENT_TYPE);
            }
            return reader.readIssues(writer).stream()
                    .map(issue -> withRoles(issue, readerRole, writerRole))
                    .toList();
        }
    }

    /** Plug-ins write the reader's role as the first {@code %s} of an issue and the writer's as the second. */
    static String withRoles(String issue, String readerRole, String writerRole) {
        StringBuilder text = new StringBuilder(issue);
        int from = 0;
        for (String role : List.of(readerRole, writerRole)) {
            int at = text.indexOf("%s", from);
            if (at < 0) {
                break;
            }
            text.replace(at, at + 2, role);
            from = at + role.length();
        }
        return text.toString();
    }
}
