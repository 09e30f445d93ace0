package org.fairkit.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
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
 * The threshold optimizer's fit (exact hulls and sweep, or the simplex for a positive tolerance) against the sort
 * of the same scores, its {@code O(n log n)} floor.
 *
 * <p>Scores are continuous (nearly all distinct: the largest threshold curves), labels depend on the score and
 * the group, groups are given as a {@code String[]} column (their interning is part of the fit).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ThresholdOptimizerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThresholdOptimizerBenchmark {
    @Param({"100000", "1000000"})
    int rows;

    @Param({"2", "8"})
    int groups;

    @Param({"DEMOGRAPHIC_PARITY", "EQUALIZED_ODDS"})
    Constraint constraint;

    @Param({"0.0", "0.02"})
    double tolerance;

    double[] scores;
    int[] labels;
    String[] groupLabels;
    ThresholdOptimizer optimizer;

    /** Builds seeded columns. */
    @Setup
    public void setUp() {
        Columns c = Columns.generate(rows, groups, 42);
        scores = c.scores;
        labels = c.labels;
        groupLabels = c.groups;
        optimizer = ThresholdOptimizer.constraint(constraint).tolerance(tolerance).seed(1);
    }

    /** One fit on all rows. */
    @Benchmark
    public ThresholdOptimizer.Fitted fit() {
        return optimizer.fit(scores, labels, groupLabels);
    }

    /** The floor: sorting a copy of the scores once. */
    @Benchmark
    public double[] sortScores() {
        double[] copy = scores.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Seeded columns: scores, labels and group labels. */
    static final class Columns {
        final double[] scores;
        final int[] labels;
        final String[] groups;

        private Columns(double[] scores, int[] labels, String[] groups) {
            this.scores = scores;
            this.labels = labels;
            this.groups = groups;
        }

        /** The same columns for the same arguments: group g has base rate 0.2 + 0.4 g / groups. */
        static Columns generate(int rows, int groupCount, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            String[] names = new String[groupCount];
            for (int g = 0; g < groupCount; g++) {
                names[g] = "g" + g;
            }
            double[] s = new double[rows];
            int[] y = new int[rows];
            String[] grp = new String[rows];
            for (int i = 0; i < rows; i++) {
                int g = r.nextInt(groupCount);
                grp[i] = names[g];
                y[i] = r.nextDouble() < 0.2 + 0.4 * g / groupCount ? 1 : 0;
                double logit = 1.5 * (y[i] - 0.5) + 0.3 * g / groupCount + r.nextGaussian();
                s[i] = 1 / (1 + Math.exp(-logit));
            }
            return new Columns(s, y, grp);
        }
    }
}
