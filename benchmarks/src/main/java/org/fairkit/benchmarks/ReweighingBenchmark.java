package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.preprocessing.Reweighing;
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
 * Reweighing: fitting the (group, label) table and producing every row's weight, from a {@code String[]} group
 * column (one pass to intern the groups, one to sum, one to apply).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReweighingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReweighingBenchmark {
    @Param({"100000", "1000000"})
    int rows;

    @Param({"2", "8"})
    int groups;

    @Param({"false", "true"})
    boolean weighted;

    int[] labels;
    String[] groupLabels;
    double[] weights;

    /** Builds seeded columns. */
    @Setup
    public void setUp() {
        ThresholdOptimizerBenchmark.Columns c = ThresholdOptimizerBenchmark.Columns.generate(rows, groups, 42);
        labels = c.labels;
        groupLabels = c.groups;
        BenchmarkData d = BenchmarkData.generate(rows, groups, true, 7);
        weights = weighted ? d.weights : null;
    }

    /** Fit the table and reweigh every row. */
    @Benchmark
    public double[] fitAndWeigh() {
        return Reweighing.byGroupColumn().fit(labels, groupLabels, weights).weights(labels, groupLabels, weights);
    }
}
