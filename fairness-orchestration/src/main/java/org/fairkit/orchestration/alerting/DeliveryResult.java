package org.fairkit.orchestration.alerting;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What became of one alert sent to one webhook.
 *
 * @param outcome delivered, or written to the dead-letter file
 * @param attempts how many HTTP requests were made ({@code >= 1}, or 0 when the thread was interrupted before any)
 * @param lastStatus the HTTP status of the last response, empty when there was none (timeout, refused connection)
 * @param lastError why the last attempt failed, empty when delivered
 */
public record DeliveryResult(Outcome outcome, int attempts, OptionalInt lastStatus, String lastError) {

    /** What became of an alert. */
    public enum Outcome {
        /** The webhook answered 2xx. */
        DELIVERED,
        /** Every attempt failed (or the failure was permanent); the payload is in the dead-letter file. */
        DEAD_LETTERED
    }

    /** Validates that every part is present. */
    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
    }
}
