package org.fairkit.stats.power;

import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * The smallest disparity from a baseline rate that a two-sided two-proportion test detects with the target power.
 * On the rate scale it is asymmetric: an increase and a decrease of the same Cohen's h differ.
 *
 * @param baseline the rate of the comparison group, {@code p1}
 * @param cohensH the minimum detectable Cohen's h (positive)
 * @param rateUp the smallest detectable rate above the baseline, {@code sin²(asin√p1 + h/2)}; undefined when even
 *     a rate of 1 is not detectable
 * @param rateDown the largest detectable rate below the baseline, {@code sin²(asin√p1 - h/2)}; undefined when even
 *     a rate of 0 is not detectable
 */
public record MinimumDetectableDifference(double baseline, double cohensH, MetricValue rateUp, MetricValue rateDown) {

    /** Checks for nulls. */
    public MinimumDetectableDifference {
        Objects.requireNonNull(rateUp, "rateUp");
        Objects.requireNonNull(rateDown, "rateDown");
    }

    /** @return {@code rateUp - baseline}, undefined when {@link #rateUp()} is */
    public MetricValue differenceUp() {
        return rateUp.isDefined() ? MetricValue.of(rateUp.value() - baseline) : rateUp;
    }

    /** @return {@code baseline - rateDown}, undefined when {@link #rateDown()} is */
    public MetricValue differenceDown() {
        return rateDown.isDefined() ? MetricValue.of(baseline - rateDown.value()) : rateDown;
    }
}
