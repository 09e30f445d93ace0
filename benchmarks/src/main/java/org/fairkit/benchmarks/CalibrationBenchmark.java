package org.fairkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.calibration.Binning;
import org.fairkit.mitigation.calibration.Calibration;
import org.fairkit.mitigation.calibration.CalibrationMetrics;
import org.fairkit.mitigation.calibration.CalibrationReport;
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
 * Calibration kernels: isotonic fit (radix sort + pool-adjacent-violators), globally and per group; Platt fit
 * (Newton on the logit); calibration metrics (Brier, log loss, ECE/MCE and reliability bins) per group with
 * equal-width and equal-mass bins. Scores are continuous, so isotonic regression sees about {@code rows} distinct
 * scores.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CalibrationBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalibrationBenchmark {
    @Param({"100000", "1000000"})
    int rows;

    @Param({"2", "16"})
    int groups;

    double[] scores;
    int[] labels;
    String[] groupNames;

    /** Seeded scores, labels from a logistic model with a per-group offset, and group names. */
    @Setup
    public void setUp() {
        Data d = data(rows, groups, 42);
        scores = d.scores;
        labels = d.labels;
        groupNames = d.groups;
    }

    /** The benchmark's columns. */
    static final class Data {
        final double[] scores;
        final int[] labels;
        final String[] groups;

        Data(double[] scores, int[] labels, String[] groups) {
            this.scores = scores;
            this.labels = labels;
            this.groups = groups;
        }
    }

    static Data data(int rows, int groups, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[rows];
        int[] y = new int[rows];
        String[] g = new String[rows];
        String[] names = new String[groups];
        for (int k = 0; k < groups; k++) {
            names[k] = "g" + k;
        }
        for (int i = 0; i < rows; i++) {
            int k = r.nextInt(groups);
            double z = 1.5 * r.nextGaussian();
            s[i] = 1 / (1 + Math.exp(-z));
            double p = 1 / (1 + Math.exp(-(0.8 * z + 0.3 * (k % 3 - 1))));
            y[i] = r.nextDouble() < p ? 1 : 0;
            g[i] = names[k];
        }
        return new Data(s, y, g);
    }

    /** Isotonic regression on all rows. */
    @Benchmark
    public Calibration.Fitted isotonicFit() {
        return Calibration.isotonic().fit(scores, labels);
    }

    /** Isotonic regression per group, plus the all-rows fit for the fallback. */
    @Benchmark
    public Calibration.Fitted isotonicFitPerGroup() {
        return Calibration.isotonic().fit(scores, labels, groupNames);
    }

    /** Platt scaling with smoothed targets on all rows. */
    @Benchmark
    public Calibration.Fitted plattFit() {
        return Calibration.platt().fit(scores, labels);
    }

    /** Brier, log loss, ECE, MCE and 10 equal-width bins, overall and per group, with disparities. */
    @Benchmark
    public CalibrationReport metricsEqualWidth() {
        return CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH).evaluate(scores, labels, groupNames);
    }

    /** The same with 10 equal-mass bins (a sort per group for the quantile edges). */
    @Benchmark
    public CalibrationReport metricsEqualMass() {
        return CalibrationMetrics.bins(10, Binning.EQUAL_MASS).evaluate(scores, labels, groupNames);
    }
}
