package org.fairkit.orchestration.io;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * A metric value with its interval estimate, if one was made: what every FairKit JSON document writes as
 * {@code VALUE} ({@code {"value": x}} or {@code {"value": null, "undefined": reason}}, plus {@code "interval"}),
 * through {@link FairKitJsonModule}.
 *
 * @param value the value, or undefined with the reason
 * @param interval the interval estimate, when one was made
 */
public record EstimatedValue(MetricValue value, Optional<Interval> interval) {
    /** Validates that both parts are present. */
    public EstimatedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(interval, "interval");
    }

    /** A value with an optional interval. */
    public static EstimatedValue of(MetricValue value, Optional<Interval> interval) {
        return new EstimatedValue(value, interval);
    }
}
