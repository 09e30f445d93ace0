package org.fairkit.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link RankingReport} on small random rankings with tied scores, groups of one item, groups
 * without relevant items and every built-in position bias. The reference is brute force: every strict ranking that
 * breaks the ties, each scored by the textbook formulas, averaged (ties are defined as the expectation under a
 * uniformly random order of tied items). Tolerance {@value #TOLERANCE}.
 */
class RankingFairnessTest {
    static final double TOLERANCE = 1e-12;
    private static final int EXAMPLES = 250;
    private static final List<String> LEVELS = List.of("b", "A", "é", "z z");

    /**
     * A random ranking.
     *
     * @param group each item's group
     * @param score each item's score (small integers: ties)
     * @param relevance each item's relevance
     * @param bias the position bias
     * @param k a cut-off in 1..n
     */
    record Case(String[] group, double[] score, double[] relevance, PositionBias bias, int k) {
        int n() {
            return group.length;
        }

        Ranking ranking() {
            return Ranking.builder().sensitive("g", group).scores(score).relevance(relevance).build();
        }

        RankingReport fairness() {
            return RankingFairness.of(ranking()).positionBias(bias).evaluate();
        }

        Case permuted(int[] order) {
            String[] g = new String[n()];
            double[] s = new double[n()];
            double[] u = new double[n()];
            for (int i = 0; i < n(); i++) {
                g[i] = group[order[i]];
                s[i] = score[order[i]];
                u[i] = relevance[order[i]];
            }
            return new Case(g, s, u, bias, k);
        }

        @Override
        public String toString() {
            return "Case[k=" + k + ", bias=" + bias.describe() + "\n  group     " + Arrays.toString(group)
                    + "\n  score     " + Arrays.toString(score) + "\n  relevance " + Arrays.toString(relevance) + "]";
        }
    }

    static Gen<Case> cases(int maxItems) {
        Gen<Case> gen = rs -> {
            int n = Generate.range(1, maxItems).generate(rs);
            int levels = Generate.range(1, 3).generate(rs);
            int scoreLevels = Generate.range(1, n + 1).generate(rs);
            String[] group = new String[n];
            double[] score = new double[n];
            double[] relevance = new double[n];
            String noRelevance = LEVELS.get(Generate.range(0, 3).generate(rs)); // possibly a group with no merit
            for (int i = 0; i < n; i++) {
                group[i] = LEVELS.get(Generate.range(0, levels - 1).generate(rs));
                score[i] = Generate.range(0, scoreLevels - 1).generate(rs) / 2.0;
                relevance[i] = group[i].equals(noRelevance) ? 0 : Generate.range(0, 3).generate(rs);
            }
            PositionBias bias;
            switch (Generate.range(0, 3).generate(rs)) {
                case 0:
                    bias = PositionBias.logarithmic();
                    break;
                case 1:
                    bias = PositionBias.geometric(0.7);
                    break;
                case 2:
                    bias = PositionBias.reciprocal();
                    break;
                default:
                    bias = PositionBias.cutoff(Generate.range(1, n).generate(rs));
                    break;
            }
            return new Case(group, score, relevance, bias, Generate.range(1, n).generate(rs));
        };
        return gen.describedAs(Case::toString);
    }

    /** Every strict order of the items that sorts them by descending score (ties in every order). */
    private static void strictOrders(Case c, Consumer<int[]> out) {
        TreeMap<Double, List<Integer>> blocks = new TreeMap<>(Collections.reverseOrder());
        for (int i = 0; i < c.n(); i++) {
            blocks.computeIfAbsent(c.score()[i], s -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> list = new ArrayList<>(blocks.values());
        expand(list, 0, new ArrayList<>(), out);
    }

    private static void expand(List<List<Integer>> blocks, int b, List<Integer> prefix, Consumer<int[]> out) {
        if (b == blocks.size()) {
            out.accept(prefix.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        permute(new ArrayList<>(blocks.get(b)), 0, p -> {
            List<Integer> next = new ArrayList<>(prefix);
            next.addAll(p);
            expand(blocks, b + 1, next, out);
        });
    }

    private static void permute(List<Integer> a, int from, Consumer<List<Integer>> out) {
        if (from == a.size()) {
            out.accept(List.copyOf(a));
            return;
        }
        for (int i = from; i < a.size(); i++) {
            Collections.swap(a, from, i);
            permute(a, from + 1, out);
            Collections.swap(a, from, i);
        }
    }

    /** Per group: exposure, NDCG@k, precision@k and top-k count of one strict order, by the textbook formulas. */
    private static Map<String, double[]> strictMetrics(Case c, int[] order, Gain gain) {
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        Map<String, double[]> out = new HashMap<>();
        for (int pos = 1; pos <= order.length; pos++) {
            int i = order[pos - 1];
            byGroup.computeIfAbsent(c.group()[i], g -> new ArrayList<>()).add(i);
            double[] m = out.computeIfAbsent(c.group()[i], g -> new double[5]);
            m[0] += c.bias().weight(pos);
            m[3] += pos <= c.k() ? 1 : 0;
            m[4]++;
        }
        byGroup.forEach((g, items) -> {
            double[] m = out.get(g);
            m[0] /= items.size();
            int cut = Math.min(c.k(), items.size());
            double dcg = 0;
            double relevant = 0;
            for (int j = 1; j <= cut; j++) {
                double u = c.relevance()[items.get(j - 1)];
                dcg += gain.of(u) * c.bias().weight(j);
                relevant += u > 0 ? 1 : 0;
            }
            double[] ideal = items.stream().mapToDouble(i -> gain.of(c.relevance()[i])).sorted().toArray();
            double idcg = 0;
            for (int j = 1; j <= cut; j++) {
                idcg += ideal[ideal.length - j] * c.bias().weight(j);
            }
            m[1] = idcg == 0 ? Double.NaN : dcg / idcg;
            m[2] = relevant / cut;
        });
        return out;
    }

    private static int index(GroupValues v, String level) {
        for (int g = 0; g < v.groups().size(); g++) {
            if (v.groups().get(g).levels().get(0).equals(level)) {
                return g;
            }
        }
        throw new AssertionError("no group " + level);
    }

    private static void assertValue(MetricValue actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual.isDefined()).as("%s undefined: %s", what, actual).isFalse();
        } else {
            assertThat(actual.isDefined()).as("%s defined: %s", what, actual).isTrue();
            assertThat(actual.value()).as(what).isCloseTo(expected, within(TOLERANCE));
        }
    }

    @Test
    void tiedRankingsEqualTheAverageOverEveryOrderOfTheTiedItems() {
        qt().withExamples(150).forAll(cases(7)).checkAssert(c -> {
            for (Gain gain : Gain.values()) {
                Map<String, double[]> sum = new HashMap<>();
                int[] orders = {0};
                strictOrders(c, order -> {
                    orders[0]++;
                    strictMetrics(c, order, gain).forEach((g, m) -> {
                        double[] s = sum.computeIfAbsent(g, x -> new double[5]);
                        for (int j = 0; j < 5; j++) {
                            s[j] += m[j]; // NaN (undefined NDCG) stays NaN in every order, as the ideal DCG is fixed
                        }
                    });
                });
                RankingReport f = c.fairness();
                GroupValues exposure = f.exposure();
                GroupValues ndcg = f.ndcg(c.k(), gain);
                GroupValues precision = f.precision(c.k());
                TopK top = f.topK(c.k());
                sum.forEach((g, s) -> {
                    int gi = index(exposure, g);
                    assertValue(exposure.value(gi), s[0] / orders[0], "exposure of " + g);
                    assertValue(ndcg.value(gi), s[1] / orders[0], "ndcg of " + g);
                    assertValue(precision.value(gi), s[2] / orders[0], "precision of " + g);
                    assertThat(top.selected(gi)).as("top-k of %s", g).isCloseTo(s[3] / orders[0], within(TOLERANCE));
                    assertThat(top.size(gi)).isEqualTo((int) (s[4] / orders[0]));
                });
            }
        });
    }

    @Test
    void explicitPositionsGiveTheStrictValues() {
        qt().withExamples(EXAMPLES).forAll(cases(10), longs().all()).checkAssert((c, seed) -> {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < c.n(); i++) {
                items.add(i);
            }
            Collections.shuffle(items, new Random(seed));
            int[] order = items.stream().mapToInt(Integer::intValue).toArray();
            int[] positions = new int[c.n()];
            for (int p = 0; p < order.length; p++) {
                positions[order[p]] = p + 1;
            }
            Ranking r = Ranking.builder().sensitive("g", c.group()).positions(positions).relevance(c.relevance())
                    .build();
            RankingReport f = RankingFairness.of(r).positionBias(c.bias()).evaluate();
            Map<String, double[]> expected = strictMetrics(c, order, Gain.LINEAR);
            expected.forEach((g, m) -> {
                int gi = index(f.exposure(), g);
                assertValue(f.exposure().value(gi), m[0], "exposure of " + g);
                assertValue(f.ndcg(c.k()).value(gi), m[1], "ndcg of " + g);
                assertValue(f.precision(c.k()).value(gi), m[2], "precision of " + g);
                assertThat(f.topK(c.k()).selected(gi)).isEqualTo(m[3]);
            });
            for (int i = 0; i < c.n(); i++) {
                assertThat(f.exposureOf(i)).isEqualTo(c.bias().weight(positions[i]));
            }
        });
    }

    @Test
    void valuesAreInvariantUnderTheOrderOfTheItems() {
        qt().withExamples(EXAMPLES).forAll(cases(12), longs().all()).checkAssert((c, seed) -> {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < c.n(); i++) {
                items.add(i);
            }
            Collections.shuffle(items, new Random(seed));
            RankingReport before = c.fairness();
            RankingReport after = c.permuted(items.stream().mapToInt(Integer::intValue).toArray()).fairness();
            for (int k = 1; k <= c.n(); k++) {
                assertSame(after.ndcg(k), before.ndcg(k));
                assertSame(after.precision(k), before.precision(k));
                assertSame(after.topK(k).selectionRate(), before.topK(k).selectionRate());
            }
            assertSame(after.exposure(), before.exposure());
            assertSame(after.exposurePerRelevance(), before.exposurePerRelevance());
            assertSame(after.clickThroughPerRelevance(), before.clickThroughPerRelevance());
        });
    }

    @Test
    void valuesFollowTheirGroupsUnderRelabeling() {
        qt().withExamples(EXAMPLES).forAll(cases(12)).checkAssert(c -> {
            String[] renamed = Arrays.stream(c.group()).map(g -> "new " + g.toUpperCase(java.util.Locale.ROOT) + g)
                    .toArray(String[]::new);
            RankingReport before = c.fairness();
            RankingReport after = new Case(renamed, c.score(), c.relevance(), c.bias(), c.k()).fairness();
            for (GroupValues[] pair : List.of(new GroupValues[] {before.exposure(), after.exposure()},
                    new GroupValues[] {before.ndcg(c.k()), after.ndcg(c.k())},
                    new GroupValues[] {before.exposurePerRelevance(), after.exposurePerRelevance()})) {
                for (int g = 0; g < pair[0].groups().size(); g++) {
                    String level = pair[0].groups().get(g).levels().get(0);
                    String other = "new " + level.toUpperCase(java.util.Locale.ROOT) + level;
                    assertThat(pair[1].value(index(pair[1], other))).isEqualTo(pair[0].value(g));
                }
            }
            assertThat(after.disparateTreatmentRatio().value()).isEqualTo(before.disparateTreatmentRatio().value());
            assertThat(after.exposureRatio().value()).isEqualTo(before.exposureRatio().value());
        });
    }

    private static void assertSame(GroupValues actual, GroupValues expected) {
        assertThat(actual.groups()).isEqualTo(expected.groups());
        for (int g = 0; g < expected.groups().size(); g++) {
            MetricValue e = expected.value(g);
            MetricValue a = actual.value(g);
            assertThat(a.isDefined()).isEqualTo(e.isDefined());
            if (e.isDefined()) {
                assertThat(a.value()).isCloseTo(e.value(), within(TOLERANCE));
            }
        }
        assertThat(actual.overall().isDefined()).isEqualTo(expected.overall().isDefined());
        if (expected.overall().isDefined()) {
            assertThat(actual.overall().value()).isCloseTo(expected.overall().value(), within(TOLERANCE));
        }
    }

    @Test
    void definedValuesLieWithinTheDeclaredBounds() {
        qt().withExamples(EXAMPLES).forAll(cases(15)).checkAssert(c -> {
            RankingReport f = c.fairness();
            TopK top = f.topK(c.k());
            List<Object[]> checks = List.of(
                    new Object[] {RankingMetrics.EXPOSURE, f.exposure()},
                    new Object[] {RankingMetrics.EXPOSURE_PER_RELEVANCE, f.exposurePerRelevance()},
                    new Object[] {RankingMetrics.CLICK_THROUGH_PER_RELEVANCE, f.clickThroughPerRelevance()},
                    new Object[] {RankingMetrics.TOP_K_SELECTION_RATE, top.selectionRate()},
                    new Object[] {RankingMetrics.TOP_K_SKEW, top.skew()},
                    new Object[] {RankingMetrics.NDCG_AT_K, f.ndcg(c.k())},
                    new Object[] {RankingMetrics.NDCG_AT_K, f.ndcg(c.k(), Gain.EXPONENTIAL)},
                    new Object[] {RankingMetrics.PRECISION_AT_K, f.precision(c.k())});
            for (Object[] check : checks) {
                RankingMetrics m = (RankingMetrics) check[0];
                GroupValues v = (GroupValues) check[1];
                assertThat(v.metricId()).isEqualTo(m.info().id());
                List<MetricValue> all = new ArrayList<>();
                for (int g = 0; g < v.groups().size(); g++) {
                    all.add(v.value(g));
                }
                all.add(v.overall());
                for (MetricValue x : all) {
                    if (x.isDefined()) {
                        assertThat(x.value()).as("%s", m).isBetween(m.info().lowerBound(), m.info().upperBound());
                    }
                }
            }
            List<Object[]> disparities = List.of(
                    new Object[] {RankingMetrics.EXPOSURE_DIFFERENCE, f.exposureDifference()},
                    new Object[] {RankingMetrics.EXPOSURE_RATIO, f.exposureRatio()},
                    new Object[] {RankingMetrics.DISPARATE_TREATMENT_RATIO, f.disparateTreatmentRatio()},
                    new Object[] {RankingMetrics.DISPARATE_IMPACT_RATIO, f.disparateImpactRatio()},
                    new Object[] {RankingMetrics.TOP_K_SELECTION_RATE_RATIO, top.selectionRateRatio()},
                    new Object[] {RankingMetrics.TOP_K_SELECTION_RATE_DIFFERENCE, top.selectionRateDifference()});
            for (Object[] check : disparities) {
                RankingMetrics m = (RankingMetrics) check[0];
                Disparity d = (Disparity) check[1];
                assertThat(d.id()).isEqualTo(m.info().id());
                if (d.isDefined()) {
                    assertThat(d.asDouble()).as("%s", m).isBetween(m.info().lowerBound(), m.info().upperBound());
                } else {
                    assertThat(d.value().reason()).isPresent();
                }
            }
        });
    }

    @Test
    void topKSharesAddUpAndSkewAveragesToOne() {
        qt().withExamples(EXAMPLES).forAll(cases(15)).checkAssert(c -> {
            TopK top = c.fairness().topK(c.k());
            double selected = 0;
            double share = 0;
            double skew = 0;
            for (int g = 0; g < top.groups().size(); g++) {
                selected += top.selected(g);
                share += top.shareOfTopK(g);
                skew += top.shareOfItems(g) * top.skew().value(g).orElseThrow();
            }
            assertThat(selected).isCloseTo(c.k(), within(TOLERANCE));
            assertThat(share).isCloseTo(1, within(TOLERANCE));
            assertThat(skew).isCloseTo(1, within(TOLERANCE));
            assertThat(top.selectionRate().overall().orElseThrow()).isEqualTo((double) c.k() / c.n());
        });
    }

    /** Scores equal to relevance put every group's items in ideal order: NDCG is 1 for every group and overall. */
    @Test
    void rankingByRelevanceHasNdcgOneInEveryGroupWithARelevantItem() {
        qt().withExamples(EXAMPLES).forAll(cases(15)).checkAssert(c -> {
            RankingReport f = new Case(c.group(), c.relevance(), c.relevance(), c.bias(), c.k()).fairness();
            for (Gain gain : Gain.values()) {
                GroupValues ndcg = f.ndcg(c.k(), gain);
                for (int g = 0; g < ndcg.groups().size(); g++) {
                    if (ndcg.value(g).isDefined()) {
                        assertThat(ndcg.value(g).value()).isCloseTo(1, within(TOLERANCE));
                    } else {
                        assertThat(ndcg.value(g).reason()).isPresent();
                    }
                }
            }
        });
    }

    @Test
    void groupKeysAreThoseOfTheSensitiveFeature() {
        Ranking r = Ranking.builder().sensitive("sex", new String[] {"F", "M", "F"}).positions(new int[] {3, 1, 2})
                .build();
        assertThat(RankingFairness.of(r).evaluate().exposure().groups())
                .containsExactly(GroupKey.of("sex", "F"), GroupKey.of("sex", "M"));
    }
}
