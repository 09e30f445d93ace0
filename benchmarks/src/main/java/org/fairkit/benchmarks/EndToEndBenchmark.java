package org.fairkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
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
 * From arrays to report, as a new user writes it: a new {@link FairnessData} from {@code int[]} labels and
 * predictions and a {@code String[]} group column of five levels (built, validated and encoded every operation),
 * then one single-threaded evaluation of six metrics over five groups against a reference. The input fingerprint
 * ({@code input_sha256}) is deferred until the provenance is read, so it is not in this figure;
 * {@link #arraysToReportWithFingerprint} reads it too.
 *
 * <p>Run on one core: {@code taskset -c 0 java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 5 -i 5
 * -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class EndToEndBenchmark {
    @Param({"10000000"})
    int rows;

    int[] labels;
    int[] predictions;
    String[] groups;

    /** Seeded columns: labels, predictions and one of five group names per row (the same five instances). */
    @Setup
    public void setUp() {
        BenchmarkData d = BenchmarkData.generate(rows, EvaluateBenchmark.LEVELS.length, false, 7);
        labels = new int[rows];
        predictions = new int[rows];
        groups = new String[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = d.labels[i];
            predictions[i] = d.predictions[i];
            groups[i] = EvaluateBenchmark.LEVELS[d.groups[i]];
        }
    }

    static FairnessReport report(int[] labels, int[] predictions, String[] groups) {
        FairnessData data = FairnessData.builder().labels(labels).predictions(predictions)
                .sensitive("group", groups).build();
        return EvaluateBenchmark.evaluate(data, 1);
    }

    /** Build the data and evaluate it on one thread. */
    @Benchmark
    public FairnessReport arraysToReport() {
        return report(labels, predictions, groups);
    }

    /** The same, then read the input fingerprint (a SHA-256 over every row). */
    @Benchmark
    public String arraysToReportWithFingerprint() {
        return report(labels, predictions, groups).provenance().inputSha256();
    }
}
