package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AIF360 0.6.1 {@code CalibratedEqOddsPostprocessing(unprivileged_groups=[{'sex_Male': 0.0}],
 * privileged_groups=[{'sex_Male': 1.0}], cost_constraint=c, seed=12345).fit(ds_true_train, ds_pred_train)
 * .predict(ds_pred_test, threshold=0.5)} on the Adult split ({@code adult_mitigation2.json ->
 * calibrated_eq_odds}), scores {@code proba}, fitted on train, evaluated on test.
 *
 * <p>Compared at 1e-12: base rates, costs and trivial costs on train, AIF360's unclipped mixing rates (our
 * {@code aif360MixRate}), and the deterministic {@code expected_test} rates per group and overall (the golden file's
 * expected values use {@code clip(mix, 0, 1)}, which is our mixing rate). Where AIF360's rate leaves [0, 1] (fpr:
 * 2.975, weighted: 1.774) our mixing rate is 1 and the fit reports the costs as not equalized: the pinned
 * difference. The sampled labels are compared in {@link Mt19937ReplayTest}.
 */
class CalibratedEqualizedOddsGoldenTest {
    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @EnumSource(Cost.class)
    void matchesAif360OnAdult(Cost cost) {
        JsonNode block = SharedFiles.golden("adult_mitigation2.json").path("calibrated_eq_odds").path(cost.id());
        assertThat(block.isMissingNode()).isFalse();
        AdultSplit train = AdultSplit.of("train");
        AdultSplit test = AdultSplit.of("test");
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(cost).privileged("Male").seed(12345)
                .fit(train.scores(), train.labels(), train.sex());
        assertThat(f.baseRate(true)).isCloseTo(block.path("base_rate_priv").asDouble(), within(EXACT));
        assertThat(f.baseRate(false)).isCloseTo(block.path("base_rate_unpriv").asDouble(), within(EXACT));
        JsonNode costs = block.path("costs_on_train");
        assertThat(f.costBefore(true)).isCloseTo(costs.path("privileged").path("cost").asDouble(), within(EXACT));
        assertThat(f.costBefore(false)).isCloseTo(costs.path("unprivileged").path("cost").asDouble(), within(EXACT));
        assertThat(f.trivialCost(true)).isCloseTo(costs.path("privileged").path("trivial_cost").asDouble(),
                within(EXACT));
        assertThat(f.trivialCost(false)).isCloseTo(costs.path("unprivileged").path("trivial_cost").asDouble(),
                within(EXACT));
        double rawPriv = block.path("priv_mix_rate").asDouble();
        double rawUnpriv = block.path("unpriv_mix_rate").asDouble();
        assertThat(f.aif360MixRate(true).value()).isCloseTo(rawPriv, within(EXACT));
        assertThat(f.aif360MixRate(false).value()).isCloseTo(rawUnpriv, within(EXACT));
        // The pinned difference: FairKit's mixing rate is AIF360's clipped to [0, 1].
        assertThat(f.mixRate(true)).isCloseTo(Math.min(1, Math.max(0, rawPriv)), within(EXACT));
        assertThat(f.mixRate(false)).isCloseTo(Math.min(1, Math.max(0, rawUnpriv)), within(EXACT));
        boolean outside = block.path("mix_rate_outside_0_1").asBoolean();
        assertThat(f.equalized()).isEqualTo(!outside);
        if (outside) {
            assertThat(rawUnpriv).isGreaterThan(1);
            assertThat(f.mixRate(false)).isEqualTo(1.0);
            assertThat(f.costAfter(false)).isEqualTo(f.trivialCost(false));
            assertThat(f.costAfter(false)).isNotCloseTo(f.costAfter(true), within(0.01));
        } else {
            assertThat(f.costAfter(true)).isCloseTo(f.costAfter(false), within(EXACT));
        }

        JsonNode expected = block.path("expected_test");
        double[] p = f.probabilityOfPositive(test.scores(), test.sex());
        compare(test.rates(p, "Male"), expected.path("privileged"));
        compare(test.rates(p, "Female"), expected.path("unprivileged"));
        compare(test.rates(p, null), expected.path("overall"));
        assertThat(test.rates(p, "Female")[1] - test.rates(p, "Male")[1])
                .isCloseTo(expected.path("statistical_parity_difference").asDouble(), within(EXACT));
    }

    static void compare(double[] r, JsonNode g) {
        assertThat(r[0]).isEqualTo(g.path("n").asDouble());
        String[] keys = {"selection_rate", "true_positive_rate", "false_positive_rate", "true_negative_rate",
            "accuracy", "balanced_accuracy"};
        for (int k = 0; k < keys.length; k++) {
            assertThat(r[k + 1]).as(keys[k]).isCloseTo(g.path(keys[k]).asDouble(), within(EXACT));
        }
    }
}
