package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.support.TestData;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed CSV gives the same report as the same rows evaluated in memory, and streaming holds counts, not rows.
 */
class CsvStreamingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void streamedReportEqualsInMemoryReportForRandomDataAndGroupings() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 400), booleans().all())
                .checkAssert((seed, rows, weighted) -> {
                    FairnessData data = TestData.random(seed, rows, weighted);
                    Path file = TestData.writeCsv(data, dir.resolve("random.csv"));
                    CsvSource src = CsvSource.of(file, TestData.columns(weighted));
                    StreamedInput in = stream(src, List.of(List.of("a"), List.of("a", "b")));
                    for (List<String> by : List.of(List.of("a"), List.of("a", "b"))) {
                        Fairness f = Fairness.of(data).groupBy(by.toArray(new String[0]))
                                .metrics(Metrics.values()).minGroupSize(3).clock(CLOCK);
                        FairnessReport memory = f.evaluate();
                        FairnessReport streamed = in.report(f.spec(), CLOCK);
                        assertThat(TestData.withoutProvenance(streamed)).as("seed %d, %s", seed, by)
                                .isEqualTo(TestData.withoutProvenance(memory));
                        assertThat(streamed.provenance().rows()).isEqualTo((long) rows);
                    }
                });
    }

    @Test
    void streamedReportWithReferenceGroupEqualsInMemoryReport() throws IOException {
        FairnessData data = TestData.random(7, 2000, true);
        Path file = TestData.writeCsv(data, dir.resolve("ref.csv"));
        StreamedInput in = CsvSource.of(file, TestData.columns(true)).stream(List.of(List.of("a")), 0);
        String ref = data.sensitive("a").levels().get(0);
        Fairness f = Fairness.of(data).groupBy("a").reference(ref).clock(CLOCK);
        assertThat(TestData.withoutProvenance(in.report(f.spec(), CLOCK)))
                .isEqualTo(TestData.withoutProvenance(f.evaluate()));
    }

    @Test
    void loadedDataIsTheDataThatWasWritten() throws IOException {
        FairnessData data = TestData.random(11, 500, true);
        Path file = TestData.writeCsv(data, dir.resolve("load.csv"));
        FairnessData loaded = CsvSource.of(file, TestData.columns(true)).load();
        assertThat(loaded.fingerprint()).isEqualTo(data.fingerprint());
    }

    @Test
    void provenanceOfAStreamedReportCarriesTheFingerprintTheFileSha256AndTheSpec() throws Exception {
        FairnessData data = TestData.random(3, 100, false);
        Path file = TestData.writeCsv(data, dir.resolve("sha.csv"));
        StreamedInput in = CsvSource.of(file, TestData.columns(false)).stream(List.of(List.of("b")), 0);
        String fileSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(in.fileSha256()).isEqualTo(fileSha);
        assertThat(in.sha256()).isEqualTo(data.fingerprint());
        FairnessReport r = in.report(Fairness.of(data).groupBy("b").spec(), CLOCK);
        assertThat(r.provenance().inputSha256()).isEqualTo(data.fingerprint());
        assertThat(r.provenance().inputFileSha256()).contains(fileSha);
        assertThat(ReportJson.toTree(r).get("provenance").get("input_file_sha256").asText()).isEqualTo(fileSha);
        assertThat(r.provenance().evaluatedAt()).isEqualTo(CLOCK.instant());
        assertThat(r.provenance().configuration()).containsEntry("input", "streamed CSV sha.csv")
                .containsEntry("groupBy", "b").containsEntry("weighted", "false");
    }

    /**
     * Streaming 300,000 rows retains the per-group counts only: the heap in use after a full collection grows by far
     * less than the same rows loaded in memory retain. The loaded case runs too, to show the measurement can see
     * retained rows (about 4 bytes per row per feature and 10 per row for labels, predictions and scores).
     */
    @Test
    void streamingThreeHundredThousandRowsRetainsCountsNotRows() throws IOException {
        Path file = dir.resolve("big.csv");
        writeSeededCsv(file, 300_000, 42);
        CsvSource src = CsvSource.of(file, CsvColumns.builder().label("y").prediction("p").score("score")
                .sensitive("a", "b").build());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = usedAfterGc(memory);
        StreamedInput in = src.stream(List.of(List.of("a"), List.of("a", "b")), 10);
        long streamedRetained = usedAfterGc(memory) - before;
        assertThat(in.rows()).isEqualTo(300_000);
        assertThat(in.tally(List.of("a", "b")).groupLevels()).hasSize(12);

        long before2 = usedAfterGc(memory);
        FairnessData loaded = src.load();
        long loadedRetained = usedAfterGc(memory) - before2;
        assertThat(loaded.rows()).isEqualTo(300_000);

        assertThat(streamedRetained).as("bytes retained by streaming").isLessThan(1_000_000L);
        assertThat(loadedRetained).as("bytes retained by loading").isGreaterThan(3_000_000L);
        // Same numbers both ways.
        Fairness f = Fairness.of(loaded).groupBy("a", "b").clock(CLOCK);
        assertThat(TestData.withoutProvenance(in.report(f.spec(), CLOCK)))
                .isEqualTo(TestData.withoutProvenance(f.evaluate()));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void writeSeededCsv(Path file, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("y,p,score,a,b\n");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                b.setLength(0);
                int a = r.nextInt(4);
                double s = Math.floor(r.nextDouble() * 1000) / 1000;
                b.append(r.nextInt(2)).append(',').append(s >= 0.5 ? 1 : 0).append(',').append(s).append(",A")
                        .append(a).append(",b").append(r.nextInt(3)).append('\n');
                out.write(b.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void compasPredictionsStreamedEqualInMemoryWeightedAndIntersectional() throws IOException {
        Path file = SharedFiles.dataFile("compas-predictions.csv");
        CsvColumns columns = CsvColumns.builder().id("id").label("y_true").prediction("y_pred").score("score")
                .weight("weight").sensitive("race", "sex").build();
        CsvSource src = CsvSource.of(file, columns);
        StreamedInput in = src.stream(List.of(List.of("race"), List.of("race", "sex")), 10);
        FairnessData data = src.load();
        assertThat(in.rows()).isEqualTo(data.rows()).isEqualTo(6172);
        for (Fairness f : List.of(
                Fairness.of(data).groupBy("race").reference("Caucasian").metrics(Metrics.values()).clock(CLOCK),
                Fairness.of(data).groupBy("race", "sex").minGroupSize(30).clock(CLOCK))) {
            EvaluationSpec spec = f.spec();
            assertThat(TestData.withoutProvenance(in.report(spec, CLOCK)))
                    .isEqualTo(TestData.withoutProvenance(f.evaluate()));
        }
    }

    private static StreamedInput stream(CsvSource src, List<List<String>> groupings) {
        try {
            return src.stream(groupings, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
