package org.fairkit.mitigation.postprocessing;

import java.util.Locale;

/**
 * One group's randomized threshold rule: the probability of predicting 1 for a score {@code s},
 * <pre>
 *   P(yhat = 1 | s) = pIgnore * constant + (1 - pIgnore) * (p0 * [s &gt; threshold0] + p1 * [s &gt; threshold1])
 * </pre>
 * This is the representation of Fairlearn's {@code InterpolatedThresholder} (Hardt, Price &amp; Srebro 2016, section
 * 4): a mixture of two deterministic thresholds, and for equalized odds with probability {@code pIgnore} a coin
 * that predicts 1 with probability {@code constant} whatever the score. {@code threshold0 >= threshold1}: the
 * first operation selects fewer rows. Thresholds lie between two distinct scores of the fitting data (their
 * midpoint, as in Fairlearn) or are {@code +Infinity} (select nothing) or {@code -Infinity} (select everything),
 * so rows with equal scores always get the same probability.
 *
 * @param threshold0 the higher threshold
 * @param p0 the probability of applying {@code threshold0}
 * @param threshold1 the lower threshold
 * @param p1 the probability of applying {@code threshold1}, {@code 1 - p0}
 * @param pIgnore the probability of ignoring the score (0 except for equalized odds)
 * @param constant the probability of predicting 1 when the score is ignored
 */
public record ThresholdRule(double threshold0, double p0, double threshold1, double p1, double pIgnore,
        double constant) {

    /** Validates probabilities in [0, 1] with {@code p0 + p1 = 1} (within 1e-12), thresholds not NaN. */
    public ThresholdRule {
        for (double p : new double[] {p0, p1, pIgnore, constant}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must be in [0, 1], got p0 " + p0 + ", p1 " + p1
                        + ", pIgnore " + pIgnore + ", constant " + constant);
            }
        }
        if (Math.abs(p0 + p1 - 1) > 1e-12) {
            throw new IllegalArgumentException("p0 + p1 must be 1, got " + p0 + " + " + p1);
        }
        if (Double.isNaN(threshold0) || Double.isNaN(threshold1)) {
            throw new IllegalArgumentException("thresholds must not be NaN");
        }
    }

    /** A deterministic threshold: predict 1 when {@code s > threshold}. */
    public static ThresholdRule above(double threshold) {
        return new ThresholdRule(threshold, 1, threshold, 0, 0, 0);
    }

    /** @return {@code P(yhat = 1 | s)} */
    public double probabilityOfPositive(double score) {
        double thresholded = (score > threshold0 ? p0 : 0) + (score > threshold1 ? p1 : 0);
        return pIgnore == 0 ? thresholded : pIgnore * constant + (1 - pIgnore) * thresholded;
    }

    /** @return whether the rule is a single deterministic threshold */
    public boolean isDeterministic() {
        return pIgnore == 0 && (p0 == 1 || p1 == 1 || threshold0 == threshold1);
    }

    /** @return the rule as a formula, e.g. {@code 0.163663 x [s > 0.256215] + 0.836337 x [s > 0.209329]} */
    @Override
    public String toString() {
        String t = p1 == 0 || threshold0 == threshold1 ? "[s > " + num(threshold0) + "]"
                : p0 == 0 ? "[s > " + num(threshold1) + "]"
                : num(p0) + " x [s > " + num(threshold0) + "] + " + num(p1) + " x [s > " + num(threshold1) + "]";
        if (pIgnore == 0) {
            return t;
        }
        boolean compound = t.contains(" + ");
        return num(pIgnore) + " x " + num(constant) + " + " + num(1 - pIgnore) + " x " + (compound ? "(" + t + ")" : t);
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
