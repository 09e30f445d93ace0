/**
 * In-processing mitigation by reductions (Agarwal et al. 2018, "A Reductions Approach to Fair Classification"):
 * train a classifier under a parity constraint by repeatedly calling a weighted binary {@link
 * org.fairkit.mitigation.reductions.Learner} on relabelled, reweighted rows.
 *
 * <p>Entry points: {@link org.fairkit.mitigation.reductions.ExponentiatedGradient#constraint} and {@link
 * org.fairkit.mitigation.reductions.GridSearch#constraint} (configure, {@code fit}, an immutable {@code Fitted}),
 * with constraints from {@link org.fairkit.mitigation.reductions.ParityConstraint}; the learner SPI
 * {@link org.fairkit.mitigation.reductions.Learner} / {@link org.fairkit.mitigation.reductions.Classifier} on a
 * {@link org.fairkit.mitigation.reductions.FeatureMatrix}; the built-in learner
 * {@link org.fairkit.mitigation.reductions.LogisticRegression}. Stability: the SPI and the factories are the
 * public API; the fitted types' accessors may gain members.
 */
package org.fairkit.mitigation.reductions;
