package org.fairkit.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
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
 * The two-group post-processors of fairness-mitigation on the same seeded columns as
 * {@link ThresholdOptimizerBenchmark} (continuous scores, 2 groups, group "g1" privileged): calibrated equalized odds
 * (fit, and the seeded randomized predictions), reject option classification (fit by the exact search and by
 * AIF360's 100 x 50 grid, and its predictions), against one {@code Arrays.sort} of the scores.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PostprocessingBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PostprocessingBenchmark {
    @Param({"1000000"})
    int rows;

    double[] scores;
    int[] labels;
    String[] groups;
    CalibratedEqualizedOdds ceo;
    CalibratedEqualizedOdds.Fitted ceoFitted;
    RejectOptionClassification exact;
    RejectOptionClassification grid;
    RejectOptionClassification.Fitted rocFitted;

    /** Builds seeded columns and the fitted models that the predict benchmarks apply. */
    @Setup
    public void setUp() {
        ThresholdOptimizerBenchmark.Columns c = ThresholdOptimizerBenchmark.Columns.generate(rows, 2, 42);
        scores = c.scores;
        labels = c.labels;
        groups = c.groups;
        ceo = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE).privileged("g1").seed(1);
        exact = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY).bound(0.05).privileged("g1");
        grid = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY).bound(0.05).privileged("g1")
                .grid(Grid.aif360());
        ceoFitted = calibratedEoFit();
        rocFitted = rejectOptionExactFit();
    }

    /** Calibrated equalized odds: one fit. */
    @Benchmark
    public CalibratedEqualizedOdds.Fitted calibratedEoFit() {
        return ceo.fit(scores, labels, groups);
    }

    /** Calibrated equalized odds: the seeded randomized decisions of every row. */
    @Benchmark
    public int[] calibratedEoPredict() {
        return ceoFitted.predict(scores, groups);
    }

    /** Reject option classification: one fit by the exact search. */
    @Benchmark
    public RejectOptionClassification.Fitted rejectOptionExactFit() {
        return exact.fit(scores, labels, groups);
    }

    /** Reject option classification: one fit on AIF360's grid. */
    @Benchmark
    public RejectOptionClassification.Fitted rejectOptionGridFit() {
        return grid.fit(scores, labels, groups);
    }

    /** Reject option classification: the decisions of every row. */
    @Benchmark
    public int[] rejectOptionPredict() {
        return rocFitted.predict(scores, groups);
    }

    /** The floor: sorting a copy of the scores once. */
    @Benchmark
    public double[] sortScores() {
        double[] copy = scores.clone();
        Arrays.sort(copy);
        return copy;
    }
}
