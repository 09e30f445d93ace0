package org.fairkit.orchestration.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.internal.InputErrors;

/**
 * When an audit runs and by when it must be done: the third variable (T) of the load model.
 *
 * <p>Build one from {@link #now()}, {@link #scheduled(Instant)} or {@link #continuous(Duration)}, then add limits:
 * <pre>{@code
 * Timeline t = Timeline.now().withTimeLimit(Duration.ofMinutes(2)).withStrictSla();
 * }</pre>
 * The time available to a run is the smallest of the limits that apply: the {@linkplain #timeLimit() time limit}
 * (SLA), the time from the start to the {@linkplain #deadline() deadline}, and for {@link ExecutionMode#CONTINUOUS}
 * the {@linkplain #period() period} (a run must end before the next one starts). Without any limit every
 * estimate fits. A {@linkplain #strictSla() strict SLA} adds the 20% buffer described in {@link LoadModel}.
 *
 * @param mode now, scheduled or continuous
 * @param start the scheduled start ({@link ExecutionMode#SCHEDULED} only)
 * @param period the time between runs ({@link ExecutionMode#CONTINUOUS} only)
 * @param timeLimit the SLA: the longest a run may take
 * @param deadline the instant by which a run must be done (not with {@link ExecutionMode#CONTINUOUS})
 * @param strictSla whether the limits are strict (the estimate gets a safety buffer before it is compared)
 */
public record Timeline(ExecutionMode mode, Optional<Instant> start, Optional<Duration> period,
        Optional<Duration> timeLimit, Optional<Instant> deadline, boolean strictSla) {

    /** Validates that each part belongs to the mode and that durations are positive. */
    public Timeline {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(deadline, "deadline");
        if ((mode == ExecutionMode.SCHEDULED) != start.isPresent()) {
            throw InputErrors.badSetting("start", start.orElse(null), mode == ExecutionMode.SCHEDULED
                    ? "present for a SCHEDULED timeline" : "absent unless the timeline is SCHEDULED");
        }
        if ((mode == ExecutionMode.CONTINUOUS) != period.isPresent()) {
            throw InputErrors.badSetting("period", period.orElse(null), mode == ExecutionMode.CONTINUOUS
                    ? "present for a CONTINUOUS timeline" : "absent unless the timeline is CONTINUOUS");
        }
        period.ifPresent(p -> requirePositive("period", p));
        timeLimit.ifPresent(l -> requirePositive("timeLimit", l));
        if (mode == ExecutionMode.CONTINUOUS && deadline.isPresent()) {
            throw InputErrors.badSetting("deadline", deadline.get(),
                    "absent for a CONTINUOUS timeline (each run is limited by the period)");
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw InputErrors.badSetting(name, d, "a positive duration");
        }
    }

    /** One run, starting now, without limits. */
    public static Timeline now() {
        return new Timeline(ExecutionMode.NOW, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false);
    }

    /** One run starting at {@code start}, without limits. */
    public static Timeline scheduled(Instant start) {
        return new Timeline(ExecutionMode.SCHEDULED, Optional.of(Objects.requireNonNull(start, "start")),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** A run every {@code period}; each run must finish within the period. */
    public static Timeline continuous(Duration period) {
        return new Timeline(ExecutionMode.CONTINUOUS, Optional.empty(),
                Optional.of(Objects.requireNonNull(period, "period")), Optional.empty(), Optional.empty(), false);
    }

    /** @return this timeline with an SLA: a run may take at most {@code limit} */
    public Timeline withTimeLimit(Duration limit) {
        return new Timeline(mode, start, period, Optional.of(Objects.requireNonNull(limit, "timeLimit")), deadline,
                strictSla);
    }

    /** @return this timeline with a deadline by which a run must be done */
    public Timeline withDeadline(Instant by) {
        return new Timeline(mode, start, period, timeLimit, Optional.of(Objects.requireNonNull(by, "deadline")),
                strictSla);
    }

    /** @return this timeline with strict limits: the estimate gets the strict-SLA buffer before comparison */
    public Timeline withStrictSla() {
        return new Timeline(mode, start, period, timeLimit, deadline, true);
    }

    /** @return whether any limit applies */
    public boolean hasLimit() {
        return period.isPresent() || timeLimit.isPresent() || deadline.isPresent();
    }
}
