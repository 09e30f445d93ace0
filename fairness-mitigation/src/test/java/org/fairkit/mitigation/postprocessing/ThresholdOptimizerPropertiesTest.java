package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.fairkit.mitigation.FittedGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties of the threshold optimizer on random small problems ({@link Problem}): the constraint holds on the
 * fitting data, the objective equals the brute-force linear program's optimum, and the usual invariances.
 *
 * <p>Tolerances: 1e-12 for what the exact sweeps compute; 1e-9 for equalized odds with a tolerance, whose window
 * search resolves the window corner to about 1e-15 (the objective error is that times the hulls' slopes) and for
 * comparisons with the exact rational reference, whose weights are the generator's exact rationals (the
 * optimizer sees their doubles).
 */
class ThresholdOptimizerPropertiesTest {
    private static final int EXAMPLES = 150;
    private static final double SEARCH = 1e-9;
    private static final double EXACT = 1e-12;
    private static final double[] TOLERANCES = {0, 0.05, 0.2};

    private static ThresholdOptimizer.Fitted fit(Problem p, Constraint c, Objective o, double tol) {
        return ThresholdOptimizer.constraint(c).objective(o).tolerance(tol)
                .fit(p.scores(), p.labels(), p.groups(), p.weights());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void fitThrowsExactlyWhenAGroupLacksTheClassTheConstraintNeeds(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            for (Objective o : Objective.values()) {
                if (p.valid(c, o)) {
                    assertThat(fit(p, c, o, 0)).isNotNull();
                } else {
                    assertThatThrownBy(() -> fit(p, c, o, 0)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("threshold optimizer");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void constraintHoldsOnTheFittingDataRecomputedRowByRow(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            for (Objective o : Objective.values()) {
                if (!p.valid(c, o)) {
                    continue;
                }
                for (double tol : TOLERANCES) {
                    ThresholdOptimizer.Fitted f = fit(p, c, o, tol);
                    Rates r = Rates.of(f.probabilityOfPositive(p.scores(), p.groups()), p.labels(), p.groups(),
                            p.weights());
                    double slack = EXACT;
                    assertThat(r.spread(c)).as("%s %s tolerance %s", c, o, tol).isLessThanOrEqualTo(tol + slack);
                    assertThat(f.disparity()).isCloseTo(r.spread(c), within(EXACT));
                    double pooled = o == Objective.ACCURACY ? r.accuracy() : r.balancedAccuracy();
                    assertThat(f.objectiveValue()).as("reported objective").isCloseTo(pooled, within(EXACT));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void objectiveEqualsTheOptimumOfTheBruteForceLinearProgram(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            for (Objective o : Objective.values()) {
                if (!p.valid(c, o)) {
                    continue;
                }
                for (double tol : TOLERANCES) {
                    double ours = fit(p, c, o, tol).objectiveValue();
                    double best = BruteForceLp.optimum(p, c, o, tol);
                    assertThat(ours).as("%s %s tolerance %s", c, o, tol).isCloseTo(best, within(SEARCH));
                }
            }
        });
    }

    @Test
    void equalizedOddsSweepAndWindowSearchAgreeAtToleranceZero() {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            for (Objective o : Objective.values()) {
                if (!p.valid(Constraint.EQUALIZED_ODDS, o)) {
                    continue;
                }
                ThresholdOptimizer config = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).objective(o);
                FittedGroups g = FittedGroups.of(p.groups());
                double sweep = config.fit(g, g.assign(p.groups()), p.scores(), p.labels(), p.weights(), false)
                        .objectiveValue();
                double search = config.fit(g, g.assign(p.groups()), p.scores(), p.labels(), p.weights(), true)
                        .objectiveValue();
                assertThat(search).as("%s", o).isCloseTo(sweep, within(SEARCH));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void objectiveNeverDecreasesAsTheToleranceGrows(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            if (!p.valid(c, Objective.ACCURACY)) {
                return;
            }
            double previous = Double.NEGATIVE_INFINITY;
            for (double tol : new double[] {0, 0.01, 0.05, 0.2, 1}) {
                double v = fit(p, c, Objective.ACCURACY, tol).objectiveValue();
                assertThat(v).as("tolerance %s", tol).isGreaterThanOrEqualTo(previous - SEARCH);
                previous = v;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void rowsWithEqualScoresInAGroupGetTheSameProbability(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            if (!p.valid(c, Objective.ACCURACY)) {
                return;
            }
            double[] prob = fit(p, c, Objective.ACCURACY, 0).probabilityOfPositive(p.scores(), p.groups());
            Map<String, Double> seen = new HashMap<>();
            for (int i = 0; i < prob.length; i++) {
                Double before = seen.putIfAbsent(p.groups()[i] + "|" + p.scores()[i], prob[i]);
                if (before != null) {
                    assertThat(prob[i]).as("row %s", i).isEqualTo(before);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void rowOrderDoesNotChangeTheSolution(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems(), integers().all()).checkAssert((p, seed) -> {
            if (!p.valid(c, Objective.ACCURACY)) {
                return;
            }
            int n = p.labels().length;
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                perm.add(i);
            }
            Collections.shuffle(perm, new java.util.Random(seed));
            double[] s = new double[n];
            int[] y = new int[n];
            String[] g = new String[n];
            double[] w = p.weights() == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                int j = perm.get(i);
                s[i] = p.scores()[j];
                y[i] = p.labels()[j];
                g[i] = p.groups()[j];
                if (w != null) {
                    w[i] = p.weights()[j];
                }
            }
            ThresholdOptimizer.Fitted a = fit(p, c, Objective.ACCURACY, 0);
            ThresholdOptimizer.Fitted b = fit(new Problem(s, y, g, w), c, Objective.ACCURACY, 0);
            assertThat(b.objectiveValue()).isCloseTo(a.objectiveValue(), within(EXACT));
            double[] pa = a.probabilityOfPositive(p.scores(), p.groups());
            double[] pb = b.probabilityOfPositive(s, g);
            for (int i = 0; i < n; i++) {
                assertThat(pb[i]).as("row %s", i).isCloseTo(pa[perm.get(i)], within(1e-9));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Constraint.class)
    void integerWeightsEqualDuplicatedRowsAndUnitWeightsEqualNone(Constraint c) {
        qt().withExamples(EXAMPLES).forAll(Problem.problems()).checkAssert(p -> {
            int n = p.labels().length;
            int[] times = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                times[i] = 1 + (i % 3);
                total += times[i];
            }
            double[] w = new double[n];
            double[] ones = new double[n];
            double[] s = new double[total];
            int[] y = new int[total];
            String[] g = new String[total];
            int k = 0;
            for (int i = 0; i < n; i++) {
                w[i] = times[i];
                ones[i] = 1;
                for (int t = 0; t < times[i]; t++) {
                    s[k] = p.scores()[i];
                    y[k] = p.labels()[i];
                    g[k++] = p.groups()[i];
                }
            }
            Problem weighted = new Problem(p.scores(), p.labels(), p.groups(), w);
            if (!weighted.valid(c, Objective.ACCURACY)) {
                return;
            }
            double dup = fit(new Problem(s, y, g, null), c, Objective.ACCURACY, 0).objectiveValue();
            assertThat(fit(weighted, c, Objective.ACCURACY, 0).objectiveValue()).isCloseTo(dup, within(EXACT));
            Problem unit = new Problem(p.scores(), p.labels(), p.groups(), ones);
            assertThat(fit(unit, c, Objective.ACCURACY, 0).solutions())
                    .isEqualTo(fit(new Problem(p.scores(), p.labels(), p.groups(), null), c, Objective.ACCURACY, 0)
                            .solutions());
        });
    }

    @Test
    void predictionsAreReproducibleAndFollowTheProbabilities() {
        qt().withExamples(EXAMPLES).forAll(Problem.problems(), integers().all()).checkAssert((p, seed) -> {
            if (!p.valid(Constraint.EQUALIZED_ODDS, Objective.ACCURACY)) {
                return;
            }
            ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).seed(seed)
                    .fit(p.scores(), p.labels(), p.groups(), p.weights());
            int[] a = f.predict(p.scores(), p.groups());
            assertThat(f.predict(p.scores(), p.groups())).isEqualTo(a);
            double[] prob = f.probabilityOfPositive(p.scores(), p.groups());
            for (int i = 0; i < a.length; i++) {
                if (prob[i] == 0 || prob[i] == 1) {
                    assertThat(a[i]).as("row %s with P = %s", i, prob[i]).isEqualTo((int) prob[i]);
                }
            }
            // any slice of the rows gets the draws it gets in the whole
            int from = a.length / 2;
            int[] tail = f.predict(Arrays.copyOfRange(p.scores(), from, a.length),
                    Arrays.copyOfRange(p.groups(), from, a.length));
            for (int i = 0; i < tail.length; i++) {
                // the tail is re-indexed from 0, so compare with draws 0.. of the same seed
                assertThat(tail[i]).isEqualTo(ThresholdOptimizer.Fitted.uniform(seed, i) < prob[from + i] ? 1 : 0);
            }
        });
    }

    @Test
    void drawsAreTheSplitMix64SequenceOfCommonsRng() {
        for (long seed : new long[] {0, 1, -7, 123_456_789_012L}) {
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(ThresholdOptimizer.Fitted.uniform(seed, i)).as("seed %s draw %s", seed, i)
                        .isEqualTo(rng.nextDouble());
            }
        }
    }

    @Test
    void randomizedPredictionsMatchTheExpectedRatesOnLargeData() {
        int n = 200_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        double[] s = new double[n];
        int[] y = new int[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = rng.nextInt(3) == 0 ? "minority" : "majority";
            y[i] = rng.nextDouble() < (g[i].equals("minority") ? 0.2 : 0.4) ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.3 * y[i] + 0.5 * rng.nextDouble() + (g[i].equals("minority") ? 0 : 0.1)));
        }
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).seed(11).fit(s, y, g);
        int[] pred = f.predict(s, g);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = pred[i];
        }
        Rates sampled = Rates.of(p, y, g);
        Rates expected = Rates.of(f.probabilityOfPositive(s, g), y, g);
        // binomial noise: sd <= sqrt(0.25 / 13_000) ~ 0.0044 for the smallest cell; 5 sd
        expected.byGroup().forEach((group, e) -> {
            for (int r = 0; r < 4; r++) {
                assertThat(sampled.byGroup().get(group)[r]).as("%s rate %s", group, r).isCloseTo(e[r], within(0.022));
            }
        });
    }
}
