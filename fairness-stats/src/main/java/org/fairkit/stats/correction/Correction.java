package org.fairkit.stats.correction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Adjusted p-values and reject decisions, in the order of the input p-values. Immutable: the accessors return
 * copies.
 */
public final class Correction {
    private final MultipleTesting method;
    private final double alpha;
    private final double[] adjusted;
    private final boolean[] rejected;

    Correction(MultipleTesting method, double alpha, double[] adjusted, boolean[] rejected) {
        this.method = Objects.requireNonNull(method, "method");
        this.alpha = alpha;
        this.adjusted = adjusted.clone();
        this.rejected = rejected.clone();
    }

    /** @return the correction that produced this result */
    public MultipleTesting method() {
        return method;
    }

    /** @return the family-wise error rate or false discovery rate level the decisions control */
    public double alpha() {
        return alpha;
    }

    /** @return the adjusted p-values, capped at 1, in input order (a copy) */
    public double[] adjusted() {
        return adjusted.clone();
    }

    /** @return whether each hypothesis is rejected at {@link #alpha()}, in input order (a copy) */
    public boolean[] rejected() {
        return rejected.clone();
    }

    /** @return the number of rejected hypotheses */
    public int rejectedCount() {
        int n = 0;
        for (boolean r : rejected) {
            n += r ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Correction)) {
            return false;
        }
        Correction c = (Correction) o;
        return method == c.method && Double.compare(alpha, c.alpha) == 0 && Arrays.equals(adjusted, c.adjusted)
                && Arrays.equals(rejected, c.rejected);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, alpha, Arrays.hashCode(adjusted), Arrays.hashCode(rejected));
    }

    /** @return e.g. {@code HOLM at 0.05: 2 of 8 rejected} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at %s: %d of %d rejected", method, alpha, rejectedCount(),
                adjusted.length);
    }
}
