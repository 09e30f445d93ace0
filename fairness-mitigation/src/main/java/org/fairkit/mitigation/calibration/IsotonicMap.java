package org.fairkit.mitigation.calibration;

import java.util.Arrays;
import java.util.Locale;

/**
 * Isotonic-regression calibration (Zadrozny &amp; Elkan 2002, "Transforming classifier scores into accurate
 * multiclass probability estimates", KDD): the non-decreasing function of the score closest to the labels in
 * weighted least squares, found by pool-adjacent-violators.
 *
 * <p><b>Definition (equals scikit-learn 1.2 {@code IsotonicRegression(out_of_bounds='clip', increasing=True)}).</b>
 * <ol>
 *   <li>Rows of weight 0 are dropped; the rest are sorted by (score, label), stably.</li>
 *   <li>Ties in the score are pooled first: a run of sorted scores each less than {@code 1e-15}
 *       ({@code numpy.finfo(float64).resolution}) above the run's first score becomes one point at that first
 *       score, with the weighted mean label {@code sum(w y) / sum(w)} and the summed weight.</li>
 *   <li>Pool-adjacent-violators fits the non-decreasing step values {@code f_1 <= ... <= f_m} minimizing
 *       {@code sum_j W_j (ybar_j - f_j)^2} over the pooled points.</li>
 *   <li>Only the points needed to draw the function are kept ({@code thresholdsX}, {@code thresholdsY}): the
 *       first, the last and every point whose fitted value differs from its predecessor's or successor's.</li>
 *   <li>{@link #apply(double)} clips the score to [{@link #xMin()}, {@link #xMax()}] (the smallest and largest
 *       training score) and interpolates linearly between the two thresholds around it:
 *       {@code f(s) = y_lo + (y_hi - y_lo) / (x_hi - x_lo) * (s - x_lo)} (scipy's {@code interp1d}), capped at
 *       {@code y_hi}: scipy's rounding can overshoot {@code y_hi} by one ulp, which would break monotonicity and
 *       can give 1.0000000000000002. With a single threshold the map is constant.</li>
 * </ol>
 * The output is non-decreasing in the score and lies in [0, 1] because the labels do. Fitting costs O(n): the sort
 * is a radix sort, pool-adjacent-violators is linear; applying costs O(log m) for m thresholds.
 */
public final class IsotonicMap implements ScoreMap {
    /** scikit-learn's tie tolerance for scores: {@code numpy.finfo(numpy.float64).resolution}. */
    static final double TIE_RESOLUTION = 1e-15;

    private final double[] x;
    private final double[] y;
    private final int rows;
    private final int pooledPoints;

    private IsotonicMap(double[] x, double[] y, int rows, int pooledPoints) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.pooledPoints = pooledPoints;
    }

    /** Fits a sample with at least one row of positive weight. */
    static IsotonicMap fit(Sample sample) {
        int n = sample.rows();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (sample.weights[i] > 0) {
                kept++;
            }
        }
        long[] keys = new long[kept];
        int[] order = new int[kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (sample.weights[i] > 0) {
                keys[j] = ScoreOrder.key(sample.scores[i], sample.labels[i]);
                order[j++] = i;
            }
        }
        ScoreOrder.sort(keys, order);

        // Pool scores closer than TIE_RESOLUTION to the first score of their run.
        double[] ux = new double[kept];
        double[] uy = new double[kept];
        double[] uw = new double[kept];
        int m = 0;
        double runX = sample.scores[order[0]];
        double sumWy = 0;
        double sumW = 0;
        for (int j = 0; j < kept; j++) {
            int i = order[j];
            double s = sample.scores[i];
            double w = sample.weights[i];
            if (s - runX >= TIE_RESOLUTION) {
                ux[m] = runX;
                uw[m] = sumW;
                uy[m] = sumWy / sumW;
                m++;
                runX = s;
                sumW = w;
                sumWy = sample.labels[i] * w;
            } else {
                sumW += w;
                sumWy += sample.labels[i] * w;
            }
        }
        ux[m] = runX;
        uw[m] = sumW;
        uy[m] = sumWy / sumW;
        m++;
        double[] fitted = Pav.fit(Arrays.copyOf(uy, m), Arrays.copyOf(uw, m));

        // Keep the first and last points and every point whose value differs from a neighbour's.
        double[] tx = new double[m];
        double[] ty = new double[m];
        int t = 0;
        for (int j = 0; j < m; j++) {
            boolean keep = j == 0 || j == m - 1 || fitted[j - 1] != fitted[j] || fitted[j] != fitted[j + 1];
            if (keep) {
                tx[t] = ux[j];
                ty[t] = fitted[j];
                t++;
            }
        }
        return new IsotonicMap(Arrays.copyOf(tx, t), Arrays.copyOf(ty, t), n, m);
    }

    @Override
    public double apply(double score) {
        double s = ScoreMap.checkScore(score);
        int last = x.length - 1;
        if (last == 0) {
            return y[0];
        }
        if (s <= x[0]) {
            s = x[0];
        } else if (s >= x[last]) {
            s = x[last];
        }
        // hi = first threshold >= s, at least 1 (as scipy's interp1d / numpy.searchsorted(side='left')).
        int hi = Arrays.binarySearch(x, s);
        if (hi < 0) {
            hi = -hi - 1;
        } else {
            while (hi > 0 && x[hi - 1] == s) {
                hi--;
            }
        }
        if (hi == 0) {
            hi = 1;
        }
        int lo = hi - 1;
        double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
        // Clamped to the segment's values: rounding of the interpolation may not overshoot y[hi] by an ulp.
        return Math.min(slope * (s - x[lo]) + y[lo], y[hi]);
    }

    /** @return the scores where the fitted function changes slope (scikit-learn's {@code X_thresholds_}), a copy */
    public double[] thresholdsX() {
        return x.clone();
    }

    /** @return the fitted values at {@link #thresholdsX()} (scikit-learn's {@code y_thresholds_}), a copy */
    public double[] thresholdsY() {
        return y.clone();
    }

    /** @return the smallest training score with positive weight; lower scores are clipped to it */
    public double xMin() {
        return x[0];
    }

    /** @return the largest training score with positive weight; higher scores are clipped to it */
    public double xMax() {
        return x[x.length - 1];
    }

    /** @return the number of distinct scores after pooling ties */
    public int pooledPoints() {
        return pooledPoints;
    }

    @Override
    public String method() {
        return "isotonic";
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "isotonic: %d thresholds on [%.6g, %.6g], values %.4f .. %.4f "
                + "(%d distinct scores)", x.length, xMin(), xMax(), y[0], y[y.length - 1], pooledPoints);
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicMap m && Arrays.equals(x, m.x) && Arrays.equals(y, m.y) && rows == m.rows
                && pooledPoints == m.pooledPoints;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }
}
