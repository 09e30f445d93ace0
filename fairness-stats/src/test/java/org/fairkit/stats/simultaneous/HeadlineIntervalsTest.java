package org.fairkit.stats.simultaneous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.Bootstrap;
import org.fairkit.stats.Comparison;
import org.fairkit.stats.GroupComparisons;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.proportion.ProportionInterval;
import org.fairkit.stats.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * The cases that showed the intervals of the headline numbers were not valid, each as a regression test:
 * {@code two(na, xa, nb, xb)} is groups A and B with na, nb rows of which xa, xb selected (labels alternate).
 */
class HeadlineIntervalsTest {
    private static final GroupKey A = GroupKey.of("s", "A");
    private static final GroupKey B = GroupKey.of("s", "B");
    private static final Estimand SR_B = Estimand.groupValue(Metrics.SELECTION_RATE, B);
    private static final Estimand RATIO_B = Estimand.toReference(Estimand.Kind.REFERENCE_RATIO,
            Metrics.SELECTION_RATE, B);

    static FairnessData groups(int[] sizes, int[] selected) {
        int total = java.util.Arrays.stream(sizes).sum();
        int[] y = new int[total];
        int[] p = new int[total];
        String[] g = new String[total];
        int i = 0;
        for (int k = 0; k < sizes.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                g[i] = String.valueOf((char) ('A' + k));
                p[i] = j < selected[k] ? 1 : 0;
                y[i] = j % 2;
            }
        }
        return FairnessData.builder().labels(y).predictions(p).sensitive("s", g).build();
    }

    static FairnessData two(int na, int xa, int nb, int xb) {
        return groups(new int[] {na, nb}, new int[] {xa, xb});
    }

    private static FairnessReport report(FairnessData d, IntervalEstimator est) {
        return Fairness.of(d).groupBy("s")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.values()).reference("A").intervals(est).evaluate();
    }

    /** Case 1: with tied rates the spread's interval holds its estimate and parity, whatever the estimator. */
    @Test
    void spreadIntervalsHoldParityWhenGroupsTie() {
        for (IntervalEstimator est : new IntervalEstimator[] {Bootstrap.bca(2000).seed(42),
            Bootstrap.percentile(2000).seed(42), Bayesian.jeffreys().seed(42)}) {
            FairnessReport r = report(two(1000, 300, 1000, 300), est);
            Disparity dpd = r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE);
            Interval i = dpd.interval().orElseThrow();
            assertThat(i.lower()).as(est.description()).isZero();
            assertThat(i.upper()).as(est.description()).isBetween(0.03, 0.05);
            assertThat(i.note().orElseThrow()).contains("lower end 0: a spread is never below 0");
            Interval ratio = r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).interval().orElseThrow();
            assertThat(ratio.upper()).isEqualTo(1.0);
            assertThat(ratio.lower()).isBetween(0.85, 0.9);
            for (Disparity d : r.fairnessMetrics().values()) {
                assertThat(d.interval().orElseThrow().contains(d.asDouble())).as(d.toString()).isTrue();
            }
        }
    }

    /**
     * Case 2: a worst-group metric names its group and carries that group's interval from the simultaneous family,
     * which every group's comparison shares; no resample picks another group.
     */
    @Test
    void worstGroupCarriesItsFamilyInterval() {
        FairnessData d = groups(new int[] {500, 500, 500}, new int[] {250, 150, 240});
        FairnessReport r = report(d, Bootstrap.bca(1000).seed(42));
        Disparity di = r.fairness(FairnessMetric.DISPARATE_IMPACT);
        assertThat(di.groups()).containsExactly(B, A);
        assertThat(di.asDouble()).isCloseTo(0.6, within(1e-12));
        List<Disparity> family = r.fairnessByGroup(FairnessMetric.DISPARATE_IMPACT);
        assertThat(family).hasSize(2);
        assertThat(di.interval()).isEqualTo(family.get(0).interval());
        Interval i = di.interval().orElseThrow();
        assertThat(i.upper()).isLessThan(0.75);
        assertThat(i.lower()).isGreaterThan(0.45);
        assertThat(i.method()).contains("over 2 comparisons");
        assertThat(family.get(1).interval().orElseThrow().contains(1.0)).isTrue();
        assertThat(r.interval(Estimand.fairness(FairnessMetric.DISPARATE_IMPACT, GroupKey.of("s", "C"))))
                .isEqualTo(family.get(1).interval());
    }

    /** Case 3: a group with no selection gets no [0, 0] bootstrap interval: the closed form, and why. */
    @Test
    void degenerateBootstrapFallsBackToTheClosedFormWithAFlag() {
        FairnessReport r = report(two(50, 10, 50, 0), Bootstrap.bca(2000).seed(42));
        Interval sr = r.interval(SR_B).orElseThrow();
        Interval wilson = ProportionInterval.WILSON.interval(0, 50, 0.95);
        assertThat(sr.lower()).isZero();
        assertThat(sr.upper()).isEqualTo(wilson.upper());
        assertThat(sr.method()).isEqualTo("Wilson score");
        assertThat(sr.note()).hasValue("bootstrap degenerate: group B has 0 of 50 for selection_rate (fewer than 5 "
                + "events or non-events)");
        Interval ratio = r.interval(RATIO_B).orElseThrow();
        assertThat(ratio.lower()).isZero();
        assertThat(ratio.upper()).isBetween(0.3, 0.5);
        assertThat(ratio.method()).startsWith("MOVER-R ratio");
    }

    /** Case 4: a resample whose reference draws no event gives the ratio +∞, ordered, not dropped. */
    @Test
    void ratioOverAZeroReferenceIsOrderedAsInfinity() {
        FairnessData d = two(50, 3, 50, 10);
        Fairness config = Fairness.of(d).groupBy("s").metrics(Metrics.SELECTION_RATE).reference("A");
        BootstrapDistribution dist = Bootstrap.percentile(2000).seed(42)
                .distribution(TestData.request(config, d, 1)).distribution(RATIO_B).orElseThrow();
        assertThat(dist.undefinedDraws()).isZero();
        long infinite = java.util.Arrays.stream(dist.draws()).filter(x -> x == Double.POSITIVE_INFINITY).count();
        assertThat(infinite).isBetween(60L, 120L);
        assertThat(dist.quantile(0.975)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(dist.quantile(0.025)).isFinite();
    }

    /** Case 5: the posterior interval of an observed 0 starts at 0, as the Jeffreys interval does. */
    @Test
    void posteriorIntervalsKeepTheBoundaryRule() {
        FairnessReport r = report(two(50, 10, 50, 0), Bayesian.jeffreys().seed(42));
        Interval sr = r.interval(SR_B).orElseThrow();
        Interval jeffreys = ProportionInterval.JEFFREYS.interval(0, 50, 0.95);
        assertThat(sr.lower()).isZero();
        assertThat(sr.upper()).isCloseTo(jeffreys.upper(), within(1e-9));
        Interval ratio = r.interval(RATIO_B).orElseThrow();
        assertThat(ratio.lower()).isZero();
        assertThat(ratio.contains(0)).isTrue();
        Interval diff = r.interval(Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, Metrics.SELECTION_RATE, B))
                .orElseThrow();
        assertThat(diff.contains(-0.2)).isTrue();
        assertThat(diff.method()).startsWith("MOVER difference, Jeffreys");
    }

    /** Case 6: a group without rows in a rate's denominator gives an undefined row, not an exception. */
    @Test
    void groupComparisonsReportAnUndefinedRowForAnEmptyDenominator() {
        int[] y = {1, 1, 0, 0, 0, 0, 0, 0};
        int[] p = {1, 0, 1, 0, 1, 0, 0, 0};
        String[] g = {"A", "A", "A", "A", "B", "B", "B", "B"};
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("s", g).build();
        FairnessReport r = Fairness.of(d).groupBy("s").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .reference("A").evaluate();
        assertThatCode(() -> GroupComparisons.of(r).compute()).doesNotThrowAnyException();
        Comparison tpr = GroupComparisons.of(r).compute().rows(Metrics.TRUE_POSITIVE_RATE).get(0);
        assertThat(tpr.test().pValue().isDefined()).isFalse();
        assertThat(tpr.test().pValue().reason()).hasValue("the group has no rows in the rate's denominator");
        assertThat(tpr.difference().isDefined()).isFalse();
        assertThat(GroupComparisons.of(r).compute().familySize()).isEqualTo(1);
    }

    /**
     * Case 7: five of five against 414 of 822 is Fisher's exact test (p 0.062), not the z test (0.027), and the
     * detectable difference is computed at the family's adjusted level.
     */
    @Test
    void smallCountsUseTheExactTestAndPowerAtTheFamilyLevel() {
        FairnessData d = groups(new int[] {822, 5}, new int[] {414, 5});
        int[] y = new int[827];
        java.util.Arrays.fill(y, 1);
        FairnessData allPositive = FairnessData.builder().labels(y).predictions(predictions(d))
                .sensitive("s", labels(d)).build();
        FairnessReport r = Fairness.of(allPositive).groupBy("s").metrics(Metrics.TRUE_POSITIVE_RATE,
                Metrics.SELECTION_RATE).reference("A").evaluate();
        GroupComparisons cmp = GroupComparisons.of(r).compute();
        Comparison c = cmp.rows(Metrics.TRUE_POSITIVE_RATE).get(0);
        assertThat(c.test().method()).startsWith("Fisher exact test");
        assertThat(c.test().pValue().value()).isCloseTo(0.062, within(0.001));
        GroupComparisons single = GroupComparisons.of(r).metrics(Metrics.TRUE_POSITIVE_RATE).compute();
        assertThat(cmp.familySize()).isEqualTo(2);
        // a larger family tests at a smaller level, so it needs a larger difference to detect
        assertThat(c.detectableDown().value()).isGreaterThan(single.rows().get(0).detectableDown().value());
    }

    private static int[] predictions(FairnessData d) {
        int[] p = new int[d.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = d.prediction(i);
        }
        return p;
    }

    private static String[] labels(FairnessData d) {
        String[] s = new String[d.rows()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 822 ? "A" : "B";
        }
        return s;
    }

    /** Parity within a margin is shown for tied large groups, and not for a real gap or a tiny sample. */
    @Test
    void equivalenceTestShowsParityOnlyWhenTheDataDo() {
        FairnessReport tied = Fairness.of(two(1000, 300, 1000, 300)).groupBy("s").evaluate();
        org.fairkit.stats.ParityEquivalence.Result r = org.fairkit.stats.ParityEquivalence.of(tied)
                .test(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.05, 0.05);
        assertThat(r.equivalent()).as(r.toString()).isTrue();
        assertThat(r.bound().upper()).isLessThan(0.05);
        assertThat(org.fairkit.stats.ParityEquivalence.of(tied).test(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, 0.8, 0.05)
                .equivalent()).isTrue();
        FairnessReport gap = Fairness.of(two(1000, 300, 1000, 240)).groupBy("s").evaluate();
        assertThat(org.fairkit.stats.ParityEquivalence.of(gap).test(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                0.05, 0.05).equivalent()).isFalse();
        FairnessReport small = Fairness.of(two(30, 9, 30, 9)).groupBy("s").evaluate();
        assertThat(org.fairkit.stats.ParityEquivalence.of(small).test(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                0.05, 0.05).equivalent()).as("a tie on 30 rows shows nothing").isFalse();
    }
}
