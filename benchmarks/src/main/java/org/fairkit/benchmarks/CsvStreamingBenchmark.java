package org.fairkit.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A predictions CSV to a report: streamed into per-group counts ({@code CsvSource.stream}, constant memory) against
 * loaded into {@code FairnessData} and evaluated. Both parse every cell with Jackson's CSV parser and give the same
 * report; the difference is the columns the load materialises and validates again.
 *
 * <p>The file ({@code id,y,p,score,w,race,sex}, five races x two sexes, integer weights) is generated once per trial
 * from a fixed seed into a temporary directory and deleted afterwards.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvStreamingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CsvStreamingBenchmark {
    static final String[] RACES = {"r0", "r1", "r2", "r3", "r4"};
    static final CsvColumns COLUMNS = CsvColumns.builder().id("id").label("y").prediction("p").score("score")
            .weight("w").sensitive("race", "sex").build();
    static final Clock CLOCK = Clock.systemUTC();

    @Param({"100000", "1000000"})
    int rows;

    Path dir;
    CsvSource source;
    EvaluationSpec spec;

    /** Writes the seeded file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fairkit-csv-bench");
        source = CsvSource.of(write(dir.resolve("predictions.csv"), rows, 7), COLUMNS);
        spec = Fairness.of(source.load()).groupBy("race", "sex").spec();
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(source.file());
        Files.deleteIfExists(dir);
    }

    static Path write(Path file, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,y,p,score,w,race,sex\n");
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                int race = r.nextInt(RACES.length);
                double score = Math.floor(r.nextDouble() * 1000) / 1000;
                b.setLength(0);
                b.append(i).append(',').append(r.nextInt(2)).append(',').append(score >= 0.5 ? 1 : 0).append(',')
                        .append(score).append(',').append(1 + r.nextInt(3)).append(',').append(RACES[race])
                        .append(',').append(r.nextBoolean() ? "F" : "M").append('\n');
                out.write(b.toString());
            }
        }
        return file;
    }

    static FairnessReport streamed(CsvSource source, EvaluationSpec spec) throws IOException {
        return source.stream(List.of(spec.groupBy()), 0).report(spec, CLOCK);
    }

    static FairnessReport loaded(CsvSource source) throws IOException {
        FairnessData data = source.load();
        return Fairness.of(data).groupBy("race", "sex").clock(CLOCK).evaluate();
    }

    /** One streaming pass into per-group counts, then the report. */
    @Benchmark
    public FairnessReport stream() throws IOException {
        return streamed(source, spec);
    }

    /** Load into {@code FairnessData}, then evaluate. */
    @Benchmark
    public FairnessReport loadAndEvaluate() throws IOException {
        return loaded(source);
    }
}
