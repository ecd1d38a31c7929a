package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.conformance.certify.CertificationReport;
import io.karapace.jvm.conformance.certify.CertificationRun;
import io.karapace.jvm.conformance.certify.CertificationTarget;
import io.karapace.jvm.conformance.certify.FixtureResult;
import io.karapace.jvm.conformance.certify.FixtureResult.Outcome;
import io.karapace.jvm.conformance.fixture.EchoServer;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13's certification runner, through the entry point {@link CertificationSuite} uses: our jar
 * started as an external server passes every applicable fixture, and a wrong server (200 {} to
 * everything) gets its failures reported with the first differing answer, without the run failing.
 */
@ExtendWith(SharedKafka.class)
class CertificationRunIT {

    private static final Path REPORTS = Path.of(System.getProperty("conformance.reportDir", "target"));
    private static final String FRESH = "registry/config/002-put-global-echoes-compatibility-key.json";

    @Test
    void ourServerAsAnExternalTargetPassesEveryApplicableFixture(KafkaHarness kafka) throws Exception {
        Path dir = REPORTS.resolve("certification-it/our-jar");
        try (ServerProcess server = ServerLauncher.on(kafka).with(Map.of("karapace_rest", true))
                .start(ServerLauncher.uniqueTopic("certified"))) {
            CertificationTarget target = new CertificationTarget(server.baseUri(), server.baseUri(),
                    kafka.bootstrapServers(), null);

            CertificationReport report = CertificationRun.certifyAndWrite(target, dir, result -> { });

            String markdown = Files.readString(dir.resolve(CertificationReport.MARKDOWN_FILE));
            assertTrue(Files.isRegularFile(dir.resolve(CertificationReport.JSON_FILE)));
            assertTrue(markdown.lines().anyMatch(line -> line.matches("Totals: \\d+ passed, 0 failed, \\d+ not applicable")),
                    markdown);
            assertEquals(0, report.count(Outcome.FAILED), () -> describe(report.results().stream()
                    .filter(result -> result.outcome() == Outcome.FAILED).toList()));
            assertTrue(report.count(Outcome.PASSED) > 300, report::totalsLine);
            assertTrue(report.server().startsWith("GET /_health: 200"), report.server());
            FixtureResult fresh = result(report, FRESH);
            assertEquals(Outcome.NOT_APPLICABLE, fresh.outcome());
            assertTrue(fresh.reason().startsWith("needs a fresh server"), fresh.reason());
            assertTrue(markdown.contains("| 002-put-global-echoes-compatibility-key.json | not applicable | needs a fresh server"),
                    markdown);
            // every non-fresh fixture ran: the run had the proxy and the broker
            assertEquals(report.results().stream().filter(result -> result.outcome() == Outcome.NOT_APPLICABLE)
                    .map(FixtureResult::reason).distinct().toList(), List.of(fresh.reason()));
        }
    }

    @Test
    void aWrongServerGetsItsFailuresReportedWithTheFirstDifferingAnswer() throws Exception {
        Path dir = REPORTS.resolve("certification-it/echo");
        try (EchoServer echo = new EchoServer(request -> new EchoServer.Reply(200, "application/json", "{}"))) {
            CertificationTarget target = new CertificationTarget(echo.baseUri(), null, null, null);

            CertificationReport report = CertificationRun.certifyAndWrite(target, dir, result -> { });

            assertTrue(report.count(Outcome.FAILED) > 100, report::totalsLine);
            assertEquals(Outcome.PASSED, result(report, "registry/root/001-get-root-returns-empty-object.json").outcome());
            // fixtures/registry/root/003: GET /no/such/resource answers 404 {error_code: 404, message: "HTTP 404 Not Found"}
            FixtureResult.FirstDifference difference =
                    result(report, "registry/root/003-unknown-path-is-404-with-error-body.json").difference();
            assertEquals("GET /no/such/resource", difference.request());
            assertEquals("404 {\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}", difference.expected());
            assertEquals("200 {}", difference.actual());
            assertTrue(difference.differences().contains("status: expected 404 but was 200"), difference::toString);
            assertEquals(Outcome.NOT_APPLICABLE, result(report, "proxy/v3/001-clusters-list-has-the-one-cluster.json").outcome());
            String markdown = Files.readString(dir.resolve(CertificationReport.MARKDOWN_FILE));
            assertTrue(markdown.contains("| 003-unknown-path-is-404-with-error-body.json | failed | step 1 of 1,"
                    + " `GET /no/such/resource`: expected `404 {\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}`,"
                    + " actual `200 {}`"), markdown);
            assertTrue(markdown.contains("Totals: " + report.totalsLine()), markdown);
        }
    }

    private static FixtureResult result(CertificationReport report, String fixture) {
        return report.results().stream().filter(result -> result.fixture().equals(fixture)).findFirst().orElseThrow();
    }

    private static String describe(List<FixtureResult> failed) {
        return failed.stream().map(result -> result.fixture() + ": "
                + (result.difference() != null ? result.difference() : result.reason())).collect(Collectors.joining("\n"));
    }
}
