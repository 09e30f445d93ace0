package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.List;
import org.fairkit.mitigation.calibration.Cases.Case;

/** Independent reference computations for property tests. */
final class BruteForce {
    private BruteForce() {
    }

    /**
     * Weighted isotonic regression by exhaustion: every split of the points into consecutive blocks (2^(n-1) of
     * them), each block at its weighted mean; among splits whose block means never decrease, the one with the least
     * weighted squared error. The optimum of isotonic regression is such a split (its level sets are consecutive
     * blocks at their means), so this is the optimum.
     */
    static double[] isotonic(double[] y, double[] w) {
        int n = y.length;
        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            double[] f = new double[n];
            double prev = Double.NEGATIVE_INFINITY;
            boolean monotone = true;
            int start = 0;
            for (int i = 0; i < n && monotone; i++) {
                boolean cut = i == n - 1 || (mask >> i & 1) == 1;
                if (cut) {
                    double sw = 0;
                    double swy = 0;
                    for (int j = start; j <= i; j++) {
                        sw += w[j];
                        swy += w[j] * y[j];
                    }
                    double m = swy / sw;
                    if (m < prev - 1e-12) {
                        monotone = false;
                    }
                    for (int j = start; j <= i; j++) {
                        f[j] = m;
                    }
                    prev = m;
                    start = i + 1;
                }
            }
            if (monotone) {
                double sse = sse(y, w, f);
                if (sse < bestSse - 1e-13) {
                    bestSse = sse;
                    best = f;
                }
            }
        }
        return best;
    }

    static double sse(double[] y, double[] w, double[] f) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += w[i] * (y[i] - f[i]) * (y[i] - f[i]);
        }
        return s;
    }

    /** @return the rows of one group, in input order */
    static Case subset(Case k, String group) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < k.size(); i++) {
            if (k.groups()[i].equals(group)) {
                rows.add(i);
            }
        }
        double[] s = rows.stream().mapToDouble(i -> k.scores()[i]).toArray();
        int[] l = rows.stream().mapToInt(i -> k.labels()[i]).toArray();
        double[] w = k.weights() == null ? null : rows.stream().mapToDouble(i -> k.weights()[i]).toArray();
        String[] g = rows.stream().map(i -> group).toArray(String[]::new);
        return new Case(s, l, w, g, k.seed());
    }
}
