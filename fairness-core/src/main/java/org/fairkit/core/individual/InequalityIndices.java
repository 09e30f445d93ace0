package org.fairkit.core.individual;

import java.util.Objects;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.MetricValue;

/**
 * Inequality indices of benefits: the generalized entropy family of Shorrocks (1980), proposed as measures of
 * individual and group unfairness by Speicher et al. (2018, "A Unified Approach to Quantifying Algorithmic
 * Unfairness", KDD), and its between- and within-group decomposition.
 *
 * <p>With benefits {@code b_i}, weights {@code w_i} (1 when unweighted), {@code W = Σ w_i} and the mean
 * {@code μ = Σ w_i b_i / W}:
 * <pre>
 *   GE(α) = 1 / (W α (α − 1)) · Σ w_i [ (b_i / μ)^α − 1 ]      α ∉ {0, 1}
 *   GE(1) = 1 / W · Σ w_i (b_i / μ) ln(b_i / μ)                 Theil index (0 · ln 0 = 0)
 *   GE(0) = −1 / W · Σ w_i ln(b_i / μ)                          mean log deviation
 *   CV    = sqrt(2 · GE(2))                                     coefficient of variation (population sd / mean)
 * </pre>
 * Between-group: {@code GE_between(α)} is {@code GE(α)} of the benefits where each row's benefit is replaced by
 * its group's (weighted) mean {@code μ_g}. Within-group: {@code GE_within(α) = Σ_g (W_g / W) (μ_g / μ)^α GE_g(α)}.
 * They add up: {@code GE(α) = GE_within(α) + GE_between(α)} (Shorrocks 1980), for every α.
 *
 * <p><b>Undefined when</b> the total weight is 0, the mean benefit is 0 (every row has benefit 0), or, for
 * {@code α ≤ 0}, some row (or group mean, between groups) with positive weight has benefit 0: then
 * {@code ln 0} or {@code 0^α} makes the index infinite, and FairKit reports it undefined with the row (AIF360
 * returns {@code inf}). Values are {@code >= 0}; a result that rounding makes negative is reported as 0.
 *
 * <p><b>Matches</b> AIF360 0.6.1 {@code ClassificationMetric.generalized_entropy_index}, {@code theil_index},
 * {@code coefficient_of_variation} and {@code between_all_groups_*} on unweighted benefits (AIF360 ignores instance
 * weights here), with two documented differences: AIF360's {@code α = 0} branch divides the mean log deviation by
 * μ once more ({@code −mean(ln(b/μ)) / μ}), which is not the index of Speicher et al. or Shorrocks; and AIF360's
 * {@code between_group_*} pools the privileged and the unprivileged rows into two groups, which FairKit reproduces
 * by grouping on a two-level feature. Cost: one pass over the rows per index (two for the within-group index).
 */
public final class InequalityIndices {
    private InequalityIndices() {
    }

    /**
     * The generalized entropy index {@code GE(α)} of the benefits.
     *
     * @param alpha any finite α; 2 is AIF360's default, 1 the Theil index, 0 the mean log deviation
     * @throws IllegalArgumentException if α is not finite
     */
    public static MetricValue generalizedEntropy(Benefits benefits, double alpha) {
        checkAlpha(alpha);
        Objects.requireNonNull(benefits, "benefits");
        int n = benefits.rows();
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = benefits.benefit(i);
            w[i] = benefits.weight(i);
        }
        return benefits.zeroBenefitReasons().map(r -> ge(v, w, alpha, r)).orElseGet(() -> ge(v, w, alpha, "row "));
    }

    /** @return the Theil index, {@code GE(1)} */
    public static MetricValue theil(Benefits benefits) {
        return generalizedEntropy(benefits, 1);
    }

    /** @return the mean log deviation, {@code GE(0)} (not AIF360's {@code α = 0} value, which divides by μ) */
    public static MetricValue meanLogDeviation(Benefits benefits) {
        return generalizedEntropy(benefits, 0);
    }

    /** @return the coefficient of variation {@code sqrt(2 GE(2))}, the population standard deviation over the mean */
    public static MetricValue coefficientOfVariation(Benefits benefits) {
        return sqrtTwice(generalizedEntropy(benefits, 2));
    }

    /**
     * The between-group index: {@code GE(α)} of the group means, each weighing its group's total weight.
     *
     * @throws IllegalStateException if the benefits are not grouped
     * @throws IllegalArgumentException if α is not finite
     */
    public static MetricValue betweenGroup(Benefits benefits, double alpha) {
        checkAlpha(alpha);
        Grouping g = grouping(benefits);
        GroupSums s = GroupSums.of(benefits, g);
        double[] means = new double[s.groups];
        for (int k = 0; k < s.groups; k++) {
            means[k] = s.weight[k] > 0 ? s.sum[k] / s.weight[k] : 0;
        }
        String[] names = new String[s.groups];
        for (int k = 0; k < s.groups; k++) {
            names[k] = "group " + g.groups().get(k).describe() + " has mean benefit 0";
        }
        return ge(means, s.weight, alpha, names);
    }

    /** @return the between-group Theil index, {@code betweenGroup(benefits, 1)} */
    public static MetricValue betweenGroupTheil(Benefits benefits) {
        return betweenGroup(benefits, 1);
    }

    /** @return the between-group coefficient of variation, {@code sqrt(2 betweenGroup(benefits, 2))} */
    public static MetricValue betweenGroupCoefficientOfVariation(Benefits benefits) {
        return sqrtTwice(betweenGroup(benefits, 2));
    }

    /**
     * The within-group index {@code Σ_g (W_g / W) (μ_g / μ)^α GE_g(α)}, where {@code GE_g} is the index of group
     * {@code g} alone. A group whose mean benefit is 0 contributes 0 for {@code α > 0} (its weight
     * {@code (μ_g / μ)^α} is 0).
     *
     * @throws IllegalStateException if the benefits are not grouped
     * @throws IllegalArgumentException if α is not finite
     */
    public static MetricValue withinGroup(Benefits benefits, double alpha) {
        checkAlpha(alpha);
        Grouping g = grouping(benefits);
        MetricValue overall = generalizedEntropy(benefits, alpha);
        if (!overall.isDefined()) {
            return overall;
        }
        GroupSums s = GroupSums.of(benefits, g);
        double total = 0;
        double totalSum = 0;
        for (int k = 0; k < s.groups; k++) {
            total += s.weight[k];
            totalSum += s.sum[k];
        }
        double mu = totalSum / total;
        double[] mean = new double[s.groups];
        for (int k = 0; k < s.groups; k++) {
            mean[k] = s.weight[k] > 0 ? s.sum[k] / s.weight[k] : 0;
        }
        double[] acc = new double[s.groups];
        for (int i = 0; i < benefits.rows(); i++) {
            double w = benefits.weight(i);
            int k = g.groupOf(i);
            if (w == 0 || mean[k] == 0) {
                continue;
            }
            double r = benefits.benefit(i) / mean[k];
            if (alpha == 1) {
                acc[k] += r == 0 ? 0 : w * r * Math.log(r);
            } else if (alpha == 0) {
                acc[k] += w * Math.log(r);
            } else {
                acc[k] += w * Math.pow(r, alpha);
            }
        }
        double within = 0;
        for (int k = 0; k < s.groups; k++) {
            if (s.weight[k] == 0 || mean[k] == 0) {
                continue; // no weight, or 0^alpha = 0 (alpha > 0 here: alpha <= 0 with a zero benefit is undefined)
            }
            double geK;
            if (alpha == 1) {
                geK = acc[k] / s.weight[k];
            } else if (alpha == 0) {
                geK = -acc[k] / s.weight[k];
            } else {
                geK = (acc[k] / s.weight[k] - 1) / (alpha * (alpha - 1));
            }
            within += s.weight[k] / total * Math.pow(mean[k] / mu, alpha) * Math.max(0, geK);
        }
        return MetricValue.of(within);
    }

    private static MetricValue sqrtTwice(MetricValue ge2) {
        return ge2.isDefined() ? MetricValue.of(Math.sqrt(2 * ge2.value())) : ge2;
    }

    private static void checkAlpha(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number, got " + alpha);
        }
    }

    private static Grouping grouping(Benefits benefits) {
        Objects.requireNonNull(benefits, "benefits");
        return benefits.grouping().orElseThrow(() -> new IllegalStateException(
                "between- and within-group indices need grouped benefits; call groupedBy(...) or "
                        + "Benefits.of(data, groupBy...)"));
    }

    private static MetricValue ge(double[] v, double[] w, double alpha, String rowPrefix) {
        return ge(v, w, alpha, null, rowPrefix);
    }

    private static MetricValue ge(double[] v, double[] w, double alpha, String[] names) {
        return ge(v, w, alpha, names, null);
    }

    /**
     * GE(α) of values {@code v} with weights {@code w}; {@code names[i]} (or the prefix + index + " has benefit 0") is
     * the reason given when entry {@code i} makes the index infinite.
     */
    private static MetricValue ge(double[] v, double[] w, double alpha, String[] names, String prefix) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            total += w[i];
            sum += w[i] * v[i];
        }
        if (total == 0) {
            return MetricValue.undefined("the total weight is 0");
        }
        double mu = sum / total;
        if (mu == 0) {
            return MetricValue.undefined("the mean benefit is 0 (every row has benefit 0)");
        }
        if (alpha <= 0) {
            for (int i = 0; i < v.length; i++) {
                if (w[i] > 0 && v[i] == 0) {
                    String what = names != null ? names[i] : prefix + i + " has benefit 0";
                    return MetricValue.undefined(what + ", so GE(" + alpha + ") is infinite (α <= 0)");
                }
            }
        }
        double acc = 0;
        for (int i = 0; i < v.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            double r = v[i] / mu;
            if (alpha == 1) {
                acc += r == 0 ? 0 : w[i] * r * Math.log(r);
            } else if (alpha == 0) {
                acc += w[i] * Math.log(r);
            } else {
                acc += w[i] * Math.pow(r, alpha);
            }
        }
        double value;
        if (alpha == 1) {
            value = acc / total;
        } else if (alpha == 0) {
            value = -acc / total;
        } else {
            value = (acc / total - 1) / (alpha * (alpha - 1));
        }
        return MetricValue.of(Math.max(0, value));
    }

    /** Per-group total weight and weighted benefit sum. */
    private static final class GroupSums {
        final int groups;
        final double[] weight;
        final double[] sum;

        private GroupSums(int groups) {
            this.groups = groups;
            this.weight = new double[groups];
            this.sum = new double[groups];
        }

        static GroupSums of(Benefits b, Grouping g) {
            GroupSums s = new GroupSums(g.groupCount());
            for (int i = 0; i < b.rows(); i++) {
                int k = g.groupOf(i);
                double w = b.weight(i);
                s.weight[k] += w;
                s.sum[k] += w * b.benefit(i);
            }
            return s;
        }
    }
}
