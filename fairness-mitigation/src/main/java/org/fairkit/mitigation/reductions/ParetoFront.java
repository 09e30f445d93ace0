package org.fairkit.mitigation.reductions;

import java.util.Locale;

/**
 * The Pareto-optimal points of an accuracy / disparity trade-off: point {@code i} is optimal when no point
 * {@code j} has {@code accuracy_j >= accuracy_i} and {@code disparity_j <= disparity_i} with at least one of the two
 * strict. Comparisons are exact; identical points are all kept. As the golden file's {@code grid_search.pareto}.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * The indices of the Pareto-optimal points, ascending.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold NaN
     */
    public static int[] optimal(double[] accuracy, double[] disparity) {
        if (accuracy.length != disparity.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d accuracies for %d disparities; expected one of each per point", accuracy.length,
                    disparity.length));
        }
        int n = accuracy.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(accuracy[i]) || Double.isNaN(disparity[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "point %d: accuracy %s, disparity %s; expected numbers", i, accuracy[i], disparity[i]));
            }
        }
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                dominated = accuracy[j] >= accuracy[i] && disparity[j] <= disparity[i]
                        && (accuracy[j] > accuracy[i] || disparity[j] < disparity[i]);
            }
            if (!dominated) {
                out[m++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }
}
