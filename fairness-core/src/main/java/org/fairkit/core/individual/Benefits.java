package org.fairkit.core.individual;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;

/**
 * The per-row benefits whose inequality the {@link InequalityIndices} measure, with optional row weights and an
 * optional grouping (for the between- and within-group indices).
 *
 * <p>For a binary classifier, {@link #of(FairnessData, String...)} uses the benefit of Speicher et al. (2018) as
 * AIF360 does: {@code b_i = ŷ_i − y_i + 1}, so a false negative gets 0, a correct decision 1 and a false positive 2
 * (the positive decision is the favourable one). Any other non-negative benefit (an income, a loan amount, a
 * regression prediction shifted to be non-negative) goes in through {@link #of(double[])}.
 *
 * <p>Weights: {@link #of(FairnessData, String...)} takes the data's weights when it has them, so a weighted row
 * counts as that many rows. <strong>AIF360 ignores instance weights in its entropy indices</strong>; call
 * {@link #unweighted()} to reproduce its numbers on weighted data. Immutable; arrays are copied.
 */
public final class Benefits {
    private final double[] benefit;
    private final double[] weights;
    private final Grouping grouping;

    private Benefits(double[] benefit, double[] weights, Grouping grouping) {
        this.benefit = benefit;
        this.weights = weights;
        this.grouping = grouping;
    }

    /**
     * Benefits given directly, unweighted and ungrouped.
     *
     * @param benefits one finite, non-negative benefit per row
     * @throws IllegalArgumentException naming the first bad row, if a benefit is NaN, infinite or negative, or
     *     there is no row
     */
    public static Benefits of(double[] benefits) {
        Objects.requireNonNull(benefits, "benefits");
        if (benefits.length == 0) {
            throw InputErrors.empty();
        }
        for (int i = 0; i < benefits.length; i++) {
            double b = benefits[i];
            if (!(b >= 0) || b == Double.POSITIVE_INFINITY) {
                throw InputErrors.badValue("benefits", i, b, "a finite number >= 0");
            }
        }
        return new Benefits(benefits.clone(), null, null);
    }

    /**
     * The benefits {@code b_i = ŷ_i − y_i + 1} of a binary classifier (Speicher et al. 2018; AIF360
     * {@code ClassificationMetric.generalized_entropy_index}), weighted by the data's weights when it has them,
     * and grouped by the named sensitive features (their intersection) when any are named.
     *
     * @param data labels and predictions (1 = the favourable decision)
     * @param groupBy sensitive features to group by; none for an ungrouped set
     * @throws IllegalArgumentException if a feature name is unknown
     */
    public static Benefits of(FairnessData data, String... groupBy) {
        Objects.requireNonNull(data, "data");
        int n = data.rows();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = data.prediction(i) - data.label(i) + 1;
        }
        double[] w = null;
        if (data.hasWeights()) {
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = data.weight(i);
            }
        }
        Grouping g = groupBy.length == 0 ? null : data.grouping(List.of(groupBy));
        return new Benefits(b, w, g);
    }

    /**
     * These benefits with row weights: a row of weight 2 counts as two rows.
     *
     * @param rowWeights one finite weight {@code >= 0} per row
     * @throws IllegalArgumentException naming the column {@code weights} and the first bad row, or the length
     */
    public Benefits weighted(double[] rowWeights) {
        Objects.requireNonNull(rowWeights, "weights");
        if (rowWeights.length != benefit.length) {
            throw InputErrors.lengthMismatch("weights", rowWeights.length, "benefits", benefit.length);
        }
        for (int i = 0; i < rowWeights.length; i++) {
            double w = rowWeights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw InputErrors.badValue("weights", i, w, "a finite number >= 0");
            }
        }
        return new Benefits(benefit, rowWeights.clone(), grouping);
    }

    /** @return these benefits with every row weighing 1 (AIF360's entropy indices on weighted data) */
    public Benefits unweighted() {
        return weights == null ? this : new Benefits(benefit, null, grouping);
    }

    /**
     * These benefits grouped by a grouping of the same rows.
     *
     * @throws IllegalArgumentException if the grouping has another number of rows
     */
    public Benefits groupedBy(Grouping rowGroups) {
        Objects.requireNonNull(rowGroups, "grouping");
        if (rowGroups.rows() != benefit.length) {
            throw InputErrors.lengthMismatch("grouping " + rowGroups.features(), rowGroups.rows(), "benefits",
                    benefit.length);
        }
        return new Benefits(benefit, weights, rowGroups);
    }

    /**
     * These benefits grouped by one sensitive feature given as a level per row.
     *
     * @throws IllegalArgumentException if a level is null or the length differs
     */
    public Benefits groupedBy(String feature, String[] levels) {
        return groupedBy(Grouping.of(List.of(SensitiveFeature.of(feature, levels))));
    }

    /** @return the number of rows */
    public int rows() {
        return benefit.length;
    }

    /** @return row {@code i}'s benefit */
    public double benefit(int i) {
        return benefit[i];
    }

    /** @return whether rows carry weights */
    public boolean isWeighted() {
        return weights != null;
    }

    /** @return row {@code i}'s weight, 1.0 when unweighted */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return the grouping, if these benefits are grouped */
    public Optional<Grouping> grouping() {
        return Optional.ofNullable(grouping);
    }

    @Override
    public String toString() {
        double[] range = benefit.clone();
        Arrays.sort(range);
        return "Benefits[" + benefit.length + " rows" + (weights == null ? "" : ", weighted")
                + (grouping == null ? "" : ", grouped by " + String.join(" x ", grouping.features()) + " ("
                        + grouping.groupCount() + " groups)")
                + ", benefit range [" + range[0] + ", " + range[range.length - 1] + "]]";
    }
}
