package org.fairkit.stats.tests;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;

/**
 * Tests comparing two independent rates {@code p1 = x1/n1} and {@code p2 = x2/n2}. Static methods only.
 */
public final class ProportionTests {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ProportionTests() {
    }

    /**
     * Two-sided two-proportion z test with pooled variance and no continuity correction:
     * {@code z = (p1 - p2) / sqrt(p̄(1-p̄)(1/n1 + 1/n2))}, {@code p̄ = (x1+x2)/(n1+n2)}, {@code p = 2·(1 - Φ(|z|))}.
     * Matches statsmodels 0.13.5 {@code proportions_ztest(count=[x1, x2], nobs=[n1, n2], value=None,
     * alternative='two-sided', prop_var=False)}; {@code z²} equals the uncorrected Pearson chi-squared statistic of
     * the 2x2 table. Undefined (statsmodels: NaN) when both rates are 0 or both are 1 (the pooled variance is 0).
     *
     * @throws IllegalArgumentException unless {@code 0 <= x_i <= n_i} and {@code n_i >= 1}
     */
    public static TestResult twoProportionZTest(long x1, long n1, long x2, long n2) {
        counts("x1", x1, "n1", n1);
        counts("x2", x2, "n2", n2);
        String method = "two-proportion z test (pooled, two-sided)";
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double var = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (!(var > 0)) {
            String reason = "both rates are " + (x1 == 0 ? "0" : "1") + ": the pooled variance is 0";
            return new TestResult(method, MetricValue.undefined(reason), MetricValue.undefined(reason));
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(var);
        double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        return new TestResult(method, MetricValue.of(z), MetricValue.of(Math.min(1, p)));
    }

    /**
     * Fisher's exact test on the 2x2 table {@code [[a, b], [c, d]]} (rows: groups; columns: outcome yes / no).
     * The p-value comes from Commons Statistics' {@link FisherExactTest}: the hypergeometric distribution of
     * {@code a} given the margins; two-sided sums the outcomes at most as likely as the observed one (with a
     * relative tolerance, as R and SciPy), {@code LESS} is {@code P(X <= a)}, {@code GREATER} is
     * {@code P(X >= a)}. The statistic is the <em>sample</em> odds ratio {@code ad / bc}, as SciPy 1.10
     * {@code fisher_exact(table, alternative)} returns (not the conditional MLE printed by R's {@code fisher.test}):
     * {@code +Infinity} when {@code bc = 0 < ad}, undefined when {@code ad = bc = 0}. A zero row or column total
     * gives p = 1 (every table with those margins is the observed one), as SciPy.
     *
     * @throws IllegalArgumentException for a negative cell or a table total above {@code Integer.MAX_VALUE}
     */
    public static TestResult fisherExact(long a, long b, long c, long d, Alternative alternative) {
        long[] cells = {a, b, c, d};
        String[] names = {"a", "b", "c", "d"};
        for (int i = 0; i < 4; i++) {
            if (cells[i] < 0) {
                throw InputErrors.badSetting(names[i], cells[i], ">= 0 (a cell count of the 2x2 table)");
            }
        }
        if (a + b + c + d > Integer.MAX_VALUE) {
            throw InputErrors.badSetting("a + b + c + d", a + b + c + d, "<= " + Integer.MAX_VALUE);
        }
        String method = "Fisher exact test (" + alternative.name().toLowerCase(java.util.Locale.ROOT) + ")";
        double ad = (double) a * d;
        double bc = (double) b * c;
        MetricValue odds = ad == 0 && bc == 0
                ? MetricValue.undefined("sample odds ratio ad/bc is 0/0")
                : MetricValue.of(bc == 0 ? Double.POSITIVE_INFINITY : ad / bc);
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            return new TestResult(method, odds, MetricValue.of(1.0));
        }
        double p = FisherExactTest.withDefaults().with(alternative.commons())
                .test(new int[][] {{(int) a, (int) b}, {(int) c, (int) d}}).getPValue();
        return new TestResult(method, odds, MetricValue.of(p));
    }

    static void counts(String xName, long x, String nName, long n) {
        if (n < 1) {
            throw InputErrors.badSetting(nName, n, ">= 1");
        }
        if (x < 0 || x > n) {
            throw InputErrors.badSetting(xName, x, "in [0, " + nName + " = " + n + "]");
        }
    }
}
