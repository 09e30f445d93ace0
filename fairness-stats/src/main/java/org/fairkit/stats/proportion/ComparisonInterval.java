package org.fairkit.stats.proportion;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * The comparison of two rates (a difference or a ratio) with its confidence interval, or the explicit statement
 * that the interval is undefined and why. Immutable value.
 *
 * <p>The estimate and the interval are undefined independently: for the Katz ratio with {@code x1 = 0} the
 * estimate is 0 but the interval is undefined (its log-scale variance needs both counts positive).
 */
public final class ComparisonInterval {
    private final MetricValue estimate;
    private final Interval interval;
    private final String undefinedReason;

    private ComparisonInterval(MetricValue estimate, Interval interval, String undefinedReason) {
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.interval = interval;
        this.undefinedReason = undefinedReason;
    }

    static ComparisonInterval defined(MetricValue estimate, Interval interval) {
        return new ComparisonInterval(estimate, Objects.requireNonNull(interval, "interval"), null);
    }

    static ComparisonInterval undefined(MetricValue estimate, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an undefined interval needs a reason");
        }
        return new ComparisonInterval(estimate, null, reason);
    }

    /** @return the point estimate ({@code p1 - p2} or {@code p1 / p2}), possibly undefined with its reason */
    public MetricValue estimate() {
        return estimate;
    }

    /** @return the interval, empty when undefined (see {@link #undefinedReason()}) */
    public Optional<Interval> interval() {
        return Optional.ofNullable(interval);
    }

    /** @return why the interval is undefined, empty when it is defined */
    public Optional<String> undefinedReason() {
        return Optional.ofNullable(undefinedReason);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ComparisonInterval)) {
            return false;
        }
        ComparisonInterval c = (ComparisonInterval) o;
        return estimate.equals(c.estimate) && Objects.equals(interval, c.interval)
                && Objects.equals(undefinedReason, c.undefinedReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(estimate, interval, undefinedReason);
    }

    /** @return {@code estimate [lower, upper]} or {@code estimate, interval undefined (reason)} */
    @Override
    public String toString() {
        return interval != null
                ? String.format(Locale.ROOT, "%s %s", estimate, interval)
                : estimate + ", interval undefined (" + undefinedReason + ")";
    }
}
