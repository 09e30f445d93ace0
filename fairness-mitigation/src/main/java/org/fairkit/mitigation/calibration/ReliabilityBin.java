package org.fairkit.mitigation.calibration;

import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * One bin of a reliability diagram: its score interval, how many rows and how much weight fell in it, their
 * weighted mean score and their weighted positive rate.
 *
 * <p>{@code meanScore = sum w_i s_i / sum w_i} and {@code observedRate = sum w_i y_i / sum w_i} over the bin's
 * rows; unweighted they are scikit-learn's {@code prob_pred} and {@code prob_true}. Both are undefined for an empty
 * bin ({@value #EMPTY}) or a bin whose rows all have weight 0 ({@value #NO_WEIGHT}); scikit-learn drops such bins.
 *
 * @param index the bin's position, from 0
 * @param lower the left edge (exclusive except for bin 0)
 * @param upper the right edge (inclusive)
 * @param count the number of rows in the bin
 * @param weight the total weight of the bin's rows
 * @param meanScore the weighted mean score, undefined for an empty bin
 * @param observedRate the weighted share of label 1, undefined for an empty bin
 */
public record ReliabilityBin(int index, double lower, double upper, long count, double weight,
        MetricValue meanScore, MetricValue observedRate) {
    /** The reason of an undefined value in a bin without rows. */
    public static final String EMPTY = "empty bin (no rows)";
    /** The reason of an undefined value in a bin whose rows all have weight 0. */
    public static final String NO_WEIGHT = "bin weight is 0";

    /** Validates that the parts are present. */
    public ReliabilityBin {
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(observedRate, "observedRate");
    }

    /** @return whether the bin has weight (and so defined values) */
    public boolean isDefined() {
        return meanScore.isDefined();
    }

    /** @return {@code |observedRate - meanScore|}, undefined when the bin is */
    public MetricValue gap() {
        if (!isDefined()) {
            return meanScore;
        }
        return MetricValue.of(Math.abs(observedRate.value() - meanScore.value()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "(%.4f, %.4f] n=%d w=%.4g mean=%s observed=%s", lower, upper, count,
                weight, meanScore, observedRate);
    }
}
