package org.fairkit.stats.drift;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.tests.ContingencyResult;
import org.fairkit.stats.tests.ContingencyTests;
import org.fairkit.stats.tests.TestResult;

/**
 * Two-sample comparisons of a reference (expected) and a current (actual) distribution. Static methods only.
 */
public final class DistributionDrift {
    private DistributionDrift() {
    }

    /** How the Kolmogorov-Smirnov p-value is computed. */
    public enum KsMethod {
        /**
         * Exact distribution of D under H0 for continuous data (Commons Statistics; equals SciPy's Hodges
         * lattice-path count). With ties it is conservative, like SciPy's.
         */
        EXACT,
        /**
         * Asymptotic p-value from Commons Statistics. Equals SciPy 1.10's {@code method='asymp'}
         * ({@code kstwo.sf(D, round(n1·n2/(n1+n2)))}) when {@code n1·n2/(n1+n2)} is not a half-integer; SciPy rounds
         * a half-integer effective size half-to-even (e.g. 12.5 to 12), Commons does not, so for
         * {@code n1 = n2 = 25} the two differ (0.110 vs 0.136 at D = 0.32).
         */
        ASYMPTOTIC,
        /** SciPy 1.10's rule: {@link #EXACT} when {@code max(n1, n2) <= 10000}, else {@link #ASYMPTOTIC}. */
        AUTO
    }

    /**
     * Two-sided two-sample Kolmogorov-Smirnov test: {@code D = sup_x |F_ref(x) - F_cur(x)|} over right-continuous
     * empirical CDFs (ties handled exactly in D), computed by Commons Statistics' {@link KolmogorovSmirnovTest}.
     * Matches SciPy 1.10 {@code scipy.stats.ks_2samp(reference, current, alternative='two-sided', method=...)}
     * for {@code 'exact'} and {@code 'auto'}; see {@link KsMethod#ASYMPTOTIC} for the one known difference.
     *
     * @throws IllegalArgumentException for an empty sample or a non-finite value
     */
    public static TestResult kolmogorovSmirnov(double[] reference, double[] current, KsMethod method) {
        finite("reference", reference);
        finite("current", current);
        KsMethod m = method;
        if (m == KsMethod.AUTO) {
            m = Math.max(reference.length, current.length) <= 10000 ? KsMethod.EXACT : KsMethod.ASYMPTOTIC;
        }
        PValueMethod pm = m == KsMethod.EXACT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().with(pm).test(reference, current);
        String name = "two-sample Kolmogorov-Smirnov (" + m.name().toLowerCase(java.util.Locale.ROOT) + ")";
        return new TestResult(name, MetricValue.of(r.getStatistic()), MetricValue.of(r.getPValue()));
    }

    /**
     * Chi-squared test of homogeneity of two binned distributions: Pearson's test of independence on the
     * {@code 2 x k} table {@code [expectedCounts, actualCounts]}, {@code dof = k - 1}, no continuity correction
     * (SciPy {@code chi2_contingency([expected, actual], correction=False)}). Undefined, with the reason, when a bin
     * is empty in both distributions (SciPy raises there).
     *
     * @throws IllegalArgumentException for fewer than 2 bins, different lengths or a negative count
     */
    public static ContingencyResult chiSquaredHomogeneity(long[] expectedCounts, long[] actualCounts) {
        bins(expectedCounts, actualCounts);
        return ContingencyTests.pearson(new long[][] {expectedCounts.clone(), actualCounts.clone()}, false);
    }

    /**
     * Population stability index of an actual binned distribution against an expected one:
     * {@code PSI = Σ_i (a_i - e_i) · ln(a_i / e_i)}, {@code a_i = actual_i / Σ actual},
     * {@code e_i = expected_i / Σ expected}, after the empty-bin treatment {@code smoothing} (Siddiqi 2006, "Credit
     * Risk Scorecards"). Symmetric in the two distributions, {@code >= 0}, 0 iff the proportions are equal. Common
     * reading: below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 major shift. Matches the reference
     * implementation of {@code stats.json -> psi} (no library computes PSI).
     *
     * @return the PSI; {@code +Infinity} with {@link PsiSmoothing#NONE} when a bin is empty in exactly one
     *     distribution; undefined when a distribution has no counts at all
     * @throws IllegalArgumentException for fewer than 2 bins, different lengths or a negative count
     */
    public static MetricValue populationStabilityIndex(long[] expectedCounts, long[] actualCounts,
            PsiSmoothing smoothing) {
        bins(expectedCounts, actualCounts);
        int k = expectedCounts.length;
        double add = smoothing == PsiSmoothing.LAPLACE_HALF ? 0.5 : 0;
        double se = 0;
        double sa = 0;
        for (int i = 0; i < k; i++) {
            se += expectedCounts[i] + add;
            sa += actualCounts[i] + add;
        }
        if (se == 0 || sa == 0) {
            return MetricValue.undefined((se == 0 ? "expected" : "actual") + " distribution has no counts");
        }
        double psi = 0;
        double compensation = 0;
        for (int i = 0; i < k; i++) {
            double e = (expectedCounts[i] + add) / se;
            double a = (actualCounts[i] + add) / sa;
            if (smoothing == PsiSmoothing.EPSILON_1E_4) {
                e = e == 0 ? 1e-4 : e;
                a = a == 0 ? 1e-4 : a;
            }
            double term;
            if (a == e) {
                term = 0;
            } else if (a == 0 || e == 0) {
                return MetricValue.of(Double.POSITIVE_INFINITY);
            } else {
                term = (a - e) * Math.log(a / e);
            }
            double y = term - compensation;
            double t = psi + y;
            compensation = (t - psi) - y;
            psi = t;
        }
        return MetricValue.of(psi);
    }

    private static void bins(long[] expected, long[] actual) {
        if (expected == null || expected.length < 2) {
            throw InputErrors.badSetting("expectedCounts.length", expected == null ? null : expected.length,
                    ">= 2 bins");
        }
        if (actual == null || actual.length != expected.length) {
            throw InputErrors.badSetting("actualCounts.length", actual == null ? null : actual.length,
                    expected.length + " (the number of bins of expectedCounts)");
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] < 0) {
                throw InputErrors.badValue("expectedCounts", i, expected[i], "a count >= 0");
            }
            if (actual[i] < 0) {
                throw InputErrors.badValue("actualCounts", i, actual[i], "a count >= 0");
            }
        }
    }

    static void finite(String name, double[] x) {
        if (x == null || x.length == 0) {
            throw InputErrors.badSetting(name + ".length", x == null ? null : 0, ">= 1");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw InputErrors.badValue(name, i, x[i], "a finite number");
            }
        }
    }
}
