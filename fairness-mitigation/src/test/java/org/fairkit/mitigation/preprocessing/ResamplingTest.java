package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/** Uniform and preferential resampling: target sizes, which rows are kept or copied, determinism, errors. */
class ResamplingTest {
    private static final int EXAMPLES = 300;

    private static Resampling.Fitted run(LabelledRows r, boolean preferential, long seed) {
        return preferential ? Resampling.preferential().fit(r.labels(), r.groups(), r.scores())
                : Resampling.uniform().seed(seed).fit(r.labels(), r.groups());
    }

    /** Copies of each input row in the resample. */
    private static int[] copies(Resampling.Fitted s, int n) {
        int[] c = new int[n];
        for (int i : s.rows()) {
            c[i]++;
        }
        return c;
    }

    @Test
    void cellsReachTheirExpectedSizeWithinHalfARowAndGroupsKeepTheirSize() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(false), longs().all()).checkAssert((r, seed) -> {
            for (boolean preferential : new boolean[] {false, true}) {
                Resampling.Fitted s = run(r, preferential, seed);
                int n = r.labels().length;
                long pos = 0;
                for (int y : r.labels()) {
                    pos += y;
                }
                // recount the resample from its row indices, independently of the reported table
                Map<String, int[]> counted = new HashMap<>();
                for (int i : s.rows()) {
                    counted.computeIfAbsent(r.groups()[i], k -> new int[2])[r.labels()[i]]++;
                }
                Map<String, Integer> groupSize = new HashMap<>();
                for (String g : r.groups()) {
                    groupSize.merge(g, 1, Integer::sum);
                }
                for (Resampling.Cell c : s.cells()) {
                    String g = c.group().label();
                    double expected = (double) groupSize.get(g) * (c.label() == 1 ? pos : n - pos) / n;
                    assertThat(c.expected()).isEqualTo(expected);
                    assertThat(c.after()).isEqualTo(c.target());
                    assertThat(counted.getOrDefault(g, new int[2])[c.label()]).isEqualTo(c.after());
                    if (c.balanced()) {
                        assertThat(Math.abs(c.target() - expected)).as("%s", c).isLessThanOrEqualTo(0.5 + 1e-12);
                    } else {
                        assertThat(c.target()).as("%s, a group with one label, is kept", c).isEqualTo(c.before());
                        assertThat(s.unbalanced()).contains(c.group());
                    }
                }
                assertThat(s.size()).isEqualTo(n);
                groupSize.forEach((g, size) -> {
                    int[] got = counted.getOrDefault(g, new int[2]);
                    assertThat(got[0] + got[1]).as("group %s keeps its size", g).isEqualTo(size);
                });
            }
        });
    }

    @Test
    void uniformSamplingSubsetsLargeCellsAndKeepsEveryRowOfSmallCells() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(false), longs().all()).checkAssert((r, seed) -> {
            Resampling.Fitted s = run(r, false, seed);
            int[] copies = copies(s, r.labels().length);
            for (Resampling.Cell c : s.cells()) {
                for (int i = 0; i < copies.length; i++) {
                    if (r.groups()[i].equals(c.group().label()) && r.labels()[i] == c.label()) {
                        if (c.target() <= c.before()) {
                            assertThat(copies[i]).as("row %s of a cell above its target", i).isLessThanOrEqualTo(1);
                        } else {
                            assertThat(copies[i]).as("row %s of a cell below its target", i).isGreaterThanOrEqualTo(1);
                        }
                    }
                }
            }
            assertThat(run(r, false, seed).rows()).isEqualTo(s.rows());
        });
    }

    @Test
    void differentSeedsDrawDifferentRows() {
        int n = 1000;
        int[] y = new int[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = i % 2 == 0 ? "a" : "b";
            y[i] = (i % 2 == 0) == (i % 10 < 7) ? 1 : 0;
        }
        Resampling.Fitted one = Resampling.uniform().seed(1).fit(y, g);
        assertThat(Resampling.uniform().seed(1).fit(y, g).rows()).isEqualTo(one.rows());
        assertThat(Resampling.uniform().seed(2).fit(y, g).rows()).isNotEqualTo(one.rows());
        assertThat(Resampling.uniform().fit(y, g).rows()).isEqualTo(Resampling.uniform().seed(0).fit(y, g).rows());
    }

    @Test
    void preferentialSamplingRemovesAndCopiesTheRowsNearestTheBoundary() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(false)).checkAssert(r -> {
            Resampling.Fitted s = run(r, true, 0);
            assertThat(run(r, true, 0).rows()).isEqualTo(s.rows());
            int[] copies = copies(s, r.labels().length);
            for (Resampling.Cell c : s.cells()) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < copies.length; i++) {
                    if (r.groups()[i].equals(c.group().label()) && r.labels()[i] == c.label()) {
                        members.add(i);
                    }
                }
                // "closer to the boundary" = lower score for positives, higher for negatives; ties by row index
                members.sort((p, q) -> {
                    int d = c.label() == 1 ? Double.compare(r.scores()[p], r.scores()[q])
                            : Double.compare(r.scores()[q], r.scores()[p]);
                    return d != 0 ? d : Integer.compare(p, q);
                });
                int a = members.size();
                int t = c.target();
                for (int rank = 0; rank < a; rank++) {
                    int expected = t <= a ? (rank < a - t ? 0 : 1) : 1 + (t - a) / a + (rank < (t - a) % a ? 1 : 0);
                    assertThat(copies[members.get(rank)]).as("%s: copies of the rank-%s row", c, rank)
                            .isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void eachGroupsBaseRateMovesToTheOverallRateWithinRounding() {
        qt().withExamples(EXAMPLES).forAll(LabelledRows.rows(false), longs().all()).checkAssert((r, seed) -> {
            Resampling.Fitted s = run(r, false, seed);
            int n = r.labels().length;
            double base = 0;
            for (int y : r.labels()) {
                base += y;
            }
            base /= n;
            for (int k = 0; k < s.cells().size(); k += 2) {
                Resampling.Cell pos = s.cells().get(k);
                Resampling.Cell neg = s.cells().get(k + 1);
                if (!pos.balanced()) {
                    continue;
                }
                int size = pos.target() + neg.target();
                assertThat(size).isEqualTo(pos.before() + neg.before());
                assertThat(Math.abs((double) pos.target() / size - base)).isLessThanOrEqualTo(0.5 / size + 1e-12);
            }
        });
    }

    @Test
    void resultPrintsItsTable() {
        int[] y = {1, 1, 1, 0, 1, 0, 0, 0};
        String[] g = {"A", "A", "A", "A", "B", "B", "B", "B"};
        double[] s = {0.9, 0.8, 0.4, 0.6, 0.7, 0.3, 0.45, 0.2};
        Resampling.Fitted p = Resampling.preferential().fit(y, g, s);
        // A: positive 0.4 (row 2) removed, negative 0.6 (row 3) copied; B: positive row 4 copied, negative 0.45
        // (row 6) removed
        assertThat(p.rows()).containsExactly(0, 1, 3, 3, 4, 4, 5, 7);
        assertThat(p.toString()).isEqualTo(""
                + "Preferential resampling by group: 8 rows\n"
                + "group  label    before      expected    target     after\n"
                + "A          1         3         2.000         2         2\n"
                + "A          0         1         2.000         2         2\n"
                + "B          1         1         2.000         2         2\n"
                + "B          0         3         2.000         2         2\n");
        Resampling.Fitted u = Resampling.uniform().seed(3).fit(new int[] {1, 1, 0}, new String[] {"A", "A", "B"});
        assertThat(u.unbalanced()).containsExactly(GroupKey.of("group", "A"), GroupKey.of("group", "B"));
        assertThat(u.rows()).containsExactly(0, 1, 2);
        assertThat(u.toString()).startsWith("Uniform resampling by group (seed 3): 3 rows\n")
                .endsWith("note: group 'A' has no rows with label 0: it cannot be rebalanced and is kept as it is\n"
                        + "note: group 'B' has no rows with label 1: it cannot be rebalanced and is kept as it is\n");
    }

    @Test
    void badInputAndMisuseAreRefused() {
        int[] y = {1, 0};
        String[] g = {"a", "b"};
        assertThatThrownBy(() -> Resampling.preferential().seed(1))
                .hasMessage("preferential sampling is deterministic; it takes no seed");
        assertThatThrownBy(() -> Resampling.uniform().seed(1).seed(2))
                .hasMessage("seed is already set; each setting is set once");
        assertThatThrownBy(() -> Resampling.preferential().fit(y, g))
                .hasMessage("preferential sampling needs scores; call fit(labels, groups, scores)");
        assertThatThrownBy(() -> Resampling.uniform().fit(y, g, new double[] {0.1, 0.2}))
                .hasMessage("uniform sampling uses no scores; call fit(labels, groups)");
        assertThatThrownBy(() -> Resampling.preferential().fit(y, g, new double[] {0.1, Double.NaN}))
                .hasMessage("column 'scores', row 1: got NaN; expected a finite score in [0, 1]");
        FairnessData weighted = FairnessData.builder().labels(y).predictions(y).sensitive("s", g)
                .weights(new double[] {1, 2}).build();
        assertThatThrownBy(() -> Resampling.uniform().fit(weighted))
                .hasMessage("resampling draws rows by count and the data is weighted; use Reweighing for weighted data");
        FairnessData noScores = FairnessData.builder().labels(y).predictions(y).sensitive("s", g).build();
        assertThatThrownBy(() -> Resampling.preferential().fit(noScores))
                .hasMessage("preferential sampling needs scores; the data has none");
        FairnessData data = FairnessData.builder().labels(y).predictions(y).sensitive("s", g)
                .scores(new double[] {0.4, 0.6}).build();
        assertThat(Resampling.preferential().groupBy("s").fit(data).rows())
                .isEqualTo(Resampling.preferential().fit(y, g, new double[] {0.4, 0.6}).rows());
        assertThatThrownBy(() -> Resampling.uniform().groupBy("s").groupBy("s"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy is already set; each setting is set once");
        assertThatThrownBy(() -> Resampling.uniform().groupBy("s").fit(y, g))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) names features of FairnessData; with columns, the groups are the column "
                        + "itself");
        assertThat(Resampling.uniform().seed(7).groupBy("s").toString()).isEqualTo("Resampling[uniform, seed 7, by s]");
    }
}
