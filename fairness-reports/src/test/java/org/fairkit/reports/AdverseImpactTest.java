package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.fairkit.stats.tests.Alternative;
import org.fairkit.stats.tests.ProportionTests;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;

class AdverseImpactTest {

    /** A data set with exact selection counts per group: {@code counts[g] = {rows, selected}}. */
    static FairnessData selections(String[] groups, int[][] counts) {
        List<String> g = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        for (int k = 0; k < groups.length; k++) {
            for (int i = 0; i < counts[k][0]; i++) {
                g.add(groups[k]);
                p.add(i < counts[k][1] ? 1 : 0);
            }
        }
        int[] pred = p.stream().mapToInt(Integer::intValue).toArray();
        return FairnessData.builder().labels(pred).predictions(pred).sensitive("g", g.toArray(String[]::new)).build();
    }

    @Test
    void theRatioIsEachRateOverTheHighestAndBelowFourFifthsIsFlagged() {
        FairnessReport r = Fairness.of(selections(new String[] {"A", "B", "C"},
                new int[][] {{100, 60}, {80, 40}, {50, 27}})).evaluate();
        AdverseImpact ai = AdverseImpact.of(r);
        assertThat(ai.comparisonGroup().orElseThrow().label()).isEqualTo("A");
        assertThat(ai.rows()).extracting(x -> x.impactRatio().value())
                .containsExactly(1.0, 0.5 / 0.6, 0.54 / 0.6);
        assertThat(ai.rows()).extracting(AdverseImpact.Row::status).containsExactly(
                AdverseImpact.Status.COMPARISON_GROUP, AdverseImpact.Status.AT_OR_ABOVE_FOUR_FIFTHS,
                AdverseImpact.Status.AT_OR_ABOVE_FOUR_FIFTHS);
        AdverseImpact low = AdverseImpact.of(Fairness.of(selections(new String[] {"A", "B"},
                new int[][] {{100, 60}, {100, 45}})).evaluate());
        assertThat(low.flagged()).extracting(x -> x.group().label()).containsExactly("B");
        assertThat(low.rows().get(1).impactRatio().value()).isEqualTo(0.75, within(1e-15));
    }

    @Test
    void testsAndIntervalsAreTheStatsModulesOnTheRowCounts() {
        AdverseImpact ai = AdverseImpact.of(Fairness.of(selections(new String[] {"A", "B"},
                new int[][] {{200, 120}, {90, 30}})).evaluate());
        AdverseImpact.Row b = ai.rows().get(1);
        assertThat(b.rows()).isEqualTo(90);
        assertThat(b.selectedRows()).isEqualTo(30);
        assertThat(b.zTest()).isEqualTo(ProportionTests.twoProportionZTest(30, 90, 120, 200));
        assertThat(b.fisherTest()).isEqualTo(ProportionTests.fisherExact(30, 60, 120, 80, Alternative.TWO_SIDED));
        assertThat(b.ratioInterval()).isEqualTo(TwoProportionIntervals.katzLogRatio(30, 90, 120, 200, 0.95)
                .interval());
        assertThat(b.significantAt(0.05)).isTrue();
    }

    @Test
    void theShortfallIsTheFewestExtraSelectionsThatReachFourFifths() {
        qt().withExamples(120).forAll(integers().between(1, 400), integers().between(0, 400),
                integers().between(1, 400), integers().between(1, 400)).checkAssert((nc, sc0, ng, sg0) -> {
                    int sc = Math.min(sc0, nc);
                    int sg = Math.min(sg0, ng);
                    if (sc == 0 || (double) sg / ng >= (double) sc / nc) {
                        return;
                    }
                    AdverseImpact ai = AdverseImpact.of(Fairness.of(selections(new String[] {"C", "G"},
                            new int[][] {{nc, sc}, {ng, sg}})).evaluate());
                    AdverseImpact.Row g = ai.rows().get(1);
                    // (s / ng) / (sc / nc) >= 4/5 decided in integers, as a fraction of counts is exactly
                    if (5L * sg * nc >= 4L * ng * sc) {
                        assertThat(g.shortfall()).isEmpty();
                        return;
                    }
                    long k = g.shortfall().orElseThrow();
                    assertThat(k).isPositive();
                    assertThat(5L * (sg + k) * nc).isGreaterThanOrEqualTo(4L * ng * sc);
                    assertThat(5L * (sg + k - 1) * nc).isLessThan(4L * ng * sc);
                });
    }

    /** 30 of 50 against 45 of 60 is exactly four-fifths, though 0.6 / 0.75 rounds to 0.7999999999999999. */
    @Test
    void aRatioOfExactlyFourFifthsIsNotFlagged() {
        AdverseImpact ai = AdverseImpact.of(Fairness.of(selections(new String[] {"C", "G"},
                new int[][] {{60, 45}, {50, 30}})).evaluate());
        AdverseImpact.Row g = ai.rows().get(1);
        assertThat(g.impactRatio().value()).isEqualTo(0.6 / 0.75).isLessThan(0.8);
        assertThat(g.status()).isEqualTo(AdverseImpact.Status.AT_OR_ABOVE_FOUR_FIFTHS);
        assertThat(g.shortfall()).isEmpty();
        assertThat(ai.flagged()).isEmpty();
        AdverseImpact below = AdverseImpact.of(Fairness.of(selections(new String[] {"C", "G"},
                new int[][] {{60, 45}, {50, 29}})).evaluate());
        assertThat(below.rows().get(1).status()).isEqualTo(AdverseImpact.Status.BELOW_FOUR_FIFTHS);
        assertThat(below.rows().get(1).shortfall()).hasValue(1);
    }

    @Test
    void smallGroupsAreShownButNeitherAssessedNorUsedAsTheComparison() {
        FairnessReport r = Fairness.of(selections(new String[] {"A", "B", "tiny"},
                new int[][] {{100, 50}, {100, 30}, {5, 5}})).minGroupSize(30).evaluate();
        AdverseImpact ai = AdverseImpact.of(r);
        assertThat(ai.comparisonGroup().orElseThrow().label()).isEqualTo("A");
        AdverseImpact.Row tiny = ai.rows().get(2);
        assertThat(tiny.status()).isEqualTo(AdverseImpact.Status.SMALL_GROUP);
        assertThat(tiny.impactRatio().value()).isEqualTo(2.0);
        assertThat(ai.flagged()).extracting(x -> x.group().label()).containsExactly("B");
    }

    @Test
    void withTheReferenceBasisTheRatiosAreAgainstTheReference() {
        FairnessReport r = Fairness.of(selections(new String[] {"A", "B"}, new int[][] {{100, 40}, {100, 60}}))
                .reference("A").evaluate();
        AdverseImpact ai = AdverseImpact.of(r, AdverseImpact.Basis.REFERENCE);
        assertThat(ai.comparisonGroup().orElseThrow().label()).isEqualTo("A");
        assertThat(ai.rows().get(1).impactRatio().value()).isCloseTo(1.5, within(1e-15));
        assertThatThrownBy(() -> AdverseImpact.of(Fairness.of(selections(new String[] {"A"},
                new int[][] {{10, 1}})).evaluate(), AdverseImpact.Basis.REFERENCE)).hasMessage(
                        "adverse impact against the reference needs a report with a reference group; set "
                                + "reference(...) before evaluate(), or use Basis.HIGHEST_RATE");
    }

    @Test
    void noOneSelectedLeavesEveryRatioUndefinedWithTheReason() {
        AdverseImpact ai = AdverseImpact.of(Fairness.of(selections(new String[] {"A", "B"},
                new int[][] {{10, 0}, {10, 0}})).evaluate());
        assertThat(ai.undefinedReason()).contains("the comparison group A has selection rate 0 (no one selected)");
        assertThat(ai.rows()).allSatisfy(x -> {
            assertThat(x.impactRatio().isDefined()).isFalse();
            assertThat(x.status()).isEqualTo(AdverseImpact.Status.UNDEFINED);
        });
        assertThat(ai.flagged()).isEmpty();
    }

    @Test
    void weightedReportsGetWeightedRatiosAndNoRowCountTests() {
        FairnessData d = SyntheticLending.generate(2_000, 5);
        double[] w = new double[d.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 3;
        }
        int[] y = new int[d.rows()];
        int[] p = new int[d.rows()];
        String[] g = new String[d.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.label(i);
            p[i] = d.prediction(i);
            g[i] = d.sensitive(SyntheticLending.ETHNICITY).level(i);
        }
        FairnessReport r = Fairness.of(FairnessData.builder().labels(y).predictions(p).weights(w).sensitive("e", g)
                .build()).evaluate();
        AdverseImpact ai = AdverseImpact.of(r);
        assertThat(ai.weighted()).isTrue();
        AdverseImpact.Row b = ai.rows().stream().filter(x -> x.group().label().equals("Group B")).findFirst()
                .orElseThrow();
        assertThat(b.impactRatio().value()).isEqualTo(r.value(Metrics.SELECTION_RATE, b.group()).value()
                / r.value(Metrics.SELECTION_RATE, ai.comparisonGroup().orElseThrow()).value());
        assertThat(b.fisherTest().pValue().reason()).contains("weighted report: tests and the Katz interval need row "
                + "counts");
        assertThat(b.shortfall()).isEmpty();
    }

    /**
     * AIF360 0.6.1 {@code ClassificationMetric.disparate_impact()} on COMPAS (predictions), African-American
     * (unprivileged) vs Caucasian (privileged), unweighted and with instance weights, at 1e-12.
     */
    @Test
    void theRatioAgainstTheReferenceEqualsAif360DisparateImpactOnCompas() {
        JsonNode golden = SharedFiles.golden("compas.json").path("aif360").path("race_AA_vs_Caucasian[fav=1]");
        Map<String, List<String>> c = SharedFiles.data("compas-predictions.csv").columns();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < c.get("race").size(); i++) {
            String race = c.get("race").get(i);
            if (race.equals("African-American") || race.equals("Caucasian")) {
                keep.add(i);
            }
        }
        int n = keep.size();
        int[] y = new int[n];
        int[] p = new int[n];
        double[] w = new double[n];
        String[] race = new String[n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            y[k] = Integer.parseInt(c.get("y_true").get(i));
            p[k] = Integer.parseInt(c.get("y_pred").get(i));
            w[k] = Double.parseDouble(c.get("weight").get(i));
            race[k] = c.get("race").get(i);
        }
        for (String block : new String[] {"unweighted", "weighted"}) {
            FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p).sensitive("race", race);
            if (block.equals("weighted")) {
                b.weights(w);
            }
            FairnessReport r = Fairness.of(b.build()).reference("Caucasian").evaluate();
            AdverseImpact ai = AdverseImpact.of(r, AdverseImpact.Basis.REFERENCE);
            AdverseImpact.Row aa = ai.rows().stream().filter(x -> x.group().label().equals("African-American"))
                    .findFirst().orElseThrow();
            double expected = golden.path(block).path("classification_metric").path("disparate_impact").asDouble();
            assertThat(expected).isGreaterThan(1.5);
            assertThat(aa.impactRatio().value()).as(block).isCloseTo(expected, within(1e-12));
            AdverseImpact highest = AdverseImpact.of(r);
            assertThat(highest.comparisonGroup().orElseThrow().label()).isEqualTo("African-American");
            assertThat(highest.rows().stream().filter(x -> x.group().label().equals("Caucasian")).findFirst()
                    .orElseThrow().impactRatio().value()).as(block).isCloseTo(1 / expected, within(1e-12));
        }
    }

    @Test
    void theCaveatsNameTheRegulationAndItsLimits() {
        String all = String.join(" ", AdverseImpact.CAVEATS);
        assertThat(all).contains("29 CFR 1607.4(D)", "rule of thumb", "Small samples", "Statistical significance",
                "1978");
    }
}
