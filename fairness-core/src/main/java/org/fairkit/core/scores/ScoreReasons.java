package org.fairkit.core.scores;

/** Why a score metric is undefined: the shared wording. */
final class ScoreReasons {
    static final String NO_POSITIVES = "no positives (weight of label 1 is 0)";
    static final String NO_NEGATIVES = "no negatives (weight of label 0 is 0)";
    static final String ZERO_TOTAL = "total weight is 0";

    private ScoreReasons() {
    }
}
