/**
 * Data quality gates for fairness work: checks of group sizes, representation against a reference distribution,
 * missing values by group, label base-rate gaps and proxy features, each returning
 * {@link org.fairkit.core.checks.Finding}s with a {@link org.fairkit.core.Severity}.
 *
 * <p>Entry point: {@link org.fairkit.core.checks.DataQuality#defaults()} or
 * {@link org.fairkit.core.checks.DataQuality#builder()}, then {@code check(data, features, groupBy...)}; features
 * come as a {@link org.fairkit.core.checks.FeatureTable}. The association measures (mutual information, Cramér's V,
 * the correlation ratio) are available on their own in {@link org.fairkit.core.checks.Association};
 * {@link org.fairkit.core.checks.DataQualityMetrics} is the catalog of their metadata.
 *
 * <p>Stability: public API, evolving before 1.0; check and metric ids are stable.
 */
package org.fairkit.core.checks;
