package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/**
 * Docs are tests: every Java line of the README sections "Correlation remover" and "Disparate impact remover"
 * appears here, compiled and run on seeded rows.
 */
class FeaturePreprocessingReadmeTest {
    private static final List<String> SECTIONS = List.of("## Correlation remover", "## Disparate impact remover");

    @Test
    void correlationRemoverAndDisparateImpactRemoverSnippetsRun() {
        Random r = new Random(11);
        int n = 2_000;
        double[] income = new double[n];
        double[] hours = new double[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            sex[i] = r.nextInt(3) == 0 ? "F" : "M";
            double shift = sex[i].equals("M") ? 1 : 0;
            income[i] = 30_000 + 5_000 * shift + 8_000 * r.nextGaussian();
            hours[i] = 30 + 5 * (int) shift + r.nextInt(25);
        }
        FeatureTable indicators = FeatureTable.builder().numeric("income", income)
                .numeric("sex_male", AdultFeatures.indicator(sex, "M"))
                .numeric("race_white", AdultFeatures.indicator(sex, "M")).build();

        FeatureTable table = FeatureTable.builder()
            .numeric("income", income).numeric("hours", hours)   // double[] feature columns
            .sensitive("sex", sex)                               // String[] group labels
            .build();
        CorrelationRemover.Fitted cr = CorrelationRemover.perColumnMean().alpha(1.0).groupBy("sex").fit(table);
        FeatureTable decorrelated = cr.transform(table);         // same columns, income and hours replaced
        System.out.println(cr);                                  // centres and coefficients
        CorrelationRemover.Fitted asFairlearn = CorrelationRemover.fairlearnScalarMean()
            .sensitiveColumns("sex_male", "race_white").fit(indicators);   // numeric sensitive columns, Fairlearn 0.13's numbers
        assertThat(Math.abs(CorrelationRemoverGoldenTest.pearson(decorrelated.column("income"),
                AdultFeatures.indicator(sex, "M")))).isLessThan(1e-12);
        assertThat(asFairlearn.features()).containsExactly("income");

        DisparateImpactRemover.Fitted dir = DisparateImpactRemover.repairLevel(1.0).groupBy("sex").fit(table);
        FeatureTable repaired = dir.transform(table);           // every numeric column repaired, in place
        System.out.println(dir);                                 // distinct values, buckets and targets per feature
        FeatureTable halfway = DisparateImpactRemover.repairLevel(0.5).features("hours").fit(table).transform(table);
        assertThat(repaired.column("hours")).isNotEqualTo(hours);
        assertThat(halfway.column("income")).isEqualTo(income);
        assertThat(dir.features()).containsExactly("income", "hours");
    }

    @Test
    void everyJavaLineOfTheseReadmeSectionsIsInThisTest() {
        String self = TestSource.of(FeaturePreprocessingReadmeTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).sections(SECTIONS).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(10);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
