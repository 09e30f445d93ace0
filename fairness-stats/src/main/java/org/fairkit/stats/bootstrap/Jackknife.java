package org.fairkit.stats.bootstrap;

/**
 * Jackknife quantities over leave-one-out values given with multiplicities.
 *
 * <p>With {@code θ₍ᵢ₎} the statistic without observation {@code i}, {@code θ₍·₎ = mean θ₍ᵢ₎} and
 * {@code dᵢ = θ₍·₎ − θ₍ᵢ₎}:
 * <ul>
 *   <li>acceleration {@code â = Σ dᵢ³ / (6 (Σ dᵢ²)^{3/2})} (Efron &amp; Tibshirani 1993, eq. 14.15);</li>
 *   <li>standard error {@code sqrt((n−1)/n · Σ dᵢ²)} (Efron &amp; Tibshirani 1993, eq. 11.5).</li>
 * </ul>
 * For count-based metrics, deleting one row of cell {@code c} of group {@code g} gives the same tally for every
 * row of that cell, so there are at most {@code 4·groups} distinct values, each with multiplicity the cell
 * count: the sums run over distinct values times their multiplicity, in O(groups) instead of O(rows).
 */
public final class Jackknife {
    private Jackknife() {
    }

    private static double mean(double[] values, long[] multiplicity) {
        double s = 0;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            s += multiplicity[i] * values[i];
            n += multiplicity[i];
        }
        if (n == 0) {
            throw new IllegalArgumentException("the jackknife needs at least one value");
        }
        return s / n;
    }

    private static void check(double[] values, long[] multiplicity) {
        if (values.length != multiplicity.length) {
            throw new IllegalArgumentException("values and multiplicities differ in length: " + values.length
                    + " vs " + multiplicity.length);
        }
        for (long m : multiplicity) {
            if (m < 0) {
                throw new IllegalArgumentException("multiplicities must be >= 0, got " + m);
            }
        }
    }

    /**
     * The BCa acceleration.
     *
     * @param values distinct leave-one-out values θ₍ᵢ₎
     * @param multiplicity how many observations give each value
     * @return â, or 0 when all values are equal
     */
    public static double acceleration(double[] values, long[] multiplicity) {
        check(values, multiplicity);
        double mean = mean(values, multiplicity);
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < values.length; i++) {
            double d = mean - values[i];
            s2 += multiplicity[i] * d * d;
            s3 += multiplicity[i] * d * d * d;
        }
        return s2 == 0 ? 0.0 : s3 / (6 * Math.pow(s2, 1.5));
    }

    /** {@link #acceleration(double[], long[])} with every multiplicity 1. */
    public static double acceleration(double[] values) {
        return acceleration(values, ones(values.length));
    }

    /**
     * The jackknife standard error.
     *
     * @param values distinct leave-one-out values
     * @param multiplicity how many observations give each value
     */
    public static double standardError(double[] values, long[] multiplicity) {
        check(values, multiplicity);
        double mean = mean(values, multiplicity);
        long n = 0;
        double s2 = 0;
        for (int i = 0; i < values.length; i++) {
            double d = mean - values[i];
            s2 += multiplicity[i] * d * d;
            n += multiplicity[i];
        }
        return Math.sqrt((n - 1.0) / n * s2);
    }

    /** {@link #standardError(double[], long[])} with every multiplicity 1. */
    public static double standardError(double[] values) {
        return standardError(values, ones(values.length));
    }

    private static long[] ones(int n) {
        long[] m = new long[n];
        java.util.Arrays.fill(m, 1);
        return m;
    }
}
