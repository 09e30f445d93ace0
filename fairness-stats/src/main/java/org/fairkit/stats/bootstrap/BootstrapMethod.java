package org.fairkit.stats.bootstrap;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How a bootstrap distribution becomes an interval, for nominal level {@code 1 − α} and point estimate θ̂.
 * {@code Q(q)} is the linear-interpolation quantile of the defined resampled values (position {@code (B−1)·q},
 * numpy's default, as SciPy's {@code bootstrap}).
 *
 * <ul>
 *   <li>{@link #PERCENTILE}: {@code [Q(α/2), Q(1−α/2)]} (Efron &amp; Tibshirani 1993, ch. 13).</li>
 *   <li>{@link #BASIC}: {@code [2θ̂ − Q(1−α/2), 2θ̂ − Q(α/2)]}, the "basic" or reverse-percentile interval
 *       (Davison &amp; Hinkley 1997, eq. 5.6).</li>
 *   <li>{@link #BCA}: bias-corrected and accelerated (Efron 1987, "Better bootstrap confidence intervals",
 *       JASA 82:171–185; Efron &amp; Tibshirani 1993, ch. 14): {@code [Q(α₁), Q(α₂)]} with
 *       {@code α_j = Φ(z₀ + (z₀ + z_j) / (1 − â (z₀ + z_j)))}, {@code z_j = Φ⁻¹(α/2), Φ⁻¹(1−α/2)},
 *       {@code z₀ = Φ⁻¹((#{θ* < θ̂} + #{θ* ≤ θ̂}) / (2B))} (SciPy's tie-aware form; the proportion is clamped
 *       to {@code [1/(2B), 1 − 1/(2B)]} so that a point estimate outside all draws stays finite), and â the
 *       jackknife acceleration ({@link Jackknife#acceleration}).</li>
 * </ul>
 */
public enum BootstrapMethod {
    /** Percentile interval. */
    PERCENTILE("percentile"),
    /** Basic (reverse percentile) interval. */
    BASIC("basic"),
    /** Bias-corrected and accelerated interval. */
    BCA("BCa");

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final String label;

    BootstrapMethod(String label) {
        this.label = label;
    }

    /** @return the short name used in interval descriptions, e.g. {@code "BCa"} */
    public String label() {
        return label;
    }

    /**
     * The linear-interpolation quantile of sorted values (numpy {@code percentile(..., method="linear")}).
     *
     * @param sorted ascending, at least one value, no NaN (infinite values are ordered: interpolating towards one
     *     gives it)
     * @param q in {@code [0, 1]}
     */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = pos - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        if (frac == 0 || a == b) {
            return a;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            // between an infinite and any other value: the infinite one (ordered, never NaN)
            return b == Double.POSITIVE_INFINITY ? b : a;
        }
        return a + frac * (b - a);
    }

    /**
     * The BCa quantile levels.
     *
     * @param sorted the defined resampled values, ascending
     * @param point θ̂
     * @param acceleration â
     * @param level nominal coverage {@code 1 − α}
     * @return {@code {α₁, α₂}}
     */
    public static double[] bcaLevels(double[] sorted, double point, double acceleration, double level) {
        int b = sorted.length;
        long below = 0;
        long atOrBelow = 0;
        for (double x : sorted) {
            if (x < point) {
                below++;
            }
            if (x <= point) {
                atOrBelow++;
            }
        }
        double share = (below + atOrBelow) / (2.0 * b);
        double eps = 1.0 / (2.0 * b);
        share = Math.min(1 - eps, Math.max(eps, share));
        double z0 = STANDARD_NORMAL.inverseCumulativeProbability(share);
        double alpha = 1 - level;
        double[] out = new double[2];
        double[] zs = {STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2),
            STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2)};
        for (int j = 0; j < 2; j++) {
            double zz = z0 + zs[j];
            double denom = 1 - acceleration * zz;
            // a denominator <= 0 means the acceleration overwhelms the normal scale: send the level to the edge
            double lvl = denom <= 0 ? (j == 0 ? 0.0 : 1.0) : STANDARD_NORMAL.cumulativeProbability(z0 + zz / denom);
            out[j] = lvl;
        }
        return out;
    }

    /**
     * The interval ends of this method.
     *
     * @param sorted the defined resampled values, ascending, at least one
     * @param point θ̂
     * @param acceleration â (used by {@link #BCA} only)
     * @param level nominal coverage in (0, 1)
     * @return {@code {lower, upper}}
     */
    public double[] ends(double[] sorted, double point, double acceleration, double level) {
        double alpha = 1 - level;
        switch (this) {
            case PERCENTILE:
                return new double[] {quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2)};
            case BASIC:
                return new double[] {2 * point - quantile(sorted, 1 - alpha / 2),
                    2 * point - quantile(sorted, alpha / 2)};
            default:
                double[] lv = bcaLevels(sorted, point, acceleration, level);
                return new double[] {quantile(sorted, lv[0]), quantile(sorted, lv[1])};
        }
    }
}
