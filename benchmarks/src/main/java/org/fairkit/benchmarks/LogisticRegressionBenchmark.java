package org.fairkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.LogisticRegression;
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
 * The built-in learner of the reductions, {@code LogisticRegression.l2(1.0)} solved to the exact optimum (Newton,
 * EJML Cholesky), on seeded Gaussian features with logistic labels, weighted (weights 1..3) as the oracle calls are.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogisticRegressionBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LogisticRegressionBenchmark {
    @Param({"100000", "1000000"})
    int rows;

    @Param({"10"})
    int features;

    FeatureMatrix x;
    int[] y;
    double[] w;

    /** Builds seeded columns. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        double[][] cols = new double[features][rows];
        y = new int[rows];
        w = new double[rows];
        for (int i = 0; i < rows; i++) {
            double f = -0.5;
            for (int j = 0; j < features; j++) {
                cols[j][i] = r.nextGaussian();
                f += (j % 3 - 1) * 0.4 * cols[j][i];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-f)) ? 1 : 0;
            w[i] = 1 + r.nextInt(3);
        }
        x = FeatureMatrix.ofColumns(cols);
    }

    /** @return the fitted model */
    @Benchmark
    public LogisticRegression.Model fit() {
        return LogisticRegression.l2(1.0).fit(x, y, w);
    }
}
