package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;

import java.util.HashMap;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/** Reweighing: its defining properties on random rows, its handling of empty cells, its errors and its table. */
class ReweighingTest {
    /** Reweighing of rows given as columns: the groups are the {@code groups} column. */
    private static final Reweighing COLUMNS = Reweighing.byGroupColumn();

    private static final int EXAMPLES = 300;
    private static final double REL = 1e-12;

    private static boolean hasEmptyCell(Reweighing.Fitted rw) {
        return rw.cells().stream().anyMatch(c -> !c.isDefined());
    }

    @Test
    void weightedBaseRateIsTheOverallBaseRateInEveryGroupWithBothLabels() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(true), booleans().all()).checkAssert((r, weighted) -> {
            double[] in = weighted ? r.weights() : null;
            if (in != null && r.totalWeight() == 0) {
                return;
            }
            Reweighing.Fitted rw = COLUMNS.fit(r.labels(), r.groups(), in);
            double[] w = rw.weights(r.labels(), r.groups(), in);
            Map<String, double[]> sums = new HashMap<>(); // after: total, positives; before: total, positives
            double pos = 0;
            double all = 0;
            for (int i = 0; i < w.length; i++) {
                double[] s = sums.computeIfAbsent(r.groups()[i], k -> new double[4]);
                double before = in == null ? 1 : in[i];
                s[0] += w[i];
                s[1] += r.labels()[i] * w[i];
                s[2] += before;
                s[3] += r.labels()[i] * before;
                pos += r.labels()[i] * before;
                all += before;
            }
            double base = pos / all;
            assertThat(rw.baseRate()).isCloseTo(base, within(REL));
            sums.forEach((g, s) -> {
                if (s[3] > 0 && s[3] < s[2]) {
                    assertThat(s[1] / s[0]).as("group %s", g).isCloseTo(base, within(REL));
                } else if (s[2] > 0) {
                    // one label only: no weight can change a base rate of 0 or 1
                    assertThat(s[1] / s[0]).as("one-label group %s", g).isEqualTo(s[3] / s[2]);
                }
            });
        });
    }

    @Test
    void totalWeightIsPreservedUnlessACellIsEmpty() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(true)).checkAssert(r -> {
            if (r.totalWeight() == 0) {
                return;
            }
            Reweighing.Fitted rw = COLUMNS.fit(r.labels(), r.groups(), r.weights());
            double total = 0;
            for (double v : rw.weights(r.labels(), r.groups(), r.weights())) {
                total += v;
            }
            double lost = 0;
            for (Reweighing.Cell c : rw.cells()) {
                lost += c.isDefined() ? 0 : c.expectedMass();
            }
            assertThat(total).as("empty cells' expected mass %s", lost)
                    .isCloseTo(r.totalWeight() - lost, within(REL * r.totalWeight()));
            assertThat(rw.totalMass()).isCloseTo(r.totalWeight(), within(REL * r.totalWeight()));
            if (!hasEmptyCell(rw)) {
                assertThat(lost).isZero();
            }
        });
    }

    @Test
    void weightsFollowTheRowsWhenTheRowsAreReordered() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(true)).checkAssert(r -> {
            if (r.totalWeight() == 0) {
                return;
            }
            int n = r.labels().length;
            int[] y = new int[n];
            String[] g = new String[n];
            double[] in = r.weights() == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                int j = n - 1 - i;
                y[i] = r.labels()[j];
                g[i] = r.groups()[j];
                if (in != null) {
                    in[i] = r.weights()[j];
                }
            }
            double[] a = COLUMNS.fit(r.labels(), r.groups(), r.weights()).weights(r.labels(), r.groups(), r.weights());
            double[] b = COLUMNS.fit(y, g, in).weights(y, g, in);
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).isCloseTo(a[n - 1 - i], within(REL * Math.max(1, a[n - 1 - i])));
            }
        });
    }

    @Test
    void relabelingTheGroupsDoesNotChangeAnyWeight() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(true)).checkAssert(r -> {
            if (r.totalWeight() == 0) {
                return;
            }
            String[] renamed = new String[r.groups().length];
            for (int i = 0; i < renamed.length; i++) {
                // reverses the sort order of the levels: L0 -> z9, L1 -> z8, ...
                renamed[i] = "z" + (9 - Integer.parseInt(r.groups()[i].substring(1)));
            }
            assertThat(COLUMNS.fit(r.labels(), renamed, r.weights()).weights(r.labels(), renamed, r.weights()))
                    .isEqualTo(COLUMNS.fit(r.labels(), r.groups(), r.weights())
                            .weights(r.labels(), r.groups(), r.weights()));
        });
    }

    @Test
    void unitWeightsEqualNoWeightsAndIntegerWeightsEqualDuplicatedRows() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(false)).checkAssert(r -> {
            int n = r.labels().length;
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            assertThat(COLUMNS.fit(r.labels(), r.groups(), ones).cells())
                    .isEqualTo(COLUMNS.fit(r.labels(), r.groups()).cells());
            double[] w = new double[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = 1 + i % 3;
                total += 1 + i % 3;
            }
            int[] y = new int[total];
            String[] g = new String[total];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int t = 0; t <= i % 3; t++) {
                    y[k] = r.labels()[i];
                    g[k++] = r.groups()[i];
                }
            }
            Reweighing.Fitted weighted = COLUMNS.fit(r.labels(), r.groups(), w);
            Reweighing.Fitted duplicated = COLUMNS.fit(y, g);
            for (Reweighing.Cell c : duplicated.cells()) {
                double v = weighted.weight(c.group(), c.label());
                if (c.isDefined()) {
                    assertThat(v).isCloseTo(c.weight(), within(REL * c.weight()));
                } else {
                    assertThat(v).isNaN();
                }
            }
        });
    }

    @Test
    void intersectionsFromFairnessDataEqualJoinedGroupLabels() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(true)).checkAssert(r -> {
            if (r.totalWeight() == 0) {
                return;
            }
            FairnessData.Builder b = FairnessData.builder().labels(r.labels()).predictions(r.labels())
                    .sensitive("a", r.groups()).sensitive("b", r.second());
            if (r.weights() != null) {
                b.weights(r.weights());
            }
            FairnessData data = b.build();
            String[] joined = new String[r.groups().length];
            for (int i = 0; i < joined.length; i++) {
                joined[i] = r.groups()[i] + " & " + r.second()[i];
            }
            Reweighing.Fitted viaData = Reweighing.groupBy("a", "b").fit(data);
            assertThat(viaData.weights(data)).isEqualTo(
                    COLUMNS.fit(r.labels(), joined, r.weights()).weights(r.labels(), joined, r.weights()));
            assertThat(viaData.groups().features()).containsExactly("a", "b");
        });
    }

    @Test
    void tableMatchesAHandComputedExampleAndPrintsIt() {
        // group A: 3 positives, 1 negative; group B: 1 positive, 3 negatives; P(y=1) = 1/2, P(g) = 1/2
        int[] y = {1, 1, 1, 0, 1, 0, 0, 0};
        String[] g = {"A", "A", "A", "A", "B", "B", "B", "B"};
        Reweighing.Fitted rw = COLUMNS.fit(y, g);
        assertThat(rw.weight(GroupKey.of("group", "A"), 1)).isEqualTo(0.5 * 0.5 / (3.0 / 8));
        assertThat(rw.weight(GroupKey.of("group", "A"), 0)).isEqualTo(2.0);
        assertThat(rw.weights(y, g)).containsExactly(2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0, 2.0, 2.0 / 3, 2.0 / 3, 2.0 / 3);
        assertThat(rw.toString()).isEqualTo(""
                + "Reweighing by group: total weight 8, base rate after reweighing 0.500000\n"
                + "group  label        rows            mass      mass after        weight\n"
                + "A          1           3               3               2  0.6666666667\n"
                + "A          0           1               1               2  2.0000000000\n"
                + "B          1           1               1               2  2.0000000000\n"
                + "B          0           3               3               2  0.6666666667\n");
    }

    @Test
    void emptyCellIsUndefinedWithItsReasonAndRefusedForRowsWithWeight() {
        int[] y = {1, 0, 1, 1};
        String[] g = {"A", "A", "B", "B"};
        Reweighing.Fitted rw = COLUMNS.fit(y, g);
        Reweighing.Cell empty = rw.cells().get(3);
        assertThat(empty.group()).isEqualTo(GroupKey.of("group", "B"));
        assertThat(empty.label()).isZero();
        assertThat(empty.isDefined()).isFalse();
        assertThat(empty.undefinedReason()).hasValue("group 'B' has no rows with label 0");
        assertThat(rw.toString()).contains("B          0           0               0               0     undefined")
                .contains("note: group 'B' has no rows with label 0: its weight is undefined and the group keeps its "
                        + "base rate");
        assertThatThrownBy(() -> rw.weights(new int[] {1, 0}, new String[] {"A", "B"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: the cell (group 'B', label 0) has no defined weight: when the reweighing was "
                        + "fitted, group 'B' has no rows with label 0; expected a row of a non-empty cell, or weight 0");
        assertThat(rw.weights(new int[] {0}, new String[] {"B"}, new double[] {0})).containsExactly(0.0);
        Reweighing.Fitted zero = COLUMNS.fit(new int[] {1, 0, 0}, new String[] {"A", "A", "B"},
                new double[] {1, 1, 0});
        assertThat(zero.cells().get(3).undefinedReason()).hasValue("the rows of group 'B' with label 0 all weigh 0");
    }

    @Test
    void badInputIsRefusedNamingTheColumnAndRow() {
        assertThatThrownBy(() -> COLUMNS.fit(new int[] {1, 2}, new String[] {"a", "b"}))
                .hasMessage("column 'labels', row 1: got 2; expected 0 or 1");
        assertThatThrownBy(() -> COLUMNS.fit(new int[] {1, 0}, new String[] {"a", null}))
                .hasMessage("column 'groups', row 1: got null; expected a non-null group label");
        assertThatThrownBy(() -> COLUMNS.fit(new int[] {1, 0}, new String[] {"a", "b"}, new double[] {1, Double.NaN}))
                .hasMessage("column 'weights', row 1: got NaN; expected a finite weight >= 0");
        assertThatThrownBy(() -> COLUMNS.fit(new int[] {1}, new String[] {"a", "b"}))
                .hasMessage("column 'labels' has 1 rows; expected 2 (the length of 'groups')");
        assertThatThrownBy(() -> COLUMNS.fit(new int[] {1, 0}, new String[] {"a", "b"}, new double[] {0, 0}))
                .hasMessage("reweighing: the total weight is 0; expected at least one row with weight > 0");
        assertThatThrownBy(() -> COLUMNS.fit(new int[0], new String[0]))
                .hasMessage("the data has no rows; expected at least one row");
        Reweighing.Fitted rw = COLUMNS.fit(new int[] {1, 0}, new String[] {"a", "b"});
        assertThatThrownBy(() -> rw.weights(new int[] {1, 1}, new String[] {"a", "c"}))
                .hasMessage("column 'groups', row 1: got group 'c', which the model was not fitted on; expected one of "
                        + "[a, b]");
        FairnessData two = FairnessData.builder().labels(new int[] {1, 0}).predictions(new int[] {1, 0})
                .sensitive("race", new String[] {"x", "y"}).sensitive("sex", new String[] {"F", "M"}).build();
        assertThatThrownBy(() -> COLUMNS.fit(two))
                .hasMessage("the data has sensitive features [race, sex]; name the ones to group by with groupBy(...)");
        assertThatThrownBy(() -> Reweighing.groupBy("age").fit(two))
                .hasMessageStartingWith("no sensitive feature named 'age'");
        assertThatThrownBy(() -> Reweighing.groupBy()).hasMessage("groupBy needs at least one feature name");
        assertThatThrownBy(() -> Reweighing.groupBy("race").fit(new int[] {1, 0}, new String[] {"a", "b"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) names features of FairnessData; with columns, the groups are the column "
                        + "itself");
        Reweighing.Fitted byRace = Reweighing.groupBy("race").fit(two);
        FairnessData unseen = FairnessData.builder().labels(new int[] {1, 0}).predictions(new int[] {1, 0})
                .sensitive("race", new String[] {"x", "z"}).build();
        assertThatThrownBy(() -> byRace.weights(unseen))
                .hasMessage("column 'race', row 1: got group 'z', which the model was not fitted on; expected one of "
                        + "[x, y]");
        assertThat(COLUMNS.fit(unseen).groups().features()).as("the only feature")
                .containsExactly("race");
        assertThatThrownBy(() -> rw.weight(GroupKey.of("group", "a"), 2)).hasMessage("label must be 0 or 1, got 2");
    }
}
