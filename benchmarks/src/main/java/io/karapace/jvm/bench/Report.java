package io.karapace.jvm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything measured in one run, in the order it was measured, rendered as Markdown. */
public final class Report {
    private final List<Section> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    public Section section(String title, String method) {
        Section section = new Section(title, method);
        sections.add(section);
        return section;
    }

    public void target(String goal, String measured, boolean met) {
        targets.add(new Target(goal, measured, met));
    }

    /** Every load run of every section, figures and references, for the latency plot. */
    public List<LoadResult> loadResults() {
        List<LoadResult> all = new ArrayList<>();
        for (Section section : sections) {
            for (Comparison comparison : section.comparisons) {
                all.add(comparison.result);
                if (comparison.reference != null) {
                    all.add(comparison.reference);
                }
            }
        }
        return all;
    }

    public String markdown(List<String> header) {
        StringBuilder out = new StringBuilder("# Karapace-JVM benchmark report\n\n");
        header.forEach(line -> out.append(line).append('\n'));
        out.append("\nThroughput ratios are figure / reference on the same machine in the same run (1.00 = as fast as "
                + "the reference). Latencies are per request, in milliseconds.\n");
        if (!targets.isEmpty()) {
            out.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
            targets.forEach(t -> out.append("| ").append(t.goal).append(" | ").append(t.measured).append(" | ")
                    .append(t.met ? "yes" : "**no**").append(" |\n"));
        }
        sections.forEach(section -> section.render(out));
        out.append("\n![latency vs concurrency](latency.png)\n");
        return out.toString();
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** One scenario: its comparisons against references, single measurements and notes (errors included). */
    public static final class Section {
        private final String title;
        private final String method;
        private final List<Comparison> comparisons = new ArrayList<>();
        private final List<String[]> measurements = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Section(String title, String method) {
            this.title = title;
            this.method = method;
        }

        /** A figure next to its reference (null when the reference could not be measured). */
        public void compare(String figure, LoadResult result, String referenceName, LoadResult reference, String unit) {
            comparisons.add(new Comparison(figure, result, referenceName, reference, unit));
        }

        public void measure(String name, String value, String note) {
            measurements.add(new String[] {name, value, note});
        }

        public void note(String text) {
            notes.add(text);
        }

        private void render(StringBuilder out) {
            out.append("\n## ").append(title).append("\n\n").append(method).append('\n');
            if (!comparisons.isEmpty()) {
                out.append("\n| figure | conns | mean | p50 | p99 | max | throughput | errors | reference | ref mean "
                        + "| ref p99 | ref throughput | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
                comparisons.forEach(c -> c.render(out));
            }
            if (!measurements.isEmpty()) {
                out.append("\n| measurement | value | note |\n|---|---:|---|\n");
                measurements.forEach(m -> out.append("| ").append(m[0]).append(" | ").append(m[1]).append(" | ")
                        .append(m[2]).append(" |\n"));
            }
            notes.forEach(note -> out.append("\n> ").append(note.replace("\n", " ")).append('\n'));
        }
    }

    private record Comparison(String figure, LoadResult result, String referenceName, LoadResult reference,
                              String unit) {
        void render(StringBuilder out) {
            LatencyStats l = result.latency();
            out.append("| ").append(figure).append(" | ").append(result.connections()).append(" | ").append(ms(l.meanMs()))
                    .append(" | ").append(ms(l.p50Ms())).append(" | ").append(ms(l.p99Ms())).append(" | ")
                    .append(ms(l.maxMs())).append(" | ").append(rate(result.itemsPerSecond())).append(' ').append(unit)
                    .append(" | ").append(result.errors()).append(" | ").append(referenceName).append(" | ");
            if (reference == null) {
                out.append("— | — | — | — |\n");
                return;
            }
            out.append(ms(reference.latency().meanMs())).append(" | ").append(ms(reference.latency().p99Ms()))
                    .append(" | ").append(rate(reference.itemsPerSecond())).append(' ').append(unit).append(" | ")
                    .append(ratio(result.ratioTo(reference))).append(" |\n");
        }
    }

    private record Target(String goal, String measured, boolean met) {
    }
}
