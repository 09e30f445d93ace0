package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.MitigationSummary.Assessment;
import org.fairkit.reports.MitigationSummary.Change;
import org.junit.jupiter.api.Test;

class MitigationSummaryTest {

    private static Assessment a(Direction d, double before, double after) {
        return new Change("q", MetricValue.of(before), MetricValue.of(after), d).assessment();
    }

    @Test
    void improvementFollowsTheMetricsDirection() {
        assertThat(a(Direction.ZERO_IS_PARITY, -0.25, 0.1)).isEqualTo(Assessment.IMPROVED);
        assertThat(a(Direction.ZERO_IS_PARITY, 0.05, -0.1)).isEqualTo(Assessment.WORSENED);
        assertThat(a(Direction.ONE_IS_PARITY, 0.6, 1.2)).isEqualTo(Assessment.IMPROVED);
        assertThat(a(Direction.ONE_IS_PARITY, 1.25, 0.79)).isEqualTo(Assessment.WORSENED);
        assertThat(a(Direction.ONE_IS_PARITY, 0, 0.5)).isEqualTo(Assessment.IMPROVED);
        assertThat(a(Direction.HIGHER_IS_BETTER, 0.7, 0.69)).isEqualTo(Assessment.WORSENED);
        assertThat(a(Direction.LOWER_IS_BETTER, 0.3, 0.2)).isEqualTo(Assessment.IMPROVED);
        assertThat(a(Direction.NONE, 0.3, 0.2)).isEqualTo(Assessment.NO_DIRECTION);
        assertThat(a(Direction.HIGHER_IS_BETTER, 0.3, 0.3)).isEqualTo(Assessment.UNCHANGED);
        assertThat(new Change("q", MetricValue.undefined("x"), MetricValue.of(1), Direction.NONE).assessment())
                .isEqualTo(Assessment.UNDEFINED);
    }

    @Test
    void compareListsFairnessMetricsThenOverallValuesPresentInBothReports() {
        FairnessData d = SyntheticLending.generate(2_000, 3);
        FairnessReport before = Fairness.of(d).groupBy("ethnicity").metrics(Metrics.SELECTION_RATE, Metrics.ACCURACY)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .evaluate();
        FairnessReport after = Fairness.of(SyntheticLending.generate(2_000, 3, 0.0)).groupBy("ethnicity")
                .metrics(Metrics.ACCURACY).fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).evaluate();
        MitigationSummary m = MitigationSummary.compare("none", "", before, after);
        assertThat(m.changes()).extracting(Change::quantity)
                .containsExactly("demographic_parity_ratio", "accuracy (overall)");
        assertThat(m.changes().get(0).before()).isEqualTo(before.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .value());
        assertThat(m.changes().get(0).assessment()).isEqualTo(Assessment.IMPROVED);
        FairnessReport nothing = Fairness.of(d).groupBy("ethnicity").metrics(Metrics.COUNT).fairnessMetrics()
                .evaluate();
        assertThatThrownBy(() -> MitigationSummary.compare("x", "", nothing, after)).hasMessage(
                "the reports before and after x share no fairness metric and no group metric");
    }
}
