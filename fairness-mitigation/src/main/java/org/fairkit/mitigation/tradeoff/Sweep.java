package org.fairkit.mitigation.tradeoff;

/**
 * One knob of a mitigator, turned: for a knob value, fit the mitigator (on the fitting rows) and return each held-out
 * row's probability of a positive decision, {@code P(yhat = 1)}, in [0, 1]. A deterministic mitigator returns 0 or 1
 * per row; a randomized one (the threshold optimizer's mixtures of thresholds, a reduction's mixture of classifiers)
 * returns the expected decision, as Fairlearn's {@code _pmf_predict}.
 *
 * <p>{@link Sweeps} builds the sweeps of FairKit's mitigators; any other mitigator plugs in as a lambda:
 * <pre>{@code
 * Sweep s = tol -> ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).tolerance(tol)
 *     .fit(fitScores, fitLabels, fitGroups).probabilityOfPositive(heldOutScores, heldOutGroups);
 * }</pre>
 */
@FunctionalInterface
public interface Sweep {
    /**
     * Fits at one knob value and decides the held-out rows.
     *
     * @param knob the knob's value
     * @return {@code P(yhat = 1)} per held-out row, in the held-out rows' order
     */
    double[] probabilityOfPositive(double knob);
}
