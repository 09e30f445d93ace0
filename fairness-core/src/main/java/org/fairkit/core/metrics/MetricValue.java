package org.fairkit.core.metrics;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric's value, or the explicit statement that it is undefined and why.
 *
 * <p>Undefined values come from zero denominators (a group without positives has no true positive rate) or
 * from aggregates over too few groups. {@link #value()} is {@code NaN} for an undefined value so primitive
 * code can still flow, but the reason is never lost: {@link #reason()} says it.
 */
public final class MetricValue {
    private final double value;
    private final String reason;

    private MetricValue(double value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    /**
     * A defined value.
     *
     * @throws IllegalArgumentException if {@code value} is NaN (use {@link #undefined(String)} with a reason)
     */
    public static MetricValue of(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a defined metric value cannot be NaN; use MetricValue.undefined(reason)");
        }
        return new MetricValue(value, null);
    }

    /**
     * An undefined value.
     *
     * @param reason why, in words a report reader understands (e.g. "no positives (TP + FN = 0)")
     */
    public static MetricValue undefined(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an undefined metric value needs a reason");
        }
        return new MetricValue(Double.NaN, reason);
    }

    /** @return whether the value is defined */
    public boolean isDefined() {
        return reason == null;
    }

    /** @return the value, or {@code NaN} when undefined */
    public double value() {
        return value;
    }

    /** @return why the value is undefined, empty when it is defined */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * @return the value
     * @throws IllegalStateException with the reason, if undefined
     */
    public double orElseThrow() {
        if (reason != null) {
            throw new IllegalStateException("undefined: " + reason);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricValue)) {
            return false;
        }
        MetricValue m = (MetricValue) o;
        return Double.compare(value, m.value) == 0 && Objects.equals(reason, m.reason);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Objects.hashCode(reason);
    }

    /** @return the value with 4 decimals ({@link Locale#ROOT}), or {@code undefined (reason)} */
    @Override
    public String toString() {
        return reason == null ? String.format(Locale.ROOT, "%.4f", value) : "undefined (" + reason + ")";
    }
}
