package org.fairkit.mitigation.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Pareto flags and the recommendation on random point clouds, against an independent sort-based reference. */
class ParetoPropertiesTest {
    private static final int EXAMPLES = 300;

    /** A cloud of n points on a coarse lattice (so ties are frequent), some undefined. */
    private static double[][] cloud(long seed, int n) {
        Random r = new Random(seed);
        double[] gain = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            gain[i] = r.nextInt(8) / 8.0;
            loss[i] = r.nextInt(8) / 16.0;
            if (r.nextInt(10) == 0) {
                gain[i] = Double.NaN;
            }
            if (r.nextInt(10) == 0) {
                loss[i] = Double.NaN;
            }
        }
        return new double[][] {gain, loss};
    }

    /**
     * The reference skyline: a defined point is optimal iff its loss is below the smallest loss of the points with a
     * strictly larger gain, and it has the smallest loss among the points of equal gain.
     */
    private static boolean[] skyline(double[] gain, double[] loss) {
        boolean[] out = new boolean[gain.length];
        for (int b = 0; b < gain.length; b++) {
            if (Double.isNaN(gain[b]) || Double.isNaN(loss[b])) {
                continue;
            }
            double minAbove = Double.POSITIVE_INFINITY;
            double minEqual = Double.POSITIVE_INFINITY;
            for (int a = 0; a < gain.length; a++) {
                if (Double.isNaN(gain[a]) || Double.isNaN(loss[a])) {
                    continue;
                }
                if (gain[a] > gain[b]) {
                    minAbove = Math.min(minAbove, loss[a]);
                } else if (gain[a] == gain[b]) {
                    minEqual = Math.min(minEqual, loss[a]);
                }
            }
            out[b] = loss[b] < minAbove && loss[b] == minEqual;
        }
        return out;
    }

    @Test
    void paretoSetIsExactlyTheNonDominatedPoints() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, n) -> {
            double[][] c = cloud(seed, n);
            assertThat(Pareto.optimal(c[0], c[1])).isEqualTo(skyline(c[0], c[1]));
        });
    }

    @Test
    void everyDefinedPointOffTheSetIsDominatedByAParetoPoint() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 40)).checkAssert((seed, n) -> {
            double[][] c = cloud(seed, n);
            boolean[] p = Pareto.optimal(c[0], c[1]);
            for (int b = 0; b < n; b++) {
                for (int a = 0; a < n; a++) {
                    if (p[a] && p[b]) {
                        assertThat(Pareto.dominates(c[0][a], c[1][a], c[0][b], c[1][b])).isFalse();
                    }
                }
                if (!p[b] && !Double.isNaN(c[0][b]) && !Double.isNaN(c[1][b])) {
                    int bb = b;
                    assertThat(java.util.stream.IntStream.range(0, n).anyMatch(a -> p[a]
                            && Pareto.dominates(c[0][a], c[1][a], c[0][bb], c[1][bb]))).isTrue();
                }
            }
        });
    }

    @Test
    void paretoSetIsInvariantUnderPointOrder() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, n) -> {
            double[][] c = cloud(seed, n);
            boolean[] p = Pareto.optimal(c[0], c[1]);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
            double[] g = new double[n];
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = c[0][order.get(i)];
                l[i] = c[1][order.get(i)];
            }
            boolean[] q = Pareto.optimal(g, l);
            for (int i = 0; i < n; i++) {
                assertThat(q[i]).isEqualTo(p[order.get(i)]);
            }
        });
    }

    @Test
    void tiedPointsAreBothParetoOptimalAndUndefinedPointsNever() {
        assertThat(Pareto.optimal(new double[] {0.9, 0.9, 0.8, Double.NaN}, new double[] {0.1, 0.1, 0.05, 0}))
                .containsExactly(true, true, true, false);
        assertThat(Pareto.optimal(new double[] {0.9, 0.8}, new double[] {0.1, 0.1})).containsExactly(true, false);
        assertThatThrownBy(() -> Pareto.optimal(new double[1], new double[2]))
                .hasMessage("gain and loss need one value per point, got 1 and 2");
    }

    /** Random frontier points: knobs are distinct; about one in ten has no disparity interval. */
    static List<TradeOffPoint> points(long seed, int n) {
        Random r = new Random(seed);
        List<TradeOffPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double acc = r.nextInt(10) / 10.0;
            double d = r.nextInt(6) / 20.0;
            double up = Math.min(1, d + r.nextInt(4) / 40.0);
            Optional<Interval> di = r.nextInt(10) == 0 ? Optional.empty()
                    : Optional.of(new Interval(0, up, 0.95, "test", 0, 0));
            MetricValue m = r.nextInt(15) == 0 ? MetricValue.undefined("test") : MetricValue.of(acc);
            Disparity disp = Disparity.of(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE.id(), MetricValue.of(d),
                    List.of(), List.of());
            disp = di.map(disp::withInterval).orElse(disp);
            out.add(new TradeOffPoint(i * 0.01, m, Optional.empty(), disp, d, di.isPresent() ? up : Double.NaN, m,
                    MetricValue.of(d), false, false));
        }
        return out;
    }

    private static Frontier frontier(List<TradeOffPoint> points) {
        return new Frontier("knob", Metrics.ACCURACY, FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.1, 100, "test",
                points);
    }

    @Test
    void theRecommendedPointIsParetoOptimal() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 30)).checkAssert((seed, n) -> {
            Frontier f = frontier(points(seed, n));
            boolean anyDefined = f.points().stream().anyMatch(TradeOffPoint::isDefined);
            assertThat(f.recommended().isPresent()).isEqualTo(anyDefined);
            f.recommended().ifPresent(p -> assertThat(p.pareto()).isTrue());
        });
    }

    @Test
    void theRecommendationFollowsItsStatedRule() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 30)).checkAssert((seed, n) -> {
            Frontier f = frontier(points(seed, n));
            List<TradeOffPoint> acceptable = f.points().stream().filter(TradeOffPoint::pareto)
                    .filter(p -> p.distanceUpper() <= 0.1).toList();
            if (!acceptable.isEmpty()) {
                double best = acceptable.stream().mapToDouble(p -> p.metric().value()).max().orElseThrow();
                assertThat(f.recommended().orElseThrow().metric().value()).isEqualTo(best);
                assertThat(f.reason()).contains("has the best accuracy");
            } else if (f.recommended().isPresent()) {
                double least = f.pareto().stream().mapToDouble(TradeOffPoint::distance).min().orElseThrow();
                assertThat(f.recommended().get().distance()).isEqualTo(least);
                assertThat(f.reason()).startsWith("no Pareto-optimal point's demographic_parity_difference interval");
            }
        });
    }

    @Test
    void theFrontierIsInvariantUnderPointOrder() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 30)).checkAssert((seed, n) -> {
            List<TradeOffPoint> pts = points(seed, n);
            Frontier f = frontier(pts);
            List<TradeOffPoint> shuffled = new ArrayList<>(pts);
            Collections.shuffle(shuffled, new Random(~seed));
            Frontier g = frontier(shuffled);
            assertThat(g.recommended().map(TradeOffPoint::knob)).isEqualTo(f.recommended().map(TradeOffPoint::knob));
            assertThat(g.pareto().stream().map(TradeOffPoint::knob).sorted().toList())
                    .isEqualTo(f.pareto().stream().map(TradeOffPoint::knob).sorted().toList());
            assertThat(g.reason()).isEqualTo(f.reason());
        });
    }

    @Test
    void distanceFromParityOfRatiosAndDifferences() {
        FairnessMetric ratio = FairnessMetric.DEMOGRAPHIC_PARITY_RATIO;
        assertThat(Frontier.distanceFromParity(ratio, 0.8)).isEqualTo(1 - 0.8);
        assertThat(Frontier.distanceFromParity(ratio, 1.25)).isEqualTo(1 - 0.8);
        assertThat(Frontier.distanceFromParity(ratio, 0)).isEqualTo(1);
        assertThat(Frontier.distanceFromParity(ratio, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Frontier.distanceFromParity(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, -0.3)).isEqualTo(0.3);
        assertThat(Frontier.distanceUpper(ratio, new Interval(0.7, 1.1, 0.95, "t", 0, 0)))
                .isEqualTo(Arrays.stream(new double[] {1 - 0.7, 1 - 1 / 1.1}).max().orElseThrow());
    }

    @Test
    void toStringIsAFixedWidthTableWithTheMarksAndTheReason() {
        Interval mi = new Interval(0.78, 0.82, 0.95, "m", 0, 0);
        List<TradeOffPoint> pts = List.of(
                new TradeOffPoint(0, MetricValue.of(0.8), Optional.of(mi), Disparity.of("demographic_parity_difference",
                        MetricValue.of(0.01), List.of(), List.of()).withInterval(new Interval(0, 0.03, 0.95, "d", 0, 0)),
                        0.01, 0.03, MetricValue.of(0.8), MetricValue.of(0.01), false, false),
                new TradeOffPoint(0.1, MetricValue.of(0.85), Optional.empty(), Disparity.of(
                        "demographic_parity_difference", MetricValue.of(0.08), List.of(), List.of()), 0.08, Double.NaN,
                        MetricValue.of(0.85), MetricValue.of(0.08), true, false),
                new TradeOffPoint(0.2, MetricValue.of(0.79), Optional.empty(), Disparity.of(
                        "demographic_parity_difference", MetricValue.undefined("no rows"), List.of(), List.of()),
                        Double.NaN, Double.NaN, MetricValue.of(0.79), MetricValue.undefined("no rows"), false, false));
        Frontier f = new Frontier("tolerance", Metrics.ACCURACY, FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.05,
                1000, "test intervals", pts);
        assertThat(f.toString()).isEqualTo("""
                Trade-off over tolerance on 1000 held-out rows: accuracy against demographic_parity_difference
                    tolerance    accuracy  interval               disparity  interval            \n\
                >*     0.0000      0.8000  [0.7800, 0.8200]          0.0100  [0.0000, 0.0300]    \n\
                 *     0.1000      0.8500  -                         0.0800  -                   \n\
                       0.2000      0.7900  -                      undefined  -                   \n\
                * Pareto-optimal; > recommended: tolerance = 0 has the best accuracy (0.8000) of the Pareto-optimal \
                points whose demographic_parity_difference is shown within 0.0500 of parity: over its 95% interval the \
                distance from parity is at most 0.0300 <= 0.0500; all 3 points are listed
                Intervals: test intervals
                """);
        assertThat(f.pareto()).extracting(TradeOffPoint::knob).containsExactly(0.0, 0.1);
        assertThat(f.recommendedIndex()).hasValue(0);
    }
}
