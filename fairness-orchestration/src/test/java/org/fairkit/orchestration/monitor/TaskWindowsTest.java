package org.fairkit.orchestration.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fairkit.orchestration.monitor.TaskStreams.assertClose;
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
import org.fairkit.core.FairnessData;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.ranking.ExposureTally;
import org.fairkit.core.ranking.PositionBias;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.ranking.RankingReport;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.Severity;
import org.fairkit.orchestration.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Windows of every task: however a stream is cut into batches, a window's report equals the report of one batch of
 * all its rows (counts and sizes exactly, sums within 1e-12 where the summation order differs), which equals the
 * task's own front door; tallies merge associatively with an empty identity; late batches are dropped as for binary
 * windows; series and alerts read any id of the windows' task reports.
 */
class TaskWindowsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    static final double TOL = 1e-12;
    static final Provenance PROVENANCE = new Provenance("test", java.util.Map.of(), 0, "0".repeat(64), T0);
    static final RegressionMetrics[] SUMS = {RegressionMetrics.MEAN_PREDICTION, RegressionMetrics.MEAN_ERROR,
        RegressionMetrics.MEAN_ABSOLUTE_ERROR, RegressionMetrics.ROOT_MEAN_SQUARED_ERROR};

    private static Monitor.Builder daily(Task task) {
        return Monitor.builder().task(task).groupBy("a").windowing(Windowing.tumblingTime(Duration.ofDays(1)))
                .clock(CLOCK);
    }

    /** One window over every batch (all in the same pane), then flushed. */
    private static <B> TaskReport oneWindow(Monitor m, List<B> batches, java.util.function.BiFunction<Monitor, B,
            List<WindowResult>> accept) {
        for (B b : batches) {
            assertThat(accept.apply(m, b)).isEmpty();
        }
        List<WindowResult> ws = m.flush();
        assertThat(ws).hasSize(1);
        assertThat(ws.get(0).binaryReport()).isEmpty();
        return ws.get(0).taskReport();
    }

    @Test
    void regressionWindowsEqualOneBatchHoweverTheStreamIsCut() {
        qt().withExamples(20).forAll(longs().all(), integers().between(2, 150), integers().between(1, 12),
                booleans().all()).checkAssert((seed, n, parts, weighted) -> {
                    TaskStreams.RegressionRows rows = TaskStreams.RegressionRows.random(seed, n, weighted);
                    int[] sizes = TaskStreams.cuts(new Random(seed + 1), n, parts);
                    TaskReport cut = oneWindow(daily(Task.REGRESSION).regressionMetrics(SUMS).build(),
                            rows.batches(sizes), (m, b) -> m.accept(b, T0));
                    TaskReport whole = oneWindow(daily(Task.REGRESSION).regressionMetrics(SUMS).build(),
                            List.of(rows.slice(0, n)), (m, b) -> m.accept(b, T0));
                    assertClose(cut, whole, TOL);
                    assertClose(whole, RegressionFairness.of(rows.slice(0, n)).groupBy("a").metrics(SUMS).evaluate()
                            .asTaskReport(), 0);
                });
    }

    @Test
    void oneRegressionBatchGivesTheFrontDoorsReportWithEveryDefaultMetric() {
        TaskStreams.RegressionRows rows = TaskStreams.RegressionRows.random(7, 300, true);
        TaskReport w = oneWindow(daily(Task.REGRESSION).build(), List.of(rows.slice(0, 300)),
                (m, b) -> m.accept(b, T0));
        TaskReport direct = RegressionFairness.of(rows.slice(0, 300)).groupBy("a").evaluate().asTaskReport();
        assertClose(w, direct, 0);
        assertThat(w.metricIds()).contains("r2_score");
        assertThat(w.disparity("bounded_group_loss_absolute")).isPresent();
    }

    @Test
    void multiclassWindowsEqualOneBatchHoweverTheStreamIsCutEvenWhenAClassAppearsLate() {
        qt().withExamples(25).forAll(longs().all(), integers().between(2, 160), integers().between(1, 10),
                booleans().all()).checkAssert((seed, n, parts, weighted) -> {
                    TaskStreams.MulticlassRows rows = TaskStreams.MulticlassRows.random(seed, n, weighted);
                    int[] sizes = TaskStreams.cuts(new Random(seed + 1), n, parts);
                    TaskReport cut = oneWindow(daily(Task.MULTICLASS).build(), rows.batches(sizes),
                            (m, b) -> m.accept(b, T0));
                    MulticlassData all = rows.slice(0, n);
                    TaskReport whole = oneWindow(daily(Task.MULTICLASS).build(), List.of(all),
                            (m, b) -> m.accept(b, T0));
                    // counts are exact; weights are multiples of 1/4, so their sums are exact in any order
                    assertClose(cut, whole, 0);
                    assertClose(whole, MulticlassFairness.of(all).groupBy("a").evaluate().asTaskReport(), 0);
                });
    }

    @Test
    void rankingWindowsEqualOneBatchHoweverTheRankingsAreCut() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 40), integers().between(1, 10),
                booleans().all()).checkAssert((seed, queries, parts, relevance) -> {
                    List<Ranking> all = TaskStreams.rankings(seed, queries, relevance);
                    int[] sizes = TaskStreams.cuts(new Random(seed + 1), queries, parts);
                    TaskReport cut = oneWindow(daily(Task.RANKING).build(), TaskStreams.split(all, sizes),
                            (m, b) -> m.accept(b, T0));
                    TaskReport whole = oneWindow(daily(Task.RANKING).build(), List.of(all),
                            (m, b) -> m.accept(b, T0));
                    assertClose(cut, whole, TOL);
                    ExposureTally t = ExposureTally.empty(List.of("a"), relevance);
                    for (Ranking r : all) {
                        t = t.add(RankingFairness.of(r).positionBias(PositionBias.logarithmic()).evaluate());
                    }
                    assertClose(whole, t.report(), 0);
                    assertThat(whole.provenance().orElseThrow().configuration()).containsEntry("task", "ranking");
                });
    }

    private static List<WindowTally> threeRegressionTallies(long seed, boolean weighted) {
        TaskStreams.RegressionRows rows = TaskStreams.RegressionRows.random(seed, 90, weighted);
        List<WindowTally> out = new ArrayList<>();
        for (RegressionData d : rows.batches(TaskStreams.cuts(new Random(seed), 90, 3))) {
            out.add(WindowTally.of(d, List.of("a")));
        }
        return out;
    }

    private static TaskReport report(WindowTally t) {
        WindowSpec spec = WindowSpec.of(org.fairkit.core.EvaluationSpec.builder().groupBy("a").build());
        spec = new WindowSpec(spec.settings(), List.of(SUMS), spec.regressionFairnessMetrics());
        return t.report(spec, PROVENANCE);
    }

    @Test
    void tallyMergeIsAssociativeWithTheEmptyTallyAsIdentity() {
        qt().withExamples(30).forAll(longs().all(), booleans().all()).checkAssert((seed, weighted) -> {
            List<WindowTally> ts = threeRegressionTallies(seed, weighted);
            WindowTally left = ts.get(0).merge(ts.get(1)).merge(ts.get(2));
            WindowTally right = ts.get(0).merge(ts.get(1).merge(ts.get(2)));
            assertThat(left.size()).isEqualTo(right.size()).isEqualTo(90);
            assertClose(report(left), report(right), TOL);
            WindowTally empty = WindowTally.empty(Task.REGRESSION, List.of("a"));
            assertClose(report(empty.merge(ts.get(0))), report(ts.get(0)), 0);
            assertClose(report(ts.get(0).merge(empty)), report(ts.get(0)), 0);
        });
        qt().withExamples(20).forAll(longs().all(), booleans().all()).checkAssert((seed, weighted) -> {
            TaskStreams.MulticlassRows rows = TaskStreams.MulticlassRows.random(seed, 60, weighted);
            List<WindowTally> ts = new ArrayList<>();
            for (MulticlassData d : rows.batches(TaskStreams.cuts(new Random(seed), 60, 3))) {
                ts.add(WindowTally.of(d, List.of("a")));
            }
            WindowSpec spec = WindowSpec.of(org.fairkit.core.EvaluationSpec.builder().groupBy("a").build());
            TaskReport left = ts.get(0).merge(ts.get(1)).merge(ts.get(2)).report(spec, PROVENANCE);
            TaskReport right = ts.get(0).merge(ts.get(1).merge(ts.get(2))).report(spec, PROVENANCE);
            TaskReport swapped = ts.get(2).merge(ts.get(0)).merge(ts.get(1)).report(spec, PROVENANCE);
            assertClose(left, right, 0);
            assertClose(swapped, right, 0);
        });
        qt().withExamples(20).forAll(longs().all(), booleans().all()).checkAssert((seed, relevance) -> {
            List<Ranking> all = TaskStreams.rankings(seed, 12, relevance);
            List<WindowTally> ts = new ArrayList<>();
            for (List<Ranking> part : TaskStreams.split(all, TaskStreams.cuts(new Random(seed), 12, 3))) {
                List<RankingReport> rs = new ArrayList<>();
                part.forEach(r -> rs.add(RankingFairness.of(r).evaluate()));
                ts.add(WindowTally.ofRankings(rs, List.of("a")));
            }
            WindowSpec spec = WindowSpec.of(org.fairkit.core.EvaluationSpec.builder().groupBy("a").build());
            assertClose(ts.get(0).merge(ts.get(1)).merge(ts.get(2)).report(spec, PROVENANCE),
                    ts.get(0).merge(ts.get(1).merge(ts.get(2))).report(spec, PROVENANCE), TOL);
        });
    }

    @Test
    void lateRegressionBatchesAreDroppedAndCountedAsForBinaryWindows() {
        TaskStreams.RegressionRows rows = TaskStreams.RegressionRows.random(3, 60, false);
        Monitor m = daily(Task.REGRESSION).build();
        assertThat(m.accept(rows.slice(0, 20), T0.plus(Duration.ofDays(1)))).isEmpty();
        List<WindowResult> closed = m.accept(rows.slice(20, 40), T0.plus(Duration.ofDays(2)));
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).rows()).isEqualTo(20);
        assertThat(m.accept(rows.slice(40, 60), T0)).isEmpty();
        assertThat(m.lateBatches()).isEqualTo(1);
        assertThat(m.batches()).isEqualTo(3);
        List<WindowResult> last = m.flush();
        assertThat(last).hasSize(1);
        assertThat(last.get(0).rows()).isEqualTo(20);
        assertClose(last.get(0).taskReport(), RegressionFairness.of(rows.slice(20, 40)).groupBy("a").evaluate()
                .asTaskReport(), 0);
    }

    @Test
    void countWindowsOfRegressionBatchesSlideOverTheirPanes() {
        TaskStreams.RegressionRows rows = TaskStreams.RegressionRows.random(5, 100, false);
        List<RegressionData> batches = rows.batches(new int[] {20, 20, 20, 20, 20});
        Monitor m = Monitor.builder().task(Task.REGRESSION).groupBy("a").windowing(Windowing.slidingBatches(2, 1))
                .clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>();
        batches.forEach(b -> ws.addAll(m.accept(b)));
        assertThat(ws).hasSize(4);
        for (WindowResult w : ws) {
            int from = (int) w.firstBatch() * 20;
            assertClose(w.taskReport(), RegressionFairness.of(rows.slice(from, from + 40)).groupBy("a").evaluate()
                    .asTaskReport(), 1e-12);
            assertThat(w.taskReport().provenance().orElseThrow().inputSha256())
                    .isEqualTo(rows.slice(from, from + 40).fingerprint());
        }
    }

    @Test
    void anInjectedRegressionDisparityInALaterWindowRaisesAnAlertAndShowsInTheSeries() {
        Monitor m = Monitor.builder().task(Task.REGRESSION).groupBy("a").windowing(Windowing.tumblingBatches(1))
                .checks(WindowChecks.above("mean_absolute_error.difference", 0.5, 1.0),
                        WindowChecks.above("bounded_group_loss_absolute", 5, 10))
                .clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double bias = k == 2 ? 3.0 : 0.0;
            ws.addAll(m.accept(regressionBatch(100 + k, 400, bias)));
        }
        assertThat(ws.get(0).alerts()).isEmpty();
        assertThat(ws.get(1).alerts()).isEmpty();
        assertThat(ws.get(2).alerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(Alert.Event.RAISED);
            assertThat(a.finding().rule()).isEqualTo("mean_absolute_error.difference_above");
            assertThat(a.finding().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.finding().message()).startsWith("|mean_absolute_error.difference| = ");
        });
        List<SeriesPoint> s = m.series("mean_absolute_error.difference");
        assertThat(s).hasSize(3);
        assertThat(s.get(2).value().value()).isGreaterThan(2.0);
        assertThat(s.get(0).value().value()).isLessThan(0.5);
        assertThat(m.series("mean_absolute_error", GroupKey.of("a", "z")).get(2).value().value()).isGreaterThan(2.5);
        assertThat(m.series("no_such_metric.difference").get(0).value().reason()).contains(
                "no_such_metric.difference is not reported in this window");
    }

    @Test
    void aPolicyJudgesARegressionWindowOnItsTaskReport() {
        Monitor m = Monitor.builder().task(Task.REGRESSION).groupBy("a").windowing(Windowing.tumblingBatches(1))
                .checks(org.fairkit.orchestration.PolicyAlerts.check(org.fairkit.orchestration.policy.Policy.parse(
                        "policy: regression gate\nrules:\n  - mean_absolute_error.difference <= 0.5 for a\n")))
                .clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ws.addAll(m.accept(regressionBatch(200 + k, 400, k == 1 ? 3.0 : 0.0)));
        }
        assertThat(ws.get(0).alerts()).isEmpty();
        assertThat(ws.get(1).alerts()).singleElement().satisfies(a -> {
            assertThat(a.finding().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.finding().value()).isGreaterThan(2.0);
        });
    }

    private static RegressionData regressionBatch(long seed, int n, double biasForZ) {
        Random r = new Random(seed);
        double[] t = new double[n];
        double[] p = new double[n];
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = TaskStreams.LEVELS[i % 3];
            t[i] = 10 * r.nextDouble();
            p[i] = t[i] + 0.1 * r.nextGaussian() + (a[i].equals("z") ? biasForZ : 0);
        }
        return RegressionData.builder().targets(t).predictions(p).sensitive("a", a).build();
    }

    @Test
    void rankingAndMulticlassAlertsReadTheirOwnIds() {
        Monitor rm = Monitor.builder().task(Task.RANKING).groupBy("a").windowing(Windowing.tumblingBatches(1))
                .checks(WindowChecks.below("exposure_ratio", 0.8, 0.6)).clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>(rm.accept(TaskStreams.rankings(1, 30, true)));
        String[] a = new String[10];
        double[] score = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = i < 5 ? "x" : "y";
            score[i] = 10 - i;
        }
        List<Ranking> skewed = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
            skewed.add(Ranking.builder().sensitive("a", a).scores(score).build());
        }
        ws.addAll(rm.accept(skewed));
        assertThat(ws).hasSize(2);
        assertThat(ws.get(1).alerts()).extracting(al -> al.finding().rule()).containsExactly("exposure_ratio_below");
        assertThat(rm.series("exposure_ratio").get(1).value().value()).isLessThan(0.8);

        Monitor mm = daily(Task.MULTICLASS).checks(WindowChecks.above("macro_true_positive_rate.difference", 0.1,
                0.2)).build();
        TaskStreams.MulticlassRows rows = TaskStreams.MulticlassRows.random(9, 200, false);
        mm.accept(rows.slice(0, 200), T0);
        WindowResult w = mm.flush().get(0);
        assertThat(w.taskReport().metricIds()).contains("macro_true_positive_rate", "true_positive_rate@fox");
        assertThat(mm.series("macro_true_positive_rate.difference")).hasSize(1);
    }

    @Test
    void aMonitorRefusesBatchesAndSettingsOfAnotherTask() {
        Monitor m = daily(Task.REGRESSION).build();
        FairnessData binary = TestData.random(1, 10, false);
        assertThatThrownBy(() -> m.accept(binary, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this monitor watches a regression model, but the batch is FairnessData (a binary batch);"
                        + " build the monitor with task(Task.BINARY)");
        assertThatThrownBy(() -> daily(Task.RANKING).scoreBins(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("are for binary windows");
        assertThatThrownBy(() -> daily(Task.MULTICLASS).regressionMetrics(RegressionMetrics.MEAN_ERROR).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set task(Task.REGRESSION)");
        Monitor checks = Monitor.builder().task(Task.REGRESSION).groupBy("a").windowing(Windowing.tumblingBatches(1))
                .checks(WindowChecks.below("exposure_ratio", 0.8, 0.6)).clock(CLOCK).build();
        assertThatThrownBy(() -> checks.accept(regressionBatch(1, 30, 0))).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("window 0 (regression) reports no disparity "
                        + "'exposure_ratio'; it reports [bounded_group_loss_absolute,");
        WindowResult w = oneWindowResult(m);
        assertThatThrownBy(w::report).isInstanceOf(IllegalStateException.class).hasMessage(
                "window 0 is a regression window, which has no binary report; read taskReport()");
    }

    private static WindowResult oneWindowResult(Monitor m) {
        m.accept(regressionBatch(2, 30, 0), T0);
        return m.flush().get(0);
    }

    @Test
    void binaryWindowsCarryTheirReportInBothShapes() {
        Monitor m = Monitor.builder().groupBy("a", "b").windowing(Windowing.tumblingBatches(1)).clock(CLOCK).build();
        WindowResult w = m.accept(TestData.random(4, 50, false)).get(0);
        assertThat(w.taskReport().task()).isEqualTo(Task.BINARY);
        assertClose(w.taskReport(), w.report().asTaskReport(), 0);
        assertThat(m.series("demographic_parity_ratio").get(0).value()).isEqualTo(
                w.report().fairness(org.fairkit.core.metrics.FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).value());
    }
}
