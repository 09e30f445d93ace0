package org.fairkit.mitigation.calibration;

import java.util.Collection;
import java.util.Locale;
import org.fairkit.core.internal.InputErrors;

/**
 * Every error message of the calibration package, built in one place so that the wording is consistent and
 * tested. Column errors reuse fairness-core's {@link InputErrors} wording (column, first bad row, expectation).
 */
final class Errors {
    static final String SCORE_DOMAIN = "a finite score in [0, 1]";
    static final String LABEL_DOMAIN = "0 or 1";
    static final String WEIGHT_DOMAIN = "a finite weight >= 0";

    private Errors() {
    }

    static IllegalArgumentException badScore(int row, double value) {
        return InputErrors.badValue("scores", row, value, SCORE_DOMAIN);
    }

    static IllegalArgumentException badLabel(int row, int value) {
        return InputErrors.badValue("labels", row, value, LABEL_DOMAIN);
    }

    static IllegalArgumentException badWeight(int row, double value) {
        return InputErrors.badValue("weights", row, value, WEIGHT_DOMAIN);
    }

    static IllegalArgumentException nullGroup(int row) {
        return InputErrors.badValue("groups", row, null, "a non-null group name");
    }

    static IllegalArgumentException lengthMismatch(String column, int length, int rows) {
        return InputErrors.lengthMismatch(column, length, "scores", rows);
    }

    static IllegalArgumentException noRows() {
        return InputErrors.empty();
    }

    static IllegalArgumentException zeroWeight() {
        return InputErrors.badTotal("weights", 0.0, "a positive total (at least one row with weight > 0)");
    }

    /** A single score given to {@code apply}. */
    static IllegalArgumentException badApplyScore(double value) {
        return new IllegalArgumentException("score must be " + SCORE_DOMAIN + ", got " + value);
    }

    /** Fitting data whose rows of positive weight all have the same label. */
    static IllegalArgumentException oneClass(int label, long rows) {
        return new IllegalArgumentException("column 'labels': all " + rows + " rows with weight > 0 are " + label
                + "; expected both classes (a calibrator fitted on one class maps every score to " + label + ")");
    }

    static IllegalArgumentException unknownGroup(String group, Collection<String> known) {
        return new IllegalArgumentException("group '" + group + "' was not seen when the calibrator was fitted; "
                + "it knows " + known);
    }

    static IllegalStateException needsGroup() {
        return new IllegalStateException("this calibrator was fitted per group; call apply(score, group), "
                + "or global().apply(score) for the calibrator fitted on all rows");
    }

    static IllegalStateException minGroupSizeWithoutGroups() {
        return new IllegalStateException("minGroupSize applies only to per-group calibration; call groupBy(...) too, "
                + "or fit with a groups column");
    }

    /** A fit that failed: the message of {@link FitFailure} with the method's name. */
    static IllegalArgumentException fitFailed(String method, String reason) {
        return new IllegalArgumentException(method + " cannot be fitted: " + reason);
    }

    /** A weight for a table: whole numbers without decimals (row counts when unweighted), else 4 decimals. */
    static String weight(double w) {
        if (w == Math.rint(w) && Math.abs(w) < 1e15) {
            return Long.toString((long) w);
        }
        return String.format(Locale.ROOT, "%.4f", w);
    }
}
