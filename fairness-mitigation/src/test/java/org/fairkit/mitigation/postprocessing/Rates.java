package org.fairkit.mitigation.postprocessing;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rates recomputed row by row from each row's {@code P(yhat = 1)}, independently of the optimizer's bookkeeping:
 * per group {selection rate, TPR, FPR, accuracy} and the pooled (weighted) accuracy and balanced accuracy.
 */
record Rates(Map<String, double[]> byGroup, double accuracy, double balancedAccuracy) {

    static Rates of(double[] p, int[] labels, String[] groups) {
        return of(p, labels, groups, null);
    }

    static Rates of(double[] p, int[] labels, String[] groups, double[] weights) {
        Map<String, double[]> sums = new TreeMap<>(); // w, pos, neg, tp, fp
        double[] all = new double[5];
        for (int i = 0; i < p.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double[] s = sums.computeIfAbsent(groups[i], g -> new double[5]);
            for (double[] t : new double[][] {s, all}) {
                t[0] += w;
                t[labels[i] == 1 ? 1 : 2] += w;
                t[labels[i] == 1 ? 3 : 4] += w * p[i];
            }
        }
        Map<String, double[]> out = new TreeMap<>();
        sums.forEach((g, s) -> out.put(g, new double[] {(s[3] + s[4]) / s[0], s[3] / s[1], s[4] / s[2],
            (s[3] + s[2] - s[4]) / s[0]}));
        return new Rates(out, (all[3] + all[2] - all[4]) / all[0],
                0.5 * all[3] / all[1] + 0.5 * (all[2] - all[4]) / all[2]);
    }

    /** The largest difference between groups of the constrained rate(s); NaN rates (no class) are skipped. */
    double spread(Constraint c) {
        int[] which = c == Constraint.DEMOGRAPHIC_PARITY ? new int[] {0}
                : c == Constraint.TRUE_POSITIVE_RATE_PARITY ? new int[] {1}
                : c == Constraint.FALSE_POSITIVE_RATE_PARITY ? new int[] {2} : new int[] {1, 2};
        double worst = 0;
        for (int r : which) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] g : byGroup.values()) {
                if (!Double.isNaN(g[r])) {
                    lo = Math.min(lo, g[r]);
                    hi = Math.max(hi, g[r]);
                }
            }
            worst = Math.max(worst, hi - lo);
        }
        return worst;
    }
}
