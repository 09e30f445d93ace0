package org.fairkit.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.internal.ScoreInput;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.internal.SortedScores;
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
 * The score kernel: exact ROC AUC of every group, from the raw columns (the radix sort by group and score
 * included), against the plain Java way of sorting each group's boxed row indices with a comparator.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoreMetricsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 * {@code scores=continuous} draws distinct doubles, {@code scores=deciles} ten values (every row in a tie block).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoreMetricsBenchmark {
    @Param({"1000000"})
    int rows;

    @Param({"2", "8"})
    int groups;

    @Param({"false", "true"})
    boolean weighted;

    @Param({"continuous", "deciles"})
    String scores;

    ScoreInput input;
    double[] scoreColumn;
    BenchmarkData data;

    /** Builds seeded columns; scores depend on the label, so the AUC is about 0.92. */
    @Setup
    public void setUp() {
        data = BenchmarkData.generate(rows, groups, weighted, 42);
        scoreColumn = scores(data, scores.equals("deciles"), 7);
        input = ScoreInput.of(scoreColumn, data.labels, data.groups, data.weights, groups);
    }

    static double[] scores(BenchmarkData d, boolean deciles, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[d.labels.length];
        for (int i = 0; i < s.length; i++) {
            double x = (r.nextDouble() + 0.6 * d.labels[i]) / 1.6;
            s[i] = deciles ? Math.rint(x * 10) / 10 : x;
        }
        return s;
    }

    /** ROC AUC of every group through the score kernel. */
    @Benchmark
    public double[] aucPerGroup() {
        return aucPerGroup(input, groups);
    }

    static double[] aucPerGroup(ScoreInput in, int groups) {
        SortedScores sorted = ScoreKernel.sort(in);
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = ScoreMetrics.ROC_AUC.compute(sorted.group(g)).value();
        }
        return out;
    }

    /** The target's yardstick: one {@code Arrays.sort} of (a copy of) the scores, nothing else. */
    @Benchmark
    public double[] sortScoresBaseline() {
        double[] copy = scoreColumn.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The baseline: per group, boxed row indices sorted by a comparator, then the same tie-block walk. */
    @Benchmark
    public double[] boxedComparatorSortBaseline() {
        return boxedComparatorSort(data, scoreColumn, groups);
    }

    static double[] boxedComparatorSort(BenchmarkData d, double[] s, int groups) {
        int[] sizes = new int[groups];
        for (int g : d.groups) {
            sizes[g]++;
        }
        Integer[][] rowsOf = new Integer[groups][];
        int[] fill = new int[groups];
        for (int g = 0; g < groups; g++) {
            rowsOf[g] = new Integer[sizes[g]];
        }
        for (int i = 0; i < d.groups.length; i++) {
            rowsOf[d.groups[i]][fill[d.groups[i]]++] = i;
        }
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            Integer[] idx = rowsOf[g];
            Arrays.sort(idx, (a, b) -> Double.compare(s[b], s[a]));
            double u = 0;
            double positives = 0;
            double negatives = 0;
            int i = 0;
            while (i < idx.length) {
                double p = 0;
                double n = 0;
                int j = i;
                for (; j < idx.length && s[idx[j]] == s[idx[i]]; j++) {
                    double w = d.weights == null ? 1.0 : d.weights[idx[j]];
                    if (d.labels[idx[j]] == 1) {
                        p += w;
                    } else {
                        n += w;
                    }
                }
                u += n * (positives + p / 2);
                positives += p;
                negatives += n;
                i = j;
            }
            out[g] = u / (positives * negatives);
        }
        return out;
    }
}
