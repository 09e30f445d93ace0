package org.fairkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every line of the README's Java snippet appears here, compiled and run. */
class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetPublishesGauges() {
        MeterRegistry registry = new SimpleMeterRegistry();
        FairnessReport report = Fairness.of(SyntheticLending.generate(2000, 3)).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).evaluate();

        FairnessMeterBinder fairness = FairnessMeterBinder.builder()
            .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
            .groupMetrics(Metrics.SELECTION_RATE)
            .maxGroups(50)
            .tags("model", "credit-v7")
            .build();
        fairness.bindTo(registry);
        fairness.update(report);             // after every audit or monitor window; gauges read the latest values

        assertThat(registry.find("fairkit.fairness").tag("model", "credit-v7").gauges()).hasSize(2);
        assertThat(registry.find("fairkit.group.value").gauges()).hasSize(report.groups().size());
    }

    @Test
    void everyReadmeSnippetLineIsInThisTest() {
        String self = TestSource.of(ReadmeExamplesTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(7);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
