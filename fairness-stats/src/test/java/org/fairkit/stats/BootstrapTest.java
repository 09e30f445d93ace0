package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Map;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.bootstrap.BootstrapResult;
import org.fairkit.stats.support.TestData;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final int[] SIZES = {400, 250, 120};
    private static final double[] RATES = {0.55, 0.35, 0.45};

    private static FairnessData typical(long seed) {
        return TestData.groups(seed, SIZES, RATES, 0.4, null);
    }

    private static Fairness config(FairnessData d) {
        return Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .reference("A");
    }

    private static Estimand sr(String group) {
        return Estimand.groupValue(Metrics.SELECTION_RATE, GroupKey.of("g", group));
    }

    private static final Estimand SR_DIFF = Estimand.aggregate(Estimand.Kind.DIFFERENCE, Metrics.SELECTION_RATE);
    private static final Estimand SR_REF_DIFF = Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE,
            Metrics.SELECTION_RATE, GroupKey.of("g", "B"));

    @Test
    void sameSeedGivesIdenticalIntervalsOnOneTwoAndThreeThreads() {
        FairnessData d = typical(1);
        for (Bootstrap b : new Bootstrap[] {Bootstrap.bca(300).seed(42), Bootstrap.percentile(300).seed(42)
                .resampleRows(), Bootstrap.basic(300).seed(42).stratified(false)}) {
            Map<Estimand, Interval> one = b.estimate(TestData.request(config(d), d, 1));
            Map<Estimand, Interval> two = b.estimate(TestData.request(config(d), d, 2));
            Map<Estimand, Interval> three = b.estimate(TestData.request(config(d), d, 3));
            assertThat(one).isNotEmpty().isEqualTo(two).isEqualTo(three);
        }
    }

    @Test
    void differentSeedsGiveDifferentDraws() {
        FairnessData d = typical(1);
        IntervalRequest r = TestData.request(config(d), d, 1);
        double[] a = Bootstrap.percentile(200).seed(1).distribution(r).distribution(SR_DIFF).orElseThrow().draws();
        double[] b = Bootstrap.percentile(200).seed(2).distribution(r).distribution(SR_DIFF).orElseThrow().draws();
        assertThat(a).isNotEqualTo(b);
    }

    /**
     * The cell-count path and the row path draw from the same distribution. With B = 4000 resamples, the mean
     * of a resampled rate has Monte-Carlo sd sigma/sqrt(B) (sigma ~ 0.025-0.045), and the variance a relative sd of
     * about sqrt(2/B) = 2.2%: means must agree within 4 sigma*sqrt(2/B), variances within 12%.
     */
    @Test
    void cellCountPathAndRowPathAgreeInDistribution() {
        FairnessData d = typical(5);
        for (boolean stratified : new boolean[] {true, false}) {
            IntervalRequest r = TestData.request(config(d), d, 2);
            BootstrapResult fast = Bootstrap.percentile(4000).seed(11).stratified(stratified).distribution(r);
            BootstrapResult rows = Bootstrap.percentile(4000).seed(12).stratified(stratified).resampleRows()
                    .distribution(r);
            assertThat(fast.resampledRows()).isFalse();
            assertThat(rows.resampledRows()).isTrue();
            for (Estimand e : new Estimand[] {sr("A"), sr("C"), SR_DIFF,
                Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, Metrics.SELECTION_RATE, GroupKey.of("g", "B"))}) {
                BootstrapDistribution f = fast.distribution(e).orElseThrow();
                BootstrapDistribution w = rows.distribution(e).orElseThrow();
                double se = f.standardError();
                assertThat(Math.abs(f.mean() - w.mean())).as("mean of %s, stratified %s", e, stratified)
                        .isLessThan(4 * se * Math.sqrt(2.0 / 4000));
                assertThat(f.standardError() / w.standardError()).as("sd of %s", e).isBetween(0.94, 1.06);
            }
        }
    }

    @Test
    void stratifiedResamplesKeepGroupSizesAndUnstratifiedDoNot() {
        FairnessData d = typical(5);
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.COUNT, Metrics.SELECTION_RATE)
                .fairnessMetrics();
        IntervalRequest r = TestData.request(c, d, 1);
        Estimand count = Estimand.groupValue(Metrics.COUNT, GroupKey.of("g", "C"));
        double[] strat = Bootstrap.percentile(200).distribution(r).distribution(count).orElseThrow().draws();
        double[] free = Bootstrap.percentile(200).stratified(false).distribution(r).distribution(count).orElseThrow()
                .draws();
        assertThat(Arrays.stream(strat).distinct().toArray()).containsExactly(120.0);
        assertThat(Arrays.stream(free).distinct().count()).isGreaterThan(10);
    }

    @Test
    void percentileIntervalsContainThePointEstimateOnTypicalData() {
        qt().withExamples(15).forAll(longs().between(1, 1_000_000), integers().between(80, 400)).checkAssert(
                (seed, n) -> {
                    FairnessData d = TestData.groups(seed, new int[] {n, n / 2 + 40}, new double[] {0.3, 0.6}, 0.5,
                            null);
                    IntervalRequest r = TestData.request(config(d), d, 1);
                    BootstrapResult res = Bootstrap.percentile(400).seed(seed).distribution(r);
                    Map<Estimand, org.fairkit.core.metrics.MetricValue> points = r.estimates().values();
                    for (Map.Entry<Estimand, Interval> e : res.intervals().entrySet()) {
                        if (e.getKey().kind() == Estimand.Kind.GROUP_VALUE || e.getKey().kind()
                                == Estimand.Kind.OVERALL_VALUE || e.getKey().kind() == Estimand.Kind.REFERENCE_DIFFERENCE) {
                            assertThat(e.getValue().contains(points.get(e.getKey()).value())).as("%s %s", e, points
                                    .get(e.getKey())).isTrue();
                        }
                    }
                });
    }

    /**
     * Group C has 20 rows and 1 positive: a resample has no positive with probability (19/20)^20 = 0.358, so
     * its TPR is undefined in about 36% of the resamples. They are counted; above the 10% default the interval is
     * omitted with a reason; with a 50% allowance it is given and says how many were undefined.
     */
    @Test
    void undefinedResamplesAreCountedAndTooManyOmitTheInterval() {
        int[] y = new int[120];
        int[] p = new int[120];
        String[] g = new String[120];
        for (int i = 0; i < 120; i++) {
            g[i] = i < 100 ? "A" : "C";
            y[i] = i < 100 ? i % 2 : (i == 100 ? 1 : 0);
            p[i] = i % 3 == 0 ? 1 : 0;
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build();
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.TRUE_POSITIVE_RATE).fairnessMetrics();
        IntervalRequest r = TestData.request(c, d, 1);
        Estimand tprC = Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE, GroupKey.of("g", "C"));
        Estimand diff = Estimand.aggregate(Estimand.Kind.DIFFERENCE, Metrics.TRUE_POSITIVE_RATE);

        BootstrapResult strict = Bootstrap.percentile(2000).seed(3).distribution(r);
        assertThat(strict.intervals()).doesNotContainKey(tprC);
        assertThat(strict.omitted().get(tprC)).matches("undefined in \\d+ of 2000 resamples \\(.*%\\), more than the "
                + "10.0% allowed");
        int undefined = strict.distribution(tprC).orElseThrow().undefinedDraws();
        assertThat(undefined / 2000.0).isBetween(0.33, 0.39);

        BootstrapResult loose = Bootstrap.percentile(2000).seed(3).maxUndefinedShare(0.5).distribution(r);
        assertThat(loose.distribution(tprC).orElseThrow().undefinedDraws()).isEqualTo(undefined);
        // the difference needs two defined groups: undefined exactly when C's TPR is
        assertThat(loose.distribution(diff).orElseThrow().undefinedDraws()).isEqualTo(undefined);
        // with undefined draws tolerated, C's single positive still makes its resampled TPR degenerate (0 or 1):
        // the interval is the closed form, and says why
        Interval i = loose.intervals().get(tprC);
        assertThat(i.method()).isEqualTo("Wilson score");
        assertThat(i.note()).hasValue("bootstrap degenerate: group C has 0 of 1 for true_positive_rate (fewer than 5 "
                + "events or non-events)");

        // BCa without the degenerate group: the jackknife that deletes C's one positive leaves the A-vs-C comparison
        // undefined; acceleration 0, said so (A's TPR itself has a defined jackknife)
        BootstrapResult bca = Bootstrap.bca(2000).seed(3).maxUndefinedShare(0.5).distribution(r);
        assertThat(bca.distribution(diff).orElseThrow().acceleration()).isEmpty();
    }

    @Test
    void zeroDivisionErrorDoesNotAbortResamples() {
        int[] y = new int[60];
        int[] p = new int[60];
        String[] g = new String[60];
        for (int i = 0; i < 60; i++) {
            g[i] = i < 40 ? "A" : "C";
            y[i] = i < 40 ? i % 2 : (i == 45 ? 1 : 0);
            p[i] = i % 2;
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build();
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.TRUE_POSITIVE_RATE).fairnessMetrics()
                .zeroDivision(ZeroDivision.ERROR);
        BootstrapResult res = Bootstrap.percentile(500).distribution(TestData.request(c, d, 1));
        assertThat(res.distribution(Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE, GroupKey.of("g", "C")))
                .orElseThrow().undefinedDraws()).isGreaterThan(100);
    }

    @Test
    void weightedDataResamplesRowsAndUnitWeightsReproduceTheUnweightedRowPath() {
        FairnessData plain = typical(9);
        double[] ones = new double[plain.rows()];
        Arrays.fill(ones, 1.0);
        FairnessData unit = TestData.groups(9, SIZES, RATES, 0.4, ones);
        BootstrapResult w = Bootstrap.bca(300).seed(4).distribution(TestData.request(config(unit), unit, 2));
        BootstrapResult u = Bootstrap.bca(300).seed(4).resampleRows().distribution(TestData.request(config(plain),
                plain, 2));
        assertThat(w.resampledRows()).isTrue();
        assertThat(w.intervals()).isEqualTo(u.intervals());
    }

    @Test
    void integerWeightsChangeTheWeightedRates() {
        FairnessData plain = typical(9);
        double[] w = new double[plain.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 3;
        }
        FairnessData weighted = TestData.groups(9, SIZES, RATES, 0.4, w);
        BootstrapResult res = Bootstrap.bca(400).seed(4).distribution(TestData.request(config(weighted), weighted, 1));
        BootstrapDistribution a = res.distribution(sr("A")).orElseThrow();
        assertThat(a.acceleration()).isPresent();
        assertThat(res.intervals().get(sr("A")).contains(a.point())).isTrue();
        assertThat(res.description()).contains("row resampling");
    }

    @Test
    void reportAttachesIntervalsToEveryQuantity() {
        FairnessData d = typical(2);
        FairnessReport rep = Fairness.of(d).groupBy("g").reference("A").intervals(Bootstrap.bca(300).seed(42))
                .evaluate();
        Map<Estimand, org.fairkit.core.metrics.MetricValue> values = rep.results().values();
        for (Map.Entry<Estimand, org.fairkit.core.metrics.MetricValue> e : values.entrySet()) {
            boolean countAggregate = e.getKey().metricId().equals(Metrics.COUNT.id())
                    && e.getKey().kind() != Estimand.Kind.GROUP_VALUE && e.getKey().kind() != Estimand.Kind.OVERALL_VALUE;
            if (e.getValue().isDefined() && !countAggregate) {
                assertThat(rep.interval(e.getKey())).as("%s", e.getKey()).isPresent();
            }
        }
        // the row count is observed: its spreads get no interval (a resampled count spread is not an estimate)
        assertThat(rep.interval(Estimand.aggregate(Estimand.Kind.DIFFERENCE, Metrics.COUNT))).isEmpty();
        assertThat(rep.ratio(Metrics.SELECTION_RATE).interval()).isPresent();
        assertThat(rep.fairness(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE).interval()).isPresent();
        assertThat(rep.byGroup().get(1).intervals()).containsKey(Metrics.SELECTION_RATE);
        assertThat(rep.provenance().configuration().get("intervals")).isEqualTo(
                "bootstrap BCa, 300 resamples, level 0.95, seed 42, stratified by group, cell counts resampled "
                        + "(rows when weighted), max undefined share 0.1");
        Interval i = rep.interval(Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, Metrics.SELECTION_RATE,
                GroupKey.of("g", "B"))).orElseThrow();
        assertThat(i.method()).isEqualTo("bootstrap, 300 resamples, seed 42, stratified by group, cell-count "
                + "multinomial, BCa");
        assertThat(i.level()).isEqualTo(0.95);
        Interval spread = rep.ratio(Metrics.SELECTION_RATE).interval().orElseThrow();
        assertThat(spread.method()).startsWith("simultaneous MOVER-R with Wilson components over 3 comparisons");
    }

    @Test
    void settingsAreValidatedAndSetOnce() {
        assertThatThrownBy(() -> Bootstrap.bca(1)).hasMessage("resamples must be >= 2, got 1");
        assertThatThrownBy(() -> Bootstrap.bca(10).seed(1).seed(2)).hasMessage(
                "seed is already set; each setting is set once");
        assertThatThrownBy(() -> Bootstrap.bca(10).level(1.0)).hasMessage("level must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Bootstrap.bca(10).maxUndefinedShare(-0.1)).hasMessage(
                "maxUndefinedShare must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> Bootstrap.bca(10).resampleRows().resampleRows()).isInstanceOf(
                IllegalStateException.class);
    }

    @Test
    void basicIsThePercentileReflectedAroundThePoint() {
        FairnessData d = typical(3);
        IntervalRequest r = TestData.request(config(d), d, 1);
        Interval pc = Bootstrap.percentile(500).seed(8).estimate(r).get(SR_REF_DIFF);
        Interval ba = Bootstrap.basic(500).seed(8).estimate(r).get(SR_REF_DIFF);
        assertThat(pc.method()).endsWith("percentile");
        double theta = r.estimates().values().get(SR_REF_DIFF).value();
        assertThat(ba.lower()).isCloseTo(2 * theta - pc.upper(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ba.upper()).isCloseTo(2 * theta - pc.lower(), org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * The count-space jackknife (one value per cell, or per distinct weight in a cell, with multiplicities) gives
     * the same acceleration as deleting each row in turn and re-tallying.
     */
    @Test
    void countSpaceJackknifeEqualsTheRowByRowJackknife() {
        for (boolean weighted : new boolean[] {false, true}) {
            int n = 90;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = 1 + (i * 7) % 3;
            }
            FairnessData d = TestData.groups(21, new int[] {50, 40}, new double[] {0.6, 0.3}, 0.5,
                    weighted ? w : null);
            Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                    .reference("A");
            BootstrapResult res = Bootstrap.bca(50).distribution(TestData.request(c, d, 1));
            for (Estimand e : new Estimand[] {sr("A"), SR_DIFF, Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE,
                GroupKey.of("g", "B"))}) {
                double[] values = new double[n];
                for (int drop = 0; drop < n; drop++) {
                    FairnessData without = without(d, drop);
                    Fairness cw = Fairness.of(without).groupBy("g").metrics(Metrics.SELECTION_RATE,
                            Metrics.TRUE_POSITIVE_RATE).reference("A");
                    values[drop] = TestData.request(cw, without, 1).estimates().values().get(e).value();
                }
                double expected = org.fairkit.stats.bootstrap.Jackknife.acceleration(values);
                assertThat(res.distribution(e).orElseThrow().acceleration().orElseThrow()).as("%s weighted %s", e,
                        weighted).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    private static FairnessData without(FairnessData d, int drop) {
        int n = d.rows() - 1;
        int[] y = new int[n];
        int[] p = new int[n];
        String[] g = new String[n];
        double[] w = d.hasWeights() ? new double[n] : null;
        var grouping = d.grouping(java.util.List.of("g"));
        for (int i = 0, k = 0; i < d.rows(); i++) {
            if (i == drop) {
                continue;
            }
            y[k] = d.label(i);
            p[k] = d.prediction(i);
            g[k] = grouping.groups().get(grouping.groupOf(i)).levels().get(0);
            if (w != null) {
                w[k] = d.weight(i);
            }
            k++;
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p).sensitive("g", g);
        if (w != null) {
            b.weights(w);
        }
        return b.build();
    }

    /**
     * The cell-count path reads only the tally: a request whose tally holds three billion rows (far more than the
     * data) is bootstrapped in O(groups) per resample, and its intervals have the binomial width
     * 2 * 1.96 * sqrt(p (1 - p) / n) of three billion rows; resampling the data's rows would give the far wider
     * interval of its few rows. How long it takes is for a JMH benchmark, not a unit test.
     */
    @Test
    void cellCountPathCostDoesNotDependOnTheRowCount() {
        FairnessData d = typical(1);
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE).fairnessMetrics();
        IntervalRequest small = TestData.request(c, d, 1);
        long n = 1_000_000_000L;
        org.fairkit.core.tally.GroupConfusion huge = org.fairkit.core.tally.GroupConfusion.of(
                org.fairkit.core.tally.CellCounts.of(n / 2, n / 4, n / 8, n / 8),
                org.fairkit.core.tally.CellCounts.of(n / 4, n / 4, n / 4, n / 4),
                org.fairkit.core.tally.CellCounts.of(n / 2, n / 2, 0, 0));
        IntervalRequest big = new IntervalRequest(d, small.spec(), small.grouping(), huge,
                org.fairkit.core.GroupResults.derive(small.spec(), small.grouping(), huge), 1);
        Interval i = Bootstrap.bca(2000).seed(5).estimate(big).get(sr("A"));
        double expectedWidth = 2 * 1.959964 * Math.sqrt(0.375 * 0.625 / n);
        assertThat(i.upper() - i.lower()).isCloseTo(expectedWidth, org.assertj.core.data.Offset.offset(
                0.1 * expectedWidth));
        assertThat(i.contains(0.375)).isTrue();
    }
}
