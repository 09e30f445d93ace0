package org.fairkit.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/**
 * Docs are tests: every Java line of the README sections "Calibrated equalized odds" and "Reject option
 * classification" appears here, compiled and run.
 */
class PostprocessingReadmeTest {
    private static final List<String> SECTIONS = List.of("## Calibrated equalized odds",
            "## Reject option classification");

    @Test
    void snippetsRun() {
        FairnessData train = SyntheticLending.generate(10_000, 1);
        FairnessData test = SyntheticLending.generate(10_000, 2);
        CalibratedEqualizedOdds.Fitted ceo = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE)
            .privileged("Group A").groupBy("ethnicity").seed(1)
            .fit(train);
        System.out.println(ceo);
        double[] p = ceo.probabilityOfPositive(test);
        int[] fair = ceo.predict(test);
        boolean equal = ceo.equalized();
        assertThat(p).hasSize(10_000);
        assertThat(fair).isEqualTo(ceo.predict(test));
        assertThat(equal).isEqualTo(ceo.aif360MixRate(true).value() <= 1 && ceo.aif360MixRate(false).value() <= 1);

        RejectOptionClassification.Fitted roc = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
            .bound(0.05).privileged("Group A").groupBy("ethnicity")
            .fit(train);
        int[] decisions = roc.predict(test);
        double t = roc.classificationThreshold();
        double m = roc.margin();
        RejectOptionClassification.Fitted replay = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
            .privileged("Group A").groupBy("ethnicity").grid(Grid.aif360()).fit(train);
        assertThat(decisions).hasSize(10_000);
        assertThat(m).isBetween(0.0, Math.min(t, 1 - t));
        assertThat(Math.abs(roc.metricValue())).isLessThanOrEqualTo(0.05);
        assertThat(roc.balancedAccuracy()).isGreaterThanOrEqualTo(replay.balancedAccuracy());
    }

    @Test
    void everyJavaLineOfTheseReadmeSectionsIsInThisTest() {
        String self = TestSource.of(PostprocessingReadmeTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).sections(SECTIONS).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(12);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
