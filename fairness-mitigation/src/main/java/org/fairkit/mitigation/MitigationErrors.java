package org.fairkit.mitigation;

import java.util.Collection;
import org.fairkit.core.internal.InputErrors;

/**
 * The input-validation messages of fairness-mitigation that core's {@link InputErrors} does not already word,
 * and the column checks shared by its fitters. Messages name the column, the first bad row (0-based) and what
 * was expected, in the same style as core: {@code column 'scores', row 17: got NaN; expected a finite score in
 * [0, 1]}.
 */
public final class MitigationErrors {
    private MitigationErrors() {
    }

    /** A row whose group the fitted model has never seen. */
    public static IllegalArgumentException unknownGroup(String column, int row, String group, Collection<?> known) {
        return new IllegalArgumentException("column '" + column + "', row " + row + ": got group '" + group
                + "', which the model was not fitted on; expected one of " + known);
    }

    /** A group that lacks the label class a computation needs. */
    public static IllegalArgumentException missingClass(String what, Object group, String lacking, String needs) {
        return new IllegalArgumentException(what + ": group '" + group + "' has " + lacking + "; " + needs);
    }

    /** Data whose total weight is zero. */
    public static IllegalArgumentException zeroTotalWeight(String what) {
        return new IllegalArgumentException(what + ": the total weight is 0; expected at least one row with weight > 0");
    }

    /** A grouping that cannot be chosen without the caller naming features. */
    public static IllegalArgumentException ambiguousGrouping(Collection<String> features) {
        return new IllegalArgumentException("the data has sensitive features " + features
                + "; name the ones to group by with groupBy(...)");
    }

    /**
     * Checks labels: same length as the first column, each 0 or 1.
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    public static void checkLabels(int[] labels, int rows, String firstColumn) {
        if (labels == null) {
            throw new IllegalArgumentException("column 'labels' is required, got null");
        }
        checkLength("labels", labels.length, firstColumn, rows);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw InputErrors.badValue("labels", i, labels[i], "0 or 1");
            }
        }
    }

    /**
     * Checks scores: same length as the first column, finite and in [0, 1].
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    public static void checkScores(double[] scores, int rows, String firstColumn) {
        if (scores == null) {
            throw new IllegalArgumentException("column 'scores' is required, got null");
        }
        checkLength("scores", scores.length, firstColumn, rows);
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s >= 0 && s <= 1)) {
                throw InputErrors.badValue("scores", i, s, "a finite score in [0, 1]");
            }
        }
    }

    /**
     * Checks optional weights ({@code null} passes): same length as the first column, finite, {@code >= 0},
     * with a finite total.
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    public static void checkWeights(double[] weights, int rows, String firstColumn) {
        if (weights == null) {
            return;
        }
        checkLength("weights", weights.length, firstColumn, rows);
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw InputErrors.badValue("weights", i, w, "a finite weight >= 0");
            }
            total += w;
        }
        if (Double.isInfinite(total)) {
            throw InputErrors.badTotal("weights", total, "a finite total weight");
        }
    }

    /** Checks that a column has as many rows as the first one. */
    public static void checkLength(String column, int length, String firstColumn, int rows) {
        if (length != rows) {
            throw InputErrors.lengthMismatch(column, length, firstColumn, rows);
        }
    }
}
