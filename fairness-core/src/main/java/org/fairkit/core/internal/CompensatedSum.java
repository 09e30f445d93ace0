package org.fairkit.core.internal;

/**
 * Neumaier's improved Kahan summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen"): a running sum and a running compensation that carries the rounding error of every addition,
 * so the result is within a few ulps of the exact sum whatever the order of the terms, and weighted sums over
 * millions of rows keep full precision. The one compensated sum of FairKit, in two forms over the same step: an
 * accumulator ({@link #add(double)}, {@link #value()}) and, for tallies that keep many sums in arrays,
 * {@link #add(double[], double[], int, double)}.
 *
 * <p>Mutable and not thread-safe: one per thread, as every tally.
 */
public final class CompensatedSum {
    private double sum;
    private double compensation;

    /** An empty sum (zero). */
    public CompensatedSum() {
    }

    /** Adds {@code x}. */
    public void add(double x) {
        double t = sum + x;
        compensation += error(sum, x, t);
        sum = t;
    }

    /** @return the sum of the terms added so far: the running sum plus its compensation */
    public double value() {
        return sum + compensation;
    }

    /** Adds {@code x} to the pair ({@code sum[k]}, {@code comp[k]}); the total is {@code sum[k] + comp[k]}. */
    public static void add(double[] sum, double[] comp, int k, double x) {
        double s = sum[k];
        double t = s + x;
        comp[k] += error(s, x, t);
        sum[k] = t;
    }

    /** The rounding error of {@code t = s + x}, exact (Neumaier's branch on the larger magnitude). */
    private static double error(double s, double x, double t) {
        return Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
    }
}
