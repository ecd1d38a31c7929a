package io.karapace.jvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMathsTest {

    @Test
    void latencyStatsUseNearestRankPercentilesOverMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        LatencyStats stats = LatencyStats.ofNanos(nanos);
        assertEquals(100, stats.count());
        assertEquals(50.5, stats.meanMs(), 1e-9);
        assertEquals(50.0, stats.p50Ms(), 1e-9);
        assertEquals(99.0, stats.p99Ms(), 1e-9);
        assertEquals(100.0, stats.maxMs(), 1e-9);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencyStats stats = LatencyStats.ofNanos(new long[] {3_000_000});
        assertEquals(3.0, stats.p50Ms(), 1e-9);
        assertEquals(3.0, stats.p99Ms(), 1e-9);
    }

    @Test
    void ratioComparesRecordsPerSecondNotRequests() {
        LoadResult rest = new LoadResult("rest", 50, 1_000, 0, 10, 100, LatencyStats.EMPTY);
        LoadResult raw = new LoadResult("raw", 50, 40_000, 0, 10, 1, LatencyStats.EMPTY);
        assertEquals(10_000, rest.itemsPerSecond(), 1e-9);
        assertEquals(2.5, rest.ratioTo(raw), 1e-9);
        assertTrue(Double.isNaN(rest.ratioTo(null)));
        assertEquals("—", Report.ratio(rest.ratioTo(null)));
    }

    @Test
    void wrkSummaryLineBecomesALoadResultInMilliseconds() throws IOException {
        String output = "Running 5s test @ http://127.0.0.1:1/x\n  2 threads and 15 connections\n"
                + "BENCH_JSON {\"requests\":5000,\"duration_us\":5000000,\"socket_errors\":1,\"status_errors\":2,"
                + "\"mean_us\":1500.0,\"p50_us\":1200,\"p99_us\":9000,\"max_us\":20000}\n";
        LoadResult result = Wrk.parse(output, "GET", 15, 1);
        assertEquals(1000, result.operationsPerSecond(), 1e-9);
        assertEquals(3, result.errors());
        assertEquals(1.5, result.latency().meanMs(), 1e-9);
        assertEquals(9.0, result.latency().p99Ms(), 1e-9);
        assertEquals(20.0, result.latency().maxMs(), 1e-9);
    }

    @Test
    void heapUsedAddsTheGenerationsOfSerialGcHeapInfo() {
        String heapInfo = "12345:\n def new generation   total 9792K, used 1200K [0x1, 0x2, 0x3)\n"
                + "  eden space 8704K,  13% used [0x1, 0x2, 0x3)\n"
                + " tenured generation   total 21888K, used 15000K [0x1, 0x2, 0x3)\n"
                + " Metaspace       used 40000K, committed 40500K, reserved 1114112K\n";
        assertEquals(16200, KarapaceProcess.parseHeapUsedKb(heapInfo));
    }

    @Test
    void rssComesFromTheVmRssLine() {
        assertEquals(123456, ProcessMemory.parseRssKb("Name:\tjava\nVmPeak:\t 999999 kB\nVmRSS:\t  123456 kB\n"));
    }

    @Test
    void plotKeepsSeriesWithSeveralConcurrencyLevelsSortedByConnections() {
        LoadResult fifty = new LoadResult("reads", 50, 1, 0, 1, 1, LatencyStats.EMPTY);
        LoadResult one = new LoadResult("reads", 1, 1, 0, 1, 1, LatencyStats.EMPTY);
        LoadResult lone = new LoadResult("consume", 1, 1, 0, 1, 1, LatencyStats.EMPTY);
        var series = LatencyPlot.series(List.of(fifty, lone, one));
        assertEquals(List.of("reads"), List.copyOf(series.keySet()));
        assertEquals(List.of(one, fifty), series.get("reads"));
    }

    @Test
    void referencesAreRecognisedByNameAndPairedWithTheirFigure() {
        assertTrue(LatencyPlot.isReference("nginx: GET /schemas/ids/{id}"));
        assertTrue(LatencyPlot.isReference("raw producer: binary, 1 rec/req"));
        assertEquals("binary, 1 rec/req", LatencyPlot.figureOf("raw producer: binary, 1 rec/req"));
        assertEquals("GET /schemas/ids/{id}", LatencyPlot.figureOf("GET /schemas/ids/{id}"));
    }
}
