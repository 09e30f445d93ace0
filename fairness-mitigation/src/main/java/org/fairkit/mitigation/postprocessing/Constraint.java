package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parity constraints a {@link ThresholdOptimizer} can enforce: the post-processed classifier's rate(s) must be
 * equal in every group (within the optimizer's tolerance), measured on the fitting data.
 *
 * <p>Names and ids follow Fairlearn's {@code ThresholdOptimizer(constraints=...)}. Fairlearn's
 * {@code true_negative_rate_parity} and {@code false_negative_rate_parity} are the same constraints as false and
 * true positive rate parity ({@code TNR = 1 - FPR}, {@code FNR = 1 - TPR}) and are not repeated here.
 */
public enum Constraint {
    /**
     * Equal selection rates {@code P(yhat = 1 | g)}, Calders &amp; Verwer 2010; Fairlearn
     * {@code demographic_parity}. Defined for every group with positive weight, whatever its labels.
     */
    DEMOGRAPHIC_PARITY("demographic_parity", "demographic parity", "selection rate", false, false),
    /**
     * Equal true positive rates {@code P(yhat = 1 | y = 1, g)}: "equal opportunity", Hardt, Price &amp; Srebro
     * 2016; Fairlearn {@code true_positive_rate_parity}. Every group needs positives.
     */
    TRUE_POSITIVE_RATE_PARITY("true_positive_rate_parity", "true positive rate parity", "true positive rate", true,
            false),
    /**
     * Equal false positive rates {@code P(yhat = 1 | y = 0, g)}; Fairlearn {@code false_positive_rate_parity}.
     * Every group needs negatives.
     */
    FALSE_POSITIVE_RATE_PARITY("false_positive_rate_parity", "false positive rate parity", "false positive rate",
            false, true),
    /**
     * Equal true positive and equal false positive rates, Hardt, Price &amp; Srebro 2016; Fairlearn
     * {@code equalized_odds}. Every group needs positives and negatives.
     */
    EQUALIZED_ODDS("equalized_odds", "equalized odds", "true and false positive rates", true, true);

    private final String id;
    private final String label;
    private final String rates;
    private final boolean needsPositives;
    private final boolean needsNegatives;

    Constraint(String id, String label, String rates, boolean needsPositives, boolean needsNegatives) {
        this.id = id;
        this.label = label;
        this.rates = rates;
        this.needsPositives = needsPositives;
        this.needsNegatives = needsNegatives;
    }

    /** @return the id used in JSON, YAML and the CLI (Fairlearn's name), e.g. {@code equalized_odds} */
    public String id() {
        return id;
    }

    /** @return the name in words, e.g. {@code equalized odds} */
    public String label() {
        return label;
    }

    /** @return the rate(s) the constraint equalizes, in words */
    public String rates() {
        return rates;
    }

    /** @return whether every group must have positives (label 1 with positive weight) */
    public boolean needsPositives() {
        return needsPositives;
    }

    /** @return whether every group must have negatives (label 0 with positive weight) */
    public boolean needsNegatives() {
        return needsNegatives;
    }

    /**
     * Parses an id ({@link #id()}, or the constant's name in any case).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Constraint byId(String id) {
        for (Constraint c : values()) {
            if (c.id.equals(id) || c.name().equalsIgnoreCase(String.valueOf(id))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown constraint '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Constraint::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
