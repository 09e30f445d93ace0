package org.fairkit.core.metrics;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 * @param note what a reader must know about how this interval came about, when anything: that it replaced a
 *     degenerate bootstrap by a closed form and why, that it is simultaneous over a family of comparisons, that an
 *     end is fixed by the nature of the quantity (a max − min is never below 0)
 *
 * <p>An end may be infinite: the ratio {@code x / 0} with {@code x > 0} is {@code +∞} (a rate ratio whose
 * reference may be 0 has no finite upper bound). Ends are never NaN.
 */
public record Interval(double lower, double upper, double level, String method, long draws, long undefinedDraws,
        Optional<String> note) {

    /** Validates the ends, the level and the counts. */
    public Interval {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(note, "note");
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

    /** An interval without a note. */
    public Interval(double lower, double upper, double level, String method, long draws, long undefinedDraws) {
        this(lower, upper, level, method, draws, undefinedDraws, Optional.empty());
    }

    /** @return this interval with {@code text} as its note (appended to an existing note after "; ") */
    public Interval withNote(String text) {
        Objects.requireNonNull(text, "text");
        return new Interval(lower, upper, level, method, draws, undefinedDraws,
                Optional.of(note.map(n -> n + "; " + text).orElse(text)));
    }

    /** @return whether {@code x} lies in the closed interval */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** @return {@code [lower, upper]} with 4 decimals ({@code inf} for an infinite end) */
    @Override
    public String toString() {
        return "[" + end(lower) + ", " + end(upper) + "]";
    }

    private static String end(double x) {
        return Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.4f", x);
    }
}
