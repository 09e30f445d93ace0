package org.fairkit.stats.intervals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;

/**
 * Closed-form intervals for the extremes over groups (max − min, min / max, max) from independent per-group
 * estimates with standard errors: the same construction {@code SimultaneousIntervals} uses for rates, here for
 * asymptotically normal (or Student t) estimates such as a DeLong AUC or a group's mean loss.
 *
 * <p><b>Pairs.</b> For groups i, j with estimates {@code v_i}, standard errors {@code s_i} and degrees of freedom
 * {@code ν_i} (∞ for a normal estimate), the difference {@code v_i − v_j} has standard error
 * {@code sqrt(s_i² + s_j²)} (the groups are disjoint sets of rows, so independent) and Welch–Satterthwaite degrees of
 * freedom {@code (s_i² + s_j²)² / (s_i⁴/ν_i + s_j⁴/ν_j)}; the ratio {@code v_i / v_j} gets the delta-method interval
 * on the log scale, {@code exp(log(v_i/v_j) ± q·sqrt((s_i/v_i)² + (s_j/v_j)²))} (Katz et al. 1978's construction for a
 * ratio of independent estimates).
 *
 * <p><b>Simultaneous, then projected.</b> With k eligible groups each of the {@code m = k(k−1)/2} pair intervals is
 * taken at the Šidák level {@code level^(1/m)}, which holds jointly for two-sided normal intervals whatever their
 * correlation (Šidák 1967). Every pair then bounds {@code |v_i − v_j|} (resp. {@code min(r, 1/r)}), and the
 * spread is the largest of them, so {@code max − min ∈ [max_p L_p, max_p U_p]} and
 * {@code min / max ∈ [min_p L'_p, min_p U'_p]} whenever all pair intervals hold; a pair whose interval straddles
 * parity contributes the lower end 0 (resp. the upper end 1). With two groups this is the plain two-sided interval.
 * The maximum over groups (bounded group loss) is bounded by the per-group intervals at {@code level^(1/k)}:
 * {@code max ∈ [max_g L_g, max_g U_g]}. Each interval contains the point estimate.
 *
 * <p>The eligible groups are those the report's aggregate uses ({@link GroupValues#exclusionReason(int)} is null);
 * an eligible group without a standard error makes the interval undefined, with the reason.
 */
public final class SpreadIntervals {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private SpreadIntervals() {
    }

    /**
     * One group's estimate and its standard error.
     *
     * @param value the estimate
     * @param se its standard error, finite and {@code >= 0}
     * @param df degrees of freedom of its t reference distribution, {@code > 0}, or {@link Double#POSITIVE_INFINITY}
     *     for a normal estimate
     */
    public record Estimate(double value, double se, double df) {
        /** Validates. */
        public Estimate {
            if (!Double.isFinite(value) || !(se >= 0) || Double.isInfinite(se) || !(df > 0)) {
                throw new IllegalArgumentException("need a finite value, a finite se >= 0 and df > 0, got " + value
                        + ", " + se + ", " + df);
            }
        }

        /**
         * @param level two-sided level in (0, 1)
         * @return the two-sided quantile {@code q} of this estimate's reference distribution
         */
        public double quantile(double level) {
            return SpreadIntervals.quantile(df, level);
        }
    }

    /** The two-sided {@code (1 + level) / 2} quantile of t(df), or of the standard normal when df is infinite. */
    public static double quantile(double df, double level) {
        double p = 0.5 + level / 2;
        return Double.isInfinite(df) || df > 1e7 ? NORMAL.inverseCumulativeProbability(p)
                : TDistribution.of(df).inverseCumulativeProbability(p);
    }

    /** A per-group estimate, or why there is none. */
    public record GroupEstimate(Optional<Estimate> estimate, String reason) {
        /** @return a defined estimate */
        public static GroupEstimate of(Estimate e) {
            return new GroupEstimate(Optional.of(e), null);
        }

        /** @return an undefined estimate with the reason */
        public static GroupEstimate undefined(String reason) {
            return new GroupEstimate(Optional.empty(), reason);
        }
    }

    /** The outcome: an interval, or the reason there is none. */
    public record Result(Optional<Interval> interval, String reason) {
        static Result of(Interval i) {
            return new Result(Optional.of(i), null);
        }

        static Result undefined(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }

    private static Result eligible(GroupValues values, Disparity aggregate, List<GroupEstimate> estimates,
            List<Integer> out) {
        if (!aggregate.isDefined()) {
            return Result.undefined("the value is undefined: " + aggregate.value().reason().orElseThrow());
        }
        for (int g = 0; g < values.groups().size(); g++) {
            if (values.exclusionReason(g) == null) {
                GroupEstimate e = estimates.get(g);
                if (e.estimate().isEmpty()) {
                    return Result.undefined("group " + values.groups().get(g).label() + " has no interval: "
                            + e.reason());
                }
                out.add(g);
            }
        }
        return null;
    }

    private static String family(int k, int m, double level, String what) {
        return String.format(Locale.ROOT, "simultaneous over the %d %s of %d groups (Šidák, %.4f each)", m, what, k,
                Math.pow(level, 1.0 / m));
    }

    /**
     * The interval of {@code max − min} (the report's {@code difference()}).
     *
     * @param values the group values the report's aggregate was computed from
     * @param estimates each group's estimate, in the order of {@code values.groups()}
     * @param level nominal level
     * @param method the estimate's method, e.g. {@code "DeLong"}
     */
    public static Result difference(GroupValues values, List<GroupEstimate> estimates, double level, String method) {
        Disparity d = values.difference();
        List<Integer> ok = new ArrayList<>();
        Result bad = eligible(values, d, estimates, ok);
        if (bad != null) {
            return bad;
        }
        int k = ok.size();
        int m = k * (k - 1) / 2;
        double each = Math.pow(level, 1.0 / m);
        double lo = 0;
        double hi = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                Estimate x = estimates.get(ok.get(a)).estimate().orElseThrow();
                Estimate y = estimates.get(ok.get(b)).estimate().orElseThrow();
                double diff = x.value() - y.value();
                double v = x.se() * x.se() + y.se() * y.se();
                double se = Math.sqrt(v);
                double q = quantile(welch(x, y), each);
                double l = diff - q * se;
                double u = diff + q * se;
                double absLo = l > 0 ? l : (u < 0 ? -u : 0);
                double absHi = Math.max(Math.abs(l), Math.abs(u));
                lo = Math.max(lo, absLo);
                hi = Math.max(hi, absHi);
            }
        }
        Interval i = new Interval(lo, Math.max(hi, lo), level, method + ", difference of independent groups", 0, 0);
        if (k > 2) {
            i = i.withNote(family(k, m, level, "pairs"));
        }
        if (lo == 0) {
            i = i.withNote("lower end 0: no pair of groups differs at this level (a spread is never below 0)");
        }
        return Result.of(i);
    }

    /** Welch–Satterthwaite degrees of freedom of a difference of two independent estimates. */
    static double welch(Estimate x, Estimate y) {
        if (Double.isInfinite(x.df()) && Double.isInfinite(y.df())) {
            return Double.POSITIVE_INFINITY;
        }
        double vx = x.se() * x.se();
        double vy = y.se() * y.se();
        double den = vx * vx / x.df() + vy * vy / y.df();
        if (den == 0) {
            return Math.min(x.df(), y.df());
        }
        return (vx + vy) * (vx + vy) / den;
    }

    /**
     * The interval of {@code min / max} (the report's {@code ratio()}), by the delta method on the log scale.
     *
     * @param values the group values the report's aggregate was computed from
     * @param estimates each group's estimate
     * @param level nominal level
     * @param method the estimate's method
     */
    public static Result ratio(GroupValues values, List<GroupEstimate> estimates, double level, String method) {
        Disparity d = values.ratio();
        List<Integer> ok = new ArrayList<>();
        Result bad = eligible(values, d, estimates, ok);
        if (bad != null) {
            return bad;
        }
        for (int g : ok) {
            if (!(estimates.get(g).estimate().orElseThrow().value() > 0)) {
                return Result.undefined("the log-scale ratio interval needs every group's value > 0, group "
                        + values.groups().get(g).label() + " has " + estimates.get(g).estimate().orElseThrow().value());
            }
        }
        int k = ok.size();
        int m = k * (k - 1) / 2;
        double each = Math.pow(level, 1.0 / m);
        double lo = 1;
        double hi = 1;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                Estimate x = estimates.get(ok.get(a)).estimate().orElseThrow();
                Estimate y = estimates.get(ok.get(b)).estimate().orElseThrow();
                double logR = Math.log(x.value() / y.value());
                double rx = x.se() / x.value();
                double ry = y.se() / y.value();
                double se = Math.sqrt(rx * rx + ry * ry);
                double q = quantile(welch(x, y), each);
                double l = Math.exp(logR - q * se);
                double u = Math.exp(logR + q * se);
                double foldLo;
                double foldHi;
                if (u < 1) {
                    foldLo = l;
                    foldHi = u;
                } else if (l > 1) {
                    foldLo = 1 / u;
                    foldHi = 1 / l;
                } else {
                    foldLo = Math.min(l, 1 / u);
                    foldHi = 1;
                }
                lo = Math.min(lo, foldLo);
                hi = Math.min(hi, foldHi);
            }
        }
        Interval i = new Interval(lo, hi, level, method + ", log-ratio of independent groups (delta method)", 0, 0);
        if (k > 2) {
            i = i.withNote(family(k, m, level, "pairs"));
        }
        if (hi == 1) {
            i = i.withNote("upper end 1: no pair of groups differs at this level (min / max is never above 1)");
        }
        return Result.of(i);
    }

    /**
     * The interval of the largest group value (bounded group loss), from per-group intervals at
     * {@code level^(1/k)}.
     *
     * @param values the group values
     * @param worst the report's value of the maximum (for its definedness and reason)
     * @param estimates each group's estimate
     * @param level nominal level
     * @param method the estimate's method
     */
    public static Result maximum(GroupValues values, Disparity worst, List<GroupEstimate> estimates, double level,
            String method) {
        List<Integer> ok = new ArrayList<>();
        Result bad = eligible(values, worst, estimates, ok);
        if (bad != null) {
            return bad;
        }
        int k = ok.size();
        double each = Math.pow(level, 1.0 / k);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g : ok) {
            Estimate e = estimates.get(g).estimate().orElseThrow();
            double q = e.quantile(each);
            lo = Math.max(lo, e.value() - q * e.se());
            hi = Math.max(hi, e.value() + q * e.se());
        }
        Interval i = new Interval(lo, hi, level, method + ", maximum over groups", 0, 0);
        if (k > 1) {
            i = i.withNote(family(k, k, level, "group intervals"));
        }
        return Result.of(i);
    }
}
