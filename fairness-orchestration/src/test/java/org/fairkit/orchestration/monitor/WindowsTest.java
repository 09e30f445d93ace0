package org.fairkit.orchestration.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.io.GroupTally;
import org.fairkit.orchestration.support.TestData;
import org.junit.jupiter.api.Test;

/** Windows merged from panes equal one pass over their batches; time panes, gaps, late batches and flushing. */
class WindowsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static List<FairnessData> batches(long seed, int count, boolean weighted) {
        Random r = new Random(seed);
        List<FairnessData> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TestData.random(r.nextLong(), 1 + r.nextInt(60), weighted));
        }
        return out;
    }

    private static Monitor monitor(Windowing w) {
        return Monitor.builder().groupBy("a", "b").metrics(Metrics.values()).windowing(w).clock(CLOCK).build();
    }

    /** The in-memory report of the window's batches must equal the window's report built from merged panes. */
    private static void assertWindowEqualsOnePass(WindowResult w, List<FairnessData> all) {
        FairnessData rows = TestData.concat(all.subList((int) w.firstBatch(), (int) w.lastBatch() + 1));
        assertThat(w.rows()).isEqualTo(rows.rows());
        assertThat(TestData.withoutProvenance(w.report())).as("window %d", w.index()).isEqualTo(
                TestData.withoutProvenance(Fairness.of(rows).groupBy("a", "b").metrics(Metrics.values()).evaluate()));
    }

    @Test
    void tumblingCountWindowsPartitionTheBatchesAndEachEqualsOnePass() {
        qt().withExamples(20).forAll(longs().all(), integers().between(1, 15), integers().between(1, 6),
                booleans().all()).checkAssert((seed, count, size, weighted) -> {
                    List<FairnessData> all = batches(seed, count, weighted);
                    Monitor m = monitor(Windowing.tumblingBatches(size));
                    List<WindowResult> ws = new ArrayList<>();
                    for (FairnessData b : all) {
                        ws.addAll(m.accept(b, T0));
                    }
                    ws.addAll(m.flush());
                    assertThat(ws).hasSize((count + size - 1) / size);
                    long next = 0;
                    for (WindowResult w : ws) {
                        assertThat(w.firstBatch()).isEqualTo(next);
                        next = w.lastBatch() + 1;
                        assertWindowEqualsOnePass(w, all);
                    }
                    assertThat(next).isEqualTo((long) count);
                });
    }

    @Test
    void slidingCountWindowsEqualOnePassOverTheirBatches() {
        qt().withExamples(15).forAll(longs().all(), integers().between(1, 15), integers().between(1, 3),
                integers().between(1, 4)).checkAssert((seed, count, slide, panes) -> {
                    List<FairnessData> all = batches(seed, count, false);
                    Monitor m = monitor(Windowing.slidingBatches(slide * panes, slide));
                    List<WindowResult> ws = new ArrayList<>();
                    for (FairnessData b : all) {
                        ws.addAll(m.accept(b, T0));
                    }
                    int full = count / slide;
                    assertThat(ws).hasSize(Math.max(0, full - panes + 1));
                    for (int i = 0; i < ws.size(); i++) {
                        WindowResult w = ws.get(i);
                        assertThat(w.firstBatch()).isEqualTo((long) i * slide);
                        assertThat(w.lastBatch() - w.firstBatch() + 1).isEqualTo((long) slide * panes);
                        assertWindowEqualsOnePass(w, all);
                    }
                });
    }

    @Test
    void groupTalliesCombinedOverAnyCutsEqualOnePass() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 300), booleans().all())
                .checkAssert((seed, rows, weighted) -> {
                    FairnessData d = TestData.random(seed, rows, weighted);
                    GroupTally whole = tally(d, 0, rows);
                    Random r = new Random(seed);
                    int cut1 = r.nextInt(rows + 1);
                    int cut2 = cut1 + r.nextInt(rows - cut1 + 1);
                    GroupTally left = tally(d, 0, cut1).combine(tally(d, cut1, cut2)).combine(tally(d, cut2, rows));
                    GroupTally right = tally(d, cut2, rows).combine(tally(d, cut1, cut2).combine(tally(d, 0, cut1)));
                    assertThat(left).isEqualTo(whole).isEqualTo(right);
                    assertThat(GroupTally.create(List.of("a", "b"), weighted, 5).combine(whole)).isEqualTo(whole);
                    assertThat(whole.confusion()).isEqualTo(org.fairkit.core.internal.TallyKernel.tally(
                            d.tallyInput(List.of("a", "b"))));
                });
    }

    private static GroupTally tally(FairnessData d, int from, int to) {
        GroupTally t = GroupTally.create(List.of("a", "b"), d.hasWeights(), 5);
        for (int i = from; i < to; i++) {
            t.accept(List.of(d.sensitive("a").level(i), d.sensitive("b").level(i)), d.label(i), d.prediction(i),
                    d.weight(i), d.score(i));
        }
        return t;
    }

    @Test
    void timeWindowsAreAlignedPanesWithGapsLateBatchesAndFlush() {
        Monitor m = monitor(Windowing.slidingTime(Duration.ofHours(2), Duration.ofHours(1)));
        List<FairnessData> all = batches(9, 6, false);
        // Hours 0, 0, 1, 4 (hours 2 and 3 pass empty), 0 (late), then flush.
        assertThat(m.accept(all.get(0), T0.plusSeconds(60))).isEmpty();
        assertThat(m.accept(all.get(1), T0.plusSeconds(3599))).isEmpty();
        List<WindowResult> first = m.accept(all.get(2), T0.plusSeconds(3600));
        assertThat(first).isEmpty(); // one pane closed, a window needs two
        List<WindowResult> jump = m.accept(all.get(3), T0.plus(Duration.ofHours(4)).plusSeconds(10));
        // Closing hour 1 emits [0h, 2h); empty hour 2 emits [1h, 3h); [2h, 4h) has no rows and is not emitted.
        assertThat(jump).extracting(WindowResult::start, WindowResult::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(T0), java.util.Optional.of(
                        T0.plus(Duration.ofHours(2)))),
                org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(T0.plus(Duration.ofHours(1))),
                        java.util.Optional.of(T0.plus(Duration.ofHours(3)))));
        assertThat(jump.get(0).firstBatch()).isZero();
        assertThat(jump.get(0).lastBatch()).isEqualTo(2);
        assertWindowEqualsOnePass(jump.get(0), all);
        assertThat(jump.get(1).firstBatch()).isEqualTo(2);
        assertThat(jump.get(1).lastBatch()).isEqualTo(2);
        assertThat(m.accept(all.get(4), T0.plusSeconds(10))).isEmpty();
        assertThat(m.lateBatches()).isEqualTo(1);
        List<WindowResult> end = m.flush();
        assertThat(end).singleElement().satisfies(w -> {
            assertThat(w.start()).contains(T0.plus(Duration.ofHours(3)));
            assertThat(w.firstBatch()).isEqualTo(3);
            assertThat(w.lastBatch()).isEqualTo(3);
        });
        assertThat(m.windows()).extracting(WindowResult::index).containsExactly(0L, 1L, 2L);
        // After the flush, hour 4 is closed: a batch for it is late; one at hour 5 opens a pane adjacent to it.
        assertThat(m.accept(all.get(5), T0.plus(Duration.ofHours(4)).plusSeconds(20))).isEmpty();
        assertThat(m.lateBatches()).isEqualTo(2);
        assertThat(m.accept(all.get(5), T0.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(m.flush()).singleElement().satisfies(w -> {
            assertThat(w.start()).contains(T0.plus(Duration.ofHours(4)));
            assertThat(w.firstBatch()).isEqualTo(3);
            assertThat(w.lastBatch()).isEqualTo(6);
            assertThat(w.rows()).isEqualTo(all.get(3).rows() + all.get(5).rows());
        });
    }

    @Test
    void aWindowWithoutTheReferenceGroupIsDerivedWithoutItAndSaysSo() {
        Monitor m = Monitor.builder().groupBy("race").reference("A").windowing(Windowing.tumblingBatches(1))
                .clock(CLOCK).build();
        FairnessData onlyB = FairnessData.builder().labels(new int[] {1, 0}).predictions(new int[] {1, 1})
                .sensitive("race", new String[] {"B", "B"}).build();
        WindowResult w = m.accept(onlyB, T0).get(0);
        assertThat(w.notes()).containsExactly("reference group [A] has no rows in this window: derived without "
                + "reference group");
        assertThat(w.report().reference()).isEmpty();
        assertThat(w.report().fairness(FairnessMetric.DISPARATE_IMPACT).isDefined()).isFalse();
    }

    @Test
    void badBatchesAreNamed() {
        Monitor m = Monitor.builder().groupBy("race").windowing(Windowing.tumblingBatches(2)).scoreBins(4).build();
        FairnessData noScores = FairnessData.builder().labels(new int[] {1}).predictions(new int[] {1})
                .sensitive("race", new String[] {"A"}).build();
        assertThatThrownBy(() -> m.accept(noScores, T0))
                .hasMessage("batch 0 has no scores, but the monitor keeps score histograms (scoreBins = 4)");
        FairnessData noRace = FairnessData.builder().labels(new int[] {1}).predictions(new int[] {1}).scores(
                new double[] {0.5}).sensitive("sex", new String[] {"F"}).build();
        assertThatThrownBy(() -> m.accept(noRace, T0))
                .hasMessage("batch 0: no sensitive feature named 'race'; the data has [sex]");
        Monitor w = Monitor.builder().groupBy("race").windowing(Windowing.tumblingBatches(2)).build();
        w.accept(noScores, T0);
        FairnessData weighted = FairnessData.builder().labels(new int[] {1}).predictions(new int[] {1})
                .weights(new double[] {2}).sensitive("race", new String[] {"A"}).build();
        assertThatThrownBy(() -> w.accept(weighted, T0)).hasMessage("batch 1 is weighted but earlier input (the "
                + "baseline or the first batch) was unweighted; every batch must agree");
        assertThatThrownBy(() -> Windowing.slidingBatches(5, 2))
                .hasMessage("size must be a multiple of slide, got size 5 and slide 2");
    }
}
