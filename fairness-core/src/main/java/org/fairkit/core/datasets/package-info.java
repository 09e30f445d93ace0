/**
 * Seeded synthetic data sets with known properties, for examples, benchmarks and tests.
 *
 * <p>Entry point: {@link org.fairkit.core.datasets.SyntheticLending#generate(int, long)}.
 *
 * <p>Stability: the generated values for a given seed are stable within a minor version.
 */
package org.fairkit.core.datasets;
