package org.fairkit.mitigation.calibration;

import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * Calibration of one set of rows (all rows, or one group): proper scores, binned calibration errors and the
 * reliability diagram they come from. All weighted by the rows' weights (1 when unweighted).
 *
 * <ul>
 *   <li>{@code brier = sum w_i (y_i - s_i)^2 / sum w_i} (Brier 1950; scikit-learn {@code brier_score_loss}), in
 *       [0, 1].</li>
 *   <li>{@code logLoss = -sum w_i ln q_i / sum w_i} with {@code q_i} the probability given to the observed class
 *       after clipping the score to {@code [eps, 1 - eps]}, {@code eps = 2^-52} (machine epsilon), and
 *       renormalizing {@code (1 - p, p)} to sum 1: scikit-learn 1.2 {@code log_loss(eps='auto')}. At most
 *       {@code -ln(eps) = 36.04} per row.</li>
 *   <li>{@code ece = sum_b (W_b / W) |o_b - m_b|} over bins b with weight, where {@code o_b} is the bin's observed
 *       rate, {@code m_b} its mean score, {@code W_b} its weight (Naeini, Cooper &amp; Hauskrecht 2015, "Obtaining
 *       well calibrated probabilities using Bayesian binning", AAAI; Guo et al. 2017).</li>
 *   <li>{@code mce = max_b |o_b - m_b|} over bins with weight (Naeini et al. 2015).</li>
 * </ul>
 * {@code 0 <= ece <= mce <= 1}. Every value is undefined with the reason {@value #NO_ROWS} or {@value #NO_WEIGHT}
 * when there is nothing to average. Binned measures depend on the number of bins and on {@link Binning}; they are
 * estimates of a calibration error, biased upwards on small data.
 *
 * @param rows the number of rows
 * @param weight the total weight
 * @param brier the Brier score
 * @param logLoss the log loss
 * @param ece the expected calibration error
 * @param mce the maximum calibration error
 * @param reliability the bins behind {@code ece} and {@code mce}
 */
public record CalibrationSummary(int rows, double weight, MetricValue brier, MetricValue logLoss, MetricValue ece,
        MetricValue mce, ReliabilityDiagram reliability) {
    /** The reason of every value of a set without rows. */
    public static final String NO_ROWS = "no rows";
    /** The reason of every value of a set whose rows all have weight 0. */
    public static final String NO_WEIGHT = "total weight is 0";

    /** Validates that the parts are present. */
    public CalibrationSummary {
        Objects.requireNonNull(brier, "brier");
        Objects.requireNonNull(logLoss, "logLoss");
        Objects.requireNonNull(ece, "ece");
        Objects.requireNonNull(mce, "mce");
        Objects.requireNonNull(reliability, "reliability");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d weight=%.6g brier=%s logLoss=%s ece=%s mce=%s", rows, weight, brier,
                logLoss, ece, mce);
    }
}
