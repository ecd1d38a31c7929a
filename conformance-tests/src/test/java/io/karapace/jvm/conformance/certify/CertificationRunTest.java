package io.karapace.jvm.conformance.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.conformance.fixture.EchoServer;
import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.FixtureLoader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The certification runner against a server that answers 200 {} to everything: mismatches become
 * results with the first differing answer instead of exceptions, and conformance.auth goes on every request.
 */
class CertificationRunTest {

    private static Fixture fixture(String name, String extra, String steps) {
        return FixtureLoader.parse(name, "{\"description\": \"d\", \"pins\": \"p\"" + extra + ", \"steps\": "
                + steps.replace('\'', '"') + "}");
    }

    private static final String GET_ROOT = "[{'request': {'method': 'GET', 'path': '/'}, 'response': {'status': 200, 'body': {}}}]";

    @Test
    void classifiesEachFixtureAndReportsTheFirstDifferingAnswer() throws Exception {
        List<Fixture> fixtures = List.of(
                fixture("registry/root/001-get-root.json", "", GET_ROOT),
                fixture("registry/root/003-unknown-path-is-404.json", "", "["
                        + "{'request': {'method': 'GET', 'path': '/'}, 'response': {'status': 200}},"
                        + "{'request': {'method': 'GET', 'path': '/no/such/resource'},"
                        + " 'response': {'status': 404, 'body': {'error_code': 404}}}]"),
                fixture("registry/config/002-put-global.json", ", \"freshServer\": true", GET_ROOT),
                fixture("proxy/v3/001-clusters.json", "", GET_ROOT));

        try (EchoServer server = new EchoServer(request -> new EchoServer.Reply(200, "application/json", "{}"))) {
            CertificationTarget target = new CertificationTarget(server.baseUri(), null, null, "alice:secret");
            List<FixtureResult> progress = new ArrayList<>();

            CertificationReport report = new CertificationRun(target).certify(fixtures, progress::add);

            assertEquals("1 passed, 1 failed, 2 not applicable", report.totalsLine());
            assertEquals(report.results(), progress);
            assertEquals("GET /_health: 200 {}", report.server());
            FixtureResult failed = report.results().get(1);
            assertEquals(FixtureResult.Outcome.FAILED, failed.outcome());
            assertNull(failed.reason());
            assertEquals(new FixtureResult.FirstDifference(2, 2, "GET /no/such/resource", "404 {\"error_code\":404}",
                    "200 {}", failed.difference().differences()), failed.difference());
            assertTrue(failed.difference().differences().contains("status: expected 404 but was 200"),
                    failed.difference().differences()::toString);
            assertEquals(FixtureResult.notApplicable("registry/config/002-put-global.json", Applicability.FRESH_SERVER),
                    report.results().get(2));
            assertEquals(FixtureResult.notApplicable("proxy/v3/001-clusters.json", Applicability.NO_REST),
                    report.results().get(3));
            String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes());
            server.received().forEach(received ->
                    assertEquals(List.of(basic), received.headers().get("Authorization"), received.rawPath()));
        }
    }

    @Test
    void aServerWithoutHealthIsDescribedByItsConfluentVersion() throws Exception {
        try (EchoServer server = new EchoServer(request -> request.rawPath().equals("/v1/metadata/version")
                ? new EchoServer.Reply(200, "application/json", "{\"version\":\"7.9.0\"}")
                : new EchoServer.Reply(404, "application/json", "{\"error_code\":404}"))) {
            CertificationRun run = new CertificationRun(new CertificationTarget(server.baseUri(), null, null, null));

            assertEquals("GET /v1/metadata/version: 200 {\"version\":\"7.9.0\"}", run.describeServer());
        }
    }

    @Test
    void longAnswersAreTrimmedToOneLine() {
        String trimmed = CertificationRun.trim("a\n  b" + "x".repeat(400));

        assertEquals(CertificationRun.TRIM + 1, trimmed.length());
        assertTrue(trimmed.startsWith("a bxxx") && trimmed.endsWith("…"), trimmed);
    }
}
