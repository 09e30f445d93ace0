package org.fairkit.mitigation.tradeoff;

import java.util.Locale;
import java.util.Objects;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.GridSearch;

/**
 * The {@link Sweep}s of FairKit's mitigators: each fits the mitigator on the fitting rows at a knob value and returns
 * the held-out rows' {@code P(yhat = 1)}: the threshold optimizer's tolerance
 * ({@link #thresholdTolerance}), exponentiated gradient's {@code eps} ({@link #exponentiatedGradientEps}) and grid
 * search's grid points ({@link #gridSearchPoints}).
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

    /**
     * Exponentiated gradient's {@code eps} (the multipliers' L1 bound is {@code 1/eps}, and the returned mixture is
     * an {@code eps}-approximate saddle point): a smaller {@code eps} enforces the constraint more tightly on the
     * fitting rows, at more oracle calls. The held-out rows get the mixture's expected decision
     * ({@link ExponentiatedGradient.Fitted#probabilityOfPositive}).
     *
     * @param reduction the configuration, without {@code eps} (each knob value sets it)
     * @param fitX the fitting rows' features
     * @param fitLabels their 0/1 labels
     * @param fitGroups their groups
     * @param fitWeights their weights, or {@code null}
     * @param x the held-out rows' features
     * @return the sweep; fitting errors (an {@code eps} that is not positive, a configuration with {@code eps}
     *     already set) surface when it runs
     */
    public static Sweep exponentiatedGradientEps(ExponentiatedGradient reduction, FeatureMatrix fitX,
            int[] fitLabels, String[] fitGroups, double[] fitWeights, FeatureMatrix x) {
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(x, "x");
        return eps -> reduction.eps(eps).fit(fitX, fitLabels, fitGroups, fitWeights).probabilityOfPositive(x);
    }

    /**
     * The points of a fitted grid search: knob value {@code k} (an integer, {@code 0 <= k < grid size}) is grid point
     * {@code k}, whose Lagrange multipliers are {@code fitted.grid().get(k)}; the held-out rows get that point's
     * (deterministic) predictor's decisions. Fitting happens once, before the sweep.
     *
     * @param fitted the fitted grid search
     * @param x the held-out rows' features
     * @return the sweep
     * @throws IllegalArgumentException when run with a knob value that is not a grid index
     */
    public static Sweep gridSearchPoints(GridSearch.Fitted fitted, FeatureMatrix x) {
        Objects.requireNonNull(fitted, "fitted");
        Objects.requireNonNull(x, "x");
        int size = fitted.grid().size();
        return k -> {
            if (k != Math.rint(k) || k < 0 || k >= size) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "grid point: expected an index in "
                        + "0..%d, got %s", size - 1, k));
            }
            int[] d = fitted.predictors().get((int) k).predict(x);
            double[] p = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                p[i] = d[i];
            }
            return p;
        };
    }
}
