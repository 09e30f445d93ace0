package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.TaskReport;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.multiclass.MulticlassReport;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Test;

/** Policies on every task's report ({@link Policy#evaluateTasks}): one example per task, with hand-checked values. */
class TaskPolicyTest {
    private static final GroupKey A = GroupKey.of("g", "a");
    private static final GroupKey B = GroupKey.of("g", "b");

    /** Group a: absolute errors 0.5, 0.5, 0, 1 (MAE 0.5); group b: 1, 1 (MAE 1); group c: 0 (MAE 0, one row). */
    static TaskReport regression() {
        RegressionData d = RegressionData.builder().targets(new double[] {3, -0.5, 2, 7, 1, 1, 4})
                .predictions(new double[] {2.5, 0.0, 2, 8, 2, 0, 4})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "c"}).build();
        return RegressionFairness.of(d).metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR).evaluate().asTaskReport();
    }

    /** Group a at positions 1 and 2, group b at 3 and 4. */
    static TaskReport ranking() {
        Ranking r = Ranking.builder().sensitive("g", new String[] {"a", "a", "b", "b"})
                .positions(new int[] {1, 2, 3, 4}).build();
        return RankingFairness.of(r).evaluate().asTaskReport();
    }

    static MulticlassReport multiclass() {
        MulticlassData d = MulticlassData.builder().labels(new int[] {0, 1, 2, 0, 1, 2, 0, 1})
                .predictions(new int[] {0, 2, 1, 0, 0, 1, 1, 1})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "b"}).build();
        return MulticlassFairness.of(d).metrics(Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).evaluate();
    }

    static FairnessReport binaryWithScores() {
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 0, 1})
                .predictions(new int[] {1, 0, 1, 1, 0, 1, 0, 1})
                .scores(new double[] {0.9, 0.2, 0.6, 0.6, 0.3, 0.8, 0.1, 0.7})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "b"}).build();
        return Fairness.of(d).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE).evaluate();
    }

    private static RuleVerdict judge(String rule, TaskReport report) {
        return Policy.of("p", PolicyRule.parse(rule)).evaluate(report).verdicts().get(0);
    }

    @Test
    void regressionBoundedGroupLossAndMaeRatioAreJudgedOnTheReport() {
        TaskReport r = regression();
        RuleVerdict pass = judge("bounded_group_loss_absolute <= 1 for g", r);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.value().value()).isEqualTo(1.0);
        assertThat(judge("bounded_group_loss_absolute <= 0.9", r).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge("mae.difference <= 1", r).rule().measure().id()).isEqualTo("mean_absolute_error.difference");
        assertThat(judge("mean_absolute_error <= 0.75", r).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge("mean_absolute_error <= 0.75", r).groups()).containsExactly(B);
        assertThat(judge("min_group_size >= 2", r).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge("min_group_size >= 1", r).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void rankingExposureRatioIsJudged() {
        TaskReport r = ranking();
        double ratio = r.disparity("exposure_ratio").orElseThrow().asDouble();
        assertThat(ratio).isBetween(0.0, 1.0);
        assertThat(judge("exposure_ratio >= " + (ratio - 0.01) + " for g", r).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge("exposure_ratio >= " + (ratio + 0.01) + " for g", r).outcome()).isEqualTo(Outcome.FAIL);
        RuleVerdict v = judge("exposure_ratio >= 0.8 for gender", r);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.message()).contains("no report grouped by gender");
    }

    @Test
    void multiclassMacroAndPerClassIdsAreJudged() {
        MulticlassReport m = multiclass();
        TaskReport r = m.asTaskReport();
        String c = m.classes().get(0);
        double macro = m.macro(Metrics.TRUE_POSITIVE_RATE).difference().asDouble();
        assertThat(judge("macro_tpr.difference <= " + macro, r).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge("macro_true_positive_rate.difference < " + macro, r).outcome()).isEqualTo(Outcome.FAIL);
        RuleVerdict one = judge("true_positive_rate@" + c + ".difference <= 1", r);
        assertThat(one.outcome()).isEqualTo(Outcome.PASS);
        assertThat(one.value().value())
                .isEqualTo(m.forClass(c).difference(Metrics.TRUE_POSITIVE_RATE).asDouble());
        assertThat(judge("equal_opportunity_difference@" + c + " <= 1", r).rule().measure())
                .isInstanceOf(Measure.NamedDisparity.class);
    }

    @Test
    void binaryScoreMetricsGoThroughTheTaskReport() {
        FairnessReport f = binaryWithScores();
        double auc = f.difference(ScoreMetrics.ROC_AUC).asDouble();
        Policy p = Policy.of("p", PolicyRule.parse("auc.difference <= " + auc),
                PolicyRule.parse("roc_auc.difference < " + auc), PolicyRule.parse("brier_score.difference <= 1"),
                PolicyRule.parse("log_loss.difference <= 1"));
        List<RuleVerdict> v = p.evaluate(f).verdicts();
        assertThat(v).extracting(RuleVerdict::outcome).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS,
                Outcome.INCONCLUSIVE);
        assertThat(v.get(3).message()).isEqualTo("log_loss.difference: the binary report has no metric "
                + "log_loss.difference; it has: " + String.join(", ", f.asTaskReport().disparityIds()));
        assertThat(p.evaluate(f.asTaskReport()).verdicts()).extracting(RuleVerdict::outcome)
                .containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS, Outcome.INCONCLUSIVE);
    }

    @Test
    void intervalEvidenceModesUseTheDisparitysInterval() {
        TaskReport r = regression();
        String id = "mean_absolute_error.difference";
        double d = r.disparity(id).orElseThrow().asDouble();
        TaskReport w = r.withIntervals(Map.of(), Map.of(id, new Interval(d - 0.2, d + 0.2, 0.95, "test", 0, 0)));
        PolicyRule rule = PolicyRule.parse(id + " <= " + d);
        assertThat(eval(rule.withEvidence(EvidenceMode.POINT), w)).isEqualTo(Outcome.PASS);
        assertThat(eval(rule.withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES), w)).isEqualTo(Outcome.FAIL);
        assertThat(eval(rule.withEvidence(EvidenceMode.FAIL_IF_INTERVAL_VIOLATES), w)).isEqualTo(Outcome.PASS);
        assertThat(eval(rule.withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES), r))
                .isEqualTo(Outcome.INCONCLUSIVE);
        PolicyRule far = PolicyRule.parse(id + " <= " + (d - 0.3));
        assertThat(eval(far.withEvidence(EvidenceMode.FAIL_IF_INTERVAL_VIOLATES), w)).isEqualTo(Outcome.FAIL);
        PolicyRule loose = PolicyRule.parse(id + " <= " + (d + 0.3));
        assertThat(eval(loose.withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES), w)).isEqualTo(Outcome.PASS);
    }

    private static Outcome eval(PolicyRule rule, TaskReport r) {
        return Policy.of("p", rule).evaluate(r).verdicts().get(0).outcome();
    }

    @Test
    void binaryRulesGiveTheSameVerdictOnTheFairnessReportAndOnItsTaskReport() {
        FairnessReport f = Reports.synthetic();
        TaskReport t = f.asTaskReport();
        List<String> ids = new java.util.ArrayList<>(List.of("demographic_parity_ratio", "equalized_odds_difference",
                "min_group_size"));
        for (Metrics m : List.of(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                Metrics.ACCURACY)) {
            for (String suffix : List.of("", ".difference", ".ratio", ".difference_to_overall", ".ratio_to_overall")) {
                ids.add(m.info().id() + suffix);
            }
        }
        qt().withFixedSeed(5).withExamples(600).forAll(integers().between(0, ids.size() - 1), integers().between(0, 3),
                doubles().between(0, 1.2), integers().between(0, 2)).checkAssert((i, op, limit, ev) -> {
                    PolicyRule rule = PolicyRule.of(Measure.byId(ids.get(i)),
                            new Threshold(Threshold.Operator.values()[op], limit == 1.2 ? 30 : limit))
                            .withEvidence(EvidenceMode.values()[ev]);
                    RuleVerdict binary = Policy.of("p", rule).evaluate(f).verdicts().get(0);
                    RuleVerdict task = Policy.of("p", rule).evaluate(t).verdicts().get(0);
                    assertThat(task.outcome()).as(rule + ": " + binary.message() + " / " + task.message())
                            .isEqualTo(binary.outcome());
                    assertThat(task.value()).isEqualTo(binary.value());
                    assertThat(task.interval()).isEqualTo(binary.interval());
                    assertThat(task.groups()).isEqualTo(binary.groups());
                });
    }

    @Test
    void eachTaskHasItsInconclusiveCases() {
        MulticlassReport m = multiclass();
        RuleVerdict unknownClass = judge("true_positive_rate@nope.difference <= 0.1", m.asTaskReport());
        assertThat(unknownClass.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(unknownClass.message()).startsWith("true_positive_rate@nope.difference: the multiclass report has "
                + "no metric true_positive_rate@nope.difference; it has: ");
        RuleVerdict noInterval = Policy.of("p", PolicyRule.parse("exposure_ratio >= 0.5")
                .withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES)).evaluate(ranking()).verdicts().get(0);
        assertThat(noInterval.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(noInterval.message()).contains("has no interval in this report, and evidence "
                + "pass_if_interval_satisfies needs one");
        RuleVerdict oneGroup = judge("mean_absolute_error.difference <= 1 for g", regressionOneGroup());
        assertThat(oneGroup.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(oneGroup.message()).contains("undefined (needs at least two groups with a defined value, has 1)");
        RuleVerdict auc = judge("roc_auc >= 0.5", binaryWithScores().asTaskReport());
        assertThat(auc.outcome()).isEqualTo(Outcome.PASS);
        assertThat(auc.message()).startsWith("roc_auc in every group: holds in every group; the lowest, ");
    }

    private static TaskReport regressionOneGroup() {
        RegressionData d = RegressionData.builder().targets(new double[] {1, 2}).predictions(new double[] {1, 3})
                .sensitive("g", new String[] {"a", "a"}).build();
        return RegressionFairness.of(d).metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR).evaluate().asTaskReport();
    }
}
