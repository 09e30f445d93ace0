package org.fairkit.stats.tests;

import org.fairkit.core.metrics.MetricValue;

/**
 * A disparity computed from a table of counts {@code counts[group][cell]} (rows of each group falling in each
 * outcome cell), larger meaning more disparate, e.g. the max-min difference of the groups' selection rates.
 * It must be a pure function of its argument (it is called from several threads) and must not keep or modify
 * the array.
 */
@FunctionalInterface
public interface CountStatistic {

    /** @return the disparity, or undefined with a reason (e.g. a group without positives has no TPR) */
    MetricValue compute(long[][] counts);

    /**
     * The max-min difference over groups of the rate {@code Σ_{c in numerator} counts[g][c] /
     * Σ_{c in denominator} counts[g][c]}; undefined when a group's denominator is 0.
     *
     * @param numeratorCells the cells counted as successes, e.g. {@code {1}} for a (not selected, selected) table
     * @param denominatorCells the cells forming the base, e.g. {@code {0, 1}}
     */
    static CountStatistic rateDifference(int[] numeratorCells, int[] denominatorCells) {
        int[] num = numeratorCells.clone();
        int[] den = denominatorCells.clone();
        return counts -> {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int g = 0; g < counts.length; g++) {
                long a = 0;
                long b = 0;
                for (int c : num) {
                    a += counts[g][c];
                }
                for (int c : den) {
                    b += counts[g][c];
                }
                if (b == 0) {
                    return MetricValue.undefined("group " + g + " has no rows in the rate's denominator");
                }
                double rate = (double) a / b;
                max = Math.max(max, rate);
                min = Math.min(min, rate);
            }
            return MetricValue.of(max - min);
        };
    }
}
