package org.fairkit.mitigation.calibration;

import java.util.Arrays;

/**
 * How scores in [0, 1] are cut into bins, for histogram-binning calibration and for calibration metrics
 * (reliability diagrams, expected and maximum calibration error).
 *
 * <p><b>Bin convention (scikit-learn 1.2 {@code calibration_curve}).</b> With edges
 * {@code e_0 <= e_1 <= ... <= e_k}, a score s falls in bin {@code j = #{ inner edges e_1 .. e_(k-1) < s }}
 * ({@code numpy.searchsorted(edges[1:-1], s, side='left')}): bins are {@code [e_0, e_1]}, {@code (e_1, e_2]}, ...,
 * {@code (e_(k-1), e_k]}, closed on the right, the first one closed on both sides. A score equal to an inner edge
 * belongs to the bin on its left. Scores below {@code e_0} or above {@code e_k} (possible for equal-mass edges
 * learned on other data) fall in the first or last bin.
 */
public enum Binning {
    /**
     * Equal-width bins: {@code e_j = j * (1.0 / k)} for {@code j < k} and {@code e_k = 1}, exactly the doubles of
     * {@code numpy.linspace(0, 1, k + 1)} (so the third edge of ten is 0.30000000000000004).
     * scikit-learn's {@code strategy='uniform'}.
     */
    EQUAL_WIDTH,
    /**
     * Equal-mass bins: the edges are the {@code j/k} quantiles of the scores, by numpy's default linear
     * interpolation ({@code numpy.percentile(scores, linspace(0, 1, k + 1) * 100)}, Hyndman &amp; Fan 1996 type 7),
     * so each bin holds about {@code n/k} rows. Ties can make edges equal and bins empty. Edges are quantiles of
     * the rows, unweighted, as in scikit-learn's {@code strategy='quantile'}; weights only enter the bin
     * statistics. Equal-mass bins per group use that group's own quantiles.
     */
    EQUAL_MASS;

    /**
     * @param bins the number of bins, {@code >= 1}
     * @param scores the scores the edges are learned from (needed for {@link #EQUAL_MASS}; not modified)
     * @return {@code bins + 1} non-decreasing edges
     */
    double[] edges(int bins, double[] scores) {
        double[] e = new double[bins + 1];
        if (this == EQUAL_WIDTH) {
            double step = 1.0 / bins;
            for (int j = 0; j < bins; j++) {
                e[j] = j * step;
            }
            e[bins] = 1.0;
            return e;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double step = 1.0 / bins;
        for (int j = 0; j <= bins; j++) {
            double q = j == bins ? 1.0 : j * step;
            e[j] = percentile(sorted, q * 100.0 / 100.0);
        }
        return e;
    }

    /**
     * numpy 1.24's {@code percentile(method='linear')} on sorted data: virtual index {@code h = (n - 1) q},
     * {@code lo = floor(h)}, {@code g = h - lo}, and numpy's {@code _lerp}: {@code a + (b - a) g} for
     * {@code g < 0.5}, {@code b - (b - a)(1 - g)} otherwise; {@code h >= n - 1} gives the maximum.
     */
    static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        if (h >= n - 1) {
            return sorted[n - 1];
        }
        if (h < 0) {
            return sorted[0];
        }
        int lo = (int) Math.floor(h);
        double g = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double d = b - a;
        return g >= 0.5 ? b - d * (1 - g) : a + d * g;
    }

    /** @return the bin of a score: the number of inner edges strictly below it */
    static int binOf(double[] edges, double score) {
        int lo = 1;
        int hi = edges.length - 1; // inner edges are edges[1 .. length-2]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
