package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.junit.jupiter.api.Test;

/** Comparing two independent runs from their counts: the injected regression is found, noise is not. */
class FairnessComparisonTest {
    static final GroupKey B = GroupKey.of(SyntheticLending.ETHNICITY, "Group B");

    static GroupResults run(long seed, double penalty) {
        FairnessData d = SyntheticLending.generate(6000, seed, penalty);
        return Fairness.of(d).groupBy(SyntheticLending.ETHNICITY).reference("Group A")
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.F1_SCORE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                        FairnessMetric.DISPARATE_IMPACT, FairnessMetric.STATISTICAL_PARITY_DIFFERENCE)
                .evaluate().results();
    }

    @Test
    void anInjectedRegressionIsBeyondChanceAndWorsensParity() {
        FairnessComparison c = FairnessComparison.of(run(1, 0.2), run(2, 1.2));
        FairnessComparison.Change dp = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow();
        assertThat(dp.change().value()).isLessThan(-0.1);
        assertThat(dp.interval().orElseThrow().upper()).isLessThan(0);
        assertThat(dp.beyondChance()).isTrue();
        assertThat(dp.worsening().value()).isEqualTo(-dp.change().value(), within(1e-12));
        assertThat(dp.worseningInterval().orElseThrow().lower()).isGreaterThan(0.02);
        FairnessComparison.Change b = c.group(Metrics.SELECTION_RATE, B).orElseThrow();
        assertThat(b.beyondChance()).isTrue();
        assertThat(b.adjustedPValue().value()).isLessThan(0.05).isGreaterThanOrEqualTo(b.pValue().value());
        FairnessComparison.Change spd = c.fairness(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).orElseThrow();
        assertThat(spd.worsening().value()).isGreaterThan(0);
        assertThat(c.toString()).contains("demographic_parity_ratio").contains("HOLM correction over");
    }

    @Test
    void theSameCountsChangeNothing() {
        GroupResults r = run(3, 0.8);
        FairnessComparison c = FairnessComparison.of(r, r);
        assertThat(c.beyondChance()).isEmpty();
        for (FairnessComparison.Change ch : c.changes()) {
            assertThat(ch.change().value()).isZero();
            if (ch.pValue().isDefined()) {
                assertThat(ch.pValue().value()).isGreaterThan(0.99);
                assertThat(ch.interval().orElseThrow().contains(0)).isTrue();
            }
        }
    }

    @Test
    void twoRunsOfTheSameModelShowNoChangeBeyondChance() {
        FairnessComparison c = FairnessComparison.of(run(4, 0.8), run(5, 0.8));
        assertThat(c.beyondChance()).isEmpty();
        FairnessComparison.Change dp = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow();
        assertThat(dp.interval().orElseThrow().contains(0)).isTrue();
        assertThat(dp.pValue().value()).isGreaterThan(0.05);
    }

    @Test
    void aGroupChangeIsNewcombesIntervalOfTheTwoIndependentRates() {
        GroupResults base = run(1, 0.2);
        GroupResults cand = run(2, 1.2);
        FairnessComparison c = FairnessComparison.of(base, cand, 0.9, MultipleTesting.BONFERRONI);
        CellCounts bc = base.counts(B);
        CellCounts cc = cand.counts(B);
        long bx = bc.rows(org.fairkit.core.tally.Cell.TP) + bc.rows(org.fairkit.core.tally.Cell.FP);
        long cx = cc.rows(org.fairkit.core.tally.Cell.TP) + cc.rows(org.fairkit.core.tally.Cell.FP);
        Interval expected = TwoProportionIntervals.newcombeDifference(cx, cc.rows(), bx, bc.rows(), 0.9).interval()
                .orElseThrow();
        FairnessComparison.Change ch = c.group(Metrics.SELECTION_RATE, B).orElseThrow();
        assertThat(ch.interval()).contains(expected);
        assertThat(ch.change().value()).isEqualTo((double) cx / cc.rows() - (double) bx / bc.rows(), within(1e-15));
        // f1 has no fixed numerator and denominator: a change, but no interval and no test, with the reason
        FairnessComparison.Change f1 = c.group(Metrics.F1_SCORE, B).orElseThrow();
        assertThat(f1.change().isDefined()).isTrue();
        assertThat(f1.interval()).isEmpty();
        assertThat(f1.pValue().reason()).hasValueSatisfying(r -> assertThat(r).contains("no fixed numerator"));
        assertThat(c.overall(Metrics.SELECTION_RATE)).isPresent();
        assertThat(c.level()).isEqualTo(0.9);
        assertThat(c.correction()).isEqualTo(MultipleTesting.BONFERRONI);
    }

    @Test
    void weightedRunsAndOtherGroupingsAreRefusedOrExplained() {
        FairnessData d = SyntheticLending.generate(2000, 6);
        double[] w = new double[d.rows()];
        java.util.Arrays.fill(w, 1.5);
        FairnessData.Builder b = FairnessData.builder();
        int[] y = new int[d.rows()];
        int[] p = new int[d.rows()];
        String[] e = new String[d.rows()];
        for (int i = 0; i < d.rows(); i++) {
            y[i] = d.label(i);
            p[i] = d.prediction(i);
            e[i] = d.sensitive(SyntheticLending.ETHNICITY).level(i);
        }
        GroupResults weighted = Fairness.of(b.labels(y).predictions(p).weights(w)
                .sensitive(SyntheticLending.ETHNICITY, e).build()).groupBy(SyntheticLending.ETHNICITY).evaluate()
                .results();
        FairnessComparison c = FairnessComparison.of(weighted, weighted);
        assertThat(c.changes()).allSatisfy(ch -> assertThat(ch.interval()).isEmpty());
        assertThat(c.changes().get(0).method()).contains("weighted");
        GroupResults bySex = Fairness.of(d).groupBy(SyntheticLending.SEX).evaluate().results();
        assertThatThrownBy(() -> FairnessComparison.of(weighted, bySex))
                .hasMessageContaining("grouped differently");
        assertThatThrownBy(() -> FairnessComparison.of(bySex, bySex, 1.0, MultipleTesting.HOLM))
                .hasMessageContaining("level must be in (0, 1)");
    }
}
