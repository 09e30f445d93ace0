package org.fairkit.stats;


import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.bayes.Posterior;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.bootstrap.BootstrapMethod;
import org.fairkit.stats.bootstrap.BootstrapResult;
import org.fairkit.stats.support.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded coverage simulations of nominal 95% intervals: two groups of {@code n} rows (A, the reference, and B) with
 * true selection rates {@code pA}, {@code pB}; each repetition draws the predictions, then checks whether
 * {@code Bootstrap.bca(500)} (BCa), the percentile interval of the same 500 stratified resamples, and
 * {@code Bayesian.jeffreys().draws(1000)} (equal-tailed) cover the true rate of B and the true difference
 * {@code pB − pA}.
 *
 * <p><b>R = 400 repetitions per scenario</b>: the Monte-Carlo standard error of a coverage near 0.95 is
 * sqrt(0.95 · 0.05 / 400) = 0.011, so the 0.93 threshold sits 1.8 standard errors below nominal (seeds are fixed,
 * so the test is deterministic). Total about 15 s on one core.
 *
 * <p><b>Findings</b> (measured with R = 1200 too, standard error 0.0063), stated here and in the README instead of a
 * silently weakened threshold:
 * <ul>
 *   <li>Rates 0.5 / 0.3: every method covers the rate and the difference at 0.94–0.96 for n = 50 and 500.</li>
 *   <li>Rates near 0 or 1 (0.05 / 0.02, 0.95 / 0.98), n = 500: the rate is covered at 0.945–0.968 by every method;
 *       the difference only at 0.928–0.946 by all three methods alike (group B expects only 10 events: the
 *       difference's skewness is not fully corrected). Tested: rate >= 0.93, difference >= 0.90.</li>
 *   <li>Rates near 0 or 1, n = 50: <b>the bootstrap fails</b>. With probability (1 − 0.02)^50 = 0.36 group B shows no
 *       selected row (or, at 0.98, no unselected row); every resample then has rate 0, the bootstrap distribution
 *       is a point and no bootstrap interval can cover the truth. BCa and percentile coverage of the rate is
 *       0.62 (at most 1 − 0.36), of the difference 0.86–0.90. Tested: bootstrap rate coverage at most
 *       1 − (1 − p)^n + 3 standard errors, difference below 0.93. The Jeffreys interval covers the rate at 0.98 and
 *       the difference at 0.93–0.95: use {@code Bayesian.jeffreys()} (or a closed-form interval) for small groups
 *       with rare outcomes. Tested: Jeffreys rate >= 0.93, difference >= 0.90.</li>
 * </ul>
 */
class CoverageTest {
    private static final int REPS = 400;

    @ParameterizedTest(name = "n = {0}, pA = {1}, pB = {2}")
    @CsvSource({"50, 0.5, 0.3", "500, 0.5, 0.3", "500, 0.05, 0.02", "500, 0.95, 0.98", "50, 0.05, 0.02",
        "50, 0.95, 0.98"})
    void nominal95IntervalsCoverTheTrueRateAndDifference(int n, double pA, double pB) {
        // bca rate, bca diff, percentile rate, percentile diff, bayes rate, bayes diff, then the intervals the report
        // shows for BCa (a degenerate bootstrap replaced by the closed form): rate, diff
        int[] cover = new int[8];
        SplittableRandom r = new SplittableRandom(n * 31L + (long) (pB * 1000));
        Estimand rate = Estimand.groupValue(Metrics.SELECTION_RATE, GroupKey.of("g", "B"));
        Estimand diff = Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, Metrics.SELECTION_RATE,
                GroupKey.of("g", "B"));
        Estimand[] es = {rate, diff};
        double[] truth = {pB, pB - pA};
        for (int rep = 0; rep < REPS; rep++) {
            int[] y = new int[2 * n];
            int[] pr = new int[2 * n];
            String[] g = new String[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                g[i] = i < n ? "A" : "B";
                pr[i] = r.nextDouble() < (i < n ? pA : pB) ? 1 : 0;
            }
            FairnessData d = FairnessData.builder().labels(y).predictions(pr).sensitive("g", g).build();
            Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE).fairnessMetrics().reference("A");
            IntervalRequest req = TestData.request(c, d, 1);
            BootstrapResult res = Bootstrap.bca(500).seed(rep).distribution(req);
            Posterior post = Bayesian.jeffreys().draws(1000).seed(rep).posterior(req);
            for (int k = 0; k < 2; k++) {
                double t = truth[k];
                BootstrapDistribution bd = res.distribution(es[k]).orElseThrow();
                cover[k] += bd.interval(BootstrapMethod.BCA, 0.95, 0.1, "").map(i -> i.contains(t)).orElse(false)
                        ? 1 : 0;
                cover[2 + k] += bd.interval(BootstrapMethod.PERCENTILE, 0.95, 0.1, "").map(i -> i.contains(t))
                        .orElse(false) ? 1 : 0;
                Interval i = post.intervals().get(es[k]);
                cover[4 + k] += i != null && i.contains(t) ? 1 : 0;
                Interval shown = res.intervals().get(es[k]);
                cover[6 + k] += shown != null && shown.contains(t) ? 1 : 0;
            }
        }
        double[] cov = new double[8];
        for (int k = 0; k < 8; k++) {
            cov[k] = cover[k] / (double) REPS;
        }
        String what = String.format(java.util.Locale.ROOT, "n=%d pA=%s pB=%s coverage bca %.3f/%.3f percentile "
                + "%.3f/%.3f jeffreys %.3f/%.3f reported %.3f/%.3f (rate/difference)", n, pA, pB, cov[0], cov[1],
                cov[2], cov[3], cov[4], cov[5], cov[6], cov[7]);
        boolean nearBoundary = Math.min(pB, 1 - pB) < 0.1;
        SoftAssertions soft = new SoftAssertions();
        if (!nearBoundary) {
            for (int k = 0; k < 6; k++) {
                soft.assertThat(cov[k]).as(what + " [" + k + "]").isGreaterThanOrEqualTo(0.93);
            }
        } else if (n >= 500) {
            for (int k : new int[] {0, 2, 4}) {
                soft.assertThat(cov[k]).as(what + " rate [" + k + "]").isGreaterThanOrEqualTo(0.93);
            }
            for (int k : new int[] {1, 3, 5}) {
                soft.assertThat(cov[k]).as(what + " difference [" + k + "] (documented ~0.93)")
                        .isGreaterThanOrEqualTo(0.90);
            }
        } else {
            double ceiling = 1 - Math.pow(1 - Math.min(pB, 1 - pB), n) + 3 * Math.sqrt(0.25 / REPS);
            soft.assertThat(cov[0]).as(what + ": documented bootstrap failure, BCa rate").isLessThanOrEqualTo(ceiling);
            soft.assertThat(cov[2]).as(what + ": documented bootstrap failure, percentile rate")
                    .isLessThanOrEqualTo(ceiling);
            soft.assertThat(cov[1]).as(what + ": documented bootstrap under-coverage, BCa difference").isLessThan(0.93);
            soft.assertThat(cov[3]).as(what + ": documented under-coverage, percentile difference").isLessThan(0.93);
            soft.assertThat(cov[4]).as(what + ": Jeffreys rate").isGreaterThanOrEqualTo(0.93);
            soft.assertThat(cov[5]).as(what + ": Jeffreys difference").isGreaterThanOrEqualTo(0.90);
            // what the report shows: the degenerate bootstrap gave way to Wilson / Newcombe (Wilson's exact coverage
            // at n = 50, p = 0.02 is 0.9216, its known boundary dip)
            soft.assertThat(cov[6]).as(what + ": reported rate (closed form where degenerate)")
                    .isGreaterThanOrEqualTo(0.90);
            soft.assertThat(cov[7]).as(what + ": reported difference (closed form where degenerate)")
                    .isGreaterThanOrEqualTo(0.90);
        }
        soft.assertAll();
    }

    /**
     * The Jeffreys interval's exact coverage (a sum over the binomial outcomes, no simulation) for a group of 50:
     * 0.982 at p = 0.02 but 0.885 at p = 0.05 (its oscillation; Brown, Cai &amp; DasGupta 2001), as the README
     * states.
     */
    @ParameterizedTest(name = "n = {0}, p = {1}: {2}")
    @CsvSource({"50, 0.02, 0.9822", "50, 0.05, 0.8853", "50, 0.95, 0.8853", "50, 0.98, 0.9822"})
    void jeffreysExactCoverageIsWhatTheReadmeSays(int n, double p, double expected) {
        org.apache.commons.statistics.distribution.BinomialDistribution b =
                org.apache.commons.statistics.distribution.BinomialDistribution.of(n, p);
        double cov = 0;
        for (int x = 0; x <= n; x++) {
            if (org.fairkit.stats.proportion.ProportionInterval.JEFFREYS.interval(x, n, 0.95).contains(p)) {
                cov += b.probability(x);
            }
        }
        org.assertj.core.api.Assertions.assertThat(cov).isCloseTo(expected, org.assertj.core.api.Assertions.within(
                5e-5));
    }
}
