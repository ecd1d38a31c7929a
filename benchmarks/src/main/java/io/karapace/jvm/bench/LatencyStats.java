package io.karapace.jvm.bench;

import java.util.Arrays;

/** Mean, nearest-rank percentiles and maximum of a set of latencies, in milliseconds. */
public record LatencyStats(long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0);

    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencyStats(sorted.length, millis(sum / sorted.length), millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least {@code percent}% of the values at or below it. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }
}
