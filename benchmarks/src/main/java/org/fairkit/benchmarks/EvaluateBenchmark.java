package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Metrics;
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
 * The whole fluent {@code evaluate()}: tally of all rows, six metrics over five groups, aggregates, the named
 * fairness metrics against a reference group, and the report object. The data (and so its cached grouping and
 * SHA-256 fingerprint, computed on the first evaluation) is built once in setup, as an application that
 * evaluates the same data repeatedly would see.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EvaluateBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EvaluateBenchmark {
    static final String[] LEVELS = {"g0", "g1", "g2", "g3", "g4"};

    @Param({"10000000"})
    int rows;

    @Param({"1", "2"})
    int threads;

    FairnessData data;

    /** Builds seeded data with five groups. */
    @Setup
    public void setUp() {
        data = data(rows);
        evaluate(data, threads);
    }

    static FairnessData data(int rows) {
        BenchmarkData d = BenchmarkData.generate(rows, LEVELS.length, false, 7);
        int[] y = new int[rows];
        int[] p = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = d.labels[i];
            p[i] = d.predictions[i];
        }
        return FairnessData.builder().labels(y).predictions(p).sensitive("group", d.groups, LEVELS).build();
    }

    static FairnessReport evaluate(FairnessData data, int threads) {
        return Fairness.of(data).groupBy("group").reference("g0").threads(threads)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY, Metrics.F1_SCORE)
                .evaluate();
    }

    /** One evaluation. */
    @Benchmark
    public FairnessReport evaluate() {
        return evaluate(data, threads);
    }
}
