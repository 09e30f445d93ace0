/**
 * Pre-processing: change the training data, not the model, so that the label is independent of the group.
 *
 * <p>{@link org.fairkit.mitigation.preprocessing.Reweighing#groupBy(String...)} gives instance weights
 * {@code P(g) P(y) / P(g, y)} per (group, label) cell (Kamiran &amp; Calders 2012);
 * {@link org.fairkit.mitigation.preprocessing.Resampling#uniform()} and
 * {@link org.fairkit.mitigation.preprocessing.Resampling#preferential()} give resampled row indices with the same
 * effect for learners that take no weights. Both follow the {@link org.fairkit.mitigation.Mitigator} shape:
 * <pre>{@code
 * double[] w = Reweighing.groupBy("race").fit(data).weights(data);
 * int[] rows = Resampling.uniform().seed(7).groupBy("race").fit(data).rows();
 * }</pre>
 *
 * <p>The pre-processors that change the features themselves take a
 * {@link org.fairkit.mitigation.preprocessing.FeatureTable} (numeric feature columns and group columns) and follow
 * the same shape through {@link org.fairkit.mitigation.preprocessing.FeatureMitigator}:
 * {@link org.fairkit.mitigation.preprocessing.CorrelationRemover#perColumnMean()} removes the features' linear
 * dependence on the sensitive columns (Fairlearn's {@code CorrelationRemover});
 * {@link org.fairkit.mitigation.preprocessing.DisparateImpactRemover#repairLevel(double)} repairs each feature's
 * per-group quantiles toward the median distribution (Feldman et al. 2015, as AIF360):
 * <pre>{@code
 * FeatureTable decorrelated = CorrelationRemover.perColumnMean().groupBy("sex").fit(train).transform(test);
 * FeatureTable repaired = DisparateImpactRemover.repairLevel(1.0).groupBy("sex").fit(train).transform(test);
 * }</pre>
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation.preprocessing;
