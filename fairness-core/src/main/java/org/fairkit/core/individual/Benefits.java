package org.fairkit.core.individual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;

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
 * {@link #unweighted()} to reproduce its numbers on weighted data. {@link #of(GroupResults, boolean)} builds the
 * same benefits from per-group confusion counts, without rows. Immutable; arrays are copied.
 */
public final class Benefits {
    private final double[] benefit;
    private final double[] weights;
    private final Grouping grouping;
    private final String[] zeroBenefitReasons;

    private Benefits(double[] benefit, double[] weights, Grouping grouping) {
        this(benefit, weights, grouping, null);
    }

    private Benefits(double[] benefit, double[] weights, Grouping grouping, String[] zeroBenefitReasons) {
        this.benefit = benefit;
        this.weights = weights;
        this.grouping = grouping;
        this.zeroBenefitReasons = zeroBenefitReasons;
    }

    private void requireRows(String method) {
        if (zeroBenefitReasons != null) {
            throw new IllegalStateException(method + " needs benefits of rows, and these come from a tally (three "
                    + "weighted cells per group); build them with Benefits.of(results, weighted) as wanted");
        }
    }

    /** Per row, why a zero benefit makes an index with α <= 0 infinite, when rows stand for more than one row. */
    Optional<String[]> zeroBenefitReasons() {
        return Optional.ofNullable(zeroBenefitReasons);
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
     * The benefits {@code b_i = ŷ_i − y_i + 1} of a binary classifier from its per-group confusion counts alone: each
     * group's false negatives (benefit 0), correct decisions (1) and false positives (2) become three rows weighted
     * by their count. Every inequality index is a sum over rows of a function of the benefit, so this gives the
     * same indices as {@link #of(FairnessData, String...)} on the rows the counts came from (up to the order of
     * summation); it needs no rows, so it works on streamed files, SQL and Spark tallies.
     *
     * @param results the per-group counts and their grouping
     * @param weighted whether a weighted tally counts its weights ({@code true}, FairKit's definition, as
     *     {@link #of(FairnessData, String...)}) or its rows ({@code false}: AIF360's entropy indices ignore weights);
     *     an unweighted tally gives the same either way
     */
    public static Benefits of(GroupResults results, boolean weighted) {
        Objects.requireNonNull(results, "results");
        List<GroupKey> groups = results.groups();
        int n = 3 * groups.size();
        double[] b = new double[n];
        double[] w = new double[n];
        List<String> features = results.spec().groupBy();
        String[][] levels = new String[features.size()][n];
        String[] reasons = new String[n];
        for (int g = 0; g < groups.size(); g++) {
            CellCounts c = results.counts(groups.get(g));
            double[] mass = weighted
                    ? new double[] {c.mass(Cell.FN), c.mass(Cell.TN) + c.mass(Cell.TP), c.mass(Cell.FP)}
                    : new double[] {c.rows(Cell.FN), c.rows(Cell.TN) + (double) c.rows(Cell.TP), c.rows(Cell.FP)};
            for (int k = 0; k < 3; k++) {
                int row = 3 * g + k;
                b[row] = k;
                w[row] = mass[k];
                reasons[row] = "group " + groups.get(g).describe() + " has false negatives (benefit 0)";
                for (int f = 0; f < features.size(); f++) {
                    levels[f][row] = groups.get(g).levels().get(f);
                }
            }
        }
        List<SensitiveFeature> sf = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            sf.add(SensitiveFeature.of(features.get(f), levels[f]));
        }
        return new Benefits(b, w, Grouping.of(sf), reasons);
    }

    /**
     * These benefits with row weights: a row of weight 2 counts as two rows.
     *
     * @param rowWeights one finite weight {@code >= 0} per row
     * @throws IllegalArgumentException naming the column {@code weights} and the first bad row, or the length
     */
    public Benefits weighted(double[] rowWeights) {
        requireRows("weighted(...)");
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
        requireRows("unweighted()");
        return weights == null ? this : new Benefits(benefit, null, grouping);
    }

    /**
     * These benefits grouped by a grouping of the same rows.
     *
     * @throws IllegalArgumentException if the grouping has another number of rows
     */
    public Benefits groupedBy(Grouping rowGroups) {
        requireRows("groupedBy(...)");
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
