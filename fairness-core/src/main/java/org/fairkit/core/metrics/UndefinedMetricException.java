package org.fairkit.core.metrics;

/**
 * Thrown under {@link ZeroDivision#ERROR} when a requested value is undefined. Unchecked; catch it by type to
 * treat an undefined metric as a failed check.
 */
public final class UndefinedMetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the metric, the group and why the value is undefined */
    public UndefinedMetricException(String message) {
        super(message);
    }
}
