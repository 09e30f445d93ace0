package org.fairkit.orchestration.schedule;

/**
 * A scheduled job's identifier, unique within its scheduler: {@code job-1}, {@code job-2}, ... in submission order.
 *
 * @param value the identifier
 */
public record JobId(String value) {
    /** Validates that the value is present. */
    public JobId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
