package org.fairkit.orchestration.load;

import java.time.Duration;
import java.util.Locale;
import org.fairkit.core.internal.InputErrors;

/**
 * The duration format of the load model's messages (the "Z" of "taking approximately Z to complete"), and the
 * number format of its unit counts. Both use {@link Locale#ROOT}, so messages do not depend on the JVM's locale.
 *
 * <p>Durations, chosen by the value after rounding:
 * <ul>
 *   <li>under a minute: seconds with one decimal, {@code 17.6 seconds};</li>
 *   <li>under an hour: whole minutes and seconds, {@code 1 minute 28 seconds}, {@code 2 minutes};</li>
 *   <li>under a day: whole hours and minutes, {@code 2 hours 5 minutes}, {@code 1 hour};</li>
 *   <li>longer: whole days and hours, {@code 3 days 4 hours}.</li>
 * </ul>
 * Rounding is half-up at the displayed precision; a zero second part is left out and singular units are
 * singular ({@code 1 minute 1 second}).
 */
public final class DurationFormat {
    private DurationFormat() {
    }

    /**
     * Formats a number of seconds.
     *
     * @throws IllegalArgumentException if {@code seconds} is negative or not finite
     */
    public static String seconds(double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw InputErrors.badSetting("seconds", seconds, "finite and >= 0");
        }
        double tenths = Math.floor(seconds * 10 + 0.5) / 10;
        if (tenths < 60) {
            return String.format(Locale.ROOT, "%.1f seconds", tenths);
        }
        long wholeSeconds = (long) Math.floor(seconds + 0.5);
        if (wholeSeconds < 3600) {
            return pair(wholeSeconds / 60, "minute", wholeSeconds % 60, "second");
        }
        long wholeMinutes = (long) Math.floor(seconds / 60 + 0.5);
        if (wholeMinutes < 24 * 60) {
            return pair(wholeMinutes / 60, "hour", wholeMinutes % 60, "minute");
        }
        long wholeHours = (long) Math.floor(seconds / 3600 + 0.5);
        return pair(wholeHours / 24, "day", wholeHours % 24, "hour");
    }

    /** Formats a {@link Duration} as {@link #seconds(double)} does. */
    public static String of(Duration d) {
        return seconds(d.toNanos() / 1e9);
    }

    /**
     * Formats a load in units with at most one decimal and no trailing {@code .0}: {@code 100}, {@code 2.5},
     * {@code 1013}; no grouping separators.
     */
    public static String units(double units) {
        String s = String.format(Locale.ROOT, "%.1f", units);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        String first = count(major, majorUnit);
        return minor == 0 ? first : first + " " + count(minor, minorUnit);
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
