/**
 * FairKit stats: honest uncertainty for fairness metrics.
 *
 * <p>Front doors:
 * <ul>
 *   <li>{@link org.fairkit.stats.Bootstrap#bca(int)} / {@code percentile(n)} / {@code basic(n)} and
 *       {@link org.fairkit.stats.Bayesian#jeffreys()} / {@code uniform()} / {@code prior(a, b)}: both plug into
 *       {@code Fairness.of(data)...intervals(...)} and give intervals for every reported quantity from joint
 *       resamples or posterior draws, reproducible for a seed on any number of threads. Raw distributions come
 *       from {@code Bootstrap...distribution(request)} and {@code Bayesian...posterior(request)}; the engines
 *       live in {@link org.fairkit.stats.bootstrap} and {@link org.fairkit.stats.bayes}.</li>
 *   <li>{@link org.fairkit.stats.proportion.ProportionInterval} and
 *       {@link org.fairkit.stats.proportion.TwoProportionIntervals}: closed-form intervals for a rate, a
 *       difference and a ratio.</li>
 *   <li>{@link org.fairkit.stats.simultaneous.SimultaneousIntervals}: valid intervals for spreads and worst-group
 *       metrics (simultaneous over the group comparisons), used by both estimators;
 *       {@link org.fairkit.stats.ParityEquivalence}: an equivalence test showing a spread is within a margin.</li>
 *   <li>{@link org.fairkit.stats.tests}, {@link org.fairkit.stats.correction}, {@link org.fairkit.stats.power}
 *       and {@link org.fairkit.stats.drift}: significance tests, multiple-comparison correction, power and
 *       drift detection.</li>
 *   <li>{@link org.fairkit.stats.scores.ScoreIntervals} and {@link org.fairkit.stats.regression.RegressionIntervals}:
 *       intervals for score metrics (DeLong for the AUC, a stratified row bootstrap for every score metric and ECE)
 *       and regression metrics (t intervals, a stratified row bootstrap), returned as
 *       {@link org.fairkit.stats.intervals.MetricIntervals} keyed by the reports' metric and disparity ids.</li>
 * </ul>
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats;
