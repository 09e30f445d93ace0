/**
 * FairKit mitigation: reduce measured unfairness, and prove the reduction on the same data.
 *
 * <p>Front doors:
 * <ul>
 *   <li>{@link org.fairkit.mitigation.preprocessing.Reweighing#fit(org.fairkit.core.FairnessData, String...)}:
 *       instance weights {@code P(g) P(y) / P(g, y)} that make the label independent of the group (Kamiran &amp;
 *       Calders 2012); {@link org.fairkit.mitigation.preprocessing.Resampling#uniform()} and
 *       {@link org.fairkit.mitigation.preprocessing.Resampling#preferential()} for learners without weights.</li>
 *   <li>{@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer#constraint(
 *       org.fairkit.mitigation.postprocessing.Constraint)}: group-specific randomized thresholds on a score under
 *       demographic parity, equalized odds, or true / false positive rate parity (Hardt, Price &amp; Srebro 2016),
 *       solved exactly.</li>
 *   <li>Calibration, global or per group, lives in {@code org.fairkit.mitigation.calibration}.</li>
 * </ul>
 * Every {@code fit} returns an immutable {@code Fitted} object, separate from its configuration, whose
 * {@code toString()} shows what was learned. Fitted models apply to new data by group labels;
 * {@link org.fairkit.mitigation.FittedGroups} maps rows onto the fitted groups and refuses unknown ones, and
 * {@link org.fairkit.mitigation.MitigationErrors} words every input error.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation;
