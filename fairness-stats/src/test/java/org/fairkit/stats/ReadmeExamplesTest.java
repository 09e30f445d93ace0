package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.bayes.BetaPosterior;
import org.fairkit.stats.bayes.Posterior;
import org.fairkit.stats.support.TestData;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every line of the README's Java snippets appears here, compiled and run. */
class ReadmeExamplesTest {

    @Test
    void bootstrapAndBayesianSnippetsRun() {
        FairnessData data = SyntheticLending.generate(5_000, 1);
        FairnessReport oneLine =
        Fairness.of(data).groupBy("ethnicity").intervals(Bootstrap.bca(2000).seed(42)).evaluate();
        assertThat(oneLine.intervals()).isNotEmpty();
        FairnessReport twoLine =
        Fairness.of(data).groupBy("ethnicity").intervals(Bayesian.jeffreys().seed(7)).evaluate();
        assertThat(twoLine.intervals()).isNotEmpty();

        FairnessReport report = Fairness.of(data)
            .groupBy(SyntheticLending.ETHNICITY)
            .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
            .reference("Group A")
            .intervals(Bootstrap.bca(2000).seed(42))
            .evaluate();

        Disparity di = report.fairness(FairnessMetric.DISPARATE_IMPACT);
        Interval ci = di.interval().orElseThrow();
        assertThat(ci.contains(di.asDouble())).isTrue();
        assertThat(ci.method()).startsWith("simultaneous MOVER-R with Wilson components");
        assertThat(ci.lower()).isBetween(0.50, 0.60);
        assertThat(ci.upper()).isBetween(0.60, 0.72);

        Bayesian bayes = Bayesian.jeffreys().draws(4000).seed(7);
        FairnessReport credible = Fairness.of(data)
            .groupBy(SyntheticLending.ETHNICITY)
            .metrics(Metrics.SELECTION_RATE)
            .reference("Group A")
            .intervals(bayes)
            .evaluate();
        Interval ratio = credible.ratio(Metrics.SELECTION_RATE).interval().orElseThrow();
        assertThat(ratio.contains(credible.ratio(Metrics.SELECTION_RATE).asDouble())).isTrue();

        BetaPosterior tpr = bayes.rate(37, 5);
        double[] shortest = tpr.hpd(0.95);
        assertThat(tpr).isEqualTo(BetaPosterior.of(37.5, 5.5));
        assertThat(shortest[1] - shortest[0]).isLessThan(tpr.equalTailed(0.95)[1] - tpr.equalTailed(0.95)[0]);

        Fairness configured = Fairness.of(data).groupBy(SyntheticLending.ETHNICITY).metrics(Metrics.SELECTION_RATE)
                .reference("Group A");
        IntervalRequest request = TestData.request(configured, data, 1);
        Posterior post = bayes.posterior(request);
        double pFails = post.probabilityBelow(
            Estimand.aggregate(Estimand.Kind.RATIO, Metrics.SELECTION_RATE), 0.8);
        double pMatters = post.probabilityAbsAbove(
            Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, Metrics.SELECTION_RATE, GroupKey.of("ethnicity", "Group B")),
            0.05);
        assertThat(pFails).isGreaterThan(0.99);
        assertThat(pMatters).isGreaterThan(0.99);
    }

    @Test
    void everyBootstrapAndBayesianReadmeSnippetLineIsInThisTest() {
        // The closed-form section has its own snippet test (ClosedFormReadmeTest).
        Markdown readme = Markdown.read(Path.of("README.md")).before("## Closed-form intervals");
        String self = TestSource.of(ReadmeExamplesTest.class).text();
        List<String> lines = readme.codeLines("java");
        assertThat(lines).hasSizeGreaterThan(15);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
