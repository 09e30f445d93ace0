/**
 * Post-processing: change the decisions of a trained scoring model, not the model, to meet a parity constraint.
 *
 * <p>{@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer#constraint(
 * org.fairkit.mitigation.postprocessing.Constraint)} learns group-specific randomized thresholds (Hardt, Price
 * &amp; Srebro 2016; Fairlearn's {@code ThresholdOptimizer}) by an exact convex-hull method, and its
 * {@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer.Fitted} predicts (seeded) and explains, per
 * group, the rule and the rates it achieves.
 *
 * <p>Two-group post-processors of AIF360 (a privileged group against the other groups, pooled):
 * {@link org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds} (Pleiss et al. 2017; mixing rates clipped to
 * [0, 1]) and {@link org.fairkit.mitigation.postprocessing.RejectOptionClassification} (Kamiran, Karim &amp; Zhang
 * 2012; an exact search over every distinct outcome, or AIF360's grid).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation.postprocessing;
