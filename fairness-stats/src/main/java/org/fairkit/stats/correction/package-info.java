/**
 * Multiple-comparison correction: when a fairness audit tests many groups or many metrics, some p-values are
 * small by chance. Entry point: {@link org.fairkit.stats.correction.MultipleTesting}, e.g.
 * {@code MultipleTesting.HOLM.correct(pValues, 0.05)}, which returns adjusted p-values and reject flags in the
 * input order, matching statsmodels 0.13.5 {@code multipletests}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.correction;
