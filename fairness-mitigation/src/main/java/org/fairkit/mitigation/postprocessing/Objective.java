package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a {@link ThresholdOptimizer} maximizes, evaluated on the whole fitting data (all groups pooled, with the
 * sample weights) from each row's probability of a positive prediction.
 *
 * <p>Both are linear in the per-group confusion counts, which is what makes the optimum exact (a linear program
 * over the convex hulls of the groups' threshold points). Fairlearn supports the same two for
 * {@code equalized_odds}; for the simple constraints it also allows {@code selection_rate},
 * {@code true_positive_rate} and {@code true_negative_rate}, which are not offered here.
 */
public enum Objective {
    /**
     * Accuracy {@code (TP + TN) / W}, with {@code W} the total weight; Fairlearn {@code accuracy_score}.
     */
    ACCURACY("accuracy_score", "accuracy"),
    /**
     * Balanced accuracy {@code (TP / P + TN / N) / 2} of the pooled predictions, {@code P} and {@code N} the
     * total positive and negative weight; scikit-learn {@code balanced_accuracy_score}. For
     * {@link Constraint#EQUALIZED_ODDS} this is what Fairlearn maximizes. For the other constraints Fairlearn
     * maximizes instead the group-size-weighted mean of the per-group balanced accuracies
     * ({@code sum_g n_g / n * balanced_accuracy_g}), a different quantity whenever groups differ in base rate;
     * FairKit maximizes the pooled balanced accuracy for every constraint. Needs positives and negatives overall.
     */
    BALANCED_ACCURACY("balanced_accuracy_score", "balanced accuracy");

    private final String id;
    private final String label;

    Objective(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the id used in JSON, YAML and the CLI (Fairlearn's name), e.g. {@code accuracy_score} */
    public String id() {
        return id;
    }

    /** @return the name in words */
    public String label() {
        return label;
    }

    /**
     * Parses an id ({@link #id()}, or the constant's name in any case).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Objective byId(String id) {
        for (Objective o : values()) {
            if (o.id.equals(id) || o.name().equalsIgnoreCase(String.valueOf(id))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Objective::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
