package io.karapace.jvm.conformance.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report format of issue 13: per area and per fixture pass/fail, the first differing answer, the server, totals. */
class CertificationReportTest {

    private static final CertificationTarget TARGET =
            new CertificationTarget("http://sr:8081/", null, "kafka:9092", "alice:secret");

    private static final List<FixtureResult> RESULTS = List.of(
            FixtureResult.passed("registry/config/001-global-default-is-backward.json"),
            FixtureResult.notApplicable("registry/config/002-put-global.json", Applicability.FRESH_SERVER),
            FixtureResult.failed("registry/root/003-unknown-path-is-404.json", new FixtureResult.FirstDifference(1, 2,
                    "GET /no/such|path", "404 {\"error_code\":404}", "200 {}",
                    List.of("status: expected 404 but was 200", "body.error_code: missing"))),
            FixtureResult.failed("proxy/v3/001-clusters.json", "IllegalStateException: cannot create topics"),
            FixtureResult.notApplicable("proxy/v3/002-cluster-by-id.json", Applicability.NO_REST));

    private static final CertificationReport REPORT =
            new CertificationReport(TARGET, "GET /_health: 200 {\"status\":\"HEALTHY\"}", "2026-12-04T01:00:00Z", RESULTS);

    @Test
    void totalsCountEachOutcome() {
        assertEquals("1 passed, 2 failed, 2 not applicable", REPORT.totalsLine());
    }

    @Test
    void markdownHasTheServerTotalsAndATablePerArea() {
        String expected = """
                # Conformance report

                - Registry: http://sr:8081
                - REST proxy: (not given)
                - Broker: kafka:9092
                - Auth: alice:***
                - Server: GET /_health: 200 {"status":"HEALTHY"}
                - Generated: 2026-12-04T01:00:00Z

                Totals: 1 passed, 2 failed, 2 not applicable

                *Not applicable*: the fixture cannot run against this server as given (it needs a server of its own,\
                 the REST proxy or the broker); the reason says which.

                ## registry/config (1 passed, 0 failed, 1 not applicable)

                | Fixture | Result | Details |
                | --- | --- | --- |
                | 001-global-default-is-backward.json | passed |  |
                | 002-put-global.json | not applicable | needs a fresh server (it changes the global config or mode,\
                 or reads registry-wide listings or ids), which a certification run cannot start |

                ## registry/root (0 passed, 1 failed, 0 not applicable)

                | Fixture | Result | Details |
                | --- | --- | --- |
                | 003-unknown-path-is-404.json | failed | step 1 of 2, `GET /no/such\\|path`: expected\
                 `404 {"error_code":404}`, actual `200 {}`; status: expected 404 but was 200; body.error_code: missing |

                ## proxy/v3 (0 passed, 1 failed, 1 not applicable)

                | Fixture | Result | Details |
                | --- | --- | --- |
                | 001-clusters.json | failed | IllegalStateException: cannot create topics |
                | 002-cluster-by-id.json | not applicable | needs the REST proxy: pass -Dconformance.rest=URL |
                """;
        assertEquals(expected, REPORT.toMarkdown());
    }

    @Test
    void jsonHoldsTheSameFactsWithTheCredentialsHidden() throws Exception {
        String expected = """
                {
                  "target" : { "registry" : "http://sr:8081", "rest" : null, "bootstrap" : "kafka:9092", "auth" : "alice:***" },
                  "server" : "GET /_health: 200 {\\"status\\":\\"HEALTHY\\"}",
                  "generatedAt" : "2026-12-04T01:00:00Z",
                  "totals" : { "passed" : 1, "failed" : 2, "notApplicable" : 2 },
                  "areas" : [ {
                    "area" : "registry/config", "passed" : 1, "failed" : 0, "notApplicable" : 1,
                    "fixtures" : [
                      { "fixture" : "registry/config/001-global-default-is-backward.json", "outcome" : "passed" },
                      { "fixture" : "registry/config/002-put-global.json", "outcome" : "not applicable",
                        "reason" : "needs a fresh server (it changes the global config or mode, or reads registry-wide listings or ids), which a certification run cannot start" } ]
                  }, {
                    "area" : "registry/root", "passed" : 0, "failed" : 1, "notApplicable" : 0,
                    "fixtures" : [ { "fixture" : "registry/root/003-unknown-path-is-404.json", "outcome" : "failed",
                      "firstDifference" : { "step" : 1, "steps" : 2, "request" : "GET /no/such|path",
                        "expected" : "404 {\\"error_code\\":404}", "actual" : "200 {}",
                        "differences" : [ "status: expected 404 but was 200", "body.error_code: missing" ] } } ]
                  }, {
                    "area" : "proxy/v3", "passed" : 0, "failed" : 1, "notApplicable" : 1,
                    "fixtures" : [
                      { "fixture" : "proxy/v3/001-clusters.json", "outcome" : "failed",
                        "reason" : "IllegalStateException: cannot create topics" },
                      { "fixture" : "proxy/v3/002-cluster-by-id.json", "outcome" : "not applicable",
                        "reason" : "needs the REST proxy: pass -Dconformance.rest=URL" } ]
                  } ]
                }
                """;
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(expected), mapper.readTree(REPORT.toJson()));
        // key order is part of the format: target, server, generatedAt, totals, areas
        assertEquals(List.of("target", "server", "generatedAt", "totals", "areas"),
                iterable(mapper.readTree(REPORT.toJson()).fieldNames()));
    }

    @Test
    void writesBothFiles(@TempDir Path dir) throws Exception {
        REPORT.writeTo(dir.resolve("target"));

        assertEquals(REPORT.toMarkdown(), Files.readString(dir.resolve("target/conformance-report.md")));
        assertEquals(REPORT.toJson(), Files.readString(dir.resolve("target/conformance-report.json")));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
