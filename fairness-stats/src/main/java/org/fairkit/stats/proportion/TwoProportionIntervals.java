package org.fairkit.stats.proportion;

import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * Confidence intervals comparing two independent rates {@code p1 = x1/n1} and {@code p2 = x2/n2}: the difference
 * {@code p1 - p2} (demographic parity difference, equal opportunity difference, ...) and the ratio
 * {@code p1 / p2} (disparate impact ratio). Static methods only.
 *
 * <p>Input: {@code 0 <= x_i <= n_i}, {@code n_i >= 1}, {@code level} in (0, 1); otherwise
 * {@link IllegalArgumentException} naming the parameter.
 */
public final class TwoProportionIntervals {
    private TwoProportionIntervals() {
    }

    /**
     * Newcombe's hybrid score interval for {@code d = p1 - p2} (Newcombe 1998, "Interval estimation for the
     * difference between independent proportions", Statistics in Medicine 17, method 10). With {@code (l_i, u_i)}
     * the {@link ProportionInterval#WILSON Wilson} limits of each rate:
     * {@code lower = d - sqrt((p1 - l1)² + (u2 - p2)²)}, {@code upper = d + sqrt((p2 - l2)² + (u1 - p1)²)}.
     * Always defined, always within [-1, 1]. Matches statsmodels 0.13.5
     * {@code confint_proportions_2indep(x1, n1, x2, n2, method='newcomb', compare='diff', alpha=1-level)}.
     */
    public static ComparisonInterval newcombeDifference(long x1, long n1, long x2, long n2, double level) {
        check(x1, n1, x2, n2, level);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = ProportionInterval.WILSON.interval(x1, n1, level);
        Interval w2 = ProportionInterval.WILSON.interval(x2, n2, level);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
        double upper = d + Math.sqrt(sq(p2 - w2.lower()) + sq(w1.upper() - p1));
        Interval ci = new Interval(Math.max(-1, lower), Math.min(1, upper), level, "Newcombe hybrid score", 0, 0);
        return ComparisonInterval.defined(MetricValue.of(d), ci);
    }

    /**
     * Katz' log interval for the ratio {@code r = p1 / p2} (Katz, Baptista, Azen &amp; Pike 1978):
     * {@code exp(ln r ∓ z·sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2))}, {@code z = Φ⁻¹(1 - α/2)}. Matches statsmodels 0.13.5
     * {@code confint_proportions_2indep(x1, n1, x2, n2, method='log', compare='ratio', alpha=1-level)}.
     *
     * <p>Undefined when a count is 0 (the log-scale variance divides by it): statsmodels raises
     * {@code ZeroDivisionError} there, FairKit returns an undefined interval with the reason. The estimate is 0
     * when only {@code x1 = 0} and undefined when {@code x2 = 0}.
     */
    public static ComparisonInterval katzLogRatio(long x1, long n1, long x2, long n2, double level) {
        check(x1, n1, x2, n2, level);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        MetricValue estimate = x2 == 0
                ? MetricValue.undefined("reference rate is 0 (x2 = 0), the ratio p1 / p2 divides by zero")
                : MetricValue.of(p1 / p2);
        if (x1 == 0 || x2 == 0) {
            return ComparisonInterval.undefined(estimate, "Katz log interval needs both counts > 0, got x1 = " + x1
                    + ", x2 = " + x2 + " (its variance 1/x1 - 1/n1 + 1/x2 - 1/n2 divides by each count)");
        }
        double z = ProportionInterval.z(level);
        double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
        double log = Math.log(p1 / p2);
        Interval ci = new Interval(Math.exp(log - z * se), Math.exp(log + z * se), level, "Katz log", 0, 0);
        return ComparisonInterval.defined(estimate, ci);
    }

    /**
     * A MOVER interval for {@code p1 - p2} with the given method for each rate ({@link Mover#linear}): with
     * {@link ProportionInterval#WILSON} it equals {@link #newcombeDifference}; with {@link ProportionInterval#JEFFREYS}
     * it is Laud's MOVER-J (Laud 2017, "Equal-tailed confidence intervals for comparison of rates", Pharmaceutical
     * Statistics 16:334–348), which carries the Brown-Cai-DasGupta boundary rule of the Jeffreys interval into the
     * difference.
     */
    public static ComparisonInterval moverDifference(long x1, long n1, long x2, long n2, double level,
            ProportionInterval components) {
        check(x1, n1, x2, n2, level);
        Interval a = components.interval(x1, n1, level);
        Interval b = components.interval(x2, n2, level);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] ends = Mover.linear(new double[] {1, -1}, new double[] {p1, p2}, new double[] {a.lower(), b.lower()},
                new double[] {a.upper(), b.upper()});
        return ComparisonInterval.defined(MetricValue.of(p1 - p2), new Interval(Math.max(-1, ends[0]),
                Math.min(1, ends[1]), level, "MOVER difference, " + components.label() + " components", 0, 0));
    }

    /**
     * A MOVER-R interval for {@code p1 / p2} with the given method for each rate ({@link Mover#ratio}; with
     * {@link ProportionInterval#WILSON} the MOVER-R Wilson interval of Fagerland, Lydersen &amp; Laake 2015). Unlike
     * {@link #katzLogRatio} it is defined when {@code x1 = 0} (lower end 0). The estimate is undefined when
     * {@code x2 = 0}; the interval then too.
     */
    public static ComparisonInterval moverRatio(long x1, long n1, long x2, long n2, double level,
            ProportionInterval components) {
        check(x1, n1, x2, n2, level);
        if (x2 == 0) {
            MetricValue e = MetricValue.undefined("reference rate is 0 (x2 = 0), the ratio p1 / p2 divides by zero");
            return ComparisonInterval.undefined(e, "the ratio's estimate is undefined (x2 = 0)");
        }
        Interval a = components.interval(x1, n1, level);
        Interval b = components.interval(x2, n2, level);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] ends = Mover.ratio(p1, a.lower(), a.upper(), p2, b.lower(), b.upper());
        return ComparisonInterval.defined(MetricValue.of(p1 / p2), new Interval(ends[0], ends[1], level,
                "MOVER-R ratio, " + components.label() + " components", 0, 0));
    }

    private static void check(long x1, long n1, long x2, long n2, double level) {
        ProportionArguments.counts("x1", x1, "n1", n1);
        ProportionArguments.counts("x2", x2, "n2", n2);
        ProportionArguments.level(level);
    }

    private static double sq(double x) {
        return x * x;
    }
}
