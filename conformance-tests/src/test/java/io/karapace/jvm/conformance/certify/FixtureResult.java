package io.karapace.jvm.conformance.certify;

import java.util.List;

/**
 * How one fixture fared in a certification run.
 *
 * @param fixture    the fixture's path under the fixture root, e.g. {@code registry/config/001-x.json}
 * @param outcome    passed, failed or not applicable
 * @param reason     why not applicable, or what went wrong when a failure is not a differing answer; else null
 * @param difference the first differing answer of a failed fixture, or null
 */
public record FixtureResult(String fixture, Outcome outcome, String reason, FirstDifference difference) {

    public enum Outcome {
        PASSED("passed"), FAILED("failed"), NOT_APPLICABLE("not applicable");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The first step that answered differently, its texts trimmed for the report.
     *
     * @param step        1-based step number
     * @param steps       the fixture's step count
     * @param request     method and path as sent
     * @param expected    status and body the fixture expects
     * @param actual      status and body the server answered
     * @param differences each difference the matcher found
     */
    public record FirstDifference(int step, int steps, String request, String expected, String actual,
                                  List<String> differences) {
        public FirstDifference {
            differences = List.copyOf(differences);
        }
    }

    public static FixtureResult passed(String fixture) {
        return new FixtureResult(fixture, Outcome.PASSED, null, null);
    }

    public static FixtureResult notApplicable(String fixture, String reason) {
        return new FixtureResult(fixture, Outcome.NOT_APPLICABLE, reason, null);
    }

    public static FixtureResult failed(String fixture, FirstDifference difference) {
        return new FixtureResult(fixture, Outcome.FAILED, null, difference);
    }

    public static FixtureResult failed(String fixture, String reason) {
        return new FixtureResult(fixture, Outcome.FAILED, reason, null);
    }

    /** The directory part of the name: {@code registry/config}. */
    public String area() {
        int slash = fixture.lastIndexOf('/');
        return slash < 0 ? "" : fixture.substring(0, slash);
    }

    /** The file part of the name: {@code 001-x.json}. */
    public String file() {
        return fixture.substring(fixture.lastIndexOf('/') + 1);
    }
}
