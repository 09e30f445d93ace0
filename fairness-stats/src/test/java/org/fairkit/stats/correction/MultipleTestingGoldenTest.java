package org.fairkit.stats.correction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fairkit.stats.golden.Golden;
import org.fairkit.stats.golden.Tol;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.api.Test;

/** Golden values from statsmodels 0.13.5 {@code multipletests} ({@code stats.json -> multipletests}). */
class MultipleTestingGoldenTest {
    private static final Map<String, MultipleTesting> METHODS = Map.of("bonferroni", MultipleTesting.BONFERRONI,
            "holm", MultipleTesting.HOLM, "fdr_bh", MultipleTesting.BENJAMINI_HOCHBERG,
            "fdr_by", MultipleTesting.BENJAMINI_YEKUTIELI);

    @Test
    void adjustedPValuesAndRejectionsMatchStatsmodelsMultipletests() {
        int n = 0;
        for (JsonNode row : Golden.rows("multipletests", "rows")) {
            MultipleTesting method = METHODS.get(row.get("method").asText());
            Correction c = method.correct(GoldenJson.doubles(row.get("pvals")), row.get("alpha").asDouble());
            String call = Golden.call(row);
            double[] expected = GoldenJson.doubles(row.get("pvals_corrected"));
            double[] adjusted = c.adjusted();
            boolean[] rejected = c.rejected();
            for (int i = 0; i < expected.length; i++) {
                Tol.close(adjusted[i], expected[i], Tol.CLOSED, call + " pvals_corrected[" + i + "]");
                assertThat(rejected[i]).as(call + " reject[" + i + "]").isEqualTo(row.get("reject").get(i).asBoolean());
            }
            n++;
        }
        assertThat(n).isEqualTo(16);
    }
}
