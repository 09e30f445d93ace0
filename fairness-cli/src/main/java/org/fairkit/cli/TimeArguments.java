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

    private TimeArguments() {
    }

    /**
     * @throws CliException if {@code text} is not a duration
     */
    static Duration duration(String option, String text) {
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
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.badInput(CliErrors.badInstant(option, text));
        }
    }

    /**
     * @throws CliException if {@code text} is not an ISO-8601 date
     */
    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.badInput(option + ": '" + text + "' is not a date; expected YYYY-MM-DD");
        }
    }
}
