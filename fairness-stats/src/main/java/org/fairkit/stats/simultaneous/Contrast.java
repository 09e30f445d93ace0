package org.fairkit.stats.simultaneous;

import java.util.List;
import org.fairkit.core.metrics.GroupMetric;

/**
 * One comparison in a family: a linear combination {@code Σ coef · value} of group (or overall) values, or a ratio
 * {@code numerator / denominator} of two values.
 *
 * @param ratio whether this is a ratio (then {@code terms} holds the numerator and the denominator, coefficients 1)
 * @param terms the values it combines
 */
record Contrast(boolean ratio, List<Term> terms) {

    /** The overall value, in place of a group index. */
    static final int OVERALL = -1;

    /**
     * One value a contrast uses.
     *
     * @param metric the group metric
     * @param group the group index, or {@link #OVERALL}
     * @param coef its coefficient in a linear contrast
     */
    record Term(GroupMetric metric, int group, double coef) {
    }

    static Contrast difference(GroupMetric m, int a, int b) {
        return new Contrast(false, List.of(new Term(m, a, 1), new Term(m, b, -1)));
    }

    static Contrast ratio(GroupMetric m, int numerator, int denominator) {
        return new Contrast(true, List.of(new Term(m, numerator, 1), new Term(m, denominator, 1)));
    }

    Term numerator() {
        return terms.get(0);
    }

    Term denominator() {
        return terms.get(1);
    }
}
