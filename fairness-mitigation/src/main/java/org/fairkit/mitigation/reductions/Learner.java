package org.fairkit.mitigation.reductions;

/**
 * The learner SPI of the reductions: a weighted binary classifier. {@link ExponentiatedGradient} and
 * {@link GridSearch} call it once per best response with relabelled rows and non-negative weights, and keep what it
 * returns; any JVM learner (XGBoost4J, Tribuo, Smile, ...) plugs in with a few lines of wrapping.
 *
 * <pre>{@code
 * Learner majority = (x, labels, weights) -> {        // the smallest learner: a weighted majority vote
 *     double yes = 0;
 *     double no = 0;
 *     for (int i = 0; i < labels.length; i++) {
 *         if (labels[i] == 1) {
 *             yes += weights[i];
 *         } else {
 *             no += weights[i];
 *         }
 *     }
 *     int constant = yes > no ? 1 : 0;
 *     return Classifier.of(rows -> {
 *         int[] p = new int[rows.rows()];
 *         java.util.Arrays.fill(p, constant);
 *         return p;
 *     });
 * };
 * }</pre>
 *
 * <p><b>Contract.</b> {@code fit} must not modify its arguments and must return an immutable {@link Classifier}
 * whose {@code predict} is a pure function of the features. {@code labels} are 0/1; {@code sampleWeights} are
 * finite, {@code >= 0}, one per row (callers pass all 1 for an unweighted fit). Fitting the same input twice should
 * give the same model; the reductions are then deterministic. The built-in learner is
 * {@link LogisticRegression}.
 */
@FunctionalInterface
public interface Learner {
    /**
     * Fits a binary classifier.
     *
     * @param features the rows' features
     * @param labels one 0/1 label per row
     * @param sampleWeights one finite weight {@code >= 0} per row
     * @return the fitted, immutable classifier
     * @throws IllegalArgumentException when the input cannot be fitted, naming the row, column or setting
     */
    Classifier fit(FeatureMatrix features, int[] labels, double[] sampleWeights);

    /** Convenience: fits on row-major features ({@code features[i][j]}, see {@link FeatureMatrix#ofRows}). */
    default Classifier fit(double[][] features, int[] labels, double[] sampleWeights) {
        return fit(FeatureMatrix.ofRows(features), labels, sampleWeights);
    }
}
