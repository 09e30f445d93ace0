package org.fairkit.stats.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fairkit.stats.golden.Golden;
import org.fairkit.stats.golden.Tol;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.api.Test;

/** Golden values from SciPy 1.10.1 / statsmodels 0.13.5 ({@code stats.json}). */
class TestsGoldenTest {

    @Test
    void twoProportionZTestMatchesStatsmodelsProportionsZtest() {
        int n = 0;
        for (JsonNode row : Golden.rows("proportions_ztest", "rows")) {
            long[] x = GoldenJson.longs(row.get("count"));
            long[] m = GoldenJson.longs(row.get("nobs"));
            TestResult r = ProportionTests.twoProportionZTest(x[0], m[0], x[1], m[1]);
            String call = Golden.call(row);
            double z = GoldenJson.number(row.get("zstat"));
            if (Double.isNaN(z)) {
                assertThat(r.statistic().isDefined()).as(call + " gives NaN").isFalse();
                assertThat(r.pValue().reason()).as(call).get().asString().contains("pooled variance is 0");
            } else {
                Tol.close(r.statistic().value(), z, Tol.CLOSED, 1e-15, call + " zstat");
                Tol.close(r.pValue().value(), GoldenJson.number(row.get("pvalue")), 1e-10, call + " pvalue");
            }
            n++;
        }
        assertThat(n).isEqualTo(11);
    }

    @Test
    void chiSquaredAndGTestsMatchScipyChi2Contingency() {
        int n = 0;
        for (JsonNode row : Golden.rows("chi2_contingency", "rows")) {
            long[][] table = GoldenJson.longTable(row.get("table"));
            boolean yates = row.get("correction").asBoolean();
            boolean g = row.get("lambda_").isTextual();
            ContingencyResult r = g ? ContingencyTests.gTest(table, yates) : ContingencyTests.pearson(table, yates);
            String call = Golden.call(row);
            Tol.close(r.statistic().value(), GoldenJson.number(row.get("statistic")), Tol.CLOSED, 1e-15, call + " statistic");
            Tol.close(r.pValue().value(), GoldenJson.number(row.get("pvalue")), 1e-10, call + " pvalue");
            assertThat(r.degreesOfFreedom()).as(call + " dof").isEqualTo(row.get("dof").asInt());
            assertThat(r.yatesApplied()).as(call + " yates_applied").isEqualTo(row.get("yates_applied").asBoolean());
            double[][] e = ContingencyTests.expected(table);
            for (int i = 0; i < e.length; i++) {
                for (int j = 0; j < e[i].length; j++) {
                    Tol.close(e[i][j], GoldenJson.number(row.get("expected").get(i).get(j)), Tol.CLOSED, call + " expected");
                }
            }
            n++;
        }
        assertThat(n).isEqualTo(24);
    }

    @Test
    void fisherExactMatchesScipyFisherExact() {
        Map<String, Alternative> alternatives = Map.of("two-sided", Alternative.TWO_SIDED, "less", Alternative.LESS,
                "greater", Alternative.GREATER);
        int n = 0;
        for (JsonNode row : Golden.rows("fisher_exact", "rows")) {
            long[][] t = GoldenJson.longTable(row.get("table"));
            TestResult r = ProportionTests.fisherExact(t[0][0], t[0][1], t[1][0], t[1][1],
                    alternatives.get(row.get("alternative").asText()));
            String call = Golden.call(row);
            double odds = GoldenJson.number(row.get("oddsratio"));
            if (Double.isNaN(odds)) {
                assertThat(r.statistic().isDefined()).as(call + " odds ratio NaN").isFalse();
            } else {
                Tol.close(r.statistic().value(), odds, Tol.CLOSED, call + " oddsratio");
            }
            Tol.close(r.pValue().value(), GoldenJson.number(row.get("pvalue")), 1e-10, 1e-15, call + " pvalue");
            n++;
        }
        assertThat(n).isEqualTo(21);
    }

    @Test
    void leveneAndBrownForsytheMatchScipyLevene() {
        int n = 0;
        for (JsonNode row : Golden.rows("levene", "rows")) {
            JsonNode gs = row.get("groups");
            double[][] groups = new double[gs.size()][];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = GoldenJson.doubles(gs.get(i));
            }
            VarianceTests.Center center = row.get("center").asText().equals("mean")
                    ? VarianceTests.Center.MEAN : VarianceTests.Center.MEDIAN;
            TestResult r = VarianceTests.levene(center, groups);
            String call = Golden.call(row) + " [" + row.get("id").asText() + "]";
            Tol.close(r.statistic().value(), GoldenJson.number(row.get("statistic")), 1e-11, call + " statistic");
            Tol.close(r.pValue().value(), GoldenJson.number(row.get("pvalue")), 1e-10, call + " pvalue");
            n++;
        }
        assertThat(n).isEqualTo(6);
    }
}
