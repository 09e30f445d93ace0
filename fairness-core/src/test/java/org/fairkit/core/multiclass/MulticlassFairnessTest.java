package org.fairkit.core.multiclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Random;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** One-vs-rest reduction and macro averages against counts over the multiclass rows and scikit-learn's examples. */
class MulticlassFairnessTest {

    /** scikit-learn 1.2 docstrings: precision 0.2222..., recall 0.3333..., f1 0.2666... with average='macro'. */
    @Test
    void macroAveragesEqualScikitLearnsDocumentedExample() {
        MulticlassData d = MulticlassData.builder().labels(new int[] {0, 1, 2, 0, 1, 2})
                .predictions(new int[] {0, 2, 1, 0, 0, 1}).sensitive("g", new String[] {"x", "x", "x", "x", "x", "x"})
                .build();
        MulticlassReport r = MulticlassFairness.of(d)
                .metrics(Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.TRUE_POSITIVE_RATE, Metrics.F1_SCORE).evaluate();
        assertThat(r.classes()).containsExactly("0", "1", "2");
        assertThat(r.macro(Metrics.POSITIVE_PREDICTIVE_VALUE).overall().value()).isCloseTo(0.2222222222222222,
                within(1e-15));
        assertThat(r.macro(Metrics.TRUE_POSITIVE_RATE).overall().value()).isCloseTo(0.3333333333333333, within(1e-15));
        assertThat(r.macro(Metrics.F1_SCORE).overall().value()).isCloseTo(0.26666666666666666, within(1e-15));
        assertThat(r.forClass("0").overall(Metrics.F1_SCORE).value()).isCloseTo(0.8, within(1e-15));
    }

    private record MultiCase(Case c, int[] labels, int[] predictions) {
        MulticlassData data() {
            MulticlassData.Builder b = MulticlassData.builder().labels(labels).predictions(predictions);
            if (c.weights() != null) {
                b.weights(c.weights());
            }
            for (int f = 0; f < c.names().size(); f++) {
                b.sensitive(c.names().get(f), c.features().get(f));
            }
            return b.build();
        }
    }

    private static Gen<MultiCase> cases() {
        Gen<Case> base = DataGen.cases();
        Gen<MultiCase> gen = rs -> {
            Case c = base.generate(rs);
            Random r = new Random(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(rs));
            int k = 2 + r.nextInt(3);
            int[] y = new int[c.rows()];
            int[] p = new int[c.rows()];
            for (int i = 0; i < y.length; i++) {
                y[i] = 10 * r.nextInt(k);
                p[i] = r.nextInt(3) == 0 ? y[i] : 10 * r.nextInt(k);
            }
            return new MultiCase(c, y, p);
        };
        return gen.describedAs(m -> m.c() + "\n  classes " + java.util.Arrays.toString(m.labels()) + " / "
                + java.util.Arrays.toString(m.predictions()));
    }

    /**
     * Each class's one-vs-rest TPR and PPV equal the weighted counts of (y = k, p = k) over (y = k) and (p = k) in
     * the group's multiclass rows; the macro value is their mean, undefined exactly when a class's is.
     */
    @Test
    void oneVsRestValuesAndMacroAveragesEqualCountsOverTheMulticlassRows() {
        qt().withExamples(100).forAll(cases()).checkAssert(m -> {
            MulticlassReport r = MulticlassFairness.of(m.data()).groupBy(m.c().groupBy().toArray(new String[0]))
                    .metrics(Metrics.TRUE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE).fairnessMetrics()
                    .evaluate();
            m.c().groups().forEach((levels, rows) -> {
                GroupKey g = new GroupKey(m.c().groupBy(), levels);
                for (Metrics metric : List.of(Metrics.TRUE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE)) {
                    double sum = 0;
                    boolean defined = true;
                    for (String cls : r.classes()) {
                        int k = Integer.parseInt(cls);
                        double hit = 0;
                        double base = 0;
                        for (int i : rows) {
                            boolean inBase = metric == Metrics.TRUE_POSITIVE_RATE ? m.labels()[i] == k
                                    : m.predictions()[i] == k;
                            if (inBase) {
                                base += m.c().weight(i);
                                hit += m.labels()[i] == k && m.predictions()[i] == k ? m.c().weight(i) : 0;
                            }
                        }
                        MetricValue v = r.forClass(cls).value(metric, g);
                        if (base == 0) {
                            assertThat(v.isDefined()).as("%s of class %s in %s", metric, cls, g).isFalse();
                            defined = false;
                        } else {
                            assertThat(v.value()).as("%s of class %s in %s", metric, cls, g)
                                    .isCloseTo(hit / base, within(1e-12));
                            sum += v.value();
                        }
                    }
                    MetricValue macro = r.macroValue(metric, g);
                    assertThat(macro.isDefined()).as("macro %s of %s", metric, g).isEqualTo(defined);
                    if (defined) {
                        assertThat(macro.value()).isCloseTo(sum / r.classes().size(), within(1e-12));
                    } else {
                        assertThat(macro.reason().orElseThrow()).startsWith("class '");
                    }
                }
            });
        });
    }

    @Test
    void stringClassesSortAndGiveTheValuesOfTheirCodes() {
        MulticlassData names = MulticlassData.builder().labels(new String[] {"cat", "dog", "emu", "dog"})
                .predictions(new String[] {"cat", "cat", "emu", "dog"}).sensitive("g", new String[] {"a", "a", "b", "b"})
                .build();
        MulticlassData codes = MulticlassData.builder().labels(new int[] {0, 1, 2, 1})
                .predictions(new int[] {0, 0, 2, 1}).sensitive("g", new String[] {"a", "a", "b", "b"}).build();
        assertThat(names.classes()).containsExactly("cat", "dog", "emu");
        MulticlassReport a = MulticlassFairness.of(names).zeroDivision(ZeroDivision.ZERO).evaluate();
        MulticlassReport b = MulticlassFairness.of(codes).zeroDivision(ZeroDivision.ZERO).evaluate();
        for (Metrics m : List.of(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.ACCURACY)) {
            assertThat(a.macro(m).overall()).isEqualTo(b.macro(m).overall());
            assertThat(a.macroValue(m, GroupKey.of("g", "b"))).isEqualTo(b.macroValue(m, GroupKey.of("g", "b")));
        }
    }

    @Test
    void badInputIsRejectedWithTheColumnAndRow() {
        assertThatThrownBy(() -> MulticlassData.builder().labels(new int[] {1}).predictions(new String[] {"1"})
                .sensitive("g", new String[] {"a"}).build())
                .hasMessage("labels and predictions must both be int codes or both strings, got int labels and string "
                        + "predictions");
        assertThatThrownBy(() -> MulticlassData.builder().labels(new String[] {"a", null})
                .predictions(new String[] {"a", "b"}).sensitive("g", new String[] {"a", "a"}).build())
                .hasMessage("column 'labels', row 1: got null; expected a non-null class");
        assertThatThrownBy(() -> MulticlassData.builder().labels(new int[] {1, 2}).predictions(new int[] {1, 2})
                .weights(new double[] {1, Double.NaN}).sensitive("g", new String[] {"a", "a"}).build())
                .hasMessage("column 'weights', row 1: got NaN; expected a finite weight >= 0");
        MulticlassData d = MulticlassData.builder().labels(new int[] {1, 2}).predictions(new int[] {1, 2})
                .sensitive("g", new String[] {"a", "a"}).build();
        assertThatThrownBy(() -> d.oneVsRest("3")).hasMessage("no class '3'; the classes are [1, 2]");
    }

    @Test
    void toStringPrintsAClassTablePerMetricWithTheMacroColumn() {
        MulticlassData d = MulticlassData.builder().labels(new String[] {"cat", "dog", "dog", "cat"})
                .predictions(new String[] {"cat", "cat", "dog", "dog"}).sensitive("g", new String[] {"a", "a", "b", "b"})
                .build();
        assertThat(MulticlassFairness.of(d).metrics(Metrics.TRUE_POSITIVE_RATE).evaluate().toString()).isEqualTo(""
                + "FairKit multiclass report: 2 classes [cat, dog], one-vs-rest, 2 groups by g, 4 rows\n"
                + "\n"
                + "true_positive_rate:\n"
                + "group       cat     dog   macro\n"
                + "a        1.0000  0.0000  0.5000\n"
                + "b        0.0000  1.0000  0.5000\n"
                + "overall  0.5000  0.5000  0.5000\n"
                + "macro difference 0.0000, ratio 1.0000\n"
                + "\n"
                + "warnings: 2\n"
                + "- class 'cat': predictive_parity_difference is undefined: needs at least two groups with a defined "
                + "value, has 1\n"
                + "- class 'dog': predictive_parity_difference is undefined: needs at least two groups with a defined "
                + "value, has 1\n");
    }

    @Test
    void aReportAssembledFromEachClasssReportEqualsTheFrontDoors() {
        MulticlassData d = MulticlassData.builder().labels(new String[] {"cat", "dog", "emu", "dog"})
                .predictions(new String[] {"cat", "emu", "emu", "dog"}).sensitive("g", new String[] {"x", "y", "x",
                    "y"}).build();
        MulticlassReport direct = MulticlassFairness.of(d).evaluate();
        java.util.Map<String, org.fairkit.core.FairnessReport> byClass = new java.util.LinkedHashMap<>();
        for (String c : java.util.List.of("emu", "cat", "dog")) {
            byClass.put(c, direct.forClass(c));
        }
        MulticlassReport assembled = MulticlassReport.of(d.classes(), byClass);
        assertThat(assembled.toString()).isEqualTo(direct.toString());
        assertThat(assembled.classes()).containsExactly("cat", "dog", "emu");
        byClass.remove("emu");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MulticlassReport.of(d.classes(), byClass))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need one report per class: classes [cat, dog, emu], reports for [cat, dog]");
    }
}
