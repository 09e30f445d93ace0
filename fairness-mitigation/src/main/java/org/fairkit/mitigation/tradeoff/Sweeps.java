package org.fairkit.mitigation.tradeoff;

import java.util.Objects;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;

/**
 * The {@link Sweep}s of FairKit's mitigators: each fits the mitigator on the fitting rows at a knob value and returns
 * the held-out rows' {@code P(yhat = 1)}.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /**
     * The threshold optimizer's tolerance (the largest allowed difference between two groups' constrained rates on
     * the fitting rows, in [0, 1]): a larger tolerance enlarges the feasible set, so the objective on the fitting rows
     * never decreases (held-out rows need not follow exactly).
     *
     * @param optimizer the configuration, without a tolerance (each knob value sets it)
     * @param fitScores the fitting rows' scores in [0, 1]
     * @param fitLabels their 0/1 labels
     * @param fitGroups their groups
     * @param fitWeights their weights, or {@code null}
     * @param scores the held-out rows' scores
     * @param groups the held-out rows' groups (each one the optimizer was fitted on)
     * @return the sweep; fitting errors (a group without the class the constraint needs, a tolerance outside [0, 1],
     *     a configuration with a tolerance already set) surface when it runs
     */
    public static Sweep thresholdTolerance(ThresholdOptimizer optimizer, double[] fitScores, int[] fitLabels,
            String[] fitGroups, double[] fitWeights, double[] scores, String[] groups) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(groups, "groups");
        return t -> optimizer.tolerance(t).fit(fitScores, fitLabels, fitGroups, fitWeights)
                .probabilityOfPositive(scores, groups);
    }
}
