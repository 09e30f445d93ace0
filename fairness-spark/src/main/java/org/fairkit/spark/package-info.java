/**
 * FairKit on Apache Spark: the tally of a fairness audit runs on the executors, the derive step on the driver.
 *
 * <p>Entry point: {@link org.fairkit.spark.SparkFairness#of(org.apache.spark.sql.Dataset)}. One
 * {@code groupBy(sensitive..., label, prediction).agg(count(*), sum(weight))} job computes every group's confusion
 * cells (a shuffle of at most groups × 4 rows per partition); {@code org.fairkit.core.Fairness#fromCounts} turns
 * them into the same {@code FairnessReport} that {@code Fairness.of(data).evaluate()} gives over the same rows.
 * Spark is a {@code provided} dependency: the cluster brings it. Stability: new in 0.1; the API may change.
 */
package org.fairkit.spark;
