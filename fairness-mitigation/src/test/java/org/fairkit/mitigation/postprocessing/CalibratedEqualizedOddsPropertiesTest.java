package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties of calibrated equalized odds on random small problems ({@link TwoGroupProblem}): the fit refuses exactly
 * the problems whose roles lack the class the cost needs; otherwise the expected costs, recomputed row by row from
 * the expected scores {@code alpha mu + (1 - alpha) s}, are equal between the roles whenever AIF360's mixing rate is
 * in [0, 1], and otherwise the mixed role is fully trivial and the gap has shrunk; mixing rates lie in [0, 1]; row
 * order and group relabeling change nothing; the same seed gives the same bits and the row form equals the array
 * form.
 */
class CalibratedEqualizedOddsPropertiesTest {
    private static final int EXAMPLES = 300;
    private static final double EXACT = 1e-12;

    private static CalibratedEqualizedOdds.Fitted fit(TwoGroupProblem p, Cost c, String privileged, long seed) {
        return CalibratedEqualizedOdds.cost(c).privileged(privileged).seed(seed)
                .fit(p.scores(), p.labels(), p.groups(), p.weights());
    }

    private static boolean valid(TwoGroupProblem p, Cost c) {
        double[][] t = p.totals();
        for (double[] r : t) {
            if (!(r[0] > 0) || (c != Cost.FALSE_POSITIVE_RATE && !(r[1] > 0))
                    || (c != Cost.FALSE_NEGATIVE_RATE && !(r[2] > 0))) {
                return false;
            }
        }
        return true;
    }

    /** The expected cost of each role, recomputed row by row: [unprivileged, privileged]. */
    private static double[] expectedCosts(TwoGroupProblem p, CalibratedEqualizedOdds.Fitted f, Cost c) {
        double[][] s = new double[2][5];
        for (int i = 0; i < p.size(); i++) {
            boolean priv = p.privileged(i);
            int k = priv ? 1 : 0;
            double a = f.mixRate(priv);
            double score = a * f.baseRate(priv) + (1 - a) * p.scores()[i];
            double w = p.weight(i);
            s[k][0] += w;
            if (p.labels()[i] == 1) {
                s[k][1] += w;
                s[k][3] += w * (1 - score);
            } else {
                s[k][2] += w;
                s[k][4] += w * score;
            }
        }
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            double mu = s[k][1] / s[k][0];
            double gfnr = s[k][3] / s[k][1];
            double gfpr = s[k][4] / s[k][2];
            out[k] = c == Cost.FALSE_NEGATIVE_RATE ? gfnr : c == Cost.FALSE_POSITIVE_RATE ? gfpr
                    : 0.5 * gfpr * (1 - mu) + 0.5 * gfnr * mu;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Cost.class)
    void expectedCostsAreEqualWhenAMixingRateInZeroOneReachesThem(Cost c) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, c)) {
                assertThatThrownBy(() -> fit(p, c, "a", 0)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("calibrated equalized odds: group '");
                return;
            }
            CalibratedEqualizedOdds.Fitted f = fit(p, c, "a", 0);
            for (boolean priv : new boolean[] {true, false}) {
                assertThat(f.mixRate(priv)).isBetween(0.0, 1.0);
            }
            assertThat(f.mixRate(true) == 0 || f.mixRate(false) == 0).isTrue();
            double[] after = expectedCosts(p, f, c);
            assertThat(after[1]).isCloseTo(f.costAfter(true), within(1e-9));
            assertThat(after[0]).isCloseTo(f.costAfter(false), within(1e-9));
            if (f.equalized()) {
                assertThat(after[1]).isCloseTo(after[0], within(1e-9));
            } else {
                boolean mixed = f.mixRate(true) > 0 || f.aif360MixRate(true).value() != 0;
                assertThat(f.mixRate(mixed)).isIn(0.0, 1.0);
                double gapBefore = Math.abs(f.costBefore(true) - f.costBefore(false));
                assertThat(Math.abs(after[1] - after[0])).isLessThanOrEqualTo(gapBefore + 1e-12);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Cost.class)
    void rowOrderAndGroupRelabelingChangeNothing(Cost c) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, c)) {
                return;
            }
            CalibratedEqualizedOdds.Fitted f = fit(p, c, "a", 0);
            TwoGroupProblem relabeled = p.relabeled();
            for (TwoGroupProblem q : new TwoGroupProblem[] {p.permuted(p.seed() + 1), relabeled}) {
                CalibratedEqualizedOdds.Fitted g = fit(q, c, q == relabeled ? "zz" : "a", 0);
                for (boolean priv : new boolean[] {true, false}) {
                    assertThat(g.mixRate(priv)).isCloseTo(f.mixRate(priv), within(EXACT));
                    assertThat(g.baseRate(priv)).isCloseTo(f.baseRate(priv), within(EXACT));
                }
            }
            CalibratedEqualizedOdds.Fitted r = fit(p.relabeled(), c, "zz", 0);
            assertThat(r.probabilityOfPositive(p.scores(), p.relabeled().groups()))
                    .containsExactly(f.probabilityOfPositive(p.scores(), p.groups()), within(EXACT));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Cost.class)
    void theSameSeedGivesTheSameBitsAndRowsDecideAsTheArray(Cost c) {
        qt().withExamples(100).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, c)) {
                return;
            }
            CalibratedEqualizedOdds.Fitted f = fit(p, c, "a", p.seed());
            int[] a = f.predict(p.scores(), p.groups());
            assertThat(fit(p, c, "a", p.seed()).predict(p.scores(), p.groups())).isEqualTo(a);
            double[] prob = f.probabilityOfPositive(p.scores(), p.groups());
            for (int i = 0; i < a.length; i++) {
                org.fairkit.core.group.GroupKey key = org.fairkit.core.group.GroupKey.of("group", p.groups()[i]);
                assertThat(f.predict(i, p.scores()[i], key)).isEqualTo(a[i]);
                assertThat(f.probabilityOfPositive(p.scores()[i], key)).isEqualTo(prob[i]);
                if (prob[i] == 0 || prob[i] == 1) {
                    assertThat((double) a[i]).isEqualTo(prob[i]);
                }
            }
        });
    }
}
