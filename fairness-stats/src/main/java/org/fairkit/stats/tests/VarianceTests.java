package org.fairkit.stats.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.inference.OneWayAnova;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;

/**
 * Tests of equal variances across groups (e.g. of a score, a residual or a per-row loss). Static methods only.
 *
 * <p>Both tests are the one-way ANOVA F test on the absolute deviations {@code Z_ij = |Y_ij - c_i|} from a group
 * centre {@code c_i}: {@code W = ((N-k)/(k-1)) · Σ n_i (Z̄_i - Z̄)² / Σ Σ (Z_ij - Z̄_i)²},
 * {@code p = P(F(k-1, N-k) >= W)}. The ANOVA is Commons Statistics' {@link OneWayAnova}.
 * <ul>
 *   <li>{@link Center#MEAN}: Levene (1960), SciPy 1.10 {@code scipy.stats.levene(*groups, center='mean')};</li>
 *   <li>{@link Center#MEDIAN}: Brown &amp; Forsythe (1974), robust to skew, SciPy's default
 *       {@code center='median'}.</li>
 * </ul>
 * Undefined when every absolute deviation equals its group mean (then {@code W = 0/0}).
 */
public final class VarianceTests {
    private VarianceTests() {
    }

    /** The group centre subtracted before taking absolute deviations. */
    public enum Center {
        /** Group mean: Levene's original test. */
        MEAN,
        /** Group median: the Brown-Forsythe test. */
        MEDIAN
    }

    /**
     * Levene's test ({@code center = MEAN}) or the Brown-Forsythe test ({@code center = MEDIAN}).
     *
     * @param center the group centre
     * @param groups the observations of each group: at least 2 groups, each with at least 1 finite value, and more
     *     observations than groups in total
     * @throws IllegalArgumentException for fewer than 2 groups, an empty group, a non-finite value, or
     *     {@code N <= k}
     */
    public static TestResult levene(Center center, double[]... groups) {
        if (groups == null || groups.length < 2) {
            throw InputErrors.badSetting("groups.length", groups == null ? null : groups.length, ">= 2");
        }
        int total = 0;
        List<double[]> deviations = new ArrayList<>(groups.length);
        for (int g = 0; g < groups.length; g++) {
            double[] y = groups[g];
            if (y == null || y.length == 0) {
                throw InputErrors.badSetting("groups[" + g + "].length", y == null ? null : 0, ">= 1");
            }
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(y[i])) {
                    throw InputErrors.badValue("groups[" + g + "]", i, y[i], "a finite number");
                }
            }
            double c = center == Center.MEAN ? mean(y) : median(y);
            double[] z = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                z[i] = Math.abs(y[i] - c);
            }
            deviations.add(z);
            total += y.length;
        }
        if (total <= groups.length) {
            throw InputErrors.badSetting("total observations", total, "> the number of groups " + groups.length);
        }
        String method = center == Center.MEAN ? "Levene test (center = mean)" : "Brown-Forsythe test (center = median)";
        double within = 0;
        for (double[] z : deviations) {
            double m = mean(z);
            for (double v : z) {
                within += (v - m) * (v - m);
            }
        }
        if (within == 0) {
            String reason = "every absolute deviation equals its group mean: W = 0/0";
            return new TestResult(method, MetricValue.undefined(reason), MetricValue.undefined(reason));
        }
        OneWayAnova.Result r = OneWayAnova.withDefaults().test(deviations);
        return new TestResult(method, MetricValue.of(r.getStatistic()), MetricValue.of(r.getPValue()));
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    private static double median(double[] y) {
        double[] s = y.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
