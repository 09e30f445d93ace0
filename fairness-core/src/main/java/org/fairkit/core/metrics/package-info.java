/**
 * The metric catalog and the aggregates across groups.
 *
 * <p>{@link org.fairkit.core.metrics.Metrics} lists the group metrics (selection rate, true positive rate, ...),
 * {@link org.fairkit.core.metrics.FairnessMetric} the named fairness metrics (demographic parity difference,
 * equalized odds, disparate impact, ...); every metric carries its {@link org.fairkit.core.metrics.MetricInfo}.
 * Values are {@link org.fairkit.core.metrics.MetricValue}s, which are either defined or undefined with a reason;
 * aggregates are always {@link org.fairkit.core.metrics.Disparity}s. Score, regression and other metric families
 * live in their own packages; {@code org.fairkit.core.catalog.MetricCatalog} lists them all.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.metrics;
