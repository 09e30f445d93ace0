package org.fairkit.stats.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.stats.regression.RegressionIntervals;
import org.fairkit.stats.scores.ScoreIntervals;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Runs the snippet of the README section "Intervals for score and regression metrics". */
class RowIntervalsReadmeTest {
    private static final String SECTION = "## Intervals for score and regression metrics";

    @Test
    void snippetRuns() {
        SplittableRandom r = new SplittableRandom(3);
        double[] income = new double[400];
        double[] predicted = new double[400];
        String[] sex = new String[400];
        for (int i = 0; i < 400; i++) {
            sex[i] = i % 2 == 0 ? "F" : "M";
            income[i] = 30 + 20 * r.nextDouble();
            predicted[i] = income[i] + (sex[i].equals("F") ? 6 : 3) * (r.nextDouble() - 0.5);
        }

        FairnessData lending = SyntheticLending.generate(5_000, 1);
        MetricIntervals auc = ScoreIntervals.delong(lending, List.of(SyntheticLending.ETHNICITY), 0.95);
        Interval gap = auc.disparity("roc_auc.difference").orElseThrow();     // DeLong, simultaneous over the pairs
        MetricIntervals scores = ScoreIntervals.of(lending).groupBy(SyntheticLending.ETHNICITY)
            .metrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE).ece(10)
            .bootstrap(RowBootstrap.percentile(1000).seed(42));
        Interval brier = scores.disparity("brier_score.difference").orElseThrow();

        RegressionData incomes = RegressionData.builder().targets(income).predictions(predicted)
            .sensitive("sex", sex).build();
        MetricIntervals loss = RegressionIntervals.closedForm(incomes, List.of("sex"),
            List.of(RegressionMetrics.MEAN_ABSOLUTE_ERROR), 0.95);
        Interval bgl = loss.disparity("bounded_group_loss_absolute").orElseThrow();

        assertThat(gap.lower()).isGreaterThanOrEqualTo(0);
        assertThat(gap.method()).startsWith("DeLong");
        assertThat(brier.method()).contains("1000 resamples, seed 42");
        assertThat(scores.byGroup()).containsKeys("roc_auc", "brier_score", "expected_calibration_error");
        // F's errors are twice as wide: its MAE (about 1.5) is the worst group loss
        assertThat(bgl.contains(1.5)).isTrue();
        assertThat(loss.disparity("mean_absolute_error.difference").orElseThrow().lower()).isGreaterThan(0);
    }

    @Test
    void everySnippetLineOfTheSectionIsInThisTest() {
        Markdown readme = Markdown.read(Path.of("README.md")).section(SECTION);
        String self = TestSource.of(RowIntervalsReadmeTest.class).text();
        List<String> lines = readme.codeLines("java");
        assertThat(lines).hasSizeGreaterThan(8);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
