package org.fairkit.mitigation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.mitigation.calibration.Cases.Case;
import org.junit.jupiter.api.Test;

/** Properties every calibrator must have, checked on random data with ties, zero weights and small groups. */
class CalibrationPropertiesTest {
    private static final int EXAMPLES = 300;

    /** Every method, with the property it promises. */
    static List<Calibration> methods() {
        return List.of(Calibration.isotonic(), Calibration.platt(), Calibration.platt(PlattTargets.LABELS),
                Calibration.beta(), Calibration.temperature(), Calibration.histogram(5, Binning.EQUAL_WIDTH),
                Calibration.histogram(4, Binning.EQUAL_MASS));
    }

    /** The fit, or null when the method has no fit on these rows (the error says so). */
    static Calibration.Fitted fitOrNull(Calibration c, Case k) {
        try {
            return c.fit(k.scores(), k.labels(), k.weights());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("cannot be fitted");
            return null;
        }
    }

    static double[] probe(Case k) {
        double[] p = new double[201 + k.size()];
        for (int i = 0; i <= 200; i++) {
            p[i] = i / 200.0;
        }
        System.arraycopy(k.scores(), 0, p, 201, k.size());
        Arrays.sort(p);
        return p;
    }

    @Test
    void isotonicOutputIsNonDecreasingAndWithinTheLabelRange() {
        qt().withExamples(EXAMPLES).forAll(Cases.fittable(1, 80)).checkAssert(k -> {
            ScoreMap m = Calibration.isotonic().fit(k.scores(), k.labels(), k.weights()).global();
            double prev = Double.NEGATIVE_INFINITY;
            for (double s : probe(k)) {
                double v = m.apply(s);
                assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev);
                prev = v;
            }
        });
    }

    @Test
    void everyMonotoneMethodMapsTheUnitIntervalIntoItselfAndNeverDecreases() {
        qt().withExamples(EXAMPLES).forAll(Cases.fittable(2, 120)).checkAssert(k -> {
            for (Calibration c : methods()) {
                Calibration.Fitted cal = fitOrNull(c, k);
                if (cal == null) {
                    continue;
                }
                ScoreMap m = cal.global();
                // Platt is monotone in the direction of its slope; histogram binning is not monotone.
                int direction = m instanceof PlattMap p && p.a() > 0 ? -1 : m instanceof HistogramMap ? 0 : 1;
                double prev = Double.NaN;
                for (double s : probe(k)) {
                    double v = m.apply(s);
                    // Plain checks: an AssertJ assertion per probe point would dominate the run time.
                    if (!(v >= 0 && v <= 1)) {
                        fail("%s maps %s to %s, outside [0, 1]", m, s, v);
                    }
                    if (!Double.isNaN(prev) && direction * (v - prev) < 0) {
                        fail("%s is not monotone (direction %d) at %s: %s then %s", m, direction, s, prev, v);
                    }
                    prev = v;
                }
            }
        });
    }

    @Test
    void betaShapeParametersAreNeverNegative() {
        qt().withExamples(EXAMPLES).forAll(Cases.fittable(3, 120)).checkAssert(k -> {
            Calibration.Fitted cal = fitOrNull(Calibration.beta(), k);
            if (cal != null) {
                BetaMap b = (BetaMap) cal.global();
                assertThat(b.a()).isGreaterThanOrEqualTo(0);
                assertThat(b.b()).isGreaterThanOrEqualTo(0);
            }
        });
    }

    /**
     * Weighted log loss of a logistic map on a case, written out independently of the fitting code, from the map's
     * log-odds {@code eta(s)}: {@code -log q = softplus(-eta)} and {@code -log(1 - q) = softplus(eta)}. Forming q
     * first and then {@code log(1 - q)} would lose every digit of {@code 1 - q} when q is within 1e-11 of 1 (a score
     * of 1.0 clipped to {@code 1 - 1e-12}), making the reference loss noisy at 1e-7 and the comparison meaningless.
     */
    private static double logLoss(Case k, java.util.function.DoubleUnaryOperator eta) {
        double sum = 0;
        for (int i = 0; i < k.size(); i++) {
            double w = k.weights() == null ? 1 : k.weights()[i];
            if (w > 0) {
                double e = eta.applyAsDouble(Math.min(Math.max(k.scores()[i], 1e-12), 1 - 1e-12));
                sum += w * softplus(k.labels()[i] == 1 ? -e : e);
            }
        }
        return sum;
    }

    /** {@code log(1 + e^x)} without overflow or cancellation. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Test
    void parametricFitsMinimizeTheirLogLossOverTheirFeasibleParameters() {
        qt().withExamples(150).forAll(Cases.fittable(3, 120), longs().all()).checkAssert((k, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            Calibration.Fitted beta = fitOrNull(Calibration.beta(), k);
            if (beta != null) {
                BetaMap m = (BetaMap) beta.global();
                double best = logLoss(k, s -> m.a() * Math.log(s) - m.b() * Math.log1p(-s) + m.c());
                for (int t = 0; t < 200; t++) {
                    double scale = t < 100 ? 1e-3 : t < 150 ? 0.1 : 3;
                    double a = Math.max(0, m.a() + scale * (r.nextDouble() - 0.5));
                    double b = Math.max(0, m.b() + scale * (r.nextDouble() - 0.5));
                    double c = m.c() + scale * (r.nextDouble() - 0.5);
                    double other = logLoss(k, s -> a * Math.log(s) - b * Math.log1p(-s) + c);
                    assertThat(best).as("beta %s vs a=%s b=%s c=%s", m, a, b, c)
                            .isLessThanOrEqualTo(other + 1e-9 * (1 + other));
                }
            }
            Calibration.Fitted platt = fitOrNull(Calibration.platt(PlattTargets.LABELS), k);
            if (platt != null) {
                PlattMap m = (PlattMap) platt.global();
                double best = logLoss(k, s -> -(m.a() * Math.log(s / (1 - s)) + m.b()));
                for (int t = 0; t < 100; t++) {
                    double scale = t < 50 ? 1e-3 : 1;
                    double a = m.a() + scale * (r.nextDouble() - 0.5);
                    double b = m.b() + scale * (r.nextDouble() - 0.5);
                    double other = logLoss(k, s -> -(a * Math.log(s / (1 - s)) + b));
                    assertThat(best).isLessThanOrEqualTo(other + 1e-9 * (1 + other));
                }
            }
            Calibration.Fitted temp = fitOrNull(Calibration.temperature(), k);
            if (temp != null) {
                TemperatureMap m = (TemperatureMap) temp.global();
                double inv = 1 / m.temperature();
                double best = logLoss(k, s -> inv * Math.log(s / (1 - s)));
                for (int t = 0; t < 100; t++) {
                    double other = Math.max(0, inv + (t < 50 ? 1e-3 : 1) * (r.nextDouble() - 0.5));
                    assertThat(best).isLessThanOrEqualTo(logLoss(k, s -> other * Math.log(s / (1 - s)))
                            * (1 + 1e-9) + 1e-9);
                }
            }
        });
    }

    @Test
    void pavMinimizesTheWeightedSquaredErrorAmongAllMonotoneFitsByBruteForce() {
        qt().withExamples(1000).forAll(lists().of(doubles().between(-3, 3)).ofSizeBetween(1, 8),
                longs().all()).checkAssert((ys, seed) -> {
                    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] w = new double[y.length];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = r.nextBoolean() ? 1.0 : 0.1 + 3 * r.nextDouble();
                        if (r.nextInt(4) == 0 && i > 0) {
                            y[i] = y[i - 1]; // ties in y
                        }
                    }
                    double[] pav = Pav.fit(y, w);
                    double[] best = BruteForce.isotonic(y, w);
                    assertThat(pav).containsExactly(best, within(1e-12));
                    for (int i = 1; i < pav.length; i++) {
                        assertThat(pav[i]).isGreaterThanOrEqualTo(pav[i - 1]);
                    }
                    // No random monotone fit does better (a direct check of optimality, independent of the
                    // block-mean argument behind the brute force).
                    double sse = BruteForce.sse(y, w, pav);
                    for (int t = 0; t < 50; t++) {
                        double[] f = new double[y.length];
                        for (int i = 0; i < f.length; i++) {
                            f[i] = pav[i] + (r.nextDouble() - 0.5) * (t < 25 ? 1e-3 : 2);
                        }
                        Arrays.sort(f);
                        assertThat(BruteForce.sse(y, w, f)).isGreaterThanOrEqualTo(sse - 1e-12);
                    }
                });
    }

    @Test
    void isotonicMapEqualsTheBruteForceFitOnTheTiedPooledPoints() {
        qt().withExamples(EXAMPLES).forAll(Cases.fittable(1, 14)).checkAssert(k -> {
            // Pool rows of positive weight by exact score, as scikit-learn does for ties.
            java.util.TreeMap<Double, double[]> pooled = new java.util.TreeMap<>();
            for (int i = 0; i < k.size(); i++) {
                double w = k.weights() == null ? 1 : k.weights()[i];
                if (w > 0) {
                    double[] acc = pooled.computeIfAbsent(k.scores()[i], x -> new double[2]);
                    acc[0] += w * k.labels()[i];
                    acc[1] += w;
                }
            }
            if (pooled.size() > 12) {
                return;
            }
            double[] y = pooled.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
            double[] w = pooled.values().stream().mapToDouble(a -> a[1]).toArray();
            double[] expected = BruteForce.isotonic(y, w);
            ScoreMap m = Calibration.isotonic().fit(k.scores(), k.labels(), k.weights()).global();
            int j = 0;
            for (double x : pooled.keySet()) {
                assertThat(m.apply(x)).as("fit at %s", x).isCloseTo(expected[j++], within(1e-12));
            }
        });
    }

    @Test
    void calibratorsAreInvariantUnderRowOrder() {
        qt().withExamples(150).forAll(Cases.fittable(2, 100), longs().all()).checkAssert((k, s) -> {
            Case shuffled = k.shuffled(s);
            for (Calibration c : methods()) {
                Calibration.Fitted a = fitOrNull(c, k);
                Calibration.Fitted b = fitOrNull(c, shuffled);
                assertThat(b == null).as("%s fits both orders or neither", c).isEqualTo(a == null);
                if (a == null) {
                    continue;
                }
                if (a.global() instanceof IsotonicMap ia && k.weights() == null) {
                    assertThat(b.global()).isEqualTo(ia); // ties are pooled in (score, label) order: exact
                }
                for (double p : probe(k)) {
                    if (!(Math.abs(b.apply(p) - a.apply(p)) <= 1e-9)) {
                        fail("%s at %s: %s in one order, %s in the other", c, p, a.apply(p), b.apply(p));
                    }
                }
            }
        });
    }

    @Test
    void perGroupFitGivesEachGroupTheMapItWouldGetAlone() {
        qt().withExamples(150).forAll(Cases.fittable(2, 120)).checkAssert(k -> {
            for (Calibration c : methods()) {
                Calibration.Fitted all;
                try {
                    all = c.minGroupSize(0).fit(k.scores(), k.labels(), k.groups(), k.weights());
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).contains("cannot be fitted");
                    continue;
                }
                for (GroupCalibration g : all.groups()) {
                    Case alone = BruteForce.subset(k, g.group());
                    if (g.usesGlobal()) {
                        assertThat(g.map()).isSameAs(all.global());
                        String reason = g.fallback().orElseThrow();
                        if (reason.startsWith("fit failed")) {
                            assertThatThrownBy(() -> c.fit(alone.scores(), alone.labels(), alone.weights()))
                                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                                            reason.substring("fit failed: ".length()));
                        } else {
                            assertThat(alone.bothClasses()).as(reason).isFalse();
                        }
                        continue;
                    }
                    ScoreMap own = c.fit(alone.scores(), alone.labels(), alone.weights()).global();
                    assertThat(g.map()).as("%s on %s", c, g.group()).isEqualTo(own);
                    assertThat(g.rows()).isEqualTo(alone.size());
                }
            }
        });
    }

    @Test
    void groupsBelowMinGroupSizeUseTheAllRowsMapAndSayWhy() {
        qt().withExamples(150).forAll(Cases.fittable(2, 80), integers().between(0, 40)).checkAssert((k, min) -> {
            Calibration.Fitted cal = Calibration.isotonic().minGroupSize(min).fit(k.scores(), k.labels(),
                    k.groups(), k.weights());
            for (GroupCalibration g : cal.groups()) {
                if (g.rows() < min) {
                    assertThat(g.fallback()).hasValue("n = " + g.rows() + " is below minGroupSize " + min);
                    for (double p : probe(k)) {
                        assertThat(cal.apply(p, g.group())).isEqualTo(cal.global().apply(p));
                    }
                }
            }
            assertThat(cal.toString()).contains("minGroupSize " + min);
        });
    }

    @Test
    void unitWeightsEqualNoWeightsAndIntegerWeightsEqualDuplicatedRows() {
        qt().withExamples(EXAMPLES).forAll(Cases.fittable(1, 60), longs().all()).checkAssert((k, seed) -> {
            double[] ones = new double[k.size()];
            Arrays.fill(ones, 1.0);
            ScoreMap plain = Calibration.isotonic().fit(k.scores(), k.labels()).global();
            ScoreMap unit = Calibration.isotonic().fit(k.scores(), k.labels(), ones).global();
            assertThat(unit).isEqualTo(plain);
            SplittableRandom r = new SplittableRandom(seed);
            double[] w = new double[k.size()];
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextInt(4);
                for (int c = 0; c < w[i]; c++) {
                    rows.add(i);
                }
            }
            double[] ds = rows.stream().mapToDouble(i -> k.scores()[i]).toArray();
            int[] dl = rows.stream().mapToInt(i -> k.labels()[i]).toArray();
            Case dup = new Case(ds, dl, null, new String[ds.length], seed);
            if (!dup.bothClasses()) {
                return;
            }
            ScoreMap weighted = Calibration.isotonic().fit(k.scores(), k.labels(), w).global();
            ScoreMap duplicated = Calibration.isotonic().fit(ds, dl).global();
            for (double p : probe(k)) {
                assertThat(weighted.apply(p)).isCloseTo(duplicated.apply(p), within(1e-12));
            }
            CalibrationMetrics m = CalibrationMetrics.bins(7, Binning.EQUAL_WIDTH);
            CalibrationSummary a = m.evaluate(k.scores(), k.labels(), w);
            CalibrationSummary b = m.evaluate(ds, dl);
            assertThat(a.ece().value()).isCloseTo(b.ece().value(), within(1e-12));
            assertThat(a.brier().value()).isCloseTo(b.brier().value(), within(1e-12));
            assertThat(a.logLoss().value()).isCloseTo(b.logLoss().value(), within(1e-12));
        });
    }

    @Test
    void scoreOrderSortsLikeAStableComparatorSort() {
        qt().withExamples(EXAMPLES).forAll(Cases.cases(0, 400)).checkAssert(k -> {
            int n = k.size();
            long[] keys = new long[n];
            int[] rows = new int[n];
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ScoreOrder.key(k.scores()[i], k.labels()[i]);
                rows[i] = i;
                boxed[i] = i;
            }
            ScoreOrder.sort(keys, rows);
            Arrays.sort(boxed, (a, b) -> {
                int c = Double.compare(k.scores()[a], k.scores()[b]);
                return c != 0 ? c : Integer.compare(k.labels()[a], k.labels()[b]);
            });
            assertThat(rows).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        });
    }
}
