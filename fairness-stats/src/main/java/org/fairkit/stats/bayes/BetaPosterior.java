package org.fairkit.stats.bayes;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A {@code Beta(a, b)} posterior of a rate, with equal-tailed and highest-posterior-density (HPD) credible
 * intervals.
 *
 * <p>For {@code k} successes in {@code n} trials and a {@code Beta(a₀, b₀)} prior the posterior is
 * {@code Beta(k + a₀, n − k + b₀)}: Jeffreys' prior {@code Beta(1/2, 1/2)} gives the Jeffreys interval studied by
 * Brown, Cai &amp; DasGupta (2001, "Interval estimation for a binomial proportion", Statist. Sci. 16:101–133),
 * whose coverage stays close to nominal even for small {@code n} and rates near 0 or 1 (it is reported here
 * without their boundary modification at {@code k = 0} and {@code k = n}, as SciPy/statsmodels do).
 *
 * <p><b>Equal-tailed</b>: {@code [F⁻¹(α/2), F⁻¹(1 − α/2)]}. <b>HPD</b> (the shortest interval of mass
 * {@code 1 − α}): parametrised by its lower-tail mass {@code p ∈ [0, α]} as {@code [F⁻¹(p), F⁻¹(p + 1 − α)]}; its
 * width is minimal where the densities at both ends are equal (the derivative of the width in {@code p} is
 * {@code 1/f(upper) − 1/f(lower)}), which is solved by bisection on {@code log f(lower) − log f(upper)} to
 * machine precision in {@code p} (Chen &amp; Shao 1999 for the sampled version). When {@code a ≤ 1 < b} the
 * density is non-increasing and the HPD is {@code [0, F⁻¹(1 − α)]}; when {@code b ≤ 1 < a} it is
 * {@code [F⁻¹(α), 1]}; when both are {@code ≤ 1} the density is U-shaped, the highest-density region is not an
 * interval, and the equal-tailed interval is returned instead.
 *
 * @param a the first shape parameter, {@code > 0}
 * @param b the second shape parameter, {@code > 0}
 */
public record BetaPosterior(double a, double b) {

    /** Validates the shapes. */
    public BetaPosterior {
        if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Beta shapes must be finite and > 0, got a = " + a + ", b = " + b);
        }
    }

    /** {@code Beta(a, b)}. */
    public static BetaPosterior of(double a, double b) {
        return new BetaPosterior(a, b);
    }

    /**
     * The posterior of a rate with {@code successes} and {@code failures} under a {@code Beta(priorA, priorB)}
     * prior: {@code Beta(successes + priorA, failures + priorB)}.
     */
    public static BetaPosterior of(double successes, double failures, double priorA, double priorB) {
        if (!(successes >= 0) || !(failures >= 0)) {
            throw new IllegalArgumentException("successes and failures must be >= 0, got " + successes + " and "
                    + failures);
        }
        return new BetaPosterior(successes + priorA, failures + priorB);
    }

    private BetaDistribution dist() {
        return BetaDistribution.of(a, b);
    }

    /** @return the posterior mean {@code a / (a + b)} */
    public double mean() {
        return a / (a + b);
    }

    /** @return the {@code q}-quantile {@code F⁻¹(q)} */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        return dist().inverseCumulativeProbability(q);
    }

    /** @return {@code P(rate <= x)} */
    public double cdf(double x) {
        return dist().cumulativeProbability(x);
    }

    /** @return the equal-tailed interval {@code {F⁻¹(α/2), F⁻¹(1 − α/2)}} for {@code level = 1 − α} */
    public double[] equalTailed(double level) {
        requireLevel(level);
        BetaDistribution d = dist();
        double alpha = 1 - level;
        return new double[] {d.inverseCumulativeProbability(alpha / 2), d.inverseSurvivalProbability(alpha / 2)};
    }

    /** @return the shortest interval of posterior mass {@code level} (see the class description) */
    public double[] hpd(double level) {
        requireLevel(level);
        BetaDistribution d = dist();
        double alpha = 1 - level;
        if (a <= 1 && b <= 1) {
            return equalTailed(level);
        }
        if (a <= 1) {
            return new double[] {0.0, d.inverseCumulativeProbability(level)};
        }
        if (b <= 1) {
            return new double[] {d.inverseSurvivalProbability(level), 1.0};
        }
        double lo = 0;
        double hi = alpha;
        for (int i = 0; i < 200 && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double h = d.logDensity(d.inverseCumulativeProbability(mid))
                    - d.logDensity(d.inverseCumulativeProbability(mid + level));
            if (h < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double p = 0.5 * (lo + hi);
        return new double[] {d.inverseCumulativeProbability(p), d.inverseCumulativeProbability(p + level)};
    }

    private static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }
}
