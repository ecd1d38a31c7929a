package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.conformance.certify.CertificationReport;
import io.karapace.jvm.conformance.certify.CertificationRun;
import io.karapace.jvm.conformance.certify.CertificationTarget;
import io.karapace.jvm.conformance.certify.FixtureResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The certification mode of the fixture suite: with {@code -Dconformance.registry=URL} (and optionally
 * {@code conformance.rest}, {@code conformance.bootstrap}, {@code conformance.auth}), the fixtures are
 * replayed against that server instead of our jar, and {@code target/conformance-report.md} and
 * {@code .json} are written. Mismatches are reported, not failed on; only a crash of the runner fails.
 * {@link FixtureSuite} is disabled in this mode.
 */
@EnabledIfSystemProperty(named = CertificationTarget.REGISTRY, matches = ".*\\S.*")
class CertificationSuite {

    @Test
    void certifyTheExternalServer() {
        CertificationTarget target = CertificationTarget.fromSystemProperties().orElseThrow();
        Path reportDir = Path.of(System.getProperty("conformance.reportDir", "target"));
        CertificationReport report = CertificationRun.certifyAndWrite(target, reportDir, CertificationSuite::print);
        System.out.println("Certification of " + target.registry() + ": " + report.totalsLine()
                + "; report in " + reportDir.toAbsolutePath().resolve(CertificationReport.MARKDOWN_FILE));
        assertEquals(report.results().size(), report.count(FixtureResult.Outcome.PASSED)
                + report.count(FixtureResult.Outcome.FAILED) + report.count(FixtureResult.Outcome.NOT_APPLICABLE));
    }

    private static void print(FixtureResult result) {
        System.out.println("[certify] " + result.outcome().label() + ": " + result.fixture());
    }
}
