package io.karapace.jvm.bench;

/**
 * One measured load run: {@code operations} requests (or sends) of {@code itemsPerOperation} records each,
 * made over {@code connections} connections during {@code seconds}.
 */
public record LoadResult(String series, int connections, long operations, long errors, double seconds,
                         int itemsPerOperation, LatencyStats latency) {

    public double operationsPerSecond() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    public double itemsPerSecond() {
        return operationsPerSecond() * itemsPerOperation;
    }

    /** This run's throughput as a fraction of the reference's (1.0 = as fast); NaN without a reference. */
    public double ratioTo(LoadResult reference) {
        if (reference == null || reference.itemsPerSecond() <= 0) {
            return Double.NaN;
        }
        return itemsPerSecond() / reference.itemsPerSecond();
    }
}
