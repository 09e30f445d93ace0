package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every new form of rule reads back from the policy's YAML unchanged (named disparities and group metrics of every
 * task, macro and per-class multiclass ids, representation against reference shares), the alert configuration lists
 * the data rules, and every refused id names the rule, the id and what is valid.
 */
class TaskPolicyYamlTest {
    /** Characters a class label or a group label may hold, YAML's special ones included. */
    private static final String CLASS_CHARS = "aZ09_-.:#&,'\"ü%!|*?{}[]";
    private static final String LABEL_CHARS = CLASS_CHARS + " <>=~@";

    private static Gen<String> text(String chars, int min, int max) {
        return lists().of(integers().between(0, chars.length() - 1)).ofSizeBetween(min, max)
                .map(l -> l.stream().map(i -> String.valueOf(chars.charAt(i))).reduce("", String::concat));
    }

    private static final List<String> BASES = bases();

    private static List<String> bases() {
        List<String> out = new ArrayList<>(MeasureIds.namedIds());
        for (String m : MeasureIds.groupMetricIds()) {
            out.add(m);
            out.add(m + ".difference");
            out.add(m + ".ratio_to_overall");
        }
        for (Metrics m : Metrics.values()) {
            out.add("macro_" + m.info().id() + ".difference");
            out.add("macro_" + m.info().id());
            out.add(m.info().id() + "@");
            out.add(m.info().id() + "@.ratio");
        }
        for (FairnessMetric f : FairnessMetric.values()) {
            out.add(f.id() + "@");
        }
        out.add("representation_ratio");
        return out;
    }

    /** An id of a new form, a class label where it has one (inserted after '@'), or shares for representation. */
    /** Indices past the last base (about one in four) are representation rules against reference shares. */
    private static final Gen<Measure> MEASURES = integers().between(0, BASES.size() * 4 / 3)
            .zip(text(CLASS_CHARS, 1, 6), lists().of(text(LABEL_CHARS, 0, 8)).ofSizeBetween(1, 4),
                    lists().of(doubles().between(0, 1e6)).ofSizeBetween(4, 4), (b, cls, labels, shares) -> {
                        String base = BASES.get(Math.min(b, BASES.size() - 1));
                        if (base.equals("representation_ratio")) {
                            Map<String, Double> m = new LinkedHashMap<>();
                            for (int i = 0; i < labels.size(); i++) {
                                m.put(labels.get(i), i == 0 ? shares.get(i) + 1e-3 : shares.get(i) / (i * 7));
                            }
                            return DataMeasure.representationRatio(m);
                        }
                        int at = base.indexOf('@');
                        return Measure.byId(at < 0 ? base : base.substring(0, at + 1) + cls + base.substring(at + 1));
                    });

    private static final Gen<PolicyRule> RULES = MEASURES.zip(integers().between(0, 3),
            doubles().between(-1e3, 1e3), integers().between(0, 63), (m, op, t, flags) -> {
                PolicyRule r = PolicyRule.of(m, new Threshold(Threshold.Operator.values()[op], t));
                if ((flags & 1) != 0) {
                    r = r.forGrouping("sex", "race");
                }
                if ((flags & 4) != 0) {
                    r = r.withEvidence(EvidenceMode.values()[(flags >> 4) % 3]);
                }
                if ((flags & 8) != 0) {
                    r = r.withSeverity(Severity.WARNING);
                }
                if ((flags & 2) != 0) {
                    r = r.named("rule ü: #" + flags);
                }
                return r;
            });

    @Test
    void everyNewFormReadsBackFromTheYamlUnchanged() {
        qt().withFixedSeed(1801).withExamples(400).forAll(RULES, RULES)
                .assuming((a, b) -> !a.name().equals(b.name()))
                .checkAssert((a, b) -> {
                    Policy p = new Policy("every task", "", EvidenceMode.POINT, List.of(a, b));
                    String yaml = p.toYaml();
                    assertThat(Policy.parse(yaml)).as(yaml).isEqualTo(p);
                    assertThat(PolicyRule.parse(a.expression()).measure()).as(a.expression())
                            .isEqualTo(a.measure() instanceof DataMeasure ? DataMeasure.representationRatio()
                                    : a.measure());
                });
    }

    @Test
    void theAlertConfigurationListsTheDataRulesWithTheirReferenceShares() {
        qt().withFixedSeed(1802).withExamples(200).forAll(RULES).checkAssert(r -> {
            Policy p = new Policy("gates", "", EvidenceMode.POINT, List.of(r, PolicyRule.parse("min_group_size >= 30"),
                    PolicyRule.parse("roc_auc.difference <= 0.05")));
            JsonNode alerts = alerts(p);
            assertThat(alerts.get(0).get("metric").asText()).isEqualTo(r.measure().id());
            if (r.measure() instanceof DataMeasure d) {
                assertThat(alerts.get(0).get("gate").asText()).isEqualTo("data");
                Map<String, Double> shares = new LinkedHashMap<>();
                alerts.get(0).get("reference_shares").fields()
                        .forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
                assertThat(shares).isEqualTo(d.referenceShares());
            } else {
                assertThat(alerts.get(0).has("gate")).isFalse();
            }
            assertThat(alerts.get(1).get("gate").asText()).isEqualTo("data, model");
            assertThat(alerts.get(2).has("gate")).isFalse();
        });
    }

    private static JsonNode alerts(Policy p) {
        try {
            return PolicyYaml.MAPPER.readTree(p.toAlertConfigurationYaml()).get("alert_configuration").get("alerts");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void referenceSharesAreWrittenUnderTheirOwnKey() {
        Policy p = Policy.parse("""
                policy: data gate
                rules:
                  - min_group_size >= 30
                  - rule: representation_ratio >= 0.8 for ethnicity
                    reference_shares:
                      Group A: 0.6
                      Group B: 0.3
                      "Group: C": 0.1
                """);
        assertThat(p.rules().get(1).measure()).isEqualTo(DataMeasure.representationRatio(Map.of("Group A", 0.6,
                "Group B", 0.3, "Group: C", 0.1)));
        assertThat(p.toYaml()).isEqualTo("""
                policy: data gate
                evidence: point
                rules:
                  - rule: min_group_size >= 30
                    severity: error
                  - rule: representation_ratio >= 0.8 for ethnicity
                    severity: error
                    reference_shares:
                      Group A: 0.6
                      Group B: 0.3
                      'Group: C': 0.1
                """);
        assertThat(Policy.parse(p.toYaml())).isEqualTo(p);
    }

    @Test
    void referenceSharesAreRefusedWhereTheyDoNotBelong() {
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - rule: max_missing_rate <= 0.1
                    reference_shares: {A: 0.5, B: 0.5}
                """)).hasMessage("policy YAML, line 3, column 5: reference_shares belong to a representation_ratio "
                + "rule, not to 'max_missing_rate <= 0.1'");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - rule: representation_ratio >= 0.8
                    reference_shares: {A: many, B: 0.5}
                """)).hasMessageStartingWith("policy YAML, line 4, column ")
                .hasMessageEndingWith(": reference_shares must map group labels to numbers (e.g. reference_shares: "
                        + "{Group A: 0.6, Group B: 0.4})");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - rule: representation_ratio >= 0.8
                    reference_shares: {A: -1, B: 0.5}
                """)).hasMessage("policy YAML, line 3, column 5: reference share of group 'A' must be a finite "
                + "number >= 0, got -1.0");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - rule: representation_ratio >= 0.8
                    reference_shares: {A: 0.5, A: 0.5}
                """)).hasMessageContaining("line 4").hasMessageContaining("'A' appears twice");
    }

    @Test
    void canonicalIdsAreStoredForAliasesAndTheClassKeepsItsCase() {
        assertThat(Measure.byId("AUC.Difference")).isEqualTo(new Measure.TaskAggregate("roc_auc",
                Measure.Aggregation.DIFFERENCE));
        assertThat(Measure.byId("macro_TPR.ratio")).isEqualTo(new Measure.TaskAggregate("macro_true_positive_rate",
                Measure.Aggregation.RATIO));
        assertThat(Measure.byId("tpr@Urgent.difference").id()).isEqualTo("true_positive_rate@Urgent.difference");
        assertThat(Measure.byId("worst_group_mae")).isEqualTo(new Measure.NamedDisparity(
                "bounded_group_loss_absolute"));
        assertThat(Measure.byId("demographic_parity_ratio@v1.2")).isEqualTo(new Measure.NamedDisparity(
                "demographic_parity_ratio@v1.2"));
        assertThat(Measure.byId("disparate_impact")).isEqualTo(Measure.fairness(FairnessMetric.DISPARATE_IMPACT));
        assertThat(Measure.named(RegressionFairnessMetric.MAE_PARITY_DIFFERENCE.info()))
                .isEqualTo(new Measure.NamedDisparity("mae_parity_difference"));
        assertThat(Measure.aggregate(ScoreMetrics.BRIER_SCORE.info(), Measure.Aggregation.DIFFERENCE).id())
                .isEqualTo("brier_score.difference");
        assertThat(Measure.aggregate(Metrics.ACCURACY.info(), Measure.Aggregation.RATIO))
                .isEqualTo(Measure.ratio(Metrics.ACCURACY));
        assertThat(Measure.everyGroup(ScoreMetrics.ROC_AUC.info())).isEqualTo(new Measure.TaskEveryGroup("roc_auc"));
        assertThatThrownBy(() -> Measure.everyGroup(RegressionFairnessMetric.MAE_PARITY_RATIO.info()))
                .hasMessage("metric 'mae_parity_ratio' is a named disparity, not a group metric that every group can "
                        + "satisfy");
        assertThatThrownBy(() -> new Measure.TaskAggregate("auc", Measure.Aggregation.DIFFERENCE))
                .hasMessage("TaskAggregate needs a canonical id of its form, got 'auc.difference' "
                        + "(Measure.byId(\"auc.difference\") gives roc_auc.difference)");
        assertThatThrownBy(() -> new Measure.TaskEveryGroup("accuracy")).hasMessageStartingWith("TaskEveryGroup needs");
    }

    @Test
    void eachMeasureNamesTheCatalogMetricAReportMustCompute() {
        assertThat(Measure.byId("auc.difference").catalogMetric()).contains(ScoreMetrics.ROC_AUC.info());
        assertThat(Measure.byId("brier_score").catalogMetric()).contains(ScoreMetrics.BRIER_SCORE.info());
        assertThat(Measure.byId("macro_tpr.difference").catalogMetric())
                .contains(Metrics.TRUE_POSITIVE_RATE.info());
        assertThat(Measure.byId("fpr@Urgent.ratio").catalogMetric()).contains(Metrics.FALSE_POSITIVE_RATE.info());
        assertThat(Measure.byId("selection_rate.ratio").catalogMetric()).contains(Metrics.SELECTION_RATE.info());
        assertThat(Measure.byId("disparate_impact").catalogMetric()).contains(FairnessMetric.DISPARATE_IMPACT.info());
        assertThat(Measure.byId("bounded_group_loss_absolute").catalogMetric())
                .contains(RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE.info());
        assertThat(PolicyRule.parse("max_regression equalized_odds_difference 0.02").measure().catalogMetric())
                .contains(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE.info());
        assertThat(Measure.minGroupSize().catalogMetric()).isEmpty();
        assertThat(DataMeasure.representationRatio().catalogMetric()).isEmpty();
    }

    @Test
    void refusedIdsNameTheRuleTheIdAndWhatIsValid() {
        String tail = "; a named disparity of another task: " + String.join(", ", MeasureIds.namedIds());
        assertThatThrownBy(() -> PolicyRule.parse("ece.difference <= 0.03")).hasMessageStartingWith("unknown metric "
                + "'ece.difference'; the metric catalog has no expected calibration error (ECE); its calibration "
                + "metrics are calibration_ratio (calibration in the large), brier_score and log_loss, which are other "
                + "definitions (e.g. brier_score.difference); valid: min_group_size; a fairness metric: ")
                .hasMessageContaining(tail).hasMessageEndingWith(" (in rule 'ece.difference <= 0.03')");
        assertThatThrownBy(() -> PolicyRule.parse("bounded_group_loss <= 0.05 for sex")).hasMessageStartingWith(
                "unknown metric 'bounded_group_loss'; did you mean bounded_group_loss_absolute, "
                        + "bounded_group_loss_squared? valid: min_group_size;")
                .hasMessageEndingWith(" (in rule 'bounded_group_loss <= 0.05 for sex')");
        assertThatThrownBy(() -> PolicyRule.parse("exposure_ratio.difference <= 0.1")).hasMessageStartingWith(
                "metric 'exposure_ratio.difference': exposure_ratio already compares groups (a named disparity); "
                        + "write it alone (exposure_ratio <op> <threshold>), or aggregate a group metric with "
                        + ".difference, .ratio, .difference_to_overall, .ratio_to_overall or macro_ (group metrics of "
                        + "every task: roc_auc, ")
                .hasMessageEndingWith(" (in rule 'exposure_ratio.difference <= 0.1')");
        assertThatThrownBy(() -> PolicyRule.parse("missing_rate <= 0.1")).hasMessage("metric 'missing_rate': "
                + "missing_rate is a data-quality check, judged on the data by the data rules "
                + "max_missing_rate[.COLUMN], max_proxy_strength[.COLUMN], representation_ratio and min_group_size "
                + "(fairkit check-data), not on a report (in rule 'missing_rate <= 0.1')");
        assertThatThrownBy(() -> PolicyRule.parse("theil_index <= 0.1")).hasMessage("metric 'theil_index': "
                + "theil_index is an individual-fairness index, which no task report carries; a policy cannot judge "
                + "it (in rule 'theil_index <= 0.1')");
        assertThatThrownBy(() -> PolicyRule.parse("macro_tpr@urgent.difference <= 0.1")).hasMessage("metric "
                + "'macro_tpr@urgent.difference': a macro average (macro_<metric>) is over every class; give either "
                + "macro_<metric> or <metric>@<class> (in rule 'macro_tpr@urgent.difference <= 0.1')");
        assertThatThrownBy(() -> PolicyRule.parse("tpr@.difference <= 0.1")).hasMessage("metric "
                + "'tpr@.difference': the class after '@' must be non-empty, without spaces, '<', '>' or '=' (e.g. "
                + "true_positive_rate@urgent.difference) (in rule 'tpr@.difference <= 0.1')");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - roc_auc.spread <= 0.05
                """)).hasMessageStartingWith("policy YAML, line 3, column 5: unknown metric 'roc_auc.spread'; valid: ")
                .hasMessageEndingWith("(in rule 'roc_auc.spread <= 0.05')");
    }

    @Test
    void aReportThatCannotAnswerTheIdIsInconclusiveAndListsWhatItHas() {
        PolicyResult r = Policy.parse("""
                policy: p
                rules:
                  - roc_auc.difference <= 0.05 for g
                  - roc_auc >= 0.7
                  - max_regression demographic_parity_ratio 0.02
                """).evaluate(TaskPolicyTest.regression());
        assertThat(r.verdicts()).extracting(RuleVerdict::outcome).containsOnly(Outcome.INCONCLUSIVE);
        assertThat(r.verdicts().get(0).message()).isEqualTo("roc_auc.difference: the regression report has no metric "
                + "roc_auc.difference; it has: " + String.join(", ", TaskPolicyTest.regression().disparityIds()));
        assertThat(r.verdicts().get(1).message()).isEqualTo("roc_auc: the regression report has no metric roc_auc; it "
                + "has: mean_absolute_error");
        assertThat(r.verdicts().get(2).message()).isEqualTo("rule 'max_regression demographic_parity_ratio 0.02' "
                + "compares a binary run's counts with a baseline run's, which a task report does not carry: judge "
                + "the binary FairnessReport (Policy.evaluate(reports, baselines))");
        assertThat(r.verdicts().get(0).value().reason()).isPresent();
        assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(Optional.of(r.verdicts().get(0).grouping())).contains(List.of("g"));
    }
}
