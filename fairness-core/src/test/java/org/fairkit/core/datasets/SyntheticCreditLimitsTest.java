package org.fairkit.core.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.regression.RegressionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injected disparity of {@link SyntheticCreditLimits} against its analytic size. Errors are N(0, 1) for Male and
 * N(-μ, σ²) for Female (μ = 1.5 s, σ = 1 + 0.5 s). Tolerances are five standard errors of the group mean at the
 * group's size: sd(|e|) = √(E e² - MAE²), sd(e²) = √(2σ⁴ + 4μ²σ²).
 */
class SyntheticCreditLimitsTest {
    private static final GroupKey FEMALE = GroupKey.of("sex", "Female");
    private static final GroupKey MALE = GroupKey.of("sex", "Male");

    /** The folded-normal mean E|e| of e ~ N(-μ, σ²). */
    static double mae(double mu, double sigma) {
        return sigma * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * sigma * sigma))
                + mu * (1 - 2 * Normal.cdf(-mu / sigma));
    }

    private static RegressionReport bySex(SyntheticCreditLimits d) {
        return RegressionFairness.of(d.toRegressionData()).groupBy("sex").evaluate();
    }

    private static long count(SyntheticCreditLimits d, String sex) {
        long n = 0;
        for (int i = 0; i < d.rows(); i++) {
            n += d.sex(i).equals(sex) ? 1 : 0;
        }
        return n;
    }

    @Test
    void theStatedFormulasGiveTheStatedNumbers() {
        assertThat(mae(0, 1)).isCloseTo(0.7979, within(1e-4));
        assertThat(mae(1.5, 1.5)).isCloseTo(1.7499, within(1e-4));
        assertThat(mae(1.5, 1.5) - mae(0, 1)).isCloseTo(0.952, within(1e-3));
        assertThat(mae(0, 1) / mae(1.5, 1.5)).isCloseTo(0.456, within(1e-3));
    }

    @Test
    void theDefaultDataSetShowsTheInjectedDisparityWithItsAnalyticSize() {
        SyntheticCreditLimits d = SyntheticCreditLimits.builder().build();
        assertThat(d.rows()).isEqualTo(50_000);
        RegressionReport r = bySex(d);
        long nF = count(d, "Female");
        long nM = d.rows() - nF;
        double seFemale = Math.sqrt(4.5 - Math.pow(mae(1.5, 1.5), 2)) / Math.sqrt(nF);   // ≈ 0.0077
        double seMale = Math.sqrt(1 - Math.pow(mae(0, 1), 2)) / Math.sqrt(nM);           // ≈ 0.0037
        assertThat(r.value(RegressionMetrics.MEAN_ABSOLUTE_ERROR, FEMALE).value())
                .isCloseTo(mae(1.5, 1.5), within(5 * seFemale));
        assertThat(r.value(RegressionMetrics.MEAN_ABSOLUTE_ERROR, MALE).value()).isCloseTo(mae(0, 1),
                within(5 * seMale));
        Disparity gap = r.fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE);
        assertThat(gap.asDouble()).isCloseTo(0.952, within(5 * (seFemale + seMale)));
        Disparity worst = r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE);
        assertThat(worst.groups()).containsExactly(FEMALE);
        assertThat(worst.asDouble()).isCloseTo(1.7499, within(5 * seFemale));
        Disparity squared = r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_SQUARED);
        assertThat(squared.groups()).containsExactly(FEMALE);
        double seSquared = Math.sqrt(2 * Math.pow(1.5, 4) + 4 * 2.25 * 2.25) / Math.sqrt(nF);   // ≈ 0.036
        assertThat(squared.asDouble()).isCloseTo(4.5, within(5 * seSquared));
        assertThat(r.value(RegressionMetrics.MEAN_ERROR, FEMALE).value()).isCloseTo(-1.5, within(5 * 1.5
                / Math.sqrt(nF)));
        assertThat(r.fairness(RegressionFairnessMetric.MAE_PARITY_RATIO).asDouble()).isLessThan(0.5);
    }

    @Test
    void ageBandIsAControlWithoutDisparity() {
        RegressionReport r = RegressionFairness.of(SyntheticCreditLimits.builder().build().toRegressionData())
                .groupBy("age_band").evaluate();
        // Each band mixes the sexes alike: MAE ≈ 0.48·1.75 + 0.52·0.80 ≈ 1.26, sd(|e|) ≈ 1.0, n ≥ 12,000 per band.
        assertThat(r.fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE).asDouble()).isLessThan(0.05);
    }

    @Test
    void theFemaleErrorFollowsTheFormulaAtEveryStrength() {
        qt().withExamples(8).forAll(doubles().between(0, 3), longs().all()).checkAssert((s, seed) -> {
            SyntheticCreditLimits d = SyntheticCreditLimits.builder().rows(20_000).seed(seed).strength(s).build();
            double mu = 1.5 * s;
            double sigma = 1 + 0.5 * s;
            long nF = count(d, "Female");
            double se = Math.sqrt(mu * mu + sigma * sigma - Math.pow(mae(mu, sigma), 2)) / Math.sqrt(nF);
            assertThat(bySex(d).value(RegressionMetrics.MEAN_ABSOLUTE_ERROR, FEMALE).value())
                    .isCloseTo(mae(mu, sigma), within(5 * se + 0.005));   // + the rounding to 0.01
        });
    }

    @Test
    void strengthZeroGivesParityWithinSamplingNoise() {
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            SyntheticCreditLimits d = SyntheticCreditLimits.builder().rows(20_000).seed(seed).strength(0).build();
            // Both sexes' MAE ≈ 0.798 with sd 0.603 over ≈ 10,000 rows: the gap's standard error is ≈ 0.0085.
            assertThat(bySex(d).fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE).asDouble())
                    .isLessThan(0.045);
        });
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String a = csv(SyntheticCreditLimits.builder().rows(2_000).seed(5).build());
        assertThat(csv(SyntheticCreditLimits.builder().rows(2_000).seed(5).build())).isEqualTo(a);
        assertThat(csv(SyntheticCreditLimits.builder().rows(2_000).seed(6).build())).isNotEqualTo(a);
        assertThat(SyntheticCreditLimits.generate(2_000, 5).toRegressionData().fingerprint())
                .isEqualTo(SyntheticCreditLimits.builder().rows(2_000).seed(5).build().toRegressionData().fingerprint());
    }

    private static String csv(SyntheticCreditLimits d) throws IOException {
        StringBuilder b = new StringBuilder();
        d.writeCsv(b);
        return b.toString();
    }

    @Test
    void theCsvReadsBackToTheSameRows(@TempDir Path tmp) throws IOException {
        SyntheticCreditLimits d = SyntheticCreditLimits.builder().rows(3_000).seed(11).build();
        Path file = tmp.resolve("limits.csv");
        d.writeCsv(file);
        List<String[]> lines = Normal.csv(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(lines.get(0)).containsExactly("id", "sex", "age_band", "y", "y_hat");
        assertThat(lines).hasSize(d.rows() + 1);
        double[] y = new double[d.rows()];
        double[] yHat = new double[d.rows()];
        String[] sex = new String[d.rows()];
        String[] age = new String[d.rows()];
        for (int i = 0; i < d.rows(); i++) {
            String[] f = lines.get(i + 1);
            assertThat(f[0]).isEqualTo("C" + (i + 1));
            sex[i] = f[1];
            age[i] = f[2];
            y[i] = Double.parseDouble(f[3]);
            yHat[i] = Double.parseDouble(f[4]);
            assertThat(f[3]).doesNotContain("E").matches("-?\\d+\\.\\d{1,2}");
        }
        RegressionData read = RegressionData.builder().targets(y).predictions(yHat).sensitive("sex", sex)
                .sensitive("age_band", age).build();
        assertThat(read.fingerprint()).isEqualTo(d.toRegressionData().fingerprint());
        assertThat(Files.readString(file)).isEqualTo(csv(d));
    }

    @Test
    void theFirstLinesArePinned() throws IOException {
        String[] lines = csv(SyntheticCreditLimits.builder().rows(3).seed(42).build()).split("\n");
        assertThat(lines[0]).isEqualTo("id,sex,age_band,y,y_hat");
        assertThat(lines).hasSize(4);
        assertThat(SyntheticCreditLimits.builder().rows(3).build().toString())
                .isEqualTo("SyntheticCreditLimits[3 rows, seed 42, strength 1.0]");
        SyntheticCreditLimits d = SyntheticCreditLimits.builder().rows(3).seed(8).strength(0.5).build();
        assertThat(d.seed()).isEqualTo(8);
        assertThat(d.strength()).isEqualTo(0.5);
        assertThat(d.toRegressionData().rows()).isEqualTo(3);
    }

    @Test
    void theBuilderNamesBadSettingsAndRefusesRepeats() {
        assertThatThrownBy(() -> SyntheticCreditLimits.builder().rows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be >= 1, got 0");
        assertThatThrownBy(() -> SyntheticCreditLimits.builder().strength(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strength must be a finite number in [0, 100.0], got -0.5");
        assertThatThrownBy(() -> SyntheticCreditLimits.builder().strength(Double.NaN))
                .hasMessage("strength must be a finite number in [0, 100.0], got NaN");
        assertThatThrownBy(() -> SyntheticCreditLimits.builder().seed(1).seed(2))
                .isInstanceOf(IllegalStateException.class).hasMessage("seed is already set; each setting is set once");
    }
}
