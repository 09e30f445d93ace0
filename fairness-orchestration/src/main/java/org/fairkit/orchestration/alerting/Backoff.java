package org.fairkit.orchestration.alerting;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before each retry: exponential backoff, {@code delay(k) = min(max, initial · multiplier^(k-1))}
 * before retry {@code k = 1, 2, ...} (the first attempt is never delayed). No jitter: one process sends to a
 * webhook one alert at a time, so there is no thundering herd to spread, and a deterministic schedule is testable.
 *
 * <pre>{@code
 * Backoff b = Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)); // 1 s, 2 s, 4 s, ... 30 s
 * }</pre>
 *
 * @param initial the delay before the first retry, {@code >= 0}
 * @param multiplier the factor between consecutive delays, {@code >= 1}
 * @param max the longest delay, {@code >= initial}
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

    /** Validates the parameters; each message names the parameter and what was expected. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative()) {
            throw new IllegalArgumentException("backoff initial delay must be >= 0, got " + initial);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, got " + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max delay must be >= the initial delay " + initial
                    + ", got " + max);
        }
    }

    /** @return exponential backoff from {@code initial}, times {@code multiplier} per retry, capped at {@code max} */
    public static Backoff exponential(Duration initial, double multiplier, Duration max) {
        return new Backoff(initial, multiplier, max);
    }

    /** @return the default: 1 s, doubling, at most 30 s */
    public static Backoff defaults() {
        return exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
    }

    /**
     * @param retry the retry's number, {@code >= 1}
     * @return how long to wait before it
     */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, got " + retry);
        }
        double nanos = initial.toNanos() * Math.pow(multiplier, retry - 1.0);
        if (nanos >= max.toNanos()) {
            return max;
        }
        return Duration.ofNanos((long) nanos);
    }
}
