package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.fairkit.core.datasets.SyntheticSearchRanking;
import org.fairkit.core.datasets.SyntheticTriage;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.ranking.RankingReport;
import org.fairkit.core.regression.RegressionReport;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ThresholdSweep;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docs are tests: the spec, score, regression and data set snippets of fairness-core/README.md are this test's code, and run. */
class ReadmeSnippetsTest {
    @Test
    void scoreSnippetRuns() {
        FairnessData data = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0})
                .predictions(new int[] {1, 0, 1, 1, 0, 0}).scores(new double[] {0.8, 0.4, 0.6, 0.55, 0.3, 0.2})
                .sensitive("race", new String[] {"a", "a", "a", "b", "b", "b"}).build();
        // snippet 1 start
        FairnessReport report = Fairness.of(data).groupBy("race")
            .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE, ScoreMetrics.CALIBRATION_RATIO)
            .evaluate();
        ThresholdSweep sweep = Fairness.of(data).groupBy("race").sweepThresholds(0.3, 0.5, 0.7);
        sweep.values(Metrics.TRUE_POSITIVE_RATE, 1).difference();    // TPR spread at threshold 0.5
        // snippet 1 end
        assertThat(report.difference(ScoreMetrics.ROC_AUC).asDouble()).isEqualTo(0.5); // a: 1, b: 1 of 2 pairs
        Disparity tpr = sweep.values(Metrics.TRUE_POSITIVE_RATE, 1).difference();
        assertThat(tpr.asDouble()).isEqualTo(1.0); // a: both positives score >= 0.5; b: its positive scores 0.3
    }

    @Test
    void regressionSnippetRuns() {
        double[] y = {3, -0.5, 2, 7, 1, 1};
        double[] yHat = {2.5, 0.0, 2, 8, 2, 0};
        String[] sex = {"F", "F", "F", "F", "M", "M"};
        // snippet 2 start
        RegressionReport r = RegressionFairness.of(RegressionData.builder()
                .targets(y).predictions(yHat).sensitive("sex", sex).build())
            .groupBy("sex").evaluate();
        r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_SQUARED);   // worst group's MSE, naming the group
        // snippet 2 end
        assertThat(r.fairness(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_SQUARED).asDouble()).isEqualTo(1.0);
    }

    @Test
    void specSnippetRuns() {
        FairnessData data = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0})
                .predictions(new int[] {1, 0, 1, 1, 0, 0})
                .sensitive("race", new String[] {"a", "a", "a", "b", "b", "b"}).build();
        // snippet 3 start
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("race").reference("a")
            .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).minGroupSize(2).build();
        FairnessReport same = Fairness.of(data, spec).evaluate();
        spec.fairnessMetrics();    // the default: every fairness metric, as a reference group is set
        // snippet 3 end
        assertThat(spec.fairnessMetrics()).containsExactly(org.fairkit.core.metrics.FairnessMetric.values());
        assertThat(same.results().spec()).isEqualTo(spec);
        assertThat(same.toString()).isEqualTo(Fairness.of(data).groupBy("race").reference("a")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).minGroupSize(2)
                .clock(java.time.Clock.fixed(same.provenance().evaluatedAt(), java.time.ZoneOffset.UTC)).evaluate()
                .toString());
    }

    @Test
    void datasetSnippetRuns(@TempDir Path tmp) throws java.io.IOException {
        // snippet 4 start
        SyntheticCreditLimits limits = SyntheticCreditLimits.builder().rows(20_000).seed(7).build();
        RegressionReport byLimit = RegressionFairness.of(limits.toRegressionData()).groupBy("sex").evaluate();
        byLimit.fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE);   // ≈ 0.952 (Female vs Male)
        SyntheticSearchRanking search = SyntheticSearchRanking.builder().seed(7).build();
        RankingReport firstQuery = RankingFairness.of(search.toRanking("q1")).evaluate();
        SyntheticTriage triage = SyntheticTriage.builder().strength(0).build();   // no disparity
        StringBuilder csv = new StringBuilder();
        triage.writeCsv(csv);                                                    // or writeCsv(Path)
        // snippet 4 end
        triage.writeCsv(tmp.resolve("triage.csv"));
        assertThat(byLimit.fairness(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE).asDouble())
                .isCloseTo(0.952, org.assertj.core.api.Assertions.within(0.05));
        assertThat(firstQuery.exposure().groups()).hasSize(2);
        assertThat(Files.readString(tmp.resolve("triage.csv"))).isEqualTo(csv.toString());
    }

    @Test
    void readmeShowsExactlyTheSnippetsThatThisTestRuns() {
        List<String> blocks = Markdown.read(Path.of("README.md")).blocks("java").stream().map(Markdown::normalize)
                .toList();
        TestSource source = TestSource.of(ReadmeSnippetsTest.class);
        for (int k = 1; k <= 4; k++) {
            String snippet = source.between("// snippet " + k + " start", "// snippet " + k + " end");
            assertThat(blocks).as("README java blocks").contains(Markdown.normalize(snippet));
        }
    }
}
