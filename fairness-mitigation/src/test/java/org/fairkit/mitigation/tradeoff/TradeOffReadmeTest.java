package org.fairkit.mitigation.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every Java line of the README section "Trade-off frontier" appears here, compiled and run. */
class TradeOffReadmeTest {
    @Test
    void theTradeOffSnippetRuns() {
        FairnessData d = SyntheticLending.generate(4000, 1);
        int n = d.rows();
        double[] s = new double[n];
        int[] y = new int[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = d.score(i);
            y[i] = d.label(i);
            g[i] = d.sensitive("ethnicity").level(i);
        }
        double[] fitScores = Arrays.copyOfRange(s, 0, n / 2);
        int[] fitLabels = Arrays.copyOfRange(y, 0, n / 2);
        String[] fitGroups = Arrays.copyOfRange(g, 0, n / 2);
        double[] testScores = Arrays.copyOfRange(s, n / 2, n);
        int[] testLabels = Arrays.copyOfRange(y, n / 2, n);
        String[] testGroups = Arrays.copyOfRange(g, n / 2, n);

        Frontier f = TradeOff.sweep("tolerance", Sweeps.thresholdTolerance(
                ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY), fitScores, fitLabels, fitGroups, null,
                testScores, testGroups))
            .values(0, 0.02, 0.05, 0.1, 0.2)
            .metric(Metrics.ACCURACY).disparity(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).bound(0.05).seed(1)
            .evaluate(testLabels, testGroups, null);
        System.out.println(f);                          // every point; * Pareto-optimal, > recommended, and why
        TradeOffPoint pick = f.recommended().orElseThrow();
        assertThat(f.points()).hasSize(5);
        assertThat(pick.pareto()).isTrue();
    }

    @Test
    void everyJavaLineOfTheSectionIsInThisTest() {
        String self = TestSource.of(TradeOffReadmeTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).sections(List.of("## Trade-off frontier"))
                .codeLines("java");
        assertThat(lines).hasSizeGreaterThan(6);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
