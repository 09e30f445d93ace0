package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.internal.TallyInput;
import org.fairkit.core.internal.TallyKernel;
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
 * The tally kernel: per-group confusion counts (and weight sums) in one pass, on 1 or 2 threads.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TallyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 * Throughput in rows/s is {@code rows / (ms/op) * 1000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TallyBenchmark {
    @Param({"100000", "1000000", "10000000"})
    int rows;

    @Param({"2", "16", "256"})
    int groups;

    @Param({"false", "true"})
    boolean weighted;

    @Param({"1", "2"})
    int threads;

    TallyInput input;

    /** Builds seeded columns. */
    @Setup
    public void setUp() {
        BenchmarkData d = BenchmarkData.generate(rows, groups, weighted, 42);
        input = TallyInput.of(d.labels, d.predictions, d.groups, d.weights, groups);
    }

    /** One tally of all rows. */
    @Benchmark
    public GroupConfusion tally() {
        return TallyKernel.tally(input, threads);
    }
}
