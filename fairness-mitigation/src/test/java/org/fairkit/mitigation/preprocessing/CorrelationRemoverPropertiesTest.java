package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link CorrelationRemover} on random tables ({@link FeatureCases}: one to four groups, single-row
 * groups, tied and continuous features, a 0/1 or continuous numeric sensitive column). With per-column centring at
 * alpha 1 the output has zero sample covariance with every sensitive column (to 1e-9 of the product of the norms,
 * rounding of sums over at most 64 rows) and keeps each feature's mean; alpha 0 is exactly the identity; row order
 * and group names change the output by rounding only (1e-9 of the feature's scale).
 */
class CorrelationRemoverPropertiesTest {
    private static final int EXAMPLES = 300;
    private static final double TOL = 1e-9;

    @Test
    void decorrelatedFeaturesHaveZeroSampleCovarianceWithANumericSensitiveColumnAtAlphaOne() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            FeatureTable out = CorrelationRemover.perColumnMean().sensitiveColumns("s").fit(c.table())
                    .transform(c.table());
            double[] s = c.table().column("s");
            for (String f : c.features()) {
                assertThat(covariance(out.column(f), s)).as(f)
                        .isCloseTo(0, within(TOL * norm(c.table().column(f)) * norm(s)));
                assertThat(mean(out.column(f))).isCloseTo(mean(c.table().column(f)),
                        within(TOL * (1 + norm(c.table().column(f)))));
            }
        });
    }

    @Test
    void decorrelatedFeaturesHaveZeroSampleCovarianceWithEveryGroupIndicatorAtAlphaOne() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            FeatureTable out = CorrelationRemover.perColumnMean().groupBy("group").fit(c.table())
                    .transform(c.table());
            for (String level : c.table().sensitive("group").levels()) {
                double[] s = AdultFeatures.indicator(c.groups(), level);
                for (String f : c.features()) {
                    assertThat(covariance(out.column(f), s)).as("%s, %s", f, level)
                            .isCloseTo(0, within(TOL * norm(c.table().column(f)) * norm(s)));
                }
            }
        });
    }

    @Test
    void groupingEqualsTheSameIndicatorsGivenAsNumericColumnsInBothCentrings() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            List<String> levels = c.table().sensitive("group").levels();
            FeatureTable.Builder b = FeatureTable.builder();
            for (String f : c.features()) {
                b.numeric(f, c.table().column(f));
            }
            String[] names = new String[levels.size() - 1];
            for (int k = 1; k < levels.size(); k++) {
                names[k - 1] = "is_" + levels.get(k);
                b.numeric(names[k - 1], AdultFeatures.indicator(c.groups(), levels.get(k)));
            }
            FeatureTable numeric = b.sensitive("group", c.groups()).build();
            for (boolean scalar : new boolean[] {false, true}) {
                CorrelationRemover grouped = (scalar ? CorrelationRemover.fairlearnScalarMean()
                        : CorrelationRemover.perColumnMean()).alpha(0.7).groupBy("group");
                FeatureTable a = grouped.fit(c.table()).transform(c.table());
                if (names.length == 0) {
                    // one group: nothing to remove; alpha z + (1 - alpha) z is z up to rounding
                    for (String f : c.features()) {
                        close(a.column(f), c.table().column(f), c.table().column(f));
                    }
                    continue;
                }
                CorrelationRemover columns = (scalar ? CorrelationRemover.fairlearnScalarMean()
                        : CorrelationRemover.perColumnMean()).alpha(0.7).sensitiveColumns(names);
                FeatureTable e = columns.fit(numeric).transform(numeric);
                assertThat(grouped.fit(c.table()).means()).containsExactly(columns.fit(numeric).means(),
                        within(1e-15));
                for (String f : c.features()) {
                    close(a.column(f), e.column(f), c.table().column(f));
                }
            }
        });
    }

    @Test
    void alphaZeroIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            for (CorrelationRemover r : new CorrelationRemover[] {CorrelationRemover.perColumnMean(),
                CorrelationRemover.fairlearnScalarMean()}) {
                assertThat(r.alpha(0).sensitiveColumns("s").fit(c.table()).transform(c.table()))
                        .isEqualTo(c.table());
                assertThat(r.alpha(0).groupBy("group").fit(c.table()).transform(c.table())).isEqualTo(c.table());
            }
        });
    }

    @Test
    void rowOrderChangesOnlyRounding() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            int[] perm = c.permutation();
            FeatureTable shuffled = c.permuted(perm);
            for (double alpha : new double[] {1.0, 0.3}) {
                FeatureTable a = CorrelationRemover.perColumnMean().alpha(alpha).groupBy("group").fit(c.table())
                        .transform(c.table());
                FeatureTable b = CorrelationRemover.perColumnMean().alpha(alpha).groupBy("group").fit(shuffled)
                        .transform(shuffled);
                for (String f : c.features()) {
                    close(b.column(f), FeatureCases.permute(a.column(f), perm), c.table().column(f));
                }
            }
        });
    }

    @Test
    void groupRelabelingChangesOnlyRounding() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            // reverses the order of the groups, so another group is left out of the indicators
            FeatureTable renamed = c.relabeled(s -> "z" + (9 - (s.charAt(1) - '0')));
            FeatureTable a = CorrelationRemover.perColumnMean().fit(c.table()).transform(c.table());
            FeatureTable b = CorrelationRemover.perColumnMean().fit(renamed).transform(renamed);
            for (String f : c.features()) {
                close(b.column(f), a.column(f), c.table().column(f));
            }
        });
    }

    private static void close(double[] actual, double[] expected, double[] input) {
        double scale = 1 + norm(input);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(TOL * scale));
        }
    }

    private static double mean(double[] x) {
        return CorrelationRemoverGoldenTest.mean(x);
    }

    private static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
