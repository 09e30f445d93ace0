/**
 * Seeded synthetic data sets with known properties, for examples, benchmarks, tests and the CLI demo. Each has a
 * documented generative model and an injected disparity stated as a formula, so that an audit can be checked
 * against the expected answer:
 * <ul>
 *   <li>{@link org.fairkit.core.datasets.SyntheticLending}: binary lending decisions and scores, Group B's scores
 *       lowered ({@link org.fairkit.core.FairnessData});</li>
 *   <li>{@link org.fairkit.core.datasets.SyntheticCreditLimits}: a credit-limit regression, women's predictions
 *       biased and noisier ({@link org.fairkit.core.regression.RegressionData});</li>
 *   <li>{@link org.fairkit.core.datasets.SyntheticSearchRanking}: a search ranking over many queries, Group B's
 *       items demoted ({@link org.fairkit.core.ranking.Ranking} per query);</li>
 *   <li>{@link org.fairkit.core.datasets.SyntheticTriage}: a three-class triage model, women's recall of the
 *       {@code high} class lowered ({@link org.fairkit.core.multiclass.MulticlassData}).</li>
 * </ul>
 *
 * <p>Entry points: {@link org.fairkit.core.datasets.SyntheticLending#generate(int, long)} and the {@code builder()}
 * of each other data set ({@code rows} or {@code queries}, {@code seed}, {@code strength}: 0 = no disparity); each
 * writes itself as CSV with {@code writeCsv}.
 *
 * <p>Stability: the generated values (and CSV bytes) for a given seed are stable within a minor version.
 */
package org.fairkit.core.datasets;
