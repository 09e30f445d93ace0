/**
 * Intervals for the numbers that are extremes over groups: spreads ({@code max − min}, {@code min / max}, the
 * to-overall aggregates and the named fairness metrics built from them) and the worst group against a reference.
 *
 * <p>Entry point: {@link org.fairkit.stats.simultaneous.SimultaneousIntervals#estimate}, called by both interval
 * estimators ({@code Bootstrap}, {@code Bayesian}) for every such estimand; users reach it through
 * {@code Fairness...intervals(...)} and {@code org.fairkit.stats.ParityEquivalence}. The family of comparisons
 * behind each value gets intervals holding simultaneously (closed-form MOVER intervals at the Šidák level, or a
 * max-|t| band of joint draws), projected onto the extreme.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.simultaneous;
