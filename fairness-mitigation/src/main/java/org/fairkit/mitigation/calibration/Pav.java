package org.fairkit.mitigation.calibration;

/**
 * The pool-adjacent-violators algorithm for weighted least-squares isotonic (non-decreasing) regression.
 *
 * <p>Solves {@code min sum_i w_i (y_i - f_i)^2} subject to {@code f_1 <= f_2 <= ... <= f_n} for points already in
 * x order, with weights {@code w_i > 0}. The solution is unique and piecewise constant; each constant block takes
 * the weighted mean of its points (Barlow, Bartholomew, Bremner &amp; Brunk 1972, <i>Statistical Inference under
 * Order Restrictions</i>). This variant (Best &amp; Chakravarti 1990, "Active set algorithms for isotonic
 * regression; a unifying framework", Math. Programming 47, section 3) scans forward, pools each maximal
 * non-increasing run of adjacent blocks in one sum (blocks with <em>equal</em> means are pooled too), then steps
 * back one block to re-check the previous pair. It is O(n) and does its arithmetic in the same order as
 * scikit-learn's {@code _inplace_contiguous_isotonic_regression}, so fitted values agree with scikit-learn's to the
 * last bits in practice.
 */
final class Pav {
    private Pav() {
    }

    /**
     * @param y the responses in x order (not modified)
     * @param w the weights, all {@code > 0} (not modified)
     * @return the fitted non-decreasing values, one per point
     */
    static double[] fit(double[] y, double[] w) {
        int n = y.length;
        double[] mean = y.clone();
        double[] weight = w.clone();
        // A block is [first..last]; lastOf[first] = last and firstOf[last] = first for every current block.
        int[] lastOf = new int[n];
        int[] firstOf = new int[n];
        for (int i = 0; i < n; i++) {
            lastOf[i] = i;
            firstOf[i] = i;
        }
        int i = 0;
        while (i < n) {
            int next = lastOf[i] + 1;
            if (next >= n) {
                break;
            }
            if (mean[i] < mean[next]) {
                i = next;
                continue;
            }
            double sumWy = weight[i] * mean[i];
            double sumW = weight[i];
            double previous;
            do {
                previous = mean[next];
                sumWy += weight[next] * mean[next];
                sumW += weight[next];
                next = lastOf[next] + 1;
            } while (next < n && previous >= mean[next]);
            mean[i] = sumWy / sumW;
            weight[i] = sumW;
            lastOf[i] = next - 1;
            firstOf[next - 1] = i;
            if (i > 0) {
                i = firstOf[i - 1];
            }
        }
        double[] fitted = new double[n];
        for (int b = 0; b < n; b = lastOf[b] + 1) {
            for (int j = b; j <= lastOf[b]; j++) {
                fitted[j] = mean[b];
            }
        }
        return fitted;
    }
}
