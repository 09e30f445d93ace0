package org.fairkit.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
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
 * The machine's ceiling for the weighted tally: summing an 80 MB {@code double[]} (what the weights column of
 * 1e7 rows is) on 1 and 2 threads. If 2 threads are not faster here, no kernel that reads the weights can be.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MemoryBandwidthBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryBandwidthBenchmark {
    @Param({"10000000"})
    int rows;

    @Param({"1", "2"})
    int threads;

    double[] values;

    /** Fills the array. */
    @Setup
    public void setUp() {
        values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = i * 0.5;
        }
    }

    /** Sums the array, split into {@code threads} halves. */
    @Benchmark
    public double sum() {
        if (threads == 1) {
            return sum(values, 0, rows);
        }
        int mid = rows / 2;
        CompletableFuture<Double> other = CompletableFuture.supplyAsync(() -> sum(values, mid, rows),
                ForkJoinPool.commonPool());
        return sum(values, 0, mid) + other.join();
    }

    private static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
