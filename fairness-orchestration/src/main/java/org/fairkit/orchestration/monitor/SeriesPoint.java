package org.fairkit.orchestration.monitor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.MetricValue;

/**
 * One point of a metric's time series: its value in one window.
 *
 * @param window the window's index
 * @param start the window's first event time (time windows), empty for count windows
 * @param end the window's end (exclusive; time windows), empty for count windows
 * @param rows the window's row count
 * @param value the value in that window (undefined with the reason, also when the group had no rows)
 */
public record SeriesPoint(long window, Optional<Instant> start, Optional<Instant> end, long rows, MetricValue value) {
    /** Validates that every part is present. */
    public SeriesPoint {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(value, "value");
    }
}
