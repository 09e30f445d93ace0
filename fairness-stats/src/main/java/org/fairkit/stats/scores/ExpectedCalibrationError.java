package org.fairkit.stats.scores;

/**
 * Expected calibration error with equal-width bins, the definition of fairness-mitigation's
 * {@code CalibrationMetrics.bins(k, Binning.EQUAL_WIDTH)} (id {@value #ID}, so its disparities are
 * {@code expected_calibration_error.difference} and so on, as in {@code CalibrationReport}):
 * <pre>
 *   ECE = Σ_b W_b |ȳ_b − s̄_b| / W = Σ_b |Σ_{i∈b} w_i (y_i − s_i)| / W
 * </pre>
 * over bins b with edges {@code j/k} (right-closed, {@code numpy.linspace(0, 1, k + 1)}: a score on an inner edge
 * falls in the lower bin, 0 in the first), {@code W_b} the bin's weight, {@code ȳ_b} and {@code s̄_b} its weighted
 * mean label and score (Naeini, Cooper &amp; Hauskrecht 2015; Guo et al. 2017). Undefined when the total weight is
 * 0. ECE is not in the core catalog (it needs a binning), so only the score bootstrap of
 * {@link ScoreIntervals} computes it, on request ({@link ScoreIntervals#ece(int)}).
 */
public final class ExpectedCalibrationError {
    /** The id, as fairness-mitigation's {@code CalibrationMeasure.ECE}. */
    public static final String ID = "expected_calibration_error";

    private ExpectedCalibrationError() {
    }

    /**
     * The bin of a score: the smallest inner edge {@code j/k} (j = 1..k−1) at or above it, or the last bin.
     *
     * @param score in [0, 1]
     * @param bins k, {@code >= 1}
     * @return the bin index in {@code [0, k)}
     */
    public static int bin(double score, int bins) {
        double step = 1.0 / bins;
        int lo = 1;
        int hi = bins;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mid * step < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
