package org.fairkit.orchestration.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job runs: now, once at a time, or every period from a first time.
 */
public sealed interface Trigger {
    /** Run once, as soon as the executor can. */
    record Now() implements Trigger {
        @Override
        public String toString() {
            return "now";
        }
    }

    /**
     * Run once at a time (at once if the time has passed).
     *
     * @param at when
     */
    record At(Instant at) implements Trigger {
        /** Validates that the time is present. */
        public At {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String toString() {
            return "at " + at;
        }
    }

    /**
     * Run every {@code period}, first at {@code first} (or now when empty). Runs start at fixed rate; a run that takes
     * longer than the period delays the next start rather than overlapping it.
     *
     * @param period the time between starts, positive
     * @param first the first start, or empty for now
     */
    record Every(Duration period, Optional<Instant> first) implements Trigger {
        /** Validates that the period is positive. */
        public Every {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(first, "first");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive, got " + period);
            }
        }

        @Override
        public String toString() {
            return "every " + period + first.map(f -> " from " + f).orElse("");
        }
    }

    /** @return a trigger that runs once, now */
    static Trigger now() {
        return new Now();
    }

    /** @return a trigger that runs once at {@code at} */
    static Trigger at(Instant at) {
        return new At(at);
    }

    /** @return a trigger that runs every {@code period}, starting now */
    static Trigger every(Duration period) {
        return new Every(period, Optional.empty());
    }

    /** @return a trigger that runs every {@code period}, starting at {@code first} */
    static Trigger every(Duration period, Instant first) {
        return new Every(period, Optional.of(first));
    }

    /** @return whether the trigger fires more than once */
    default boolean isPeriodic() {
        return this instanceof Every;
    }
}
