package org.fairkit.stats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The binomial sampler draws from the binomial distribution: a chi-squared goodness-of-fit test against
 * Commons Statistics' exact pmf, in both regimes (inversion for n·p &lt; 10, BTRD above) and for p &gt; 1/2.
 */
class BinomialSamplerTest {

    /**
     * 200,000 seeded draws; cells pooled until the expected count is at least 20. The p-value threshold 1e-4
     * fails a sampler whose distribution is off by a few percent in any region holding 1% of the mass.
     */
    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({"20, 0.3", "9, 0.5", "1000, 0.005", "1000, 0.3", "60, 0.2", "100000, 0.02", "5000, 0.5",
        "70, 0.93", "2000, 0.999", "40, 0.25"})
    void drawsFollowTheBinomialPmf(long n, double p) {
        int draws = 200_000;
        BinomialDistribution dist = BinomialDistribution.of((int) n, p);
        UniformRandomProvider rng = Streams.generator(12345, n);
        int lo = dist.inverseCumulativeProbability(1e-9);
        int hi = dist.inverseCumulativeProbability(1 - 1e-9);
        long[] observed = new long[hi - lo + 1];
        long outside = 0;
        for (int i = 0; i < draws; i++) {
            long k = BinomialSampler.sample(rng, n, p);
            assertThat(k).isBetween(0L, n);
            if (k < lo || k > hi) {
                outside++;
            } else {
                observed[(int) (k - lo)]++;
            }
        }
        // pool adjacent cells to expected >= 20
        List<double[]> bins = new ArrayList<>();
        double e = 0;
        double o = 0;
        for (int k = lo; k <= hi; k++) {
            e += draws * dist.probability(k);
            o += observed[k - lo];
            if (e >= 20) {
                bins.add(new double[] {o, e});
                e = 0;
                o = 0;
            }
        }
        double tail = draws * (dist.cumulativeProbability(lo - 1) + dist.survivalProbability(hi));
        e += tail;
        o += outside;
        if (!bins.isEmpty()) {
            double[] last = bins.get(bins.size() - 1);
            last[0] += o;
            last[1] += e;
        }
        double chi2 = 0;
        for (double[] b : bins) {
            chi2 += (b[0] - b[1]) * (b[0] - b[1]) / b[1];
        }
        int df = bins.size() - 1;
        double pValue = df < 1 ? 1 : ChiSquaredDistribution.of(df).survivalProbability(chi2);
        assertThat(pValue).as("chi2 = %s on %s df for Binomial(%s, %s)", chi2, df, n, p).isGreaterThan(1e-4);
    }

    @Test
    void hugeTrialCountsHaveTheBinomialMeanAndVariance() {
        long n = 1_000_000_000L;
        double p = 0.37;
        UniformRandomProvider rng = Streams.generator(7, 0);
        int m = 100_000;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < m; i++) {
            double k = BinomialSampler.sample(rng, n, p);
            s += k;
            s2 += k * k;
        }
        double mean = s / m;
        double var = s2 / m - mean * mean;
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat(Math.abs(mean - n * p)).isLessThan(5 * sd / Math.sqrt(m));
        // the sample variance has relative sd about sqrt(2/m) = 0.0045
        assertThat(var / (n * p * (1 - p))).isBetween(0.98, 1.02);
    }

    @Test
    void multinomialCellsHaveTheirMeansAndTotal() {
        double[] probs = {5, 0, 30, 65};
        long[] out = new long[4];
        UniformRandomProvider rng = Streams.generator(3, 0);
        double[] sum = new double[4];
        int m = 50_000;
        for (int i = 0; i < m; i++) {
            BinomialSampler.multinomial(rng, 500, probs, out);
            assertThat(out[0] + out[1] + out[2] + out[3]).isEqualTo(500);
            assertThat(out[1]).isZero();
            for (int k = 0; k < 4; k++) {
                sum[k] += out[k];
            }
        }
        for (int k = 0; k < 4; k++) {
            double mean = 500 * probs[k] / 100;
            double sd = Math.sqrt(500 * probs[k] / 100 * (1 - probs[k] / 100));
            assertThat(Math.abs(sum[k] / m - mean)).as("cell %s", k).isLessThanOrEqualTo(5 * sd / Math.sqrt(m));
        }
    }

    @Test
    void rejectsBadArguments() {
        UniformRandomProvider rng = Streams.generator(1, 1);
        assertThatThrownBy(() -> BinomialSampler.sample(rng, -1, 0.5)).hasMessageContaining("n must be >= 0");
        assertThatThrownBy(() -> BinomialSampler.sample(rng, 3, 1.5)).hasMessageContaining("p must be in [0, 1]");
        assertThat(BinomialSampler.sample(rng, 10, 0)).isZero();
        assertThat(BinomialSampler.sample(rng, 10, 1)).isEqualTo(10);
    }
}
