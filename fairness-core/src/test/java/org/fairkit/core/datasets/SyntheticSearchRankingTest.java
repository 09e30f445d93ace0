package org.fairkit.core.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.ranking.RankingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injected exposure disparity of {@link SyntheticSearchRanking} against its exact expectation, computed here by
 * the formula of the class comment (a quadrature over the noise and a convolution of two binomials). Tolerances are
 * five standard errors of the pooled group exposure, estimated from the spread of the per-query group means (every
 * query has the same group sizes, so the pooled mean is the mean of the per-query means).
 */
class SyntheticSearchRankingTest {
    private static final double[] P_RELEVANCE = {0.4, 0.3, 0.2, 0.1};

    /** E[v(position) | group], group 0 = A, 1 = B, under v(p) = 1/log2(1+p), by the class comment's formula. */
    static double expectedExposure(int m, double strength, int group) {
        int nB = SyntheticSearchRanking.groupBSize(m);
        double delta = SyntheticSearchRanking.DEMOTION * strength;
        int otherA = m - nB - (group == 0 ? 1 : 0);
        int otherB = nB - (group == 1 ? 1 : 0);
        double[] v = new double[m];
        for (int p = 1; p <= m; p++) {
            v[p - 1] = 1 / (Math.log(1 + p) / Math.log(2));
        }
        int steps = 4000;
        double lo = -9;
        double h = 18.0 / steps;
        double total = 0;
        for (int r = 0; r < 4; r++) {
            double integral = 0;
            for (int k = 0; k <= steps; k++) {
                double eps = lo + k * h;
                double s = r + eps - (group == 1 ? delta : 0);
                double qA = 0;
                double qB = 0;
                for (int r2 = 0; r2 < 4; r2++) {
                    qA += P_RELEVANCE[r2] * Normal.cdf(r2 - s);
                    qB += P_RELEVANCE[r2] * Normal.cdf(r2 - delta - s);
                }
                double[] pa = binomial(otherA, qA);
                double[] pb = binomial(otherB, qB);
                double ev = 0;
                for (int i = 0; i < pa.length; i++) {
                    for (int j = 0; j < pb.length; j++) {
                        ev += pa[i] * pb[j] * v[i + j];
                    }
                }
                double weight = (k == 0 || k == steps) ? 0.5 : 1.0;   // trapezoid rule
                integral += weight * h * Normal.pdf(eps) * ev;
            }
            total += P_RELEVANCE[r] * integral;
        }
        return total;
    }

    private static double[] binomial(int n, double p) {
        double[] pmf = new double[n + 1];
        pmf[0] = 1;
        for (int t = 0; t < n; t++) {   // convolve one Bernoulli(p) at a time
            for (int k = t + 1; k >= 1; k--) {
                pmf[k] = pmf[k] * (1 - p) + pmf[k - 1] * p;
            }
            pmf[0] *= 1 - p;
        }
        return pmf;
    }

    /** Pooled exposure per group (0 = A, 1 = B) and its standard error over queries, from RankingReport. */
    private record Pooled(double[] mean, double[] se) {
        double ratio() {
            return mean[1] / mean[0];
        }
    }

    private static Pooled pooled(SyntheticSearchRanking d) {
        Map<String, Ranking> rankings = d.toRankings();
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        GroupKey[] keys = {GroupKey.of("group", "Group A"), GroupKey.of("group", "Group B")};
        for (Ranking ranking : rankings.values()) {
            GroupValues exposure = RankingFairness.of(ranking).evaluate().exposure();
            for (int g = 0; g < 2; g++) {
                double x = exposure.value(exposure.groups().indexOf(keys[g])).value();
                sum[g] += x;
                sumSq[g] += x * x;
            }
        }
        int q = rankings.size();
        double[] mean = new double[2];
        double[] se = new double[2];
        for (int g = 0; g < 2; g++) {
            mean[g] = sum[g] / q;
            se[g] = Math.sqrt((sumSq[g] / q - mean[g] * mean[g]) / (q - 1));
        }
        return new Pooled(mean, se);
    }

    @Test
    void theExactExpectationIsTheStatedOne() {
        // The same formula evaluated independently with SciPy 1.17.1 (norm.sf, binom.pmf, a 4001-point grid):
        // E[v | A] = 0.398631, E[v | B] = 0.282087, ratio 0.707638.
        assertThat(expectedExposure(20, 1, 0)).isCloseTo(0.398631, within(2e-5));
        assertThat(expectedExposure(20, 1, 1)).isCloseTo(0.282087, within(2e-5));
        assertThat(expectedExposure(20, 0, 1)).isCloseTo(expectedExposure(20, 0, 0), within(1e-9));
    }

    @Test
    void theDefaultDataSetShowsTheInjectedExposureDisparityWithItsExactSize() {
        SyntheticSearchRanking d = SyntheticSearchRanking.builder().build();
        assertThat(d.rows()).isEqualTo(50_000);
        assertThat(d.queries()).isEqualTo(2_500);
        Pooled p = pooled(d);
        for (int g = 0; g < 2; g++) {
            assertThat(p.se()[g]).as("standard error, group %d", g).isLessThan(0.003);
            assertThat(p.mean()[g]).isCloseTo(expectedExposure(20, 1, g), within(5 * p.se()[g]));
        }
        double expected = expectedExposure(20, 1, 1) / expectedExposure(20, 1, 0);
        double seRatio = expected * Math.hypot(p.se()[0] / p.mean()[0], p.se()[1] / p.mean()[1]);
        assertThat(p.ratio()).isCloseTo(expected, within(5 * seRatio)).isLessThan(0.75);

        // The pooled exposure is RankingReport's per-item exposure averaged over all items of a group.
        double[] sum = new double[2];
        int[] n = new int[2];
        int row = 0;
        for (String q : d.queryIds()) {
            RankingReport report = RankingFairness.of(d.toRanking(q)).evaluate();
            for (int i = 0; i < d.itemsPerQuery(); i++, row++) {
                int g = d.group(row).equals("Group B") ? 1 : 0;
                sum[g] += report.exposureOf(i);
                n[g]++;
            }
        }
        assertThat(n).containsExactly(2_500 * 12, 2_500 * 8);
        assertThat((sum[1] / n[1]) / (sum[0] / n[0])).isCloseTo(p.ratio(), within(1e-12));
    }

    @Test
    void mostQueriesFallBelowTheFourFifthsLineOnTheirOwn() {
        SyntheticSearchRanking d = SyntheticSearchRanking.builder().build();
        int below = 0;
        for (Ranking r : d.toRankings().values()) {
            below += RankingFairness.of(r).evaluate().exposureRatio().asDouble() < 0.8 ? 1 : 0;
        }
        assertThat(below).isGreaterThan(d.queries() / 2);
    }

    @Test
    void strengthZeroGivesExposureParityWithinSamplingNoise() {
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            SyntheticSearchRanking d = SyntheticSearchRanking.builder().queries(500).seed(seed).strength(0).build();
            Pooled p = pooled(d);
            double se = Math.hypot(p.se()[0] / p.mean()[0], p.se()[1] / p.mean()[1]);
            assertThat(se).isLessThan(0.02);
            assertThat(p.ratio()).isCloseTo(1.0, within(5 * se));
        });
    }

    @Test
    void everyQueryHasTheStatedCompositionAndItsRanksFollowTheScores() {
        qt().withExamples(20).forAll(integers().between(2, 30), longs().all()).checkAssert((m, seed) -> {
            SyntheticSearchRanking d = SyntheticSearchRanking.builder().queries(5).itemsPerQuery(m).seed(seed)
                    .build();
            assertThat(d.rows()).isEqualTo(5 * m);
            for (int q = 0; q < 5; q++) {
                int b = 0;
                for (int p = 0; p < m; p++) {
                    int row = q * m + p;
                    assertThat(d.query(row)).isEqualTo("q" + (q + 1));
                    assertThat(d.rank(row)).isEqualTo(p + 1);
                    assertThat(d.relevance(row)).isBetween(0, 3);
                    if (p > 0) {
                        assertThat(d.score(row)).isLessThanOrEqualTo(d.score(row - 1));
                    }
                    b += d.group(row).equals("Group B") ? 1 : 0;
                }
                assertThat(b).isEqualTo(SyntheticSearchRanking.groupBSize(m)).isBetween(1, m - 1);
            }
            // Ranking by the positions or by the scores gives the same exposure.
            Ranking byPosition = d.toRanking("q1");
            String[] levels = new String[m];
            double[] scores = new double[m];
            for (int p = 0; p < m; p++) {
                levels[p] = d.group(p);
                scores[p] = d.score(p);
            }
            Ranking byScore = Ranking.builder().sensitive("group", levels).scores(scores).build();
            assertThat(RankingFairness.of(byScore).evaluate().exposure().overall())
                    .isEqualTo(RankingFairness.of(byPosition).evaluate().exposure().overall());
        });
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String a = csv(SyntheticSearchRanking.builder().queries(100).seed(5).build());
        assertThat(csv(SyntheticSearchRanking.builder().queries(100).seed(5).build())).isEqualTo(a);
        assertThat(csv(SyntheticSearchRanking.builder().queries(100).seed(6).build())).isNotEqualTo(a);
    }

    private static String csv(SyntheticSearchRanking d) throws IOException {
        StringBuilder b = new StringBuilder();
        d.writeCsv(b);
        return b.toString();
    }

    @Test
    void theCsvReadsBackToTheSameRows(@TempDir Path tmp) throws IOException {
        SyntheticSearchRanking d = SyntheticSearchRanking.builder().queries(50).itemsPerQuery(7).seed(3).build();
        Path file = tmp.resolve("search.csv");
        d.writeCsv(file);
        List<String[]> lines = Normal.csv(Files.readString(file));
        assertThat(lines.get(0)).containsExactly("query_id", "item_id", "group", "relevance", "score", "rank");
        assertThat(lines).hasSize(d.rows() + 1);
        for (int i = 0; i < d.rows(); i++) {
            String[] f = lines.get(i + 1);
            assertThat(f[0]).isEqualTo(d.query(i));
            assertThat(f[1]).isEqualTo(d.item(i));
            assertThat(f[2]).isEqualTo(d.group(i));
            assertThat(Integer.parseInt(f[3])).isEqualTo(d.relevance(i));
            assertThat(Double.parseDouble(f[4])).isEqualTo(d.score(i));
            assertThat(f[4]).doesNotContain("E");
            assertThat(Integer.parseInt(f[5])).isEqualTo(d.rank(i));
        }
        assertThat(lines.stream().skip(1).map(f -> f[1]).distinct().count()).isEqualTo(d.rows());
        assertThat(Files.readString(file)).isEqualTo(csv(d));
    }

    @Test
    void queriesAreNamedAndUnknownOnesRefused() {
        SyntheticSearchRanking d = SyntheticSearchRanking.builder().queries(3).itemsPerQuery(4).build();
        assertThat(d.queryIds()).containsExactly("q1", "q2", "q3");
        assertThat(d.toRanking("q3").items()).isEqualTo(4);
        for (String bad : new String[] {"q0", "q4", "q01", "x1", "q"}) {
            assertThatThrownBy(() -> d.toRanking(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queryId must be a query id q1 to q3, got " + bad);
        }
        assertThat(d.toString()).isEqualTo("SyntheticSearchRanking[3 queries of 4 items, seed 42, strength 1.0]");
        assertThat(d.seed()).isEqualTo(42);
        assertThat(d.strength()).isEqualTo(1.0);
    }

    @Test
    void theBuilderNamesBadSettingsAndRefusesRepeats() {
        assertThatThrownBy(() -> SyntheticSearchRanking.builder().itemsPerQuery(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("itemsPerQuery must be >= 2, got 1");
        assertThatThrownBy(() -> SyntheticSearchRanking.builder().queries(0))
                .hasMessage("queries must be >= 1, got 0");
        assertThatThrownBy(() -> SyntheticSearchRanking.builder().strength(101))
                .hasMessage("strength must be a finite number in [0, 100.0], got 101.0");
        assertThatThrownBy(() -> SyntheticSearchRanking.builder().queries(2).queries(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("queries is already set; each setting is set once");
        assertThatThrownBy(() -> SyntheticSearchRanking.builder().queries(100_000).itemsPerQuery(100_000).build())
                .hasMessage("queries × itemsPerQuery must be at most 2147483647, got 10000000000");
    }
}
