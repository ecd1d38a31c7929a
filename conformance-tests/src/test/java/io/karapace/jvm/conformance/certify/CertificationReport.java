package io.karapace.jvm.conformance.certify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.conformance.certify.FixtureResult.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a certification run, written as {@code conformance-report.md} (a table per area) and
 * {@code conformance-report.json} (the same facts for tools).
 *
 * @param target      the server certified
 * @param server      what the server says about itself ({@code /_health} or its version), one line
 * @param generatedAt when the run ended, ISO-8601
 * @param results     one per fixture, in replay order
 */
public record CertificationReport(CertificationTarget target, String server, String generatedAt,
                                  List<FixtureResult> results) {

    public static final String MARKDOWN_FILE = "conformance-report.md";
    public static final String JSON_FILE = "conformance-report.json";

    static final String NOT_APPLICABLE_MEANING = "*Not applicable*: the fixture cannot run against this server as"
            + " given (it needs a server of its own, the REST proxy or the broker); the reason says which.";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CertificationReport {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return count(results, outcome);
    }

    /** {@code N passed, N failed, N not applicable}. */
    public String totalsLine() {
        return totals(results);
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Conformance report\n\n")
                .append("- Registry: ").append(target.registry()).append('\n')
                .append("- REST proxy: ").append(orNotGiven(target.rest())).append('\n')
                .append("- Broker: ").append(orNotGiven(target.bootstrap())).append('\n')
                .append("- Auth: ").append(target.auth() == null ? "(none)" : target.authShown()).append('\n')
                .append("- Server: ").append(cell(server)).append('\n')
                .append("- Generated: ").append(generatedAt).append("\n\n")
                .append("Totals: ").append(totalsLine()).append("\n\n")
                .append(NOT_APPLICABLE_MEANING).append('\n');
        byArea().forEach((area, results) -> {
            md.append("\n## ").append(area).append(" (").append(totals(results)).append(")\n\n")
                    .append("| Fixture | Result | Details |\n| --- | --- | --- |\n");
            results.forEach(result -> md.append("| ").append(result.file()).append(" | ")
                    .append(result.outcome().label()).append(" | ").append(details(result)).append(" |\n"));
        });
        return md.toString();
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode server = root.putObject("target");
        server.put("registry", target.registry()).put("rest", target.rest()).put("bootstrap", target.bootstrap())
                .put("auth", target.authShown());
        root.put("server", this.server);
        root.put("generatedAt", generatedAt);
        putTotals(root.putObject("totals"), results);
        ArrayNode areas = root.putArray("areas");
        byArea().forEach((area, results) -> {
            ObjectNode node = areas.addObject().put("area", area);
            putTotals(node, results);
            ArrayNode fixtures = node.putArray("fixtures");
            results.forEach(result -> fixtureJson(fixtures.addObject(), result));
        });
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes both files into the directory, creating it; answers the Markdown file's path. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON_FILE), toJson());
            return Files.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<FixtureResult>> byArea() {
        Map<String, List<FixtureResult>> areas = new LinkedHashMap<>();
        results.forEach(result -> areas.computeIfAbsent(result.area(), area -> new java.util.ArrayList<>()).add(result));
        return areas;
    }

    private static void fixtureJson(ObjectNode node, FixtureResult result) {
        node.put("fixture", result.fixture()).put("outcome", result.outcome().label());
        if (result.reason() != null) {
            node.put("reason", result.reason());
        }
        FixtureResult.FirstDifference difference = result.difference();
        if (difference != null) {
            ObjectNode first = node.putObject("firstDifference")
                    .put("step", difference.step()).put("steps", difference.steps())
                    .put("request", difference.request())
                    .put("expected", difference.expected())
                    .put("actual", difference.actual());
            ArrayNode differences = first.putArray("differences");
            difference.differences().forEach(differences::add);
        }
    }

    private static String details(FixtureResult result) {
        FixtureResult.FirstDifference difference = result.difference();
        if (difference == null) {
            return result.reason() == null ? "" : cell(result.reason());
        }
        return cell("step " + difference.step() + " of " + difference.steps() + ", `" + code(difference.request())
                + "`: expected `" + code(difference.expected()) + "`, actual `" + code(difference.actual()) + "`"
                + (difference.differences().isEmpty() ? "" : "; " + String.join("; ", difference.differences())));
    }

    private static void putTotals(ObjectNode node, List<FixtureResult> results) {
        node.put("passed", count(results, Outcome.PASSED))
                .put("failed", count(results, Outcome.FAILED))
                .put("notApplicable", count(results, Outcome.NOT_APPLICABLE));
    }

    private static String totals(List<FixtureResult> results) {
        return count(results, Outcome.PASSED) + " passed, " + count(results, Outcome.FAILED) + " failed, "
                + count(results, Outcome.NOT_APPLICABLE) + " not applicable";
    }

    private static long count(List<FixtureResult> results, Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    private static String orNotGiven(String value) {
        return value == null ? "(not given)" : value;
    }

    /** Text fit for one Markdown table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
    }

    /** Text fit for a code span: no backticks. */
    private static String code(String text) {
        return text.replace('`', '\'');
    }
}
