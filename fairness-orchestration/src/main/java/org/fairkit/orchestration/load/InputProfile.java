package org.fairkit.orchestration.load;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import org.fairkit.core.internal.InputErrors;

/**
 * What an audit reads, in the terms of the load model: how many sensitive attributes it groups by, how many days
 * of data, how many filters, and optionally a pre-calculated estimate of the input size.
 *
 * <p>The input load is {@code I = 100 + 20·sensitiveAttributes + 5·dateRangeDays + 10·filters} with the default
 * {@link LoadModel}, or the {@link #estimatedSize()} when one is present (then the parts are not used).
 *
 * @param sensitiveAttributes the sensitive attributes the audit groups by, {@code >= 0}
 * @param dateRangeDays the days of data in the audited date range, {@code >= 0} (see {@link #daysInclusive})
 * @param filters the row filters applied before the audit, {@code >= 0}
 * @param estimatedSize a pre-calculated input load in units, finite and {@code >= 0}, which replaces the formula
 */
public record InputProfile(int sensitiveAttributes, int dateRangeDays, int filters, OptionalDouble estimatedSize) {

    /** Validates every part. */
    public InputProfile {
        if (sensitiveAttributes < 0) {
            throw InputErrors.badSetting("sensitiveAttributes", sensitiveAttributes, ">= 0");
        }
        if (dateRangeDays < 0) {
            throw InputErrors.badSetting("dateRangeDays", dateRangeDays, ">= 0");
        }
        if (filters < 0) {
            throw InputErrors.badSetting("filters", filters, ">= 0");
        }
        if (estimatedSize == null) {
            throw InputErrors.badSetting("estimatedSize", null, "present or OptionalDouble.empty()");
        }
        if (estimatedSize.isPresent() && !(estimatedSize.getAsDouble() >= 0
                && Double.isFinite(estimatedSize.getAsDouble()))) {
            throw InputErrors.badSetting("estimatedSize", estimatedSize.getAsDouble(), "finite and >= 0");
        }
    }

    /** An input described by its parts; the input load follows from the formula. */
    public static InputProfile of(int sensitiveAttributes, int dateRangeDays, int filters) {
        return new InputProfile(sensitiveAttributes, dateRangeDays, filters, OptionalDouble.empty());
    }

    /** An input whose load was estimated beforehand, in input units. */
    public static InputProfile ofEstimatedSize(double units) {
        return new InputProfile(0, 0, 0, OptionalDouble.of(units));
    }

    /** @return this input with a pre-calculated load that replaces the formula */
    public InputProfile withEstimatedSize(double units) {
        return new InputProfile(sensitiveAttributes, dateRangeDays, filters, OptionalDouble.of(units));
    }

    /**
     * The days of a date range counted inclusively: 1 January to 31 January is 31 days, a single day is 1.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public static int daysInclusive(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1) {
            throw InputErrors.badSetting("date range", first + " .. " + last, "a last day on or after the first");
        }
        return Math.toIntExact(days);
    }
}
