package org.fairkit.core.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * An interval estimate of a value (confidence or credible interval).
 *
 * @param lower lower end
 * @param upper upper end
 * @param level nominal coverage, in (0, 1), e.g. 0.95
 * @param method how it was computed, e.g. "bootstrap BCa, 2000 resamples, seed 42"
 * @param draws resamples or posterior draws used (0 for closed-form intervals)
 * @param undefinedDraws draws in which the value was undefined and which the interval therefore leaves out;
 *     reported so that they are never silently dropped
 */
public record Interval(double lower, double upper, double level, String method, long draws, long undefinedDraws) {

    /** Validates the ends, the level and the counts. */
    public Interval {
        Objects.requireNonNull(method, "method");
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval ends must satisfy lower <= upper, got [" + lower + ", "
                    + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (draws < 0 || undefinedDraws < 0 || undefinedDraws > draws) {
            throw new IllegalArgumentException("need 0 <= undefinedDraws <= draws, got " + undefinedDraws + " of "
                    + draws);
        }
    }

    /** @return whether {@code x} lies in the closed interval */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** @return {@code [lower, upper]} with 4 decimals */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
    }
}
