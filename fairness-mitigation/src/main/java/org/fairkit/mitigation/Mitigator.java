package org.fairkit.mitigation;

import org.fairkit.core.FairnessData;

/**
 * The one shape of every mitigator: an immutable configuration, made by a static factory named after the method
 * ({@code Reweighing.groupBy(...)}, {@code Resampling.uniform()}, {@code ThresholdOptimizer.constraint(c)},
 * {@code Calibration.isotonic()}) and refined by setters that each may be called once, among them
 * {@code groupBy(features...)}, the one way to name the grouping; then {@link #fit(FairnessData)}, which learns
 * from the data and returns the mitigator's own immutable nested {@code Fitted} type.
 *
 * <p>A {@code Fitted} object is separate from its configuration, shows what was learned in {@code toString()},
 * and applies to new rows ({@code weights(data)}, {@code predict(data)}, {@code apply(data)}) by the grouping it
 * was fitted with. A row of a group it never saw is refused with an {@link IllegalArgumentException} naming the
 * column, the row and the group ({@link MitigationErrors#unknownGroup}), never given a silent default.
 *
 * <pre>{@code
 * Reweighing.Fitted rw = Reweighing.groupBy("race").fit(data);
 * double[] w = rw.weights(data);
 * }</pre>
 *
 * @param <F> the fitted type, immutable
 */
public interface Mitigator<F> {
    /**
     * Learns from {@code data}, grouped as configured.
     *
     * @param data the fitting data
     * @return the fitted, immutable result
     * @throws IllegalArgumentException naming the column, row or setting when the data cannot be fitted (for
     *     example a missing sensitive feature, an ambiguous grouping, or a group without the class a method needs)
     */
    F fit(FairnessData data);
}
