package org.fairkit.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.Objective;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.preprocessing.Resampling;
import org.fairkit.mitigation.preprocessing.Reweighing;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/**
 * Docs are tests: every Java line of the README sections "Reweighing and resampling" and "Threshold optimizer"
 * appears here, compiled and run.
 */
class MitigationReadmeTest {
    private static final List<String> SECTIONS = List.of("## Reweighing and resampling", "## Threshold optimizer");

    @Test
    void reweighingAndResamplingSnippetsRun() {
        FairnessData data = SyntheticLending.generate(10_000, 1);
        Reweighing.Fitted rw = Reweighing.groupBy("ethnicity").fit(data);
        double[] w = rw.weights(data);
        System.out.println(rw);
        Reweighing.Fitted both = Reweighing.groupBy("ethnicity", "sex").fit(data);
        assertThat(w).hasSize(10_000);
        assertThat(rw.cells()).hasSize(6);
        assertThat(both.cells()).hasSize(12);
        assertThat(rw.toString()).startsWith("Reweighing by ethnicity: total weight 10000");

        Resampling.Fitted uniform = Resampling.uniform().seed(7).groupBy("ethnicity").fit(data);
        int[] rows = uniform.rows();
        Resampling.Fitted preferential = Resampling.preferential().groupBy("ethnicity").fit(data);
        assertThat(rows).hasSize(10_000).isSorted();
        assertThat(preferential.size()).isEqualTo(10_000);
    }

    @Test
    void thresholdOptimizerSnippetRuns() {
        FairnessData data = SyntheticLending.generate(10_000, 1);
        ThresholdOptimizer.Fitted to = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS)
            .objective(Objective.ACCURACY).tolerance(0.0).seed(1)
            .groupBy("ethnicity")
            .fit(data);
        System.out.println(to);
        double[] p = to.probabilityOfPositive(data);
        int[] fair = to.predict(data);
        double gap = to.disparity();
        ThresholdOptimizer.Fitted relaxed = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY)
            .tolerance(0.02).groupBy("ethnicity").fit(data);
        assertThat(p).hasSize(10_000);
        assertThat(fair).isEqualTo(to.predict(data));
        assertThat(gap).isLessThan(1e-12);
        assertThat(relaxed.disparity()).isLessThanOrEqualTo(0.02 + 1e-12);
        assertThat(relaxed.objectiveValue()).isGreaterThanOrEqualTo(
                ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).groupBy("ethnicity").fit(data)
                        .objectiveValue());
    }

    @Test
    void everyJavaLineOfTheseReadmeSectionsIsInThisTest() {
        String self = TestSource.of(MitigationReadmeTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).sections(SECTIONS).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(12);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
