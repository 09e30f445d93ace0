/**
 * The Bayesian engine behind {@link org.fairkit.stats.Bayesian}: conjugate Beta posteriors of group rates with
 * equal-tailed and HPD intervals ({@link org.fairkit.stats.bayes.BetaPosterior}), the joint Monte Carlo posterior
 * of every reported quantity with Beta and Dirichlet cell models ({@link org.fairkit.stats.bayes.PosteriorSampler})
 * and its result with decision probabilities ({@link org.fairkit.stats.bayes.Posterior}).
 *
 * <p>Entry point: {@code Bayesian.jeffreys().seed(7)}; {@code Bayesian...posterior(request)} for the draws.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.bayes;
