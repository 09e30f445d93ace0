package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DisparateImpactRemover} against AIF360 0.6.1's {@code DisparateImpactRemover(repair_level=r,
 * sensitive_attribute='sex_Male').fit_transform(ds)} (BlackBoxAuditing d8172728) on all 32,561 Adult rows
 * ({@code adult_mitigation2.json -> disparate_impact_remover}): the first 50 repaired rows exactly, and, per group
 * (Male / other), numpy's linear quantiles at 0, .1, .25, .5, .75, .9, 1, the mean (1e-12 relative) and the number
 * of distinct values after the repair, plus the number of values each feature changed.
 */
class DisparateImpactRemoverGoldenTest {
    @Test
    void quantilesBeforeTheRepairMatchTheGoldenFileSoTheQuantileRuleIsNumpys() {
        JsonNode g = AdultFeatures.golden("disparate_impact_remover");
        checkGroups(Cache.TABLE, g.path("before"), g.path("quantiles"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"repair_level=1.0", "repair_level=0.5"})
    void repairMatchesAif360BitForBit(String block) {
        JsonNode all = AdultFeatures.golden("disparate_impact_remover");
        JsonNode g = all.path(block);
        DisparateImpactRemover.Fitted f = DisparateImpactRemover.repairLevel(g.path("repair_level").asDouble())
                .groupBy("sex").fit(Cache.TABLE);
        FeatureTable out = f.transform(Cache.TABLE);
        List<JsonNode> rows = GoldenJson.elements(g.path("repaired_first_rows"));
        assertThat(rows).hasSize(50);
        for (int i = 0; i < rows.size(); i++) {
            double[] e = GoldenJson.doubles(rows.get(i));
            for (int j = 0; j < AdultFeatures.FEATURES.size(); j++) {
                assertThat(out.column(AdultFeatures.FEATURES.get(j))[i]).as("row %d, %s", i,
                        AdultFeatures.FEATURES.get(j)).isEqualTo(e[j]);
            }
            assertThat(Cache.SEX[i].equals("Male") ? 1.0 : 0.0).isEqualTo(e[4]);
        }
        JsonNode changed = g.path("n_values_changed");
        for (String feature : AdultFeatures.FEATURES) {
            double[] before = Cache.TABLE.column(feature);
            double[] after = out.column(feature);
            int n = 0;
            for (int i = 0; i < before.length; i++) {
                n += before[i] != after[i] ? 1 : 0;
            }
            assertThat(n).as("values of %s changed", feature).isEqualTo(changed.path(feature).asInt());
        }
        checkGroups(out, g.path("after"), all.path("quantiles"));
    }

    private static void checkGroups(FeatureTable t, JsonNode byGroup, JsonNode qs) {
        double[] q = GoldenJson.doubles(qs);
        for (String group : List.of("Male", "other")) {
            JsonNode e = byGroup.path(group);
            for (String feature : AdultFeatures.FEATURES) {
                double[] v = values(t.column(feature), group);
                assertThat(v.length).isEqualTo(e.path("n").asInt());
                JsonNode ef = e.path(feature);
                double[] expected = GoldenJson.doubles(ef.path("quantiles"));
                double[] actual = Quantiles.of(v, q);
                for (int k = 0; k < q.length; k++) {
                    assertThat(actual[k]).as("%s %s quantile %s", group, feature, q[k])
                            .isCloseTo(expected[k], within(1e-12 * Math.abs(expected[k])));
                }
                double mean = ef.path("mean").asDouble();
                assertThat(CorrelationRemoverGoldenTest.mean(v)).isCloseTo(mean, within(1e-12 * mean));
                assertThat(java.util.Arrays.stream(v).distinct().count()).isEqualTo(ef.path("n_distinct").asLong());
            }
        }
    }

    private static double[] values(double[] column, String group) {
        return java.util.stream.IntStream.range(0, column.length)
                .filter(i -> Cache.SEX[i].equals("Male") == group.equals("Male")).mapToDouble(i -> column[i])
                .toArray();
    }

    /** Read once per run. */
    private static final class Cache {
        static final CsvTable ALL = AdultFeatures.all();
        static final FeatureTable TABLE = AdultFeatures.bySex(ALL);
        static final String[] SEX = ALL.strings("sex");
    }
}
