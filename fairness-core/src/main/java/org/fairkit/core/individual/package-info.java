/**
 * Individual fairness: inequality of the benefits individuals receive, and consistency of decisions among similar
 * rows.
 *
 * <p>Entry points: {@link org.fairkit.core.individual.InequalityIndices} over
 * {@link org.fairkit.core.individual.Benefits} (generalized entropy, Theil, coefficient of variation, and their
 * between- and within-group parts, Speicher et al. 2018), and
 * {@link org.fairkit.core.individual.Consistency#neighbours(int)} over a
 * {@link org.fairkit.core.individual.FeatureMatrix} (k-NN consistency, Zemel et al. 2013, exact neighbours).
 * {@link org.fairkit.core.individual.IndividualMetrics} is the catalog of their metadata. These metrics need the
 * rows, not only per-group counts.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.individual;
