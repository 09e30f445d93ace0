package org.fairkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.individual.Consistency;
import org.fairkit.core.individual.ConsistencyResult;
import org.fairkit.core.individual.FeatureMatrix;
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
 * The exact k-NN kernel of {@link Consistency}: brute force over every pair of rows, {@code O(n² d)}, with a bounded
 * heap of k per row, on 1 or 2 threads. Rows 1,000 / 6,172 (COMPAS) / 20,000 × features 4 / 16, k = 5; the time
 * grows with the square of the rows.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ConsistencyBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s}.
 * Pairs per second is {@code rows² / (ms/op) * 1000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class ConsistencyBenchmark {
    @Param({"1000", "6172", "20000"})
    int rows;

    @Param({"4", "16"})
    int features;

    @Param({"1", "2"})
    int threads;

    FeatureMatrix x;
    int[] outcomes;
    Consistency consistency;

    /** Seeded continuous features (no ties) and 0/1 outcomes that depend on the first feature. */
    @Setup
    public void setUp() {
        Data d = data(rows, features, 42);
        x = d.x();
        outcomes = d.outcomes();
        consistency = Consistency.neighbours(5).threads(threads);
    }

    /** One consistency evaluation. */
    @Benchmark
    public ConsistencyResult consistency() {
        return consistency.evaluate(x, outcomes);
    }

    /**
     * Benchmark input.
     *
     * @param x the features
     * @param outcomes 0/1 outcomes
     */
    record Data(FeatureMatrix x, int[] outcomes) {
    }

    static Data data(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[features][rows];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
            for (int i = 0; i < rows; i++) {
                columns[j][i] = random.nextDouble();
            }
        }
        int[] outcomes = new int[rows];
        for (int i = 0; i < rows; i++) {
            outcomes[i] = random.nextDouble() < columns[0][i] ? 1 : 0;
        }
        return new Data(FeatureMatrix.ofColumns(names, columns), outcomes);
    }
}
