package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.Bootstrap;
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
 * Intervals on the cell-count path: a whole evaluation (five groups, reference g0, selection rate, TPR, FPR and
 * every named fairness metric) with 2000 bootstrap resamples (BCa or percentile) or 4000 Jeffreys posterior draws.
 * The resampling reads only the per-group confusion counts, so its cost should not grow with the row count; the
 * tally pass does.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IntervalBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntervalBenchmark {
    @Param({"10000", "1000000"})
    int rows;

    @Param({"bca", "percentile", "jeffreys"})
    String method;

    FairnessData data;
    IntervalEstimator estimator;

    /** Builds seeded data with five groups and the estimator. */
    @Setup
    public void setUp() {
        data = EvaluateBenchmark.data(rows);
        estimator = estimator(method);
    }

    static IntervalEstimator estimator(String method) {
        switch (method) {
            case "bca":
                return Bootstrap.bca(2000).seed(11);
            case "percentile":
                return Bootstrap.percentile(2000).seed(11);
            case "jeffreys":
                return Bayesian.jeffreys().draws(4000).seed(11);
            default:
                throw new IllegalArgumentException("unknown method " + method + "; expected bca, percentile or "
                        + "jeffreys");
        }
    }

    static FairnessReport evaluate(FairnessData data, IntervalEstimator estimator) {
        return Fairness.of(data).groupBy("group").reference("g0")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .intervals(estimator).evaluate();
    }

    /** One evaluation with intervals. */
    @Benchmark
    public FairnessReport evaluateWithIntervals() {
        return evaluate(data, estimator);
    }
}
