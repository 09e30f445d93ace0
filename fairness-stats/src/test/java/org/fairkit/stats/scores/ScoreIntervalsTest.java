package org.fairkit.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;

class ScoreIntervalsTest {
    private static final ScoreMetrics[] ALL = ScoreMetrics.values();

    private static FairnessData three(long seed, boolean weighted) {
        return ScoreSamples.binormal(seed, new int[] {150, 120, 90}, new double[] {0.3, 0.5, 0.4},
                new double[] {1.5, 1.0, 0.5}, weighted, 0.05);
    }

    @Test
    void keysAreTheReportsMetricAndDisparityIds() {
        FairnessData data = three(1, false);
        FairnessReport report = Fairness.of(data).groupBy("g").scoreMetrics(ALL).evaluate();
        MetricIntervals delong = ScoreIntervals.delong(data, List.of("g"), 0.95);
        GroupValues auc = report.scores().values(ScoreMetrics.ROC_AUC);
        assertThat(delong.byGroup().get(auc.metricId()).keySet()).containsExactlyElementsOf(report.scores().groups());
        assertThat(delong.disparities()).containsOnlyKeys(report.difference(ScoreMetrics.ROC_AUC).id(),
                report.ratio(ScoreMetrics.ROC_AUC).id());
        assertThat(delong.undefinedDisparities()).containsOnlyKeys(
                report.differenceToOverall(ScoreMetrics.ROC_AUC).id(), report.ratioToOverall(ScoreMetrics.ROC_AUC).id());
        assertThat(delong.overall()).containsKey("roc_auc");

        MetricIntervals boot = ScoreIntervals.of(data).groupBy("g").metrics(ALL).ece(10)
                .bootstrap(RowBootstrap.percentile(200).seed(3));
        for (ScoreMetric m : ALL) {
            GroupValues v = report.scores().values(m);
            for (GroupKey g : report.scores().groups()) {
                assertThat(boot.group(v.metricId(), g)).as(m.id() + " " + g).isPresent();
            }
            for (String id : List.of(v.difference().id(), v.ratio().id(), v.differenceToOverall().id(),
                    v.ratioToOverall().id())) {
                assertThat(boot.disparity(id).isPresent() || boot.disparityReason(id).isPresent()).as(id).isTrue();
            }
        }
        assertThat(boot.disparity("expected_calibration_error.difference")).isPresent();
        assertThat(boot.toString()).contains("roc_auc [A]: [").contains("brier_score.difference: [");
    }

    @Test
    void delongIntervalsContainTheReportsValues() {
        qt().withExamples(30).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, w) -> {
            FairnessData data = three(seed, w == 1);
            FairnessReport report = Fairness.of(data).groupBy("g").scoreMetrics(ScoreMetrics.ROC_AUC).evaluate();
            MetricIntervals ci = ScoreIntervals.delong(data, List.of("g"), 0.95);
            for (GroupKey g : report.scores().groups()) {
                double v = report.scores().value(ScoreMetrics.ROC_AUC, g).value();
                ci.group("roc_auc", g).ifPresent(i -> assertThat(i.contains(v)).isTrue());
            }
            double d = report.difference(ScoreMetrics.ROC_AUC).asDouble();
            assertThat(ci.disparity("roc_auc.difference").orElseThrow().contains(d)).isTrue();
            double q = report.ratio(ScoreMetrics.ROC_AUC).asDouble();
            assertThat(ci.disparity("roc_auc.ratio").orElseThrow().contains(q)).isTrue();
            assertThat(ci.overall().get("roc_auc").contains(report.scores().values(ScoreMetrics.ROC_AUC).overall().value()))
                    .isTrue();
        });
    }

    @Test
    void bootstrapPointEstimatesAreTheReportsBitForBit() {
        FairnessData data = three(5, true);
        FairnessReport report = Fairness.of(data).groupBy("g").scoreMetrics(ALL).evaluate();
        ScoreRows rows = ScoreRows.of(data, List.of("g"));
        List<GroupValues> points = new ScoreStatistic(rows, List.of(ALL), 0, 0).pointValues();
        for (int m = 0; m < ALL.length; m++) {
            GroupValues mine = points.get(m);
            GroupValues theirs = report.scores().values(ALL[m]);
            for (int g = 0; g < theirs.groups().size(); g++) {
                assertThat(mine.value(g)).isEqualTo(theirs.value(g));
            }
            assertThat(mine.overall()).isEqualTo(theirs.overall());
        }
    }

    @Test
    void bootstrapIsDeterministicForASeedAndChangesWithIt() {
        FairnessData data = three(7, false);
        ScoreIntervals s = ScoreIntervals.of(data).groupBy("g").metrics(ScoreMetrics.ROC_AUC, ScoreMetrics.LOG_LOSS);
        MetricIntervals a = s.bootstrap(RowBootstrap.bca(300).seed(11));
        assertThat(s.bootstrap(RowBootstrap.bca(300).seed(11))).isEqualTo(a);
        assertThat(s.bootstrap(RowBootstrap.bca(300).seed(12))).isNotEqualTo(a);
        Interval i = a.group("roc_auc", GroupKey.of("g", "A")).orElseThrow();
        assertThat(i.method()).contains("300 resamples, seed 11").contains("group and label").contains("BCa");
        assertThat(i.method()).doesNotContain("acceleration 0");
        assertThat(i.draws()).isEqualTo(300);
    }

    private static FairnessData permuted(FairnessData d, long seed, Map<String, String> rename) {
        int n = d.rows();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            int k = perm[i];
            y[i] = d.label(k);
            s[i] = d.score(k);
            w[i] = d.weight(k);
            String level = d.sensitive("g").level(k);
            g[i] = rename.getOrDefault(level, level);
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(y).scores(s).sensitive("g", g);
        if (d.hasWeights()) {
            b.weights(w);
        }
        return b.build();
    }

    private static void assertSame(Interval a, Interval b) {
        assertSame("", a, b);
    }

    private static void assertSame(String what, Interval a, Interval b) {
        assertThat(b.lower()).as(what).isCloseTo(a.lower(), within(1e-9));
        assertThat(b.upper()).as(what).isCloseTo(a.upper(), within(1e-9));
    }

    @Test
    void intervalsAreInvariantUnderRowOrderAndGroupRelabeling() {
        Map<String, String> rename = Map.of("A", "Z", "B", "A", "C", "M");
        qt().withExamples(8).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, w) -> {
            FairnessData data = three(seed, w == 1);
            FairnessData other = permuted(data, seed + 1, rename);
            MetricIntervals d1 = ScoreIntervals.delong(data, List.of("g"), 0.95);
            MetricIntervals d2 = ScoreIntervals.delong(other, List.of("g"), 0.95);
            ScoreIntervals base = ScoreIntervals.of(data).groupBy("g").metrics(ALL).ece(10);
            // percentile: BCa's bias correction counts the resamples below the estimate, and on a lattice of values a
            // resample can tie the estimate up to the rounding of sums taken in another order
            RowBootstrap settings = RowBootstrap.percentile(100).seed(seed);
            MetricIntervals b1 = base.bootstrap(settings);
            MetricIntervals b2 = ScoreIntervals.of(other).groupBy("g").metrics(ALL).ece(10).bootstrap(settings);
            for (String level : List.of("A", "B", "C")) {
                GroupKey k1 = GroupKey.of("g", level);
                GroupKey k2 = GroupKey.of("g", rename.get(level));
                d1.group("roc_auc", k1).ifPresent(i -> assertSame(i, d2.group("roc_auc", k2).orElseThrow()));
                for (String id : b1.byGroup().keySet()) {
                    b1.group(id, k1).ifPresent(i -> assertSame(id + " " + level, i, b2.group(id, k2).orElseThrow()));
                }
            }
            d1.disparities().forEach((id, i) -> assertSame(i, d2.disparity(id).orElseThrow()));
            b1.disparities().forEach((id, i) -> assertSame(i, b2.disparity(id).orElseThrow()));
        });
    }

    @Test
    void undefinedIntervalsComeBackWithTheirReasonNeverNaN() {
        // group B has positives only, group C one positive
        int[] y = {0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1};
        double[] s = {0.1, 0.8, 0.3, 0.25, 0.2, 0.7, 0.5, 0.6, 0.9, 0.4, 0.3, 0.8};
        String[] g = {"A", "A", "A", "A", "A", "A", "B", "B", "B", "C", "C", "C"};
        FairnessData data = FairnessData.builder().labels(y).predictions(y).scores(s).sensitive("g", g).build();
        MetricIntervals ci = ScoreIntervals.delong(data, List.of("g"), 0.95);
        assertThat(ci.groupReason("roc_auc", GroupKey.of("g", "B")).orElseThrow()).contains("no negatives");
        assertThat(ci.groupReason("roc_auc", GroupKey.of("g", "C")).orElseThrow())
                .contains("at least 2 positive and 2 negative rows, got 1 and 2");
        assertThat(ci.disparityReason("roc_auc.difference").orElseThrow()).contains("group C has no interval");
        MetricIntervals boot = ScoreIntervals.bootstrap(data, List.of("g"), List.of(ScoreMetrics.ROC_AUC,
                ScoreMetrics.BRIER_SCORE), RowBootstrap.percentile(50).seed(1));
        assertThat(boot.groupReason("roc_auc", GroupKey.of("g", "B")).orElseThrow()).contains("no negatives");
        assertThat(boot.group("brier_score", GroupKey.of("g", "B"))).isPresent();
        for (Map<GroupKey, Interval> m : boot.byGroup().values()) {
            m.values().forEach(i -> assertThat(Double.isNaN(i.lower()) || Double.isNaN(i.upper())).isFalse());
        }
    }

    @Test
    void minGroupSizeLeavesSmallGroupsOutOfTheAggregatesAsTheReportDoes() {
        FairnessData data = three(9, false);
        MetricIntervals ci = ScoreIntervals.of(data).groupBy("g").minGroupSize(100).delong(0.95);
        // only A (150) and B (120) are eligible: the family is one pair, no Šidák note
        assertThat(ci.disparity("roc_auc.difference").orElseThrow().note().orElse("")).doesNotContain("Šidák");
        MetricIntervals all = ScoreIntervals.of(data).groupBy("g").delong(0.95);
        assertThat(all.disparity("roc_auc.difference").orElseThrow().note().orElseThrow()).contains("3 pairs");
        assertThat(ScoreIntervals.of(data).groupBy("g").minGroupSize(200).delong(0.95)
                .disparityReason("roc_auc.difference").orElseThrow()).contains("needs at least two groups");
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        FairnessData data = three(1, false);
        assertThatThrownBy(() -> ScoreIntervals.of(data).delong(0.95)).hasMessageContaining("groupBy");
        assertThatThrownBy(() -> ScoreIntervals.of(data).groupBy()).hasMessageContaining("groupBy");
        assertThatThrownBy(() -> ScoreIntervals.of(data).groupBy("nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> ScoreIntervals.of(data).minGroupSize(-1)).hasMessageContaining("minGroupSize");
        assertThatThrownBy(() -> ScoreIntervals.of(data).ece(0)).hasMessageContaining("bins");
        assertThatThrownBy(() -> ScoreIntervals.of(data).groupBy("g").delong(1.5)).hasMessageContaining("level");
        assertThatThrownBy(() -> RowBootstrap.percentile(1)).hasMessageContaining("resamples");
        assertThatThrownBy(() -> RowBootstrap.bca(10).level(0)).hasMessageContaining("level");
        assertThatThrownBy(() -> RowBootstrap.bca(10).maxUndefinedShare(2)).hasMessageContaining("maxUndefinedShare");
        FairnessData noScores = FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 1})
                .sensitive("g", new String[] {"a", "b"}).build();
        assertThatThrownBy(() -> ScoreIntervals.delong(noScores, List.of("g"), 0.95)).hasMessageContaining("scores");
    }

    /** scikit-learn 1.2.1 roc_auc_score per race (compas.json#score_metric_frame): DeLong's AUC equals it. */
    @Test
    void delongAucEqualsScikitLearnPerGroupOnCompas() {
        JsonNode block = SharedFiles.golden("compas.json").get("score_metric_frame").get("race");
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        for (String weighting : List.of("unweighted", "weighted")) {
            FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                    .scores(t.doubles("score")).sensitive("race", t.strings("race"));
            if (weighting.equals("weighted")) {
                b.weights(t.doubles("weight"));
            }
            MetricIntervals ci = ScoreIntervals.delong(b.build(), List.of("race"), 0.95);
            ScoreRows rows = ScoreRows.of(b.build(), List.of("race"));
            List<String> checked = new ArrayList<>();
            for (JsonNode g : block.get(weighting).get("by_group")) {
                String race = g.get("group").get("race").asText();
                JsonNode auc = g.get("metrics").get("roc_auc");
                int k = rows.groups.indexOf(GroupKey.of("race", race));
                DeLong d = DeLong.compute(rows, rows.groupOrder, rows.groupStart[k], rows.groupStart[k + 1],
                        new double[rows.rows]);
                if (auc.isNumber()) {
                    assertThat(d.auc().value()).as(weighting + " " + race).isCloseTo(auc.asDouble(), within(1e-12));
                    checked.add(race);
                }
                ci.group("roc_auc", GroupKey.of("race", race)).ifPresent(i -> assertThat(i.contains(d.auc().value()))
                        .isTrue());
            }
            assertThat(checked).hasSizeGreaterThanOrEqualTo(5);
        }
    }
}
