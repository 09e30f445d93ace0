package org.fairkit.stats.proportion;

/**
 * The method of variance estimates recovery (MOVER): intervals for functions of independent proportions built
 * from each proportion's own interval. Newcombe's hybrid score interval for a difference is its best-known case.
 * Static methods only.
 *
 * <p><b>Linear combinations</b> (Zou &amp; Donner 2008, "Construction of confidence limits about effect measures:
 * a general approach", Statistics in Medicine 27:1693–1702): for {@code θ = Σ c_i p_i} with independent estimates
 * {@code p̂_i} and intervals {@code [l_i, u_i]},
 * {@code L = θ̂ − sqrt(Σ (c_i p̂_i − min(c_i l_i, c_i u_i))²)} and
 * {@code U = θ̂ + sqrt(Σ (max(c_i l_i, c_i u_i) − c_i p̂_i)²)}.
 * With Wilson components and {@code c = (1, −1)} this is Newcombe's method 10 exactly.
 *
 * <p><b>Ratios</b> (MOVER-R; Donner &amp; Zou 2012, Statistical Methods in Medical Research 21:347–359; recommended
 * with Wilson components by Fagerland, Lydersen &amp; Laake 2015, SMMR 24:224–254): for {@code φ = p1 / p2},
 * {@code L = (p̂1 p̂2 − sqrt((p̂1 p̂2)² − l1 u2 (2p̂1 − l1)(2p̂2 − u2))) / (u2 (2p̂2 − u2))} and
 * {@code U = (p̂1 p̂2 + sqrt((p̂1 p̂2)² − u1 l2 (2p̂1 − u1)(2p̂2 − l2))) / (l2 (2p̂2 − l2))}, with the special cases
 * of Fagerland et al.'s reference code: an undefined lower limit is 0, an undefined or negative upper limit is
 * {@code +∞}, and the lower limit is at least 0. So {@code p̂1 = 0} gives a lower limit of 0, and a denominator
 * whose interval reaches 0 gives an upper limit of {@code +∞}: a ratio {@code x / 0} has no finite bound.
 */
public final class Mover {
    private Mover() {
    }

    /**
     * The MOVER interval of {@code Σ coef[i] · p[i]}.
     *
     * @param coef the coefficients
     * @param p the estimates
     * @param lower each estimate's lower limit (at most {@code p[i]})
     * @param upper each estimate's upper limit (at least {@code p[i]})
     * @return {@code {L, U}}, containing the estimate
     */
    public static double[] linear(double[] coef, double[] p, double[] lower, double[] upper) {
        int k = coef.length;
        if (p.length != k || lower.length != k || upper.length != k) {
            throw new IllegalArgumentException("coef, p, lower and upper need the same length, got " + k + ", "
                    + p.length + ", " + lower.length + ", " + upper.length);
        }
        double est = 0;
        double down = 0;
        double up = 0;
        for (int i = 0; i < k; i++) {
            double c = coef[i];
            double cp = c * p[i];
            double a = c * lower[i];
            double b = c * upper[i];
            est += cp;
            down += sq(cp - Math.min(a, b));
            up += sq(Math.max(a, b) - cp);
        }
        return new double[] {est - Math.sqrt(down), est + Math.sqrt(up)};
    }

    /**
     * The MOVER-R interval of {@code p1 / p2}.
     *
     * @param p1 the numerator's estimate, with its limits {@code l1 <= p1 <= u1}
     * @param p2 the denominator's estimate ({@code > 0}), with its limits {@code l2 <= p2 <= u2}
     * @return {@code {L, U}} with {@code 0 <= L <= p1 / p2 <= U}, {@code U} possibly {@code +∞}
     */
    public static double[] ratio(double p1, double l1, double u1, double p2, double l2, double u2) {
        if (!(p2 > 0)) {
            throw new IllegalArgumentException("the denominator's estimate must be > 0, got " + p2);
        }
        double pp = p1 * p2;
        double lower = (pp - Math.sqrt(pp * pp - l1 * u2 * (2 * p1 - l1) * (2 * p2 - u2))) / (u2 * (2 * p2 - u2));
        double upper = (pp + Math.sqrt(pp * pp - u1 * l2 * (2 * p1 - u1) * (2 * p2 - l2))) / (l2 * (2 * p2 - l2));
        if (Double.isNaN(lower)) {
            lower = 0;
        }
        if (Double.isNaN(upper) || upper < 0) {
            upper = Double.POSITIVE_INFINITY;
        }
        double est = p1 / p2;
        // the special cases can leave an end on the wrong side of the estimate; the interval always holds it
        return new double[] {Math.min(Math.max(0, lower), est), Math.max(upper, est)};
    }

    private static double sq(double x) {
        return x * x;
    }
}
