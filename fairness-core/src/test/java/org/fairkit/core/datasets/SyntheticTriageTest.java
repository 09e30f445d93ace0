package org.fairkit.core.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.multiclass.MulticlassReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injected recall drop of {@link SyntheticTriage} against its exact size: class {@code high}'s recall is
 * 0.80 - 0.25 s for Female and 0.80 for Male. Tolerances are five binomial standard errors √(p(1-p)/n) at the number
 * of true-{@code high} rows of each sex.
 */
class SyntheticTriageTest {
    private static final GroupKey FEMALE = GroupKey.of("sex", "Female");
    private static final GroupKey MALE = GroupKey.of("sex", "Male");

    private static MulticlassReport bySex(SyntheticTriage d) {
        return MulticlassFairness.of(d.toMulticlassData()).groupBy("sex").reference("Male").evaluate();
    }

    private static long count(SyntheticTriage d, String sex, String label) {
        long n = 0;
        for (int i = 0; i < d.rows(); i++) {
            n += d.sex(i).equals(sex) && d.label(i).equals(label) ? 1 : 0;
        }
        return n;
    }

    private static double se(double p, long n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void theDefaultDataSetShowsTheInjectedRecallDropWithItsExactSize() {
        SyntheticTriage d = SyntheticTriage.builder().build();
        assertThat(d.rows()).isEqualTo(50_000);
        MulticlassReport r = bySex(d);
        assertThat(r.classes()).containsExactly("high", "low", "medium");
        FairnessReport high = r.forClass("high");
        double seF = se(0.55, count(d, "Female", "high"));   // ≈ 0.0072 over ≈ 4,800 rows
        double seM = se(0.80, count(d, "Male", "high"));     // ≈ 0.0055 over ≈ 5,200 rows
        assertThat(high.value(Metrics.TRUE_POSITIVE_RATE, FEMALE).value()).isCloseTo(0.55, within(5 * seF));
        assertThat(high.value(Metrics.TRUE_POSITIVE_RATE, MALE).value()).isCloseTo(0.80, within(5 * seM));
        assertThat(high.fairness(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).asDouble())
                .isCloseTo(0.25, within(5 * (seF + seM)));
        assertThat(high.fairness(FairnessMetric.EQUAL_OPPORTUNITY_RATIO).asDouble())
                .isCloseTo(0.6875, within(0.05)).isLessThan(0.8);
        assertThat(r.macro(Metrics.TRUE_POSITIVE_RATE).difference().asDouble())
                .isCloseTo(0.25 / 3, within(5 * (seF + seM) / 3 + 0.01));
        // The other classes keep their recall: low 0.85, medium 0.75 in both sexes (n ≥ 7,000 per cell).
        assertThat(r.forClass("low").difference(Metrics.TRUE_POSITIVE_RATE).asDouble()).isLessThan(0.03);
        assertThat(r.forClass("medium").difference(Metrics.TRUE_POSITIVE_RATE).asDouble()).isLessThan(0.03);
    }

    @Test
    void ageBandIsAControlWithoutDisparity() {
        MulticlassReport r = MulticlassFairness.of(SyntheticTriage.builder().build().toMulticlassData())
                .groupBy("age_band").evaluate();
        // Recall of high ≈ 0.48·0.55 + 0.52·0.80 ≈ 0.68 in every band; ≥ 2,500 true-high rows per band: se ≤ 0.0094.
        assertThat(r.forClass("high").difference(Metrics.TRUE_POSITIVE_RATE).asDouble()).isLessThan(0.06);
    }

    @Test
    void theFemaleRecallFollowsTheFormulaAtEveryStrength() {
        qt().withExamples(8).forAll(doubles().between(0, 3.2), longs().all()).checkAssert((s, seed) -> {
            SyntheticTriage d = SyntheticTriage.builder().rows(20_000).seed(seed).strength(s).build();
            double p = 0.80 - 0.25 * s;
            double tol = 5 * se(p, count(d, "Female", "high")) + 1e-12;
            assertThat(bySex(d).forClass("high").value(Metrics.TRUE_POSITIVE_RATE, FEMALE).value())
                    .isCloseTo(p, within(tol));
        });
    }

    @Test
    void strengthZeroGivesParityWithinSamplingNoise() {
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            SyntheticTriage d = SyntheticTriage.builder().rows(20_000).seed(seed).strength(0).build();
            // ≈ 1,900 and 2,100 true-high rows: the recall gap's standard error is ≈ 0.0127.
            assertThat(bySex(d).forClass("high").fairness(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).asDouble())
                    .isLessThan(0.065);
        });
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        String a = csv(SyntheticTriage.builder().rows(2_000).seed(5).build());
        assertThat(csv(SyntheticTriage.generate(2_000, 5))).isEqualTo(a);
        assertThat(csv(SyntheticTriage.builder().rows(2_000).seed(6).build())).isNotEqualTo(a);
    }

    private static String csv(SyntheticTriage d) throws IOException {
        StringBuilder b = new StringBuilder();
        d.writeCsv(b);
        return b.toString();
    }

    @Test
    void theCsvReadsBackToTheSameRows(@TempDir Path tmp) throws IOException {
        SyntheticTriage d = SyntheticTriage.builder().rows(3_000).seed(11).build();
        Path file = tmp.resolve("triage.csv");
        d.writeCsv(file);
        List<String[]> lines = Normal.csv(Files.readString(file));
        assertThat(lines.get(0)).containsExactly("id", "sex", "age_band", "y_true", "y_pred");
        assertThat(lines).hasSize(d.rows() + 1);
        String[] y = new String[d.rows()];
        String[] p = new String[d.rows()];
        String[] sex = new String[d.rows()];
        String[] age = new String[d.rows()];
        for (int i = 0; i < d.rows(); i++) {
            String[] f = lines.get(i + 1);
            assertThat(f[0]).isEqualTo("T" + (i + 1));
            sex[i] = f[1];
            age[i] = f[2];
            y[i] = f[3];
            p[i] = f[4];
        }
        MulticlassData read = MulticlassData.builder().labels(y).predictions(p).sensitive("sex", sex)
                .sensitive("age_band", age).build();
        MulticlassData original = d.toMulticlassData();
        for (int i = 0; i < d.rows(); i++) {
            assertThat(read.label(i)).isEqualTo(original.label(i));
            assertThat(read.prediction(i)).isEqualTo(original.prediction(i));
        }
        assertThat(MulticlassFairness.of(read).groupBy("sex").evaluate().toString().replaceAll("evaluated at .*", ""))
                .isEqualTo(MulticlassFairness.of(original).groupBy("sex").evaluate().toString()
                        .replaceAll("evaluated at .*", ""));
    }

    @Test
    void theBuilderNamesBadSettingsAndRefusesRepeats() {
        assertThatThrownBy(() -> SyntheticTriage.builder().strength(3.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strength must be a finite number in [0, 3.2], got 3.3");
        assertThatThrownBy(() -> SyntheticTriage.builder().rows(-1)).hasMessage("rows must be >= 1, got -1");
        assertThatThrownBy(() -> SyntheticTriage.builder().rows(1).rows(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("rows is already set; each setting is set once");
        assertThat(SyntheticTriage.builder().rows(10).strength(0).build().toString())
                .isEqualTo("SyntheticTriage[10 rows, seed 42, strength 0.0]");
        assertThat(SyntheticTriage.builder().rows(10).seed(3).strength(2).build())
                .satisfies(t -> assertThat(t.seed()).isEqualTo(3)).satisfies(t -> assertThat(t.strength()).isEqualTo(2));
        // At the largest strength no Female high-urgency case is predicted high.
        SyntheticTriage worst = SyntheticTriage.builder().rows(5_000).strength(3.2).build();
        for (int i = 0; i < worst.rows(); i++) {
            if (worst.sex(i).equals("Female") && worst.label(i).equals("high")) {
                assertThat(worst.prediction(i)).isNotEqualTo("high");
            }
        }
    }
}
