package org.fairkit.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.preprocessing.CorrelationRemover;
import org.fairkit.mitigation.preprocessing.DisparateImpactRemover;
import org.fairkit.mitigation.preprocessing.FeatureTable;
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
 * The pre-processors that change features, fit on a table and applied to the same rows: the correlation remover
 * (one pass for the Gram sums, one to transform) and the disparate impact remover (per feature: sorts of the column
 * and of each group's values, then a binary search per row), on four features. {@code values}: {@code integer}
 * features (about 100 distinct values each, many ties, as ages and hours) or {@code continuous} ones (every value
 * distinct: the repair's worst case, a million buckets). Baseline: one {@code Arrays.sort} of one feature column.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FeaturePreprocessingBenchmark -p rows=1000000
 * -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeaturePreprocessingBenchmark {
    /** The number of feature columns. */
    static final int FEATURES = 4;

    @Param({"100000", "1000000"})
    int rows;

    @Param({"2", "8"})
    int groups;

    @Param({"integer", "continuous"})
    String values;

    FeatureTable table;
    double[] firstFeature;

    /** Builds a seeded table: features shifted by group, a group column. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        String[] g = new String[rows];
        int[] code = new int[rows];
        for (int i = 0; i < rows; i++) {
            code[i] = r.nextInt(groups);
            g[i] = "g" + code[i];
        }
        FeatureTable.Builder b = FeatureTable.builder();
        for (int j = 0; j < FEATURES; j++) {
            double[] x = new double[rows];
            for (int i = 0; i < rows; i++) {
                x[i] = values.equals("integer") ? r.nextInt(90) + 2 * code[i] : r.nextDouble() * 100 + code[i];
            }
            b.numeric("x" + j, x);
            if (j == 0) {
                firstFeature = x;
            }
        }
        table = b.sensitive("group", g).build();
    }

    /** Correlation remover, per-column centring, alpha 1: fit and transform every row. */
    @Benchmark
    public FeatureTable correlationRemover() {
        return CorrelationRemover.perColumnMean().groupBy("group").fit(table).transform(table);
    }

    /** Disparate impact remover, repair level 1: fit and transform every row. */
    @Benchmark
    public FeatureTable disparateImpactRemover() {
        return DisparateImpactRemover.repairLevel(1.0).groupBy("group").fit(table).transform(table);
    }

    /** Baseline: one primitive sort of one feature column. */
    @Benchmark
    public double[] sortOneColumn() {
        double[] c = firstFeature.clone();
        Arrays.sort(c);
        return c;
    }
}
