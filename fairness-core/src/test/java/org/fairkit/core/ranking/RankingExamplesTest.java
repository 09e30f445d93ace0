package org.fairkit.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.junit.jupiter.api.Test;

/** Hand-computed values, scikit-learn's documented examples, undefined cases and the exact error messages. */
class RankingExamplesTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    private static Ranking oneGroup(double[] scores, double[] relevance) {
        String[] g = new String[scores.length];
        java.util.Arrays.fill(g, "all");
        return Ranking.builder().sensitive("g", g).scores(scores).relevance(relevance).build();
    }

    /** The examples of scikit-learn 1.2 {@code ndcg_score}'s docstring, with DCG written out. */
    @Test
    void overallNdcgMatchesScikitLearnDocumentedExamples() {
        Ranking r = oneGroup(new double[] {.1, .2, .3, 4, 70}, new double[] {10, 0, 0, 1, 5});
        RankingReport f = RankingFairness.of(r).evaluate();
        double idcg = 10 + 5 / LOG2_3 + 1 / 2.0;
        // ndcg_score([[10, 0, 0, 1, 5]], [[.1, .2, .3, 4, 70]]) = 0.69...
        double dcg = 5 + 1 / LOG2_3 + 10 / (Math.log(6) / Math.log(2));
        assertThat(f.ndcg(5).overall().orElseThrow()).isCloseTo(dcg / idcg, within(1e-15))
                .isCloseTo(0.6957, within(1e-4));
        // scores [[.05, 1.1, 1., .5, .0]]: 0.49..., and with k=4: 0.35...
        RankingReport g = RankingFairness.of(oneGroup(new double[] {.05, 1.1, 1., .5, .0},
                new double[] {10, 0, 0, 1, 5})).evaluate();
        double log2of5 = Math.log(5) / Math.log(2);
        assertThat(g.ndcg(5).overall().orElseThrow())
                .isCloseTo((0.5 + 10 / log2of5 + 5 / (Math.log(6) / Math.log(2))) / idcg, within(1e-15))
                .isCloseTo(0.4936, within(1e-4));
        assertThat(g.ndcg(4).overall().orElseThrow()).isCloseTo((0.5 + 10 / log2of5) / idcg, within(1e-15))
                .isCloseTo(0.3520, within(1e-4));
        // ties averaged: scores [[1, 0, 0, 0, 1]], k=1: (10/10 + 5/10) / 2 = 0.75 (ignore_ties=True would give 0.5)
        Ranking tied = oneGroup(new double[] {1, 0, 0, 0, 1}, new double[] {10, 0, 0, 1, 5});
        assertThat(RankingFairness.of(tied).evaluate().ndcg(1).overall().orElseThrow()).isEqualTo(0.75);
    }

    /**
     * Two groups, positions 1..4: A holds 1 and 3, B holds 2 and 4; relevance A = (1, 1), B = (2, 2). With v(p) =
     * 1/log2(1+p): Exposure(A) = (1 + 0.5)/2, Exposure(B) = (1/log2 3 + 1/log2 5)/2; per relevance A = 0.75,
     * B = Exposure(B)/2.
     */
    @Test
    void exposureAndDisparateTreatmentByHand() {
        Ranking r = Ranking.builder().sensitive("g", new String[] {"A", "B", "A", "B"})
                .positions(new int[] {1, 2, 3, 4}).relevance(new double[] {1, 2, 1, 2}).build();
        RankingReport f = RankingFairness.of(r).evaluate();
        double expA = 0.75;
        double expB = (1 / LOG2_3 + 1 / (Math.log(5) / Math.log(2))) / 2;
        GroupValues exposure = f.exposure();
        assertThat(exposure.value(0).orElseThrow()).isCloseTo(expA, within(1e-15));
        assertThat(exposure.value(1).orElseThrow()).isCloseTo(expB, within(1e-15));
        assertThat(f.exposureRatio().asDouble()).isCloseTo(expB / expA, within(1e-15));
        assertThat(f.exposureDifference().asDouble()).isCloseTo(expA - expB, within(1e-15));
        Disparity dtr = f.disparateTreatmentRatio();
        assertThat(dtr.id()).isEqualTo("disparate_treatment_ratio");
        assertThat(dtr.asDouble()).isCloseTo((expB / 2) / expA, within(1e-15));
        assertThat(dtr.groups()).extracting(g -> g.label()).containsExactly("B", "A");
        // Paper orientation, G0 = B against G1 = A as reference.
        assertThat(f.exposurePerRelevance().toReference(0).get(0).ratio().orElseThrow())
                .isCloseTo((expB / 2) / (expA / 1), within(1e-15));
        // CTR per relevance: A = (1·1 + 0.5·1)/2 / 1, B = (2/log2 3 + 2/log2 5)/2 / 2.
        assertThat(f.clickThroughPerRelevance().value(0).orElseThrow()).isCloseTo(0.75, within(1e-15));
        assertThat(f.clickThroughPerRelevance().value(1).orElseThrow()).isCloseTo(expB, within(1e-15));
        assertThat(f.disparateImpactRatio().asDouble()).isCloseTo(expB / 0.75, within(1e-15));
    }

    @Test
    void topKWithATieAcrossTheCutCountsItemsFractionally() {
        // Scores: A 9, B 5, A 5, B 5, B 1 -> positions 1, then a tie block 2..4, then 5. Top 2: A 1 + 1/3, B 2/3.
        Ranking r = Ranking.builder().sensitive("g", new String[] {"A", "B", "A", "B", "B"})
                .scores(new double[] {9, 5, 5, 5, 1}).build();
        TopK top = RankingFairness.of(r).evaluate().topK(2);
        assertThat(top.selected(0)).isCloseTo(4 / 3.0, within(1e-15));
        assertThat(top.selected(1)).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(top.selectionRate().value(0).orElseThrow()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(top.selectionRate().value(1).orElseThrow()).isCloseTo(2 / 9.0, within(1e-15));
        assertThat(top.selectionRateRatio().asDouble()).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(top.skew().value(0).orElseThrow()).isCloseTo((4 / 6.0) / 0.4, within(1e-15));
        assertThat(top).hasToString(String.join("\n",
                "top 2 of 5 items",
                "group   items  selected      rate  top-k sh    all sh    skew",
                "A           2      1.33    0.6667    0.6667    0.4000  1.6667",
                "B           3      0.67    0.2222    0.3333    0.6000  0.5556", ""));
    }

    @Test
    void relevanceBasedValuesAreUndefinedWithAReason() {
        Ranking r = Ranking.builder().sensitive("g", new String[] {"A", "B", "A"}).positions(new int[] {1, 2, 3})
                .relevance(new double[] {1, 0, 0}).build();
        RankingReport f = RankingFairness.of(r).evaluate();
        assertThat(f.exposurePerRelevance().value(1).reason())
                .hasValue("no item of the group is relevant (mean relevance 0)");
        assertThat(f.ndcg(2).value(1).reason()).hasValue("no item of the group is relevant (ideal DCG@2 = 0)");
        assertThat(f.disparateTreatmentRatio().value().reason())
                .hasValue("needs at least two groups with a defined value, has 1");
        assertThat(f.precision(2).value(1).orElseThrow()).isZero();
        RankingReport unseen = RankingFairness.of(r).positionBias(PositionBias.of("nothing seen", p -> 0))
                .evaluate();
        assertThat(unseen.ndcg(1).value(0).reason())
                .hasValue("the position bias gives the first positions weight 0 (ideal DCG@1 = 0)");
        assertThat(unseen.exposureRatio().value().reason()).hasValue("every group has exposure 0");
    }

    @Test
    void positionBiasesHaveTheirDocumentedWeights() {
        assertThat(PositionBias.logarithmic().weight(1)).isEqualTo(1.0);
        assertThat(PositionBias.logarithmic().weight(3)).isEqualTo(0.5);
        assertThat(PositionBias.logarithmic().weight(2)).isCloseTo(1 / LOG2_3, within(1e-16));
        assertThat(PositionBias.geometric(0.5).weight(4)).isEqualTo(0.125);
        assertThat(PositionBias.reciprocal().weight(4)).isEqualTo(0.25);
        assertThat(PositionBias.cutoff(2).weight(2)).isEqualTo(1.0);
        assertThat(PositionBias.cutoff(2).weight(3)).isEqualTo(0.0);
        assertThat(PositionBias.geometric(0.8).describe()).isEqualTo("geometric 0.8^(p-1)");
        assertThat(RankingFairness.of(Ranking.builder().sensitive("g", new String[] {"a", "b"})
                .scores(new double[] {2, 1}).build())).hasToString(
                "RankingFairness[Ranking[2 items, 2 groups of g], position bias logarithmic 1/log2(1+p)]");
        assertThat(RankingFairness.of(Ranking.builder().sensitive("g", new String[] {"a", "b"})
                .scores(new double[] {2, 1}).build()).positionBias(PositionBias.cutoff(1)).evaluate()).hasToString(
                "RankingReport[Ranking[2 items, 2 groups of g], position bias " + PositionBias.cutoff(1).describe()
                        + "]");
    }

    @Test
    void badInputIsRejectedWithTheColumnAndItem() {
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a", "b", "c"})
                .positions(new int[] {1, 4, 2}).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'positions', row 1: got 4; expected a position in 1..3");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a", "b", "c"})
                .positions(new int[] {1, 3, 1}).build())
                .hasMessage("column 'positions', row 2: got 1; expected a position not already held (row 0 has it)");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a", "b"})
                .scores(new double[] {1, Double.NaN}).build())
                .hasMessage("column 'scores', row 1: got NaN; expected a finite number");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a", "b"}).scores(new double[] {1, 2})
                .relevance(new double[] {1, -1}).build())
                .hasMessage("column 'relevance', row 1: got -1.0; expected a finite number >= 0");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a", "b"}).scores(new double[] {1}))
                .hasMessage("column 'scores' has 1 rows; expected 2 (the length of 'g')");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a"}).scores(new double[] {1})
                .positions(new int[] {1})).isInstanceOf(IllegalStateException.class)
                .hasMessage("column 'positions': the ranking is already set by scores; set positions or scores, once");
        assertThatThrownBy(() -> Ranking.builder().scores(new double[] {1}).build())
                .hasMessage("column 'sensitive' is required; set it with sensitive(name, levels)");
        assertThatThrownBy(() -> Ranking.builder().sensitive("g", new String[] {"a"}).build())
                .hasMessage("column 'positions' is required; set it with positions(...) or scores(...)");
        Ranking r = Ranking.builder().sensitive("g", new String[] {"a", "b"}).scores(new double[] {1, 2}).build();
        assertThatThrownBy(() -> RankingFairness.of(r).evaluate().topK(3))
                .hasMessage("k must be in 1..2 (the number of items), got 3");
        assertThatThrownBy(() -> RankingFairness.of(r).evaluate().ndcg(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the ranking has no relevance; set it with relevance(...)");
        assertThatThrownBy(() -> RankingFairness.of(r).positionBias(PositionBias.of("rising", p -> p == 2 ? Double.NaN : 1))
                .evaluate())
                .hasMessage("position bias 'rising', position 2: got NaN; expected a finite weight >= 0");
        RankingFairness twice = RankingFairness.of(r).positionBias(PositionBias.logarithmic());
        assertThatThrownBy(() -> twice.positionBias(PositionBias.cutoff(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("positionBias is already set; each setting is set once");
        assertThatThrownBy(() -> PositionBias.geometric(1.5)).hasMessage("patience must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> PositionBias.cutoff(0)).hasMessage("cutoff must be >= 1, got 0");
    }
}
