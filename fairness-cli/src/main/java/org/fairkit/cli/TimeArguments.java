package org.fairkit.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time arguments of {@code fairkit plan}: durations ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d},
 * combinations such as {@code 1h30m}, or ISO-8601 {@code PT15M}), instants (ISO-8601 with an offset) and dates
 * ({@code 2025-01-31}).
 */
final class TimeArguments {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)?");

    /** The longest duration and date range accepted: 100 years of 365 days. */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);
    /** The earliest and latest years of dates and date-times. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;

    private TimeArguments() {
    }

    /**
     * @throws CliException if {@code text} is not a duration, or is longer than {@link #MAX_DURATION}
     */
    static Duration duration(String option, String text) {
        Duration d;
        try {
            d = parseDuration(option, text);
        } catch (ArithmeticException e) {
            throw CliException.badInput(tooLong(option, text));
        }
        if (d.compareTo(MAX_DURATION) > 0) {
            throw CliException.badInput(tooLong(option, text));
        }
        return d;
    }

    private static String tooLong(String option, String text) {
        return option + ": '" + text + "' is longer than " + MAX_DURATION.toDays() + "d (100 years); expected a "
                + "shorter duration";
    }

    private static Duration parseDuration(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw CliException.badInput(CliErrors.badDuration(option, text));
            }
        }
        Matcher m = SHORT.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw CliException.badInput(CliErrors.badDuration(option, text));
        }
        Duration d = Duration.ZERO;
        if (m.group(1) != null) {
            d = d.plusDays(Long.parseLong(m.group(1)));
        }
        if (m.group(2) != null) {
            d = d.plusHours(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            d = d.plusMinutes(Long.parseLong(m.group(3)));
        }
        if (m.group(4) != null) {
            d = d.plusNanos(Math.round(Double.parseDouble(m.group(4)) * 1e9));
        }
        return d;
    }

    /**
     * @throws CliException if {@code text} is not an ISO-8601 date-time with an offset
     */
    static Instant instant(String option, String text) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.badInput(CliErrors.badInstant(option, text));
        }
        yearInRange(option, text, t.getYear());
        return t.toInstant();
    }

    private static void yearInRange(String option, String text, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw CliException.badInput(option + ": '" + text + "' is outside the years " + MIN_YEAR + " to "
                    + MAX_YEAR);
        }
    }

    /**
     * @throws CliException if {@code text} is not an ISO-8601 date
     */
    static LocalDate date(String option, String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.badInput(option + ": '" + text + "' is not a date; expected YYYY-MM-DD");
        }
        yearInRange(option, text, d.getYear());
        return d;
    }
}
