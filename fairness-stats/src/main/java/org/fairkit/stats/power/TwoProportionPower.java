package org.fairkit.stats.power;

import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;

/**
 * Power of the two-sided two-proportion comparison on Cohen's h scale (normal approximation), and the minimum
 * detectable difference. Static methods only.
 *
 * <p>Formulas (Cohen 1988, ch. 6): {@code h = 2 asin√p1 - 2 asin√p2} (signed),
 * {@code n_eff = 1 / (1/n1 + 1/n2)}, {@code c = Φ⁻¹(1 - α/2)} and
 * {@code power = 1 - Φ(c - h√n_eff) + Φ(-c - h√n_eff)}: <em>both</em> rejection tails, so the power at
 * {@code h = 0} is α. This is statsmodels 0.13.5
 * {@code NormalIndPower().power(effect_size=proportion_effectsize(p1, p2), nobs1=n1, alpha=α, ratio=n2/n1,
 * alternative='two-sided')} (and R's {@code pwr.2p2n.test}); textbook sample-size formulas drop the far tail.
 *
 * <p>The minimum detectable h solves {@code power(h) = target} with Brent's method (Commons Numbers
 * {@link BrentSolver}, absolute accuracy 1e-15), more accurately than statsmodels' {@code solve_power} (about
 * 1e-6 in power); it is converted back to rates as {@code sin²(asin√p1 ± h/2)}.
 */
public final class TwoProportionPower {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportionPower() {
    }

    /**
     * Cohen's h, {@code 2 asin√p1 - 2 asin√p2}: statsmodels {@code proportion_effectsize(p1, p2)}.
     *
     * @throws IllegalArgumentException unless both rates are in [0, 1]
     */
    public static double cohensH(double p1, double p2) {
        rate("p1", p1);
        rate("p2", p2);
        return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
    }

    /**
     * The power of the two-sided test at level {@code alpha} to detect rates {@code p1} vs {@code p2} with group
     * sizes {@code n1}, {@code n2}.
     *
     * @throws IllegalArgumentException for rates outside [0, 1], sizes below 1 or alpha outside (0, 1)
     */
    public static double power(double p1, double p2, long n1, long n2, double alpha) {
        double h = cohensH(p1, p2);
        size("n1", n1);
        size("n2", n2);
        level(alpha);
        return powerOfH(Math.abs(h), effectiveSize(n1, n2), alpha);
    }

    /**
     * The minimum detectable difference from {@code baseline} for group sizes {@code n1}, {@code n2} at level
     * {@code alpha} and the target power.
     *
     * @param baseline the comparison group's rate, in (0, 1)
     * @param targetPower in (alpha, 1)
     * @throws IllegalArgumentException for a parameter outside its domain
     */
    public static MinimumDetectableDifference minimumDetectableDifference(double baseline, long n1, long n2,
            double alpha, double targetPower) {
        if (!(baseline > 0 && baseline < 1)) {
            throw InputErrors.badSetting("baseline", baseline, "in (0, 1)");
        }
        size("n1", n1);
        size("n2", n2);
        level(alpha);
        if (!(targetPower > alpha && targetPower < 1)) {
            throw InputErrors.badSetting("targetPower", targetPower, "in (alpha = " + alpha + ", 1)");
        }
        double nEff = effectiveSize(n1, n2);
        double hi = 1;
        while (powerOfH(hi, nEff, alpha) < targetPower) {
            hi *= 2;
        }
        double h = new BrentSolver(1e-15, 1e-15, 0)
                .findRoot(x -> powerOfH(x, nEff, alpha) - targetPower, 0, hi);
        double angle = Math.asin(Math.sqrt(baseline));
        MetricValue up = angle + h / 2 <= Math.PI / 2
                ? MetricValue.of(sq(Math.sin(angle + h / 2)))
                : MetricValue.undefined("not detectable upwards: even a rate of 1 has power < " + targetPower);
        MetricValue down = angle - h / 2 >= 0
                ? MetricValue.of(sq(Math.sin(angle - h / 2)))
                : MetricValue.undefined("not detectable downwards: even a rate of 0 has power < " + targetPower);
        return new MinimumDetectableDifference(baseline, h, up, down);
    }

    static double powerOfH(double h, double nEff, double alpha) {
        double c = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
        double shift = h * Math.sqrt(nEff);
        return STANDARD_NORMAL.survivalProbability(c - shift) + STANDARD_NORMAL.cumulativeProbability(-c - shift);
    }

    private static double effectiveSize(long n1, long n2) {
        return 1 / (1.0 / n1 + 1.0 / n2);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static void rate(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw InputErrors.badSetting(name, p, "a rate in [0, 1]");
        }
    }

    private static void size(String name, long n) {
        if (n < 1) {
            throw InputErrors.badSetting(name, n, ">= 1");
        }
    }

    private static void level(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw InputErrors.badSetting("alpha", alpha, "in (0, 1), e.g. 0.05");
        }
    }
}
