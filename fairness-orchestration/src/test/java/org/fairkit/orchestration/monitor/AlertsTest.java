package org.fairkit.orchestration.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Severity;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.drift.DistributionDrift;
import org.fairkit.stats.drift.PsiSmoothing;
import org.junit.jupiter.api.Test;

/** De-duplication rules, drift against a baseline, built-in checks on a shifting stream, and the metric series. */
class AlertsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    static final GroupKey B = GroupKey.of("ethnicity", "Group B");

    private static WindowFinding f(String rule, Severity s) {
        return new WindowFinding(rule, Optional.empty(), s, rule + " " + s, 0);
    }

    private static List<Alert.Event> events(Deduplication.State st, long w, WindowFinding... fs) {
        return st.apply(w, List.of(fs)).stream().map(Alert::event).toList();
    }

    @Test
    void untilClearedRaisesOnceEscalatesClearsAndRaisesAgain() {
        Deduplication.State st = new Deduplication.State(Deduplication.untilCleared());
        assertThat(events(st, 0, f("r", Severity.WARNING))).containsExactly(Alert.Event.RAISED);
        assertThat(events(st, 1, f("r", Severity.WARNING), f("r", Severity.INFO))).isEmpty();
        assertThat(events(st, 2, f("r", Severity.CRITICAL))).containsExactly(Alert.Event.ESCALATED);
        assertThat(events(st, 3, f("r", Severity.WARNING))).isEmpty();
        assertThat(events(st, 4)).containsExactly(Alert.Event.CLEARED);
        assertThat(events(st, 5, f("r", Severity.WARNING))).containsExactly(Alert.Event.RAISED);
        assertThat(st.suppressed()).isEqualTo(2);
    }

    @Test
    void withinWindowsRepeatsEveryNWindowsAndHoldsBackAFlappingRule() {
        Deduplication.State st = new Deduplication.State(Deduplication.withinWindows(3));
        assertThat(events(st, 0, f("r", Severity.WARNING))).containsExactly(Alert.Event.RAISED);
        assertThat(events(st, 1, f("r", Severity.WARNING))).isEmpty();
        assertThat(events(st, 2, f("r", Severity.WARNING))).isEmpty();
        assertThat(events(st, 3, f("r", Severity.WARNING))).containsExactly(Alert.Event.REPEATED);
        assertThat(events(st, 4)).containsExactly(Alert.Event.CLEARED);
        assertThat(events(st, 5, f("r", Severity.WARNING))).isEmpty();
        assertThat(events(st, 6, f("r", Severity.WARNING))).containsExactly(Alert.Event.REPEATED);
        assertThat(events(st, 7, f("r", Severity.CRITICAL))).containsExactly(Alert.Event.ESCALATED);
    }

    @Test
    void rulesAndGroupsAreSeparateKeys() {
        Deduplication.State st = new Deduplication.State(Deduplication.untilCleared());
        WindowFinding groupB = new WindowFinding("r", Optional.of(B), Severity.WARNING, "b", 0);
        WindowFinding groupC = new WindowFinding("r", Optional.of(GroupKey.of("ethnicity", "Group C")),
                Severity.WARNING, "c", 0);
        assertThat(events(st, 0, groupB, groupC, f("other", Severity.INFO))).containsExactly(Alert.Event.RAISED,
                Alert.Event.RAISED, Alert.Event.RAISED);
        List<Alert> next = st.apply(1, List.of(groupB));
        assertThat(next).extracting(a -> a.finding().key(), Alert::event).containsExactly(
                org.assertj.core.groups.Tuple.tuple("r|ethnicity=Group C", Alert.Event.CLEARED),
                org.assertj.core.groups.Tuple.tuple("other", Alert.Event.CLEARED));
    }

    @Test
    void driftIsThePsiAndChiSquaredOfTheGroupsScoreHistogramsAgainstTheBaseline() {
        FairnessData base = SyntheticLending.generate(3000, 1, 0.0);
        FairnessData shifted = SyntheticLending.generate(3000, 2, 2.0);
        Monitor m = Monitor.builder().groupBy("ethnicity").windowing(Windowing.tumblingBatches(1)).scoreBins(10)
                .baseline(base).clock(CLOCK).build();
        WindowResult w = m.accept(shifted, CLOCK.instant()).get(0);
        DriftResult b = w.drift().stream().filter(d -> d.group().equals(Optional.of(B))).findFirst().orElseThrow();
        long[] hb = histogram(base, "Group B");
        long[] hw = histogram(shifted, "Group B");
        assertThat(b.psi()).isEqualTo(DistributionDrift.populationStabilityIndex(hb, hw, PsiSmoothing.EPSILON_1E_4));
        assertThat(b.chiSquared().orElseThrow()).isEqualTo(DistributionDrift.chiSquaredHomogeneity(hb, hw));
        assertThat(b.baselineRows()).isEqualTo(java.util.Arrays.stream(hb).sum());
        assertThat(b.psi().value()).isGreaterThan(0.25);
        DriftResult a = w.drift().stream().filter(d -> d.group().equals(Optional.of(GroupKey.of("ethnicity",
                "Group A")))).findFirst().orElseThrow();
        assertThat(a.psi().value()).isLessThan(0.05);
        assertThat(w.drift()).last().satisfies(d -> {
            assertThat(d.group()).isEmpty();
            assertThat(d.windowRows()).isEqualTo(3000);
        });
    }

    private static long[] histogram(FairnessData d, String level) {
        long[] h = new long[10];
        for (int i = 0; i < d.rows(); i++) {
            if (d.sensitive("ethnicity").level(i).equals(level)) {
                h[Math.min(9, (int) (d.score(i) * 10))]++;
            }
        }
        return h;
    }

    /**
     * Eight fair batches, then four where Group B's scores are lowered by 2 logits: the disparate-impact threshold,
     * the CUSUM on it and the score drift of Group B all fire at the first shifted window, once (until cleared).
     */
    @Test
    void aBiasThatAppearsMidStreamRaisesEachAlertOnceAtTheFirstShiftedWindow() {
        Monitor m = Monitor.builder().groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .windowing(Windowing.tumblingBatches(1)).scoreBins(10)
                .checks(WindowChecks.fairnessBelow(FairnessMetric.DISPARATE_IMPACT, 0.9, 0.8),
                        WindowChecks.cusum(FairnessMetric.DISPARATE_IMPACT, 5, 0.5, 4),
                        WindowChecks.scoreDrift(0.1, 0.25))
                .clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ws.addAll(m.accept(SyntheticLending.generate(2000, 100 + i, i < 8 ? 0.0 : 2.0), CLOCK.instant()));
        }
        assertThat(ws).hasSize(12);
        assertThat(ws.subList(0, 8)).allSatisfy(w -> assertThat(w.alerts()).isEmpty());
        assertThat(ws.get(8).alerts()).extracting(a -> a.finding().key(), Alert::event, a -> a.finding().severity())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("disparate_impact_below", Alert.Event.RAISED,
                                Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("disparate_impact_cusum", Alert.Event.RAISED,
                                Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("score_drift|ethnicity=Group B", Alert.Event.RAISED,
                                Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("score_drift", Alert.Event.RAISED, Severity.WARNING));
        assertThat(ws.subList(9, 12)).allSatisfy(w -> assertThat(w.alerts()).isEmpty());
        assertThat(m.suppressedFindings()).isEqualTo(12);
        assertThat(m.alerts()).hasSize(4);
        assertThat(ws.get(0).notes()).contains("this window is the drift baseline");
    }

    @Test
    void seriesHoldEachWindowsValueAndSayWhyAValueIsMissing() {
        Monitor m = Monitor.builder().groupBy("race").windowing(Windowing.tumblingBatches(1)).clock(CLOCK)
                .retainWindows(2).build();
        m.accept(FairnessData.builder().labels(new int[] {1, 0, 1}).predictions(new int[] {1, 0, 0})
                .sensitive("race", new String[] {"A", "B", "B"}).build(), CLOCK.instant());
        m.accept(FairnessData.builder().labels(new int[] {1, 1}).predictions(new int[] {1, 1})
                .sensitive("race", new String[] {"A", "A"}).build(), CLOCK.instant());
        m.accept(FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {1, 0})
                .sensitive("race", new String[] {"A", "B"}).build(), CLOCK.instant());
        List<SeriesPoint> sr = m.series(Metrics.SELECTION_RATE, GroupKey.of("race", "B"));
        assertThat(sr).extracting(SeriesPoint::window).containsExactly(1L, 2L);
        assertThat(sr.get(0).value().reason()).contains("no rows of race=B in this window");
        assertThat(sr.get(1).value().value()).isEqualTo(0.0);
        List<SeriesPoint> dpd = m.series(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertThat(dpd.get(0).value().isDefined()).isFalse();
        assertThat(dpd.get(1).value().value()).isEqualTo(1.0);
        assertThat(m.series(Metrics.FALSE_NEGATIVE_RATE, GroupKey.of("race", "B")).get(1).value().value())
                .isEqualTo(1.0);
    }
}
