package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.multiclass.MulticlassReport;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.regression.RegressionReport;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Test;

/** {@link TaskReport}: every task's report read in one shape, agreeing with the task's own report. */
class TaskReportTest {
    private static final GroupKey A = GroupKey.of("g", "a");
    private static final GroupKey B = GroupKey.of("g", "b");

    private static FairnessReport binary() {
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 0, 1})
                .predictions(new int[] {1, 0, 1, 1, 0, 1, 0, 1})
                .scores(new double[] {0.9, 0.2, 0.6, 0.6, 0.3, 0.8, 0.1, 0.7})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "b"}).build();
        return Fairness.of(d).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE).evaluate();
    }

    @Test
    void binaryReportKeepsEveryValueAndAggregateOfTheFairnessReport() {
        FairnessReport r = binary();
        TaskReport t = r.asTaskReport();
        assertThat(t.task()).isEqualTo(Task.BINARY);
        assertThat(t.groupBy()).containsExactly("g");
        assertThat(t.groups()).containsExactly(A, B);
        assertThat(t.sizes()).containsExactly(4L, 4L);
        assertThat(t.metricIds()).containsExactly("selection_rate", "true_positive_rate", "roc_auc", "brier_score");
        assertThat(t.values("selection_rate").orElseThrow().value(1)).isEqualTo(r.value(Metrics.SELECTION_RATE, B));
        assertThat(t.disparity("true_positive_rate.difference")).contains(r.difference(Metrics.TRUE_POSITIVE_RATE));
        assertThat(t.disparity("tpr.ratio_to_overall")).contains(r.ratioToOverall(Metrics.TRUE_POSITIVE_RATE));
        assertThat(t.disparity("roc_auc.difference")).contains(r.difference(ScoreMetrics.ROC_AUC));
        assertThat(t.disparity("auc.ratio")).contains(r.ratio(ScoreMetrics.ROC_AUC));
        assertThat(t.disparity("demographic_parity_ratio"))
                .contains(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO));
        assertThat(t.disparity("accuracy.difference")).isEmpty();
        assertThat(t.disparity("roc_auc.spread")).isEmpty();
        assertThat(t.disparityIds()).contains("demographic_parity_ratio", "brier_score.difference_to_overall");
        assertThat(t.provenance()).contains(r.provenance());
    }

    @Test
    void intervalsAreAttachedUnderTheIdsAndUnknownIdsAreRefusedByName() {
        TaskReport t = binary().asTaskReport();
        Interval i = new Interval(0.1, 0.4, 0.95, "test", 0, 0);
        Interval j = new Interval(0.5, 0.9, 0.95, "test", 0, 0);
        TaskReport w = t.withIntervals(Map.of("auc", Map.of(A, j)), Map.of("roc_auc.difference", i));
        assertThat(w.disparity("auc.difference").orElseThrow().interval()).contains(i);
        assertThat(w.groupInterval("roc_auc", A)).contains(j);
        assertThat(w.groupInterval("roc_auc", B)).isEmpty();
        assertThat(t.disparity("roc_auc.difference").orElseThrow().interval()).isEmpty();
        assertThatThrownBy(() -> t.withIntervals(Map.of(), Map.of("log_loss.difference", i)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'log_loss.difference'");
        assertThatThrownBy(() -> t.withIntervals(Map.of("roc_auc", Map.of(GroupKey.of("g", "z"), i)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g=z");
    }

    @Test
    void regressionReportGivesItsMetricsAndNamedFairnessMetrics() {
        RegressionData d = RegressionData.builder().targets(new double[] {3, -0.5, 2, 7, 1, 1, 4})
                .predictions(new double[] {2.5, 0.0, 2, 8, 2, 0, 4})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "c"}).build();
        RegressionReport r = RegressionFairness.of(d).metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR).evaluate();
        TaskReport t = r.asTaskReport();
        assertThat(t.task()).isEqualTo(Task.REGRESSION);
        assertThat(t.sizes()).containsExactly(4L, 2L, 1L);
        assertThat(t.disparity("mae.difference")).contains(r.difference(RegressionMetrics.MEAN_ABSOLUTE_ERROR));
        Disparity bgl = r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE);
        assertThat(t.disparity("bounded_group_loss_absolute")).contains(bgl);
        assertThat(t.namedDisparities()).hasSameSizeAs(r.fairnessMetrics().keySet());
        assertThat(t.toString()).contains("regression report by g", "mean_absolute_error", "bounded_group_loss");
    }

    @Test
    void multiclassReportGivesMacroAndPerClassValues() {
        MulticlassData d = MulticlassData.builder().labels(new int[] {0, 1, 2, 0, 1, 2, 0, 1})
                .predictions(new int[] {0, 2, 1, 0, 0, 1, 1, 1})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "b"}).build();
        MulticlassReport r = MulticlassFairness.of(d).metrics(Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).evaluate();
        TaskReport t = r.asTaskReport();
        String c = r.classes().get(0);
        assertThat(t.task()).isEqualTo(Task.MULTICLASS);
        assertThat(t.metricIds()).first().isEqualTo("macro_true_positive_rate");
        assertThat(t.disparity("macro_true_positive_rate.difference"))
                .contains(r.macro(Metrics.TRUE_POSITIVE_RATE).difference());
        GroupValues one = t.values("true_positive_rate@" + c).orElseThrow();
        assertThat(one.value(0)).isEqualTo(r.forClass(c).value(Metrics.TRUE_POSITIVE_RATE, A));
        assertThat(t.disparity("true_positive_rate@" + c + ".difference").orElseThrow().value())
                .isEqualTo(r.forClass(c).difference(Metrics.TRUE_POSITIVE_RATE).value());
        assertThat(t.disparity("equal_opportunity_difference@" + c).orElseThrow().value())
                .isEqualTo(r.forClass(c).fairness(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).value());
    }

    @Test
    void builderRefusesMismatchedGroupsAndDuplicates() {
        FairnessReport r = binary();
        GroupValues v = r.results().groupValues(Metrics.SELECTION_RATE);
        assertThatThrownBy(() -> TaskReport.builder(Task.BINARY, List.of("g"), List.of(A), List.of(4L)).metric(v))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selection_rate");
        assertThatThrownBy(() -> TaskReport.builder(Task.BINARY, List.of("g"), List.of(A, B), List.of(4L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one size per group");
        assertThatThrownBy(() -> TaskReport.builder(Task.BINARY, List.of("g"), List.of(A, B), List.of(4L, 4L))
                .metric(v).metric(v)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThat(Task.byId(" Regression ")).isEqualTo(Task.REGRESSION);
        assertThatThrownBy(() -> Task.byId("survival")).hasMessageContaining("binary, regression, ranking, multiclass");
    }
}
