package io.karapace.jvm.bench;

/** One part of the report: measures figures and their references and writes them into its section. */
public interface Scenario {
    /** The name {@code --only} selects it by. */
    String name();

    String title();

    /** How it measures, printed above its tables. */
    String method();

    void run(Bench bench, Report.Section section) throws Exception;
}
