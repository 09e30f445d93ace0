/**
 * FairKit mitigation: reduce measured unfairness, and prove the reduction on the same data.
 *
 * <p>Every mitigator has one shape, {@link org.fairkit.mitigation.Mitigator}: a static factory named after the
 * method, settings that are each set once (the grouping among them, {@code groupBy(features...)}), then
 * {@code fit(data)}, which returns the mitigator's immutable nested {@code Fitted} type. Front doors:
 * <ul>
 *   <li>{@link org.fairkit.mitigation.preprocessing.Reweighing#groupBy(String...)}: instance weights
 *       {@code P(g) P(y) / P(g, y)} that make the label independent of the group (Kamiran &amp; Calders 2012);
 *       {@link org.fairkit.mitigation.preprocessing.Resampling#uniform()} and
 *       {@link org.fairkit.mitigation.preprocessing.Resampling#preferential()} for learners without weights.</li>
 *   <li>{@link org.fairkit.mitigation.postprocessing.ThresholdOptimizer#constraint(
 *       org.fairkit.mitigation.postprocessing.Constraint)}: group-specific randomized thresholds on a score under
 *       demographic parity, equalized odds, or true / false positive rate parity (Hardt, Price &amp; Srebro 2016),
 *       solved exactly.</li>
 *   <li>{@link org.fairkit.mitigation.calibration.Calibration#isotonic()} and the other calibration methods,
 *       global or per group.</li>
 * </ul>
 * <pre>{@code
 * double[] w = Reweighing.groupBy("race").fit(data).weights(data);
 * int[] fair = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).groupBy("race").seed(1).fit(data)
 *     .predict(newData);
 * Calibration.Fitted cal = Calibration.isotonic().groupBy("race").fit(data);
 * }</pre>
 * A {@code Fitted} object's {@code toString()} shows what was learned. Fitted models apply to new data by the
 * grouping they were fitted with; {@link org.fairkit.mitigation.FittedGroups} maps rows onto the fitted groups and
 * refuses unknown ones, naming the column, the row and the group, and {@link org.fairkit.mitigation.MitigationErrors}
 * words every input error. Rows given as columns (labels, a {@code groups} column, optional weights or scores) fit
 * through the same configuration without {@code groupBy}: the groups are the column.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation;
