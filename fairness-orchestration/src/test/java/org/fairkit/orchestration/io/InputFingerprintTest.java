package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.WindowResult;
import org.fairkit.orchestration.monitor.Windowing;
import org.fairkit.orchestration.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one input fingerprint ({@link Fingerprint}): the same rows give the same {@code input_sha256} whatever door
 * they come through (in memory, a streamed CSV file, a monitor window), and a change of any one cell changes it.
 */
class InputFingerprintTest {
    private static final String[] LEVELS = {"A", "b", "Ä ö", "with,comma", "with \"quote\"", "multi\nline", "0", "x"};

    @TempDir
    Path dir;

    /** Random rows; {@code flags} bit 0: scores, bit 1: weights. */
    private static Rows rows(long seed, int n, int flags) {
        SplittableRandom r = new SplittableRandom(seed);
        Rows d = new Rows(n, (flags & 1) != 0, (flags & 2) != 0);
        for (int i = 0; i < n; i++) {
            d.y[i] = r.nextInt(2);
            d.p[i] = r.nextInt(2);
            d.s[i] = r.nextInt(4) == 0 ? r.nextInt(2) : r.nextDouble();
            d.w[i] = r.nextBoolean() ? r.nextInt(5) : r.nextDouble() * 1e6;
            d.a[i] = LEVELS[r.nextInt(LEVELS.length)];
            d.b[i] = LEVELS[r.nextInt(3)];
        }
        return d;
    }

    /** Mutable columns, to change one cell. */
    private static final class Rows {
        final int[] y;
        final int[] p;
        final double[] s;
        final double[] w;
        final String[] a;
        final String[] b;
        final boolean scores;
        final boolean weights;

        Rows(int n, boolean scores, boolean weights) {
            y = new int[n];
            p = new int[n];
            s = new double[n];
            w = new double[n];
            a = new String[n];
            b = new String[n];
            this.scores = scores;
            this.weights = weights;
        }

        Rows copy() {
            Rows c = new Rows(y.length, scores, weights);
            System.arraycopy(y, 0, c.y, 0, y.length);
            System.arraycopy(p, 0, c.p, 0, y.length);
            System.arraycopy(s, 0, c.s, 0, y.length);
            System.arraycopy(w, 0, c.w, 0, y.length);
            System.arraycopy(a, 0, c.a, 0, y.length);
            System.arraycopy(b, 0, c.b, 0, y.length);
            return c;
        }

        /** Changes the cell chosen by {@code pick} to another valid value. */
        Rows withOneCellChanged(int pick) {
            Rows c = copy();
            List<Runnable> cells = new ArrayList<>();
            int n = y.length;
            int i = pick % n;
            cells.add(() -> c.y[i] = 1 - c.y[i]);
            cells.add(() -> c.p[i] = 1 - c.p[i]);
            if (scores) {
                cells.add(() -> c.s[i] = c.s[i] > 0.5 ? Math.nextDown(c.s[i]) : Math.nextUp(c.s[i]));
            }
            if (weights) {
                cells.add(() -> c.w[i] = c.w[i] + 1);
            }
            cells.add(() -> c.a[i] = c.a[i].equals("A") ? "B" : "A");
            // a trailing space would be trimmed in a CSV file: this one differs in memory only
            cells.add(() -> c.b[i] = c.b[i] + " ");
            cells.get((pick / n) % cells.size()).run();
            return c;
        }

        FairnessData data() {
            FairnessData.Builder d = FairnessData.builder().labels(y).predictions(p).sensitive("a", a)
                    .sensitive("b", b);
            if (scores) {
                d.scores(s);
            }
            if (weights) {
                d.weights(w);
            }
            return d.build();
        }

        CsvColumns columns() {
            CsvColumns.Builder c = CsvColumns.builder().id("id").label("y").prediction("p").sensitive("a", "b");
            if (scores) {
                c.score("score");
            }
            if (weights) {
                c.weight("w");
            }
            return c.build();
        }

        /** Writes the rows as RFC 4180 CSV, the columns in another order than the fingerprint's. */
        Path write(Path file) {
            StringBuilder out = new StringBuilder("b,id,a,").append(weights ? "w," : "").append(scores ? "score," : "")
                    .append("p,y\r\n");
            for (int i = 0; i < y.length; i++) {
                out.append(quote(b[i])).append(",r").append(i).append(',').append(quote(a[i])).append(',');
                if (weights) {
                    out.append(w[i]).append(',');
                }
                if (scores) {
                    out.append(s[i]).append(',');
                }
                out.append(p[i]).append(',').append(y[i]).append("\r\n");
            }
            try {
                return Files.writeString(file, out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String quote(String cell) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
    }

    @Test
    void sameRowsSameFingerprintThroughMemoryAndCsvAndAnyCellChangesIt() {
        qt().withFixedSeed(12).withExamples(200)
                .forAll(longs().all(), integers().between(1, 40), integers().between(0, 3),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert((seed, n, flags, pick) -> {
                    Rows rows = rows(seed, n, flags);
                    FairnessData data = rows.data();
                    Path file = rows.write(dir.resolve("rows.csv"));
                    CsvSource source = CsvSource.of(file, rows.columns());
                    try {
                        StreamedInput in = source.stream(List.of(List.of("a")), 0);
                        assertThat(in.sha256()).isEqualTo(data.fingerprint());
                        assertThat(source.load().fingerprint()).isEqualTo(data.fingerprint());
                        assertThat(in.fileSha256()).isEqualTo(Fingerprint.sha256(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertThat(rows.withOneCellChanged(pick).data().fingerprint()).isNotEqualTo(data.fingerprint());
                });
    }

    @Test
    void aChangedCellInTheFileChangesTheStreamedFingerprint() throws IOException {
        Rows rows = rows(4, 30, 3);
        String before = CsvSource.of(rows.write(dir.resolve("a.csv")), rows.columns())
                .stream(List.of(List.of("a")), 0).sha256();
        Rows changed = rows.copy();
        changed.y[17] = 1 - changed.y[17];
        String after = CsvSource.of(changed.write(dir.resolve("b.csv")), rows.columns())
                .stream(List.of(List.of("a")), 0).sha256();
        assertThat(after).isNotEqualTo(before).isEqualTo(changed.data().fingerprint());
    }

    @Test
    void theFingerprintHashesValuesNotTheirSpelling() throws IOException {
        Path one = Files.writeString(dir.resolve("one.csv"), "y,p,g\n1,0,x\n0,0,y\n");
        Path two = Files.writeString(dir.resolve("two.csv"), "g,y,p\n\"x\",yes,no\ny,no,no\n");
        StreamedInput a = CsvSource.of(one, CsvColumns.builder().label("y").prediction("p").sensitive("g").build())
                .stream(List.of(List.of("g")), 0);
        BinaryValues yesNo = BinaryValues.of("yes", "no");
        StreamedInput b = CsvSource.of(two, CsvColumns.builder().label("y").labelValues(yesNo).prediction("p")
                .predictionValues(yesNo).sensitive("g").build()).stream(List.of(List.of("g")), 0);
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(a.fileSha256()).isNotEqualTo(b.fileSha256());
    }

    @Test
    void aMonitorWindowHasTheFingerprintOfItsRowsEvaluatedColumns() {
        List<FairnessData> batches = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            batches.add(TestData.random(40 + k, 50, true));
        }
        Monitor m = Monitor.builder().groupBy("a").windowing(Windowing.slidingBatches(3, 1)).build();
        List<WindowResult> windows = new ArrayList<>();
        batches.forEach(b -> windows.addAll(m.accept(b)));
        assertThat(windows).hasSize(3);
        for (int w = 0; w < 3; w++) {
            FairnessData rows = TestData.concat(batches.subList(w, w + 3));
            // the monitor evaluates label, prediction, weight and its grouping "a" (no score bins: no score)
            String expected = evaluatedColumns(rows).fingerprint();
            assertThat(windows.get(w).report().provenance().inputSha256()).as("window " + w).isEqualTo(expected);
            assertThat(windows.get(w).report().provenance().inputFileSha256()).isEmpty();
        }
    }

    @Test
    void timeWindowsWithGapsHashExactlyTheirBatchesRows() {
        int[] days = {0, 1, 1, 5, 6, 9, 10};
        List<FairnessData> batches = new ArrayList<>();
        Monitor m = Monitor.builder().groupBy("a")
                .windowing(Windowing.slidingTime(java.time.Duration.ofDays(3), java.time.Duration.ofDays(1))).build();
        List<WindowResult> windows = new ArrayList<>();
        for (int k = 0; k < days.length; k++) {
            batches.add(TestData.random(60 + k, 20, true));
            windows.addAll(m.accept(batches.get(k), java.time.Instant.EPOCH.plus(java.time.Duration.ofDays(days[k]))));
        }
        windows.addAll(m.flush());
        assertThat(windows).hasSizeGreaterThan(4);
        for (WindowResult w : windows) {
            FairnessData rows = TestData.concat(batches.subList((int) w.firstBatch(), (int) w.lastBatch() + 1));
            assertThat(w.report().provenance().inputSha256()).as("window " + w.index())
                    .isEqualTo(evaluatedColumns(rows).fingerprint());
        }
    }

    /** The columns a monitor grouped by {@code a} without score bins evaluates: label, prediction, weight, a. */
    private static FairnessData evaluatedColumns(FairnessData rows) {
        int[] y = new int[rows.rows()];
        int[] p = new int[rows.rows()];
        double[] wt = new double[rows.rows()];
        for (int i = 0; i < rows.rows(); i++) {
            y[i] = rows.label(i);
            p[i] = rows.prediction(i);
            wt[i] = rows.weight(i);
        }
        return FairnessData.builder().labels(y).predictions(p).weights(wt).sensitive("a", levels(rows, "a")).build();
    }

    private static String[] levels(FairnessData d, String feature) {
        String[] out = new String[d.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.sensitive(feature).level(i);
        }
        return out;
    }

    @Test
    void theDefinitionIsPinned() {
        // SHA-256 of: "fairkit.rows/1" framed, 3 columns (B label, B prediction, S g), then the rows
        // (1, 0, "x") and (0, 0, "y"); see Fingerprint's class comment.
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0}).predictions(new int[] {0, 0})
                .sensitive("g", new String[] {"x", "y"}).build();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256);
        frame(b, "fairkit.rows/1");
        b.putInt(3);
        b.put((byte) 'B');
        frame(b, "label");
        b.put((byte) 'B');
        frame(b, "prediction");
        b.put((byte) 'S');
        frame(b, "g");
        b.put((byte) 1).put((byte) 0);
        frame(b, "x");
        b.put((byte) 0).put((byte) 0);
        frame(b, "y");
        assertThat(d.fingerprint()).isEqualTo(Fingerprint.sha256(b.array(), 0, b.position()))
                .isEqualTo("d88d1ea3ab6adaf9550bdd6a51575d3862ba23c97f981cb7c3b4bd9d7d76f544");
    }

    @Test
    void regressionDataUsesTheSameFraming() {
        RegressionData d = RegressionData.builder().targets(new double[] {1.5, -0.0})
                .predictions(new double[] {2, 0}).sensitive("g", new String[] {"x", "y"}).build();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256);
        frame(b, "fairkit.rows/1");
        b.putInt(3);
        b.put((byte) 'R');
        frame(b, "target");
        b.put((byte) 'R');
        frame(b, "prediction");
        b.put((byte) 'S');
        frame(b, "g");
        b.putDouble(1.5).putDouble(2);
        frame(b, "x");
        b.putDouble(0.0).putDouble(0);   // -0.0 is hashed as +0.0
        frame(b, "y");
        assertThat(d.fingerprint()).isEqualTo(Fingerprint.sha256(b.array(), 0, b.position()));
    }

    private static void frame(java.nio.ByteBuffer b, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(utf8.length).put(utf8);
    }
}
