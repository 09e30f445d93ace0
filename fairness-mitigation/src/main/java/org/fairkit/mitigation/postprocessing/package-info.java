/**
 * Post-processing: change the decisions of a trained scoring model, not the model, to meet a parity constraint.
 *
 * <p>{@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer#constraint(
 * org.fairkit.mitigation.postprocessing.Constraint)} learns group-specific randomized thresholds (Hardt, Price
 * &amp; Srebro 2016; Fairlearn's {@code ThresholdOptimizer}) by an exact convex-hull method, and its
 * {@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer.Fitted} predicts (seeded) and explains, per
 * group, the rule and the rates it achieves.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation.postprocessing;
