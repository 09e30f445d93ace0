package org.fairkit.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Severity;
import org.fairkit.core.checks.DataQuality;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.FeatureTable;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.individual.Benefits;
import org.fairkit.core.individual.Consistency;
import org.fairkit.core.individual.ConsistencyResult;
import org.fairkit.core.individual.FeatureMatrix;
import org.fairkit.core.individual.InequalityIndices;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/**
 * Docs are tests: every line of the Java snippets of README.md's section "Ranking, individual fairness and data
 * checks" appears here, compiled and run, and the numbers the README shows are asserted.
 */
class RankingIndividualChecksReadmeTest {
    private static final String SECTION = "## Ranking, individual fairness and data checks";

    @Test
    void rankingSnippetRuns() {
        String[] gender = {"F", "M", "M", "F", "M", "F", "M", "F"};
        double[] score = {0.9, 0.8, 0.8, 0.6, 0.7, 0.3, 0.5, 0.2};
        double[] qualified = {1, 1, 0, 1, 1, 1, 0, 0};
        Ranking ranking = Ranking.builder().sensitive("gender", gender).scores(score).relevance(qualified).build();
        RankingReport rf = RankingFairness.of(ranking).evaluate();
        GroupValues exposure = rf.exposure();
        Disparity dtr = rf.disparateTreatmentRatio();
        TopK top4 = rf.topK(4);
        GroupValues ndcg = rf.ndcg(3);
        Disparity geometric = RankingFairness.of(ranking).positionBias(PositionBias.geometric(0.8))
                .evaluate().exposureRatio();

        assertThat(exposure.value(0).value()).isCloseTo(0.5089, within(5e-5));
        assertThat(exposure.value(1).value()).isCloseTo(0.4795, within(5e-5));
        assertThat(dtr).hasToString("disparate_treatment_ratio = 0.7076 (F vs M)");
        assertThat(top4.selectionRateRatio()).hasToString("top_k_selection_rate_ratio = 0.3333 (F vs M)");
        assertThat(ndcg.value(0).value()).isEqualTo(1.0);
        assertThat(ndcg.value(1).value()).isCloseTo(0.8066, within(5e-5));
        assertThat(geometric).hasToString("exposure_ratio = 0.8253 (F vs M)");
    }

    @Test
    void individualAndDataCheckSnippetsRun() {
        FairnessData data = SyntheticLending.generate(2_000, 7);
        Random random = new Random(1);
        double[] income = new double[data.rows()];
        double[] debt = new double[data.rows()];
        String[] zip = new String[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            income[i] = 20 + 80 * random.nextDouble();
            debt[i] = 40 * random.nextDouble();
            boolean groupB = data.sensitive("ethnicity").level(i).equals("Group B");
            zip[i] = groupB ^ random.nextInt(5) == 0 ? "1100" : "2200";
        }

        Benefits benefits = Benefits.of(data, "ethnicity");
        MetricValue theil = InequalityIndices.theil(benefits);
        MetricValue between = InequalityIndices.betweenGroup(benefits, 2);
        MetricValue within = InequalityIndices.withinGroup(benefits, 2);
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("income", "debt"), income, debt).standardized();
        ConsistencyResult consistency = Consistency.neighbours(5).evaluate(x, data);

        FeatureTable features = FeatureTable.builder().numeric("income", income).categorical("zip", zip).build();
        DataQualityReport report = DataQuality.builder()
            .representation(Map.of("Group A", 0.5, "Group B", 0.35, "Group C", 0.15))
            .build()
            .check(data, features, "ethnicity");
        boolean gatePasses = report.passes(Severity.CRITICAL);

        assertThat(theil.value()).isCloseTo(0.2329, within(5e-5));
        assertThat(between.value() + within.value())
                .isCloseTo(InequalityIndices.generalizedEntropy(benefits, 2).value(), within(1e-12));
        assertThat(between.value()).isCloseTo(0.0061, within(5e-5));
        assertThat(within.value()).isCloseTo(0.1606, within(5e-5));
        assertThat(consistency).hasToString("consistency(k=5) = 0.6087 over 2000 rows; 0 rows with tied neighbours");
        assertThat(gatePasses).isFalse();
        String shown = readmeSection().split("```text\n")[1].split("```")[0];
        assertThat(report.toString()).isEqualTo(shown);
    }

    private static String readmeSection() {
        return Markdown.read(Path.of("README.md")).section(SECTION).text();
    }

    @Test
    void everySnippetLineOfTheSectionIsInThisTest() {
        String self = TestSource.of(RankingIndividualChecksReadmeTest.class).text();
        List<String> lines = Markdown.of(readmeSection()).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(15);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
