/**
 * Group fairness of rankings: exposure under a position-bias model, exposure against relevance, selection parity
 * in the top k, and ranking quality per group.
 *
 * <p>Entry point: {@link org.fairkit.core.ranking.RankingFairness#of(org.fairkit.core.ranking.Ranking)}, configured and
 * evaluated into a {@link org.fairkit.core.ranking.RankingReport}, over a
 * {@link org.fairkit.core.ranking.Ranking} built with {@link org.fairkit.core.ranking.Ranking#builder()}; the
 * attention model is a {@link org.fairkit.core.ranking.PositionBias} (logarithmic by default). Per-group values come
 * as {@link org.fairkit.core.metrics.GroupValues}, so differences, ratios and comparisons with a reference group
 * work as for classification metrics. {@link org.fairkit.core.ranking.RankingMetrics} is the catalog of their
 * metadata.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.ranking;
