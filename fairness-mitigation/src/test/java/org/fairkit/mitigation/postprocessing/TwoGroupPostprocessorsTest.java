package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Fallback;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import org.junit.jupiter.api.Test;

/** Examples, settings and error messages of {@link CalibratedEqualizedOdds} and {@link RejectOptionClassification}. */
class TwoGroupPostprocessorsTest {
    private static final double[] S = {0.9, 0.2, 0.6, 0.4, 0.8, 0.3, 0.7, 0.1};
    private static final int[] Y = {1, 0, 1, 0, 1, 0, 0, 1};
    private static final String[] G = {"m", "m", "m", "m", "f", "f", "f", "f"};

    @Test
    void calibratedEqualizedOddsMixesTheCheaperRoleOnAHandComputedCase() {
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE).privileged("m")
                .fit(S, Y, G);
        // m: positives 0.9, 0.6 -> GFNR (0.1 + 0.4) / 2 = 0.25; base 0.5, trivial 0.5.
        // f: positives 0.8, 0.1 -> GFNR (0.2 + 0.9) / 2 = 0.55; base 0.5. m is cheaper: alpha = 0.3 / 0.25 = 1.2.
        assertThat(f.costBefore(true)).isCloseTo(0.25, within(1e-15));
        assertThat(f.costBefore(false)).isCloseTo(0.55, within(1e-15));
        assertThat(f.aif360MixRate(true).value()).isCloseTo(1.2, within(1e-12));
        assertThat(f.mixRate(true)).isEqualTo(1.0);
        assertThat(f.mixRate(false)).isEqualTo(0.0);
        assertThat(f.equalized()).isFalse();
        assertThat(f.costAfter(true)).isCloseTo(0.5, within(1e-15));
        // base rate 0.5 >= 0.5: every privileged row is predicted 1 once replaced
        assertThat(f.probabilityOfPositive(S, G)).containsExactly(1, 1, 1, 1, 1, 0, 1, 0);
        assertThat(f.toString()).startsWith("CalibratedEqualizedOdds: cost fnr, threshold 0.5, seed 0; privileged m, "
                + "unprivileged [f]\n").contains("costs NOT equalized");
    }

    @Test
    void calibratedEqualizedOddsFitsFairnessDataByItsOnlySensitiveFeature() {
        FairnessData data = FairnessData.builder().labels(Y).predictions(new int[8]).scores(S).sensitive("sex", G)
                .build();
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(Cost.WEIGHTED).privileged("m").seed(3)
                .fit(data);
        assertThat(f.predict(data)).isEqualTo(f.predict(S, G));
        assertThat(f.probabilityOfPositive(data)).containsExactly(f.probabilityOfPositive(S, G));
        assertThat(f.groups().features()).containsExactly("sex");
        RejectOptionClassification.Fitted r = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .privileged("m").groupBy("sex").fit(data);
        assertThat(r.predict(data)).isEqualTo(r.predict(S, G));
        assertThat(r.predict(0.95, GroupKey.of("sex", "f"))).isEqualTo(1);
    }

    @Test
    void groupsNeverSeenAreRefusedWithTheStandardMessage() {
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(Cost.FALSE_POSITIVE_RATE).privileged("m")
                .fit(S, Y, G);
        String[] other = {"m", "x"};
        String msg = "column 'groups', row 1: got group 'x', which the model was not fitted on; expected one of [f, m]";
        assertThatThrownBy(() -> f.predict(new double[] {0.1, 0.2}, other)).hasMessage(msg);
        RejectOptionClassification.Fitted r = RejectOptionClassification.metric(Metric.AVERAGE_ODDS).privileged("m")
                .fit(S, Y, G);
        assertThatThrownBy(() -> r.predict(new double[] {0.1, 0.2}, other)).hasMessage(msg);
    }

    @Test
    void settingsAndFitErrorsNameWhatIsWrong() {
        assertThatThrownBy(() -> CalibratedEqualizedOdds.cost(Cost.WEIGHTED).fit(S, Y, G))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("privileged is not set; name the privileged group with privileged(...)");
        assertThatThrownBy(() -> CalibratedEqualizedOdds.cost(Cost.WEIGHTED).privileged("x").fit(S, Y, G))
                .hasMessage("calibrated equalized odds: privileged group 'x' is not a group of group in the fitting "
                        + "data; expected one of [f, m]");
        assertThatThrownBy(() -> CalibratedEqualizedOdds.cost(Cost.WEIGHTED).seed(1).seed(2))
                .isInstanceOf(IllegalStateException.class).hasMessage("seed is already set; each setting is set once");
        assertThatThrownBy(() -> RejectOptionClassification.metric(Metric.STATISTICAL_PARITY).bound(1.5))
                .hasMessage("bound must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> RejectOptionClassification.metric(Metric.EQUAL_OPPORTUNITY).privileged("m")
                .fit(S, new int[] {1, 0, 1, 0, 0, 0, 0, 0}, G))
                .hasMessage("reject option classification: group 'unprivileged [f]' has no positives (no label-1 rows "
                        + "of positive weight); equal_opportunity needs positives in both roles");
        assertThatThrownBy(() -> RejectOptionClassification.metric(Metric.STATISTICAL_PARITY).privileged("m")
                .fit(S, Y, new String[] {"m", "m", "m", "m", "m", "m", "m", "m"}))
                .hasMessage("reject option classification: the fitting data has only the privileged group 'm'; "
                        + "expected at least one other (unprivileged) group");
        assertThatThrownBy(() -> Metric.byId("spd"))
                .hasMessage("unknown metric 'spd'; valid: statistical_parity, average_odds, equal_opportunity");
        assertThatThrownBy(() -> Cost.byId("fdr")).hasMessage("unknown cost 'fdr'; valid: fnr, fpr, weighted");
    }

    /**
     * No grid point meets the bound: at t = 0.3 the statistical parity difference is -0.5, at t = 0.7 it is +0.25.
     * AIF360 takes the minimal SIGNED value (-0.5, the decisions most unfavorable to the unprivileged group);
     * FairKit's default takes the one nearest the bound (+0.25).
     */
    @Test
    void fallbackTakesTheNearestPointWhereAif360TakesTheMinimalSignedMetric() {
        double[] s = {0.1, 0.9, 0.5, 0.5, 0.5, 0.9};
        int[] y = {0, 1, 0, 1, 0, 1};
        String[] g = {"u", "u", "p", "p", "p", "p"};
        Grid grid = new Grid(0.3, 0.7, 2, 1);
        RejectOptionClassification.Fitted nearest = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .privileged("p").grid(grid).fit(s, y, g);
        RejectOptionClassification.Fitted aif360 = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .privileged("p").grid(grid).fallback(Fallback.AIF360_SIGNED_MINIMUM).fit(s, y, g);
        assertThat(nearest.feasible()).isFalse();
        assertThat(nearest.classificationThreshold()).isEqualTo(0.7);
        assertThat(nearest.metricValue()).isCloseTo(0.25, within(1e-15));
        assertThat(aif360.classificationThreshold()).isEqualTo(0.3);
        assertThat(aif360.metricValue()).isCloseTo(-0.5, within(1e-15));
        assertThat(aif360.gridReplay().orElseThrow().feasible()).isZero();
        // The exact search has the all-unfavorable pair and always meets the bound.
        RejectOptionClassification.Fitted exact = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .privileged("p").fit(s, y, g);
        assertThat(exact.feasible()).isTrue();
        assertThat(Math.abs(exact.metricValue())).isLessThanOrEqualTo(0.05);
        assertThat(exact.toString()).startsWith("RejectOptionClassification: statistical_parity within [-0.05, 0.05], "
                + "exact search; privileged p, unprivileged [u]\n");
    }

    @Test
    void linspaceIsNumpys() {
        double[] t = Grid.linspace(0.01, 0.99, 100);
        assertThat(t[0]).isEqualTo(0.01);
        assertThat(t[20]).isEqualTo(0.207979797979798);
        assertThat(t[99]).isEqualTo(0.99);
        assertThat(Grid.linspace(0.2, 0.2, 1)).containsExactly(0.2);
        assertThat(Grid.linspace(0, 0, 3)).containsExactly(0, 0, 0);
    }

    @Test
    void equalCostsNeedNoMixing() {
        // Mirror images: both roles have the same generalized false negative rate (and the same trivial cost).
        double[] s = {0.8, 0.3, 0.8, 0.3};
        int[] y = {1, 0, 1, 0};
        String[] g = {"p", "p", "u", "u"};
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE).privileged("p")
                .fit(s, y, g);
        assertThat(f.mixRate(true)).isZero();
        assertThat(f.mixRate(false)).isZero();
        assertThat(f.aif360MixRate(false).value()).isZero();
        assertThat(f.equalized()).isTrue();
        assertThat(f.toString()).contains("costs equalized on the fitting data");
    }
}
