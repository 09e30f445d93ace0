package org.fairkit.core.metrics;

/** Why a group metric is undefined: the shared wording of zero-denominator reasons. */
final class Reasons {
    static final String NO_POSITIVES = "no positives (TP + FN = 0)";
    static final String NO_NEGATIVES = "no negatives (FP + TN = 0)";
    static final String NO_PREDICTED_POSITIVES = "no predicted positives (TP + FP = 0)";
    static final String NO_PREDICTED_NEGATIVES = "no predicted negatives (TN + FN = 0)";
    static final String ZERO_TOTAL = "total weight is 0";

    private Reasons() {
    }
}
