package io.karapace.jvm.conformance.certify;

import io.karapace.jvm.conformance.fixture.Bindings;
import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.FixtureLoader;
import io.karapace.jvm.conformance.fixture.FixtureRunner;
import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.fixture.ResponseSpec;
import io.karapace.jvm.conformance.fixture.SentRequest;
import io.karapace.jvm.conformance.fixture.StepMismatch;
import io.karapace.jvm.conformance.harness.FixtureTopics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Certifies an external server: replays every fixture that can run against it, each with fresh subject
 * and topic names, and reports each as passed, failed (with the first differing answer) or not
 * applicable (with the reason). A mismatch is a result, not an exception; only the runner's own trouble
 * (an unreadable fixture, an unreachable registry) throws.
 */
public final class CertificationRun {

    static final int TRIM = 300;

    private final CertificationTarget target;
    private final TargetTransports transports;
    private final FixtureTopics topics;

    public CertificationRun(CertificationTarget target) {
        this.target = target;
        this.transports = new TargetTransports(target);
        this.topics = target.bootstrap() == null ? null : new FixtureTopics(target.bootstrap());
    }

    /** The entry point of the suite's certification mode: every fixture on the classpath, report written to the directory. */
    public static CertificationReport certifyAndWrite(CertificationTarget target, Path reportDirectory,
                                                      Consumer<FixtureResult> progress) {
        Path root = FixtureLoader.classpathRoot();
        List<Fixture> fixtures = Stream.of("registry", "proxy")
                .flatMap(api -> FixtureLoader.loadAll(root, api).stream())
                .toList();
        CertificationReport report = new CertificationRun(target).certify(fixtures, progress);
        report.writeTo(reportDirectory);
        return report;
    }

    public CertificationReport certify(List<Fixture> fixtures, Consumer<FixtureResult> progress) {
        String server = describeServer();
        List<FixtureResult> results = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            FixtureResult result = certify(fixture);
            progress.accept(result);
            results.add(result);
        }
        return new CertificationReport(target, server, Instant.now().toString(), results);
    }

    FixtureResult certify(Fixture fixture) {
        var reason = Applicability.notApplicableReason(fixture, target);
        if (reason.isPresent()) {
            return FixtureResult.notApplicable(fixture.name(), reason.get());
        }
        Bindings bindings = Bindings.withRandomSubjects();
        try {
            if (topics != null) {
                topics.create(fixture, bindings);
            }
            new FixtureRunner(transports.forFixture(fixture)).run(fixture, bindings);
            return FixtureResult.passed(fixture.name());
        } catch (StepMismatch mismatch) {
            return FixtureResult.failed(fixture.name(), firstDifference(mismatch));
        } catch (RuntimeException | AssertionError e) {
            return FixtureResult.failed(fixture.name(), trim(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    static FixtureResult.FirstDifference firstDifference(StepMismatch mismatch) {
        SentRequest request = mismatch.request();
        ResponseSpec expected = mismatch.expected();
        HttpResult actual = mismatch.actual();
        String expectedBody = expected.body() != null ? expected.body().toString()
                : expected.bodyText() != null ? expected.bodyText() : "";
        return new FixtureResult.FirstDifference(mismatch.step(), mismatch.steps(),
                trim(request.method() + " " + request.path()),
                trim((expected.status() + " " + expectedBody).trim()),
                trim((actual.status() + " " + actual.body()).trim()),
                mismatch.differences().stream().map(CertificationRun::trim).toList());
    }

    /** What the registry says about itself: Karapace's {@code /_health}, else Confluent's {@code /v1/metadata/version}. */
    String describeServer() {
        String health = probe("/_health");
        if (health.startsWith("GET /_health: 200")) {
            return health;
        }
        String version = probe("/v1/metadata/version");
        return version.startsWith("GET /v1/metadata/version: 200") ? version : health + "; " + version;
    }

    private String probe(String path) {
        HttpResult result;
        try {
            result = transports.registry().send(new SentRequest("GET", path, Map.of(), null));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach the registry at " + target.registry() + ": " + e, e);
        }
        return trim("GET " + path + ": " + result.status() + " " + result.body());
    }

    static String trim(String text) {
        String line = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= TRIM ? line : line.substring(0, TRIM) + "…";
    }
}
