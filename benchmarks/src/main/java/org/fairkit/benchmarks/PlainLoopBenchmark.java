package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline the tally kernel is held to: the plainest Java loop over byte-coded labels and int group codes
 * into one count array (and one weight-sum array), single-threaded, no compensation, no API around it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PlainLoopBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlainLoopBenchmark {
    @Param({"10000000"})
    int rows;

    @Param({"2", "16", "256"})
    int groups;

    @Param({"false", "true"})
    boolean weighted;

    BenchmarkData data;

    /** Builds seeded columns. */
    @Setup
    public void setUp() {
        data = BenchmarkData.generate(rows, groups, weighted, 42);
    }

    /** One plain pass. */
    @Benchmark
    public Object plainLoop() {
        return weighted ? weightedLoop(data, groups) : countLoop(data, groups);
    }

    /** Counts per (group, cell) with a plain loop. */
    static long[] countLoop(BenchmarkData d, int groups) {
        long[] counts = new long[4 * groups];
        byte[] y = d.labels;
        byte[] p = d.predictions;
        int[] g = d.groups;
        for (int i = 0; i < y.length; i++) {
            counts[(g[i] << 2) | (y[i] << 1) | p[i]]++;
        }
        return counts;
    }

    /** Weight sums per (group, cell) with a plain loop. */
    static double[] weightedLoop(BenchmarkData d, int groups) {
        double[] sums = new double[4 * groups];
        byte[] y = d.labels;
        byte[] p = d.predictions;
        int[] g = d.groups;
        double[] w = d.weights;
        for (int i = 0; i < y.length; i++) {
            sums[(g[i] << 2) | (y[i] << 1) | p[i]] += w[i];
        }
        return sums;
    }
}
