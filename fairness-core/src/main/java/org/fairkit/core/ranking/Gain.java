package org.fairkit.core.ranking;

/** How a relevance grade turns into gain in (N)DCG. */
public enum Gain {
    /** {@code gain = rel}: scikit-learn's {@code ndcg_score} and {@code dcg_score}. */
    LINEAR,
    /** {@code gain = 2^rel − 1} (Burges et al. 2005): stresses highly relevant items; rel 0 gives 0. */
    EXPONENTIAL;

    double of(double relevance) {
        return this == LINEAR ? relevance : StrictMath.pow(2, relevance) - 1;
    }
}
