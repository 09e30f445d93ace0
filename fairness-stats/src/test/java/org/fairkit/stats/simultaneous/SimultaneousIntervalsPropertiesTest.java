package org.fairkit.stats.simultaneous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Map;
import java.util.SplittableRandom;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.stats.proportion.Mover;
import org.fairkit.stats.proportion.ProportionInterval;
import org.junit.jupiter.api.Test;

/** Properties of the simultaneous intervals on random counts, with empty cells, event-free and one-row groups. */
class SimultaneousIntervalsPropertiesTest {
    private static final String[] NAMES = {"A", "B", "C", "D", "E"};

    /** Random cell counts for k groups, one cell array per group name; some groups tiny or without events. */
    private static long[][] counts(long seed, int k) {
        SplittableRandom r = new SplittableRandom(seed);
        long[][] c = new long[k][4];
        for (int g = 0; g < k; g++) {
            int shape = r.nextInt(6);
            int n = shape == 0 ? 1 : shape == 1 ? r.nextInt(2, 8) : r.nextInt(8, 300);
            double sel = shape == 2 ? 0 : r.nextDouble();
            for (int i = 0; i < n; i++) {
                int y = r.nextDouble() < 0.5 ? 1 : 0;
                int p = r.nextDouble() < sel ? 1 : 0;
                c[g][2 * y + p]++; // TN, FP, FN, TP
            }
        }
        return c;
    }

    private static Map<Estimand, Interval> intervals(long[][] c, int[] names, Map<Estimand, MetricValue>[] points) {
        int k = c.length;
        int[] y = new int[4 * k];
        int[] p = new int[4 * k];
        String[] s = new String[4 * k];
        for (int i = 0; i < 4 * k; i++) {
            s[i] = NAMES[names[i / 4]];
            y[i] = (i % 4) / 2;
            p[i] = i % 2;
        }
        FairnessData skeleton = FairnessData.builder().labels(y).predictions(p).sensitive("s", s).build();
        EvaluationSpec spec = Fairness.of(skeleton).groupBy("s")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.values()).reference(NAMES[names[0]]).spec();
        Grouping grouping = skeleton.grouping(spec.groupBy());
        CellCounts[] cs = new CellCounts[k];
        for (int g = 0; g < k; g++) {
            cs[grouping.groups().indexOf(GroupKey.of("s", NAMES[names[g]]))] = CellCounts.of(c[g][0], c[g][1],
                    c[g][2], c[g][3]);
        }
        GroupConfusion tally = GroupConfusion.of(cs);
        GroupResults est = GroupResults.derive(spec, grouping, tally);
        points[0] = est.values();
        return SimultaneousIntervals.estimate(new IntervalRequest(skeleton, spec, grouping, tally, est, 1), 0.95,
                SimultaneousIntervals.NO_DRAWS, 0.1).intervals();
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyIntervalHoldsItsEstimateAndStaysInTheQuantitysRange() {
        qt().withExamples(300).forAll(longs().all(), integers().between(2, 5)).checkAssert((seed, k) -> {
            Map<Estimand, MetricValue>[] points = new Map[1];
            Map<Estimand, Interval> cis = intervals(counts(seed, k), new int[] {0, 1, 2, 3, 4}, points);
            for (Map.Entry<Estimand, Interval> e : cis.entrySet()) {
                double v = points[0].get(e.getKey()).value();
                Interval i = e.getValue();
                assertThat(i.lower() <= v + 1e-12 && v <= i.upper() + 1e-12).as("%s = %s %s", e.getKey(), v, i)
                        .isTrue();
                switch (e.getKey().kind()) {
                    case DIFFERENCE:
                    case DIFFERENCE_TO_OVERALL:
                        assertThat(i.lower()).as("%s", e.getKey()).isGreaterThanOrEqualTo(0);
                        break;
                    case RATIO:
                    case RATIO_TO_OVERALL:
                        assertThat(i.lower()).isGreaterThanOrEqualTo(0);
                        assertThat(i.upper()).isLessThanOrEqualTo(1);
                        break;
                    default:
                }
            }
        });
    }

    /** The same groups under other names and in another order give the same intervals for every spread. */
    @SuppressWarnings("unchecked")
    @Test
    void spreadIntervalsAreInvariantUnderGroupRelabeling() {
        qt().withExamples(200).forAll(longs().all(), integers().between(2, 5)).checkAssert((seed, k) -> {
            long[][] c = counts(seed, k);
            int[] ids = {0, 1, 2, 3, 4};
            int[] shuffled = {4, 3, 2, 1, 0};
            Map<Estimand, MetricValue>[] p = new Map[1];
            Map<Estimand, Interval> a = intervals(c, ids, p);
            Map<Estimand, Interval> b = intervals(c, shuffled, p);
            for (Map.Entry<Estimand, Interval> e : a.entrySet()) {
                Estimand.Kind kind = e.getKey().kind();
                boolean spread = kind == Estimand.Kind.DIFFERENCE || kind == Estimand.Kind.RATIO
                        || kind == Estimand.Kind.DIFFERENCE_TO_OVERALL || kind == Estimand.Kind.RATIO_TO_OVERALL
                        || (kind == Estimand.Kind.FAIRNESS_METRIC
                                && !FairnessMetric.byId(e.getKey().metricId()).needsReference());
                if (spread) {
                    Interval other = b.get(e.getKey());
                    assertThat(other).as("%s", e.getKey()).isNotNull();
                    assertThat(other.lower()).as("%s", e.getKey()).isCloseTo(e.getValue().lower(), within(1e-12));
                    assertThat(other.upper()).as("%s", e.getKey()).isCloseTo(e.getValue().upper(), within(1e-12));
                }
            }
        });
    }

    @Test
    void moverRatioHoldsTheEstimateAndNeverGoesBelowZero() {
        qt().withExamples(500).forAll(integers().between(1, 200), integers().between(1, 200), doubles().between(0, 1),
                doubles().between(0, 1)).checkAssert((n1, n2, f1, f2) -> {
                    long x1 = Math.round(f1 * n1);
                    long x2 = Math.max(1, Math.round(f2 * n2));
                    Interval a = ProportionInterval.WILSON.interval(x1, n1, 0.95);
                    Interval b = ProportionInterval.WILSON.interval(x2, n2, 0.95);
                    double p1 = (double) x1 / n1;
                    double p2 = (double) x2 / n2;
                    double[] r = Mover.ratio(p1, a.lower(), a.upper(), p2, b.lower(), b.upper());
                    assertThat(r[0]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p1 / p2);
                    assertThat(r[1]).isGreaterThanOrEqualTo(p1 / p2);
                    if (x1 == 0) {
                        assertThat(r[0]).isZero();
                    }
                });
    }

    /** With Wilson components and (1, −1), MOVER is Newcombe's interval, to the last bit. */
    @Test
    void moverDifferenceWithWilsonIsNewcombe() {
        qt().withExamples(300).forAll(integers().between(1, 300), integers().between(1, 300), doubles().between(0, 1),
                doubles().between(0, 1)).checkAssert((n1, n2, f1, f2) -> {
                    long x1 = Math.round(f1 * n1);
                    long x2 = Math.round(f2 * n2);
                    Interval mover = org.fairkit.stats.proportion.TwoProportionIntervals.moverDifference(x1, n1, x2, n2,
                            0.95, ProportionInterval.WILSON).interval().orElseThrow();
                    Interval newcombe = org.fairkit.stats.proportion.TwoProportionIntervals.newcombeDifference(x1, n1,
                            x2, n2, 0.95).interval().orElseThrow();
                    assertThat(mover.lower()).isEqualTo(newcombe.lower());
                    assertThat(mover.upper()).isEqualTo(newcombe.upper());
                });
    }
}
