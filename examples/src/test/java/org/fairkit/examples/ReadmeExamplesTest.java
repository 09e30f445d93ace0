package org.fairkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: the README's Java snippet is this test's code, and it runs. */
class ReadmeExamplesTest {

    @Test
    void readmeSnippetRunsAndGivesTheDocumentedNumbers() {
        // README snippet start
        FairnessData data = FairnessData.builder()
            .labels(new int[] {1, 0, 1, 1, 0, 1, 0, 0})
            .predictions(new int[] {1, 0, 0, 1, 1, 1, 1, 0})
            .sensitive("sex", new String[] {"F", "F", "F", "F", "M", "M", "M", "M"})
            .build();

        FairnessReport report = Fairness.of(data)
            .groupBy("sex")
            .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
            .reference("M")
            .evaluate();

        System.out.println(report);                                          // a fixed-width table
        double dpd = report.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).asDouble();
        Disparity ratio = report.ratio(Metrics.SELECTION_RATE);              // min / max, with the groups
        MetricValue tprF = report.value(Metrics.TRUE_POSITIVE_RATE, GroupKey.of("sex", "F"));
        // README snippet end

        // F: selected 2 of 4 (0.5); M: selected 3 of 4 (0.75); TPR(F) = 2 of 3 positives.
        assertThat(dpd).isEqualTo(0.25);
        assertThat(ratio.asDouble()).isEqualTo(0.5 / 0.75);
        assertThat(ratio.groups()).containsExactly(GroupKey.of("sex", "F"), GroupKey.of("sex", "M"));
        assertThat(tprF.value()).isEqualTo(2.0 / 3.0);
    }

    @Test
    void readmeShowsExactlyTheSnippetThatThisTestRuns() throws IOException {
        Path examples = Path.of(System.getProperty("fairkit.examples.dir", "."));
        List<String> blocks = Markdown.read(examples.resolve("../README.md")).blocks("java");
        assertThat(blocks).as("README has a java block").isNotEmpty();
        String snippet = TestSource.of(ReadmeExamplesTest.class, examples)
                .between("// README snippet start", "// README snippet end");
        assertThat(Markdown.normalize(blocks.get(0))).isEqualTo(Markdown.normalize(snippet));
    }

    @Test
    void readmeQuickStartHasExactlyTheTwoCommandsThatCiRuns() throws IOException {
        Path root = Path.of(System.getProperty("fairkit.examples.dir", ".")).resolve("..");
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String quick = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Use it from Java"));
        List<String> bash = Markdown.of(quick).blocks("bash");
        assertThat(bash).isNotEmpty();
        assertThat(bash.get(0).strip().lines()).containsExactly("mvn -B -ntp verify",
                "fairness-cli/target/fairkit/bin/fairkit demo");
        String ci = Files.readString(root.resolve(".ci/run"), StandardCharsets.UTF_8);
        assertThat(ci).contains("\nmvn -B -ntp verify ").contains("\nfairness-cli/target/fairkit/bin/fairkit demo ");
    }
}
