package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fairkit.core.group.GroupKey;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AIF360 0.6.1 {@code Reweighing(unprivileged_groups, privileged_groups).fit(ds)} tables ({@code w_p_fav,
 * w_p_unfav, w_up_fav, w_up_unfav}) on COMPAS (race African-American vs Caucasian, unweighted, weighted and with
 * favorable label 0; sex) and on the synthetic rows (unweighted and weighted), from {@code compas.json} and
 * {@code synthetic.json} -> {@code aif360_reweighing}.
 *
 * <p>Tolerance 1e-12 relative on the weights: the sums are of integer weights (exact in any order) and the
 * formula is evaluated in AIF360's order ({@code W_y W_g / (W W_gy)}). The reweighed weights divided by the input
 * weights take exactly the table's distinct values, and their total equals AIF360's transformed total, 1e-9
 * relative (AIF360 sums in numpy's pairwise order: 6171.999999999999 for 6172 rows).
 */
class ReweighingGoldenTest {

    record Block(String name, String[] groups, int[] labels, double[] weights, Map<String, String> levels,
            JsonNode golden) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> blocks() {
        List<Arguments> out = new ArrayList<>();
        CsvTable compas = SharedFiles.data("compas-predictions.csv");
        JsonNode rw = SharedFiles.golden("compas.json").path("aif360_reweighing");
        String[] race = compas.strings("race");
        int[] y = compas.ints("y_true");
        double[] w = compas.doubles("weight");
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < race.length; i++) {
            if (race[i].equals("African-American") || race[i].equals("Caucasian")) {
                keep.add(i);
            }
        }
        String[] r2 = new String[keep.size()];
        int[] y2 = new int[keep.size()];
        double[] w2 = new double[keep.size()];
        for (int j = 0; j < r2.length; j++) {
            r2[j] = race[keep.get(j)];
            y2[j] = y[keep.get(j)];
            w2[j] = w[keep.get(j)];
        }
        Map<String, String> raceLevels = Map.of("privileged", "Caucasian", "unprivileged", "African-American");
        JsonNode race2 = rw.path("race_AA_vs_Caucasian");
        out.add(Arguments.of(new Block("compas race unweighted", r2, y2, null, raceLevels, race2.path("unweighted"))));
        out.add(Arguments.of(new Block("compas race weighted", r2, y2, w2, raceLevels, race2.path("weighted"))));
        out.add(Arguments.of(new Block("compas race favorable 0", r2, y2, null, raceLevels,
                race2.path("unweighted_fav0"))));
        out.add(Arguments.of(new Block("compas sex unweighted", compas.strings("sex"), y, null,
                Map.of("privileged", "Female", "unprivileged", "Male"), rw.path("sex_Female_priv").path("unweighted"))));
        JsonNode synthetic = SharedFiles.golden("synthetic.json");
        JsonNode rows = synthetic.path("dataset").path("rows");
        int n = rows.path("y_true").size();
        String[] g = new String[n];
        int[] sy = new int[n];
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = rows.path("group").get(i).asText();
            sy[i] = rows.path("y_true").get(i).asInt();
            sw[i] = GoldenJson.number(rows.path("weight").get(i));
        }
        Map<String, String> ab = Map.of("privileged", "A", "unprivileged", "B");
        JsonNode srw = synthetic.path("aif360_reweighing").path("A_priv");
        out.add(Arguments.of(new Block("synthetic unweighted", g, sy, null, ab, srw.path("unweighted"))));
        out.add(Arguments.of(new Block("synthetic weighted", g, sy, sw, ab, srw.path("weighted"))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void weightTableEqualsAif360(Block b) {
        assertThat(b.golden().isMissingNode()).as("golden block").isFalse();
        Reweighing.Fitted rw = Reweighing.byGroupColumn().fit(b.labels(), b.groups(), b.weights());
        JsonNode table = b.golden().path("table");
        assertThat(table.size()).isEqualTo(4);
        for (JsonNode row : table) {
            GroupKey key = GroupKey.of("group", b.levels().get(row.path("group").asText()));
            int label = row.path("label_value").asInt();
            double expected = GoldenJson.number(row.path("weight"));
            assertThat(rw.weight(key, label)).as("%s: w(%s, %s), %s", b, key, label, b.golden().path("call").asText())
                    .isCloseTo(expected, within(1e-12 * expected));
            Reweighing.Cell cell = rw.cells().stream()
                    .filter(c -> c.group().equals(key) && c.label() == label).findFirst().orElseThrow();
            assertThat(cell.rows()).isEqualTo(row.path("n_rows").asLong());
            assertThat(cell.mass()).isEqualTo(GoldenJson.number(row.path("sum_input_weights")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void reweighedRowsCarryTheTableWeightTimesTheirInputWeight(Block b) {
        Reweighing.Fitted rw = Reweighing.byGroupColumn().fit(b.labels(), b.groups(), b.weights());
        double[] out = rw.weights(b.labels(), b.groups(), b.weights());
        double total = 0;
        for (double v : out) {
            total += v;
        }
        double expectedTotal = GoldenJson.number(b.golden().path("sum_transformed_weights"));
        assertThat(total).isCloseTo(expectedTotal, within(1e-9 * expectedTotal));
        for (JsonNode row : b.golden().path("table")) {
            String level = b.levels().get(row.path("group").asText());
            int label = row.path("label_value").asInt();
            TreeSet<Double> ratios = new TreeSet<>();
            for (int i = 0; i < out.length; i++) {
                if (b.groups()[i].equals(level) && b.labels()[i] == label) {
                    ratios.add(out[i] / (b.weights() == null ? 1 : b.weights()[i]));
                }
            }
            Iterator<JsonNode> distinct = row.path("transformed_weight_distinct").elements();
            for (double r : ratios) {
                double expected = GoldenJson.number(distinct.next());
                assertThat(r).isCloseTo(expected, within(1e-12 * expected));
            }
            assertThat(distinct.hasNext()).isFalse();
        }
    }
}
