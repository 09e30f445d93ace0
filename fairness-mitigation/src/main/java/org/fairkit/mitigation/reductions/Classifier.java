package org.fairkit.mitigation.reductions;

import java.util.Optional;
import java.util.function.Function;

/**
 * A fitted binary classifier, the result of a {@link Learner}: hard 0/1 predictions and, where the learner has one,
 * a real-valued score (a decision value or a probability; larger means more likely 1). Immutable.
 *
 * <p>Wrap any model in two lambdas with {@link #of(Function)} or {@link #of(Function, Function)}.
 */
public interface Classifier {
    /**
     * The hard prediction of every row.
     *
     * @return one 0/1 prediction per row of {@code features}
     */
    int[] predict(FeatureMatrix features);

    /**
     * The score of every row, when the classifier has one ({@link LogisticRegression}: the probability of 1).
     *
     * @return one score per row, or empty when the classifier has no score
     */
    default Optional<double[]> score(FeatureMatrix features) {
        return Optional.empty();
    }

    /** A classifier from a prediction function (no score). */
    static Classifier of(Function<FeatureMatrix, int[]> predict) {
        return of(predict, null);
    }

    /**
     * A classifier from a prediction function and an optional score function ({@code null}: no score).
     */
    static Classifier of(Function<FeatureMatrix, int[]> predict, Function<FeatureMatrix, double[]> score) {
        java.util.Objects.requireNonNull(predict, "predict");
        return new Classifier() {
            @Override
            public int[] predict(FeatureMatrix features) {
                return predict.apply(features);
            }

            @Override
            public Optional<double[]> score(FeatureMatrix features) {
                return score == null ? Optional.empty() : Optional.of(score.apply(features));
            }
        };
    }
}
