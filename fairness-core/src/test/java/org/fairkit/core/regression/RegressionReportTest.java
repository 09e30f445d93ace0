package org.fairkit.core.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fairkit.core.Provenance;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Test;

/**
 * Regression reports on a hand-checked fixture. Group a is scikit-learn's documented example
 * ({@code y_true = [3, -0.5, 2, 7]}, {@code y_pred = [2.5, 0.0, 2, 8]}): {@code mean_absolute_error} 0.5,
 * {@code mean_squared_error} 0.375, {@code r2_score} 0.9486081370449679 (scikit-learn 1.2 docstrings). Group b
 * (targets 1, 1; predictions 2, 0) has MAE 1, MSE 1, mean error 0 and constant targets (R² undefined); group c is
 * one exact prediction, below minGroupSize 2.
 */
class RegressionReportTest {
    private static final GroupKey A = GroupKey.of("g", "a");
    private static final GroupKey B = GroupKey.of("g", "b");

    private static RegressionData fixture() {
        return RegressionData.builder().targets(new double[] {3, -0.5, 2, 7, 1, 1, 4})
                .predictions(new double[] {2.5, 0.0, 2, 8, 2, 0, 4})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "c"}).build();
    }

    private static RegressionReport report() {
        return RegressionFairness.of(fixture()).minGroupSize(2).reference("a")
                .clock(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)).evaluate();
    }

    @Test
    void groupValuesEqualScikitLearnsDocumentedExample() {
        RegressionReport r = RegressionFairness.of(fixture())
                .metrics(RegressionMetrics.values()).evaluate();
        assertThat(r.value(RegressionMetrics.MEAN_ABSOLUTE_ERROR, A).value()).isEqualTo(0.5);
        assertThat(r.value(RegressionMetrics.MEAN_SQUARED_ERROR, A).value()).isEqualTo(0.375);
        assertThat(r.value(RegressionMetrics.ROOT_MEAN_SQUARED_ERROR, A).value()).isEqualTo(Math.sqrt(0.375));
        assertThat(r.value(RegressionMetrics.R2_SCORE, A).value()).isCloseTo(0.9486081370449679, within(1e-15));
        assertThat(r.value(RegressionMetrics.MEAN_ERROR, A).value()).isEqualTo(0.25);
        assertThat(r.value(RegressionMetrics.MEAN_TARGET, A).value()).isEqualTo(2.875);
        assertThat(r.value(RegressionMetrics.R2_SCORE, B).reason())
                .hasValue("the targets do not vary (sum of squared deviations is 0)");
    }

    @Test
    void boundedGroupLossIsTheWorstEligibleGroupsLossAndMaeParityItsSpread() {
        RegressionReport r = report();
        assertThat(r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE).asDouble()).isEqualTo(1.0);
        assertThat(r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE).groups()).containsExactly(B);
        assertThat(r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_SQUARED).asDouble()).isEqualTo(1.0);
        assertThat(r.fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE).asDouble()).isEqualTo(0.5);
        assertThat(r.fairness(RegressionFairnessMetric.MAE_PARITY_RATIO).asDouble()).isEqualTo(0.5);
        assertThat(r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE).excluded())
                .extracting(e -> e.toString()).containsExactly("c: n = 1 is below minGroupSize 2");
        assertThat(r.toReference(RegressionMetrics.MEAN_ABSOLUTE_ERROR)).hasSize(2).first()
                .satisfies(c -> assertThat(c.difference().value()).isEqualTo(0.5));
    }

    @Test
    void toStringPrintsTheGroupTableDisparitiesFairnessMetricsAndWarnings() {
        assertThat(report().toString()).isEqualTo(""
                + "FairKit regression report: 3 groups by g, 7 rows, unweighted\n"
                + "reference: a; minGroupSize: 2; zero division: UNDEFINED\n"
                + "\n"
                + "group    n  mean_prediction  mean_error  mean_absolute_error  root_mean_squared_error   r2_score\n"
                + "a        4           3.1250      0.2500               0.5000                   0.6124     0.9486\n"
                + "b        2           1.0000      0.0000               1.0000                   1.0000  undefined\n"
                + "c *      1           4.0000      0.0000               0.0000                   0.0000  undefined\n"
                + "overall  7           2.6429      0.1429               0.5714                   0.7071     0.9041\n"
                + "* below minGroupSize 2: reported, left out of disparities\n"
                + "\n"
                + "disparity              mean_prediction  mean_error  mean_absolute_error  root_mean_squared_error   r2_score\n"
                + "difference                      2.1250      0.2500               0.5000                   0.3876  undefined\n"
                + "ratio                           0.3200      0.0000               0.5000                   0.6124  undefined\n"
                + "difference_to_overall           1.6429      0.1429               0.4286                   0.2929     0.0445\n"
                + "ratio_to_overall                0.3784      0.0000               0.5714                   0.7071     0.9531\n"
                + "\n"
                + "fairness metric               value  groups\n"
                + "bounded_group_loss_absolute  1.0000  b\n"
                + "bounded_group_loss_squared   1.0000  b\n"
                + "mae_parity_difference        0.5000  b vs a\n"
                + "mae_parity_ratio             0.5000  a vs b\n"
                + "mean_prediction_difference   2.1250  a vs b\n"
                + "mean_error_difference        0.2500  a vs b\n"
                + "\n"
                + "warnings: 3\n"
                + "- group g=c: n = 1 is below minGroupSize 2; reported, but left out of disparities\n"
                + "- r2_score of group g=b is undefined: the targets do not vary (sum of squared deviations is 0)\n"
                + "- r2_score of group g=c is undefined: the targets do not vary (sum of squared deviations is 0)\n"
                // the input fingerprint\'s first 16 hex digits: SHA-256 of the header naming the columns, then the rows
                // (label, prediction, score, weight, levels; see org.fairkit.core.internal.Fingerprint)
                + "fairkit " + Provenance.currentLibraryVersion() + ", input sha256 2f40d89331c8b543\n");
    }

    @Test
    void undefinedValuesFollowTheZeroDivisionPolicy() {
        RegressionReport zero = RegressionFairness.of(fixture()).metrics(RegressionMetrics.R2_SCORE)
                .zeroDivision(ZeroDivision.ZERO).evaluate();
        assertThat(zero.value(RegressionMetrics.R2_SCORE, B).value()).isEqualTo(0.0);
        assertThat(zero.warnings()).extracting(w -> w.message()).contains("r2_score of group g=b is undefined: the "
                + "targets do not vary (sum of squared deviations is 0); reported as 0 (ZeroDivision.ZERO)");
        assertThatThrownBy(() -> RegressionFairness.of(fixture()).metrics(RegressionMetrics.R2_SCORE)
                .zeroDivision(ZeroDivision.ERROR).evaluate())
                .hasMessage("r2_score of group g=b is undefined: the targets do not vary (sum of squared deviations "
                        + "is 0)");
    }

    @Test
    void badInputNamesTheColumnAndRow() {
        assertThatThrownBy(() -> RegressionData.builder().targets(new double[] {1, Double.NaN})
                .predictions(new double[] {1, 2}).sensitive("g", new String[] {"a", "b"}).build())
                .hasMessage("column 'targets', row 1: got NaN; expected a finite number");
        assertThatThrownBy(() -> RegressionData.builder().targets(new double[] {1, 2})
                .predictions(new double[] {1, Double.POSITIVE_INFINITY}).sensitive("g", new String[] {"a", "b"})
                .build()).hasMessage("column 'predictions', row 1: got Infinity; expected a finite number");
        assertThatThrownBy(() -> RegressionData.builder().targets(new double[] {1, 2}).predictions(new double[] {1})
                .sensitive("g", new String[] {"a", "b"}).build())
                .hasMessage("column 'predictions' has 1 rows; expected 2 (the length of 'targets')");
        assertThatThrownBy(() -> RegressionData.builder().targets(new double[] {1}).predictions(new double[] {1})
                .weights(new double[] {-1}).sensitive("g", new String[] {"a"}).build())
                .hasMessage("column 'weights', row 0: got -1.0; expected a finite weight >= 0");
        assertThatThrownBy(() -> RegressionFairness.of(fixture()).reference("zz").evaluate())
                .hasMessageStartingWith("reference group [zz] has no rows");
        assertThatThrownBy(() -> RegressionMetrics.byId("mape")).hasMessage("unknown regression metric id 'mape'; "
                + "valid ids: mean_prediction, mean_target, mean_error, mean_absolute_error, mean_squared_error, "
                + "root_mean_squared_error, r2_score");
        assertThat(RegressionFairnessMetric.byId("worst_group_mae"))
                .isSameAs(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE);
    }

    @Test
    void combiningTalliesOfDifferentGroupCountsFailsBeforeChangingAnything() {
        ErrorTally a = ErrorTally.create(2);
        a.accept(0, 1, 2, 1);
        assertThatThrownBy(() -> a.combine(ErrorTally.create(3)))
                .hasMessage("cannot combine tallies of 2 and 3 groups");
        assertThat(a.snapshot().group(0).rows()).isEqualTo(1);
    }

    @Test
    void aReportOfSumsComputedElsewhereEqualsTheFrontDoorsReport() {
        RegressionData d = fixture();
        RegressionReport direct = RegressionFairness.of(d).groupBy("g").reference("b").minGroupSize(2).evaluate();
        org.fairkit.core.EvaluationSpec spec = org.fairkit.core.EvaluationSpec.builder().groupBy("g").reference("b")
                .minGroupSize(2).build();
        RegressionReport fromSums = RegressionReport.of(d.grouping(java.util.List.of("g")),
                d.tally(java.util.List.of("g")), RegressionMetrics.defaults(),
                java.util.List.of(RegressionFairnessMetric.values()), spec, direct.provenance());
        assertThat(fromSums.toString()).isEqualTo(direct.toString());
        assertThat(fromSums.asTaskReport().disparityIds()).isEqualTo(direct.asTaskReport().disparityIds());
        assertThatThrownBy(() -> RegressionReport.of(d.grouping(java.util.List.of("g")),
                GroupErrorSums.of(java.util.List.of(ErrorSums.EMPTY)), RegressionMetrics.defaults(),
                java.util.List.of(), spec, direct.provenance())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the grouping has 3 groups but the error sums have 1");
    }
}
