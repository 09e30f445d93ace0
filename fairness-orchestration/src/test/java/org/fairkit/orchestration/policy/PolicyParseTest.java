package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Policy YAML and rule text: what is read, what is rejected and with which message, and the round trip. */
class PolicyParseTest {
    private static final String LENDING = """
            policy: lending-fairness
            description: Four-fifths rule and equalized odds
            evidence: fail_if_interval_violates
            rules:
              - demographic_parity_ratio >= 0.8 for race
              - rule: equalized_odds_difference <= 0.05
                evidence: pass_if_interval_satisfies
                severity: warning
              - rule: tpr.difference < 0.1
                name: tpr-gap
              - min_group_size >= 30
              - accuracy > 0.7 for race & sex
            """;

    @Test
    void aPolicyIsReadIntoTypedRules() {
        Policy p = Policy.parse(LENDING);
        assertThat(p.name()).isEqualTo("lending-fairness");
        assertThat(p.description()).isEqualTo("Four-fifths rule and equalized odds");
        assertThat(p.evidence()).isEqualTo(EvidenceMode.FAIL_IF_INTERVAL_VIOLATES);
        assertThat(p.rules()).containsExactly(
                new PolicyRule(null, Measure.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO),
                        Threshold.atLeast(0.8), List.of("race"), Optional.empty(), Severity.CRITICAL),
                PolicyRule.of(Measure.fairness(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE), Threshold.atMost(0.05))
                        .withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES).withSeverity(Severity.WARNING),
                PolicyRule.of(Measure.difference(Metrics.TRUE_POSITIVE_RATE), Threshold.lessThan(0.1))
                        .named("tpr-gap"),
                PolicyRule.of(Measure.minGroupSize(), Threshold.atLeast(30)),
                PolicyRule.of(Measure.everyGroup(Metrics.ACCURACY), Threshold.greaterThan(0.7))
                        .forGrouping("race", "sex"));
        assertThat(p.rules().get(0).name()).isEqualTo("demographic_parity_ratio >= 0.8 for race");
        assertThat(p.rules().get(2).expression()).isEqualTo("true_positive_rate.difference < 0.1");
        assertThat(p.rules().get(4).expression()).isEqualTo("accuracy > 0.7 for race, sex");
        assertThat(p.rules().get(1).evidenceOr(p.evidence())).isEqualTo(EvidenceMode.PASS_IF_INTERVAL_SATISFIES);
        assertThat(p.rules().get(0).evidenceOr(p.evidence())).isEqualTo(EvidenceMode.FAIL_IF_INTERVAL_VIOLATES);
    }

    @Test
    void everyCatalogIdIsAValidMeasure() {
        for (FairnessMetric f : FairnessMetric.values()) {
            assertThat(Measure.byId(f.id())).isEqualTo(Measure.fairness(f));
        }
        for (Metrics m : Metrics.values()) {
            assertThat(Measure.byId(m.info().id())).isEqualTo(Measure.everyGroup(m));
            assertThat(Measure.byId(m.info().id() + ".ratio_to_overall")).isEqualTo(Measure.ratioToOverall(m));
            assertThat(Measure.byId(m.info().id() + ".difference_to_overall").id())
                    .isEqualTo(m.info().id() + ".difference_to_overall");
        }
        assertThat(Measure.byId("FPR.Ratio")).isEqualTo(Measure.ratio(Metrics.FALSE_POSITIVE_RATE));
        assertThat(Measure.byId("min_group_size")).isEqualTo(Measure.minGroupSize());
    }

    @Test
    void anUnknownMetricListsTheValidIds() {
        assertThatThrownBy(() -> PolicyRule.parse("demographic_parity >= 0.8")).hasMessage("unknown metric "
                + "'demographic_parity'; did you mean demographic_parity_difference, demographic_parity_ratio? "
                + "valid: min_group_size; a fairness metric: demographic_parity_difference, "
                + "demographic_parity_ratio, equalized_odds_difference, equalized_odds_ratio, "
                + "equal_opportunity_difference, equal_opportunity_ratio, statistical_parity_difference, "
                + "disparate_impact, average_odds_difference, average_abs_odds_difference, "
                + "predictive_parity_difference, error_rate_difference; a group metric that every group must "
                + "satisfy: count, base_rate, selection_rate, true_positive_rate, false_positive_rate, "
                + "false_negative_rate, true_negative_rate, positive_predictive_value, negative_predictive_value, "
                + "false_discovery_rate, false_omission_rate, accuracy, error_rate, balanced_accuracy, f1_score, "
                + "predicted_positive_share; or a group metric with .difference, .ratio, .difference_to_overall, "
                + ".ratio_to_overall (e.g. selection_rate.ratio); a data rule: max_missing_rate[.COLUMN], "
                + "max_proxy_strength[.COLUMN], representation_ratio; a named disparity of another task: "
                + otherTasks(true) + "; a group metric of another task, alone or with an aggregate: "
                + otherTasks(false) + "; multiclass: macro_<group metric>, <group metric>@<class> or "
                + "<fairness metric>@<class> (e.g. macro_true_positive_rate.difference, "
                + "true_positive_rate@urgent.difference, demographic_parity_ratio@urgent) (in rule "
                + "'demographic_parity >= 0.8')");
        assertThatThrownBy(() -> Measure.byId("selection_rate.spread")).hasMessageStartingWith("unknown metric "
                + "'selection_rate.spread'; valid: ");
    }

    @Test
    void malformedRulesSayWhatIsExpected() {
        for (String bad : List.of("demographic_parity_ratio => 0.8", "demographic_parity_ratio >= ",
                ">= 0.8", "demographic_parity_ratio >= 0.8 for", "demographic_parity_ratio >= 0.8 race")) {
            assertThatThrownBy(() -> PolicyRule.parse(bad)).as(bad).hasMessage("rule '" + bad + "' is not '<metric> "
                    + "<op> <threshold> [for <feature>, ...]' with op one of >=, >, <=, < (e.g. "
                    + "'demographic_parity_ratio >= 0.8 for race')");
        }
        assertThatThrownBy(() -> PolicyRule.parse("accuracy >= 1e999")).hasMessage("threshold must be finite, got "
                + "Infinity");
        assertThatThrownBy(() -> PolicyRule.parse("accuracy >= 0.8 for race, race")).hasMessage("grouping names a "
                + "feature twice: [race, race]");
        assertThat(PolicyRule.parse("  accuracy>=.75   FOR  race ,sex ").expression())
                .isEqualTo("accuracy >= 0.75 for race, sex");
    }

    @Test
    void yamlErrorsNameTheLineAndColumn() {
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - accuracy >= 0.8
                  - rule: accuracy >= 0.8
                    severity: fatal
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy YAML, line 4, column 5: unknown severity 'fatal'; valid: error, warning");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - rule: accuracy >= 0.8
                    threshold: 0.9
                """)).hasMessage("policy YAML, line 3, column 5: unknown key 'threshold' in a rule; valid keys: rule, "
                + "name, evidence, severity, reference_shares");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - name: no-rule
                  - [accuracy >= 0.8]
                """)).hasMessage("policy YAML, line 3, column 5: a rule is either text or a mapping with the key "
                + "'rule' (and optionally name, evidence, severity)");
        assertThatThrownBy(() -> Policy.parse("""
                policy: p
                rules:
                  - accuracy => 0.8
                """)).hasMessageStartingWith("policy YAML, line 3, column 5: rule 'accuracy => 0.8' is not");
        assertThatThrownBy(() -> Policy.parse("policy: p\n")).hasMessage("policy YAML: the key 'rules' is missing");
        assertThatThrownBy(() -> Policy.parse("rules: [accuracy >= 0.8]\n")).hasMessage("policy YAML: the key "
                + "'policy' (the policy's name) is missing");
        assertThatThrownBy(() -> Policy.parse("policy: p\nrule: [accuracy >= 0.8]\n")).hasMessage("policy YAML, "
                + "line 2, column 1: unknown key 'rule'; valid keys: policy, description, evidence, rules");
        assertThatThrownBy(() -> Policy.parse("policy: p\nrules: accuracy >= 0.8\n")).hasMessage("policy YAML, "
                + "line 2, column 8: 'rules' must be a list");
        assertThatThrownBy(() -> Policy.parse("- a\n- b\n")).hasMessage("policy YAML, line 1, column 1: expected a "
                + "mapping with the keys [policy, description, evidence, rules]");
        assertThatThrownBy(() -> Policy.parse("policy: p\nrules: [accuracy >= 0.8\n")).hasMessageStartingWith(
                "policy YAML, line 2, column 24: while parsing a flow sequence");
        assertThatThrownBy(() -> Policy.parse("policy: p\nrules: []\n")).hasMessage("a policy needs at least one "
                + "rule");
        assertThatThrownBy(() -> Policy.parse("policy: p\nevidence: interval\nrules: [accuracy >= 0.8]\n"))
                .hasMessage("policy YAML, line 2, column 11: unknown evidence mode 'interval'; valid: point, "
                        + "pass_if_interval_satisfies, "
                        + "fail_if_interval_violates");
        assertThatThrownBy(() -> Policy.parse("policy: p\nrules: [accuracy >= 0.8, accuracy >= 0.8]\n"))
                .hasMessage("rule names must be unique in a policy; 'accuracy >= 0.8' appears twice");
        assertThatThrownBy(() -> Policy.parse("  ")).hasMessage("policy YAML: the document is empty");
        assertThatThrownBy(() -> Policy.parse("policy: ' '\nrules: [accuracy >= 0.8]\n"))
                .hasMessage("a policy needs a non-blank name ('policy: <name>')");
    }

    @Test
    void theCanonicalYamlIsPinned() {
        assertThat(Policy.parse(LENDING).toYaml()).isEqualTo("""
                policy: lending-fairness
                description: Four-fifths rule and equalized odds
                evidence: fail_if_interval_violates
                rules:
                  - rule: demographic_parity_ratio >= 0.8 for race
                    severity: error
                  - rule: equalized_odds_difference <= 0.05
                    evidence: pass_if_interval_satisfies
                    severity: warning
                  - name: tpr-gap
                    rule: true_positive_rate.difference < 0.1
                    severity: error
                  - rule: min_group_size >= 30
                    severity: error
                  - rule: "accuracy > 0.7 for race, sex"
                    severity: error
                """);
    }

    private static final List<String> MEASURES = measureIds();

    private static List<String> measureIds() {
        List<String> ids = new ArrayList<>(List.of("min_group_size"));
        for (FairnessMetric f : FairnessMetric.values()) {
            ids.add(f.id());
        }
        for (Metrics m : Metrics.values()) {
            ids.add(m.info().id());
            ids.add(m.info().id() + ".difference");
            ids.add(m.info().id() + ".ratio_to_overall");
        }
        return ids;
    }

    private static final Gen<PolicyRule> RULES = integers().between(0, MEASURES.size() - 1)
            .zip(integers().between(0, 3), doubles().between(-1e6, 1e6), integers().between(0, 63),
                    (m, op, t, flags) -> {
                        PolicyRule r = PolicyRule.of(Measure.byId(MEASURES.get(m)), new Threshold(Threshold.Operator.values()[op], t));
                        if ((flags & 1) != 0) {
                            r = r.forGrouping("race");
                        }
                        if ((flags & 2) != 0) {
                            r = r.forGrouping("race", "sex");
                        }
                        if ((flags & 4) != 0) {
                            r = r.withEvidence(EvidenceMode.values()[(flags >> 4) % 3]);
                        }
                        if ((flags & 8) != 0) {
                            r = r.withSeverity(Severity.WARNING);
                        }
                        if ((flags & 16) != 0) {
                            r = r.named("rule #" + m + ": ünï \"q\"");
                        }
                        return r;
                    });

    @Test
    void aPolicyReadsBackFromItsYamlUnchanged() {
        qt().withFixedSeed(29).withExamples(150)
                .forAll(RULES, RULES, integers().between(0, 2))
                .assuming((a, b, e) -> !a.name().equals(b.name()))
                .checkAssert((a, b, e) -> {
                    Policy p = new Policy("p: \"x\"", e == 1 ? "" : "multi\nline", EvidenceMode.values()[e],
                            List.of(a, b));
                    assertThat(Policy.parse(p.toYaml())).isEqualTo(p);
                    assertThat(PolicyRule.parse(a.expression()).expression()).isEqualTo(a.expression());
                });
    }

    /**
     * The catalog's ids of the other tasks, derived here from the families: named disparities (family DISPARITY, not
     * a binary fairness metric) or group metrics (not DISPARITY, DATA_QUALITY or INDIVIDUAL, not a confusion metric).
     */
    private static String otherTasks(boolean named) {
        List<String> out = new java.util.ArrayList<>();
        for (org.fairkit.core.metrics.MetricInfo m : org.fairkit.core.catalog.MetricCatalog.all()) {
            org.fairkit.core.metrics.MetricFamily f = m.family();
            boolean binary = java.util.Arrays.stream(FairnessMetric.values()).anyMatch(x -> x.id().equals(m.id()))
                    || java.util.Arrays.stream(Metrics.values()).anyMatch(x -> x.info().id().equals(m.id()));
            boolean disparity = f == org.fairkit.core.metrics.MetricFamily.DISPARITY;
            if (!binary && (named ? disparity : !disparity && f != org.fairkit.core.metrics.MetricFamily.DATA_QUALITY
                    && f != org.fairkit.core.metrics.MetricFamily.INDIVIDUAL)) {
                out.add(m.id());
            }
        }
        return String.join(", ", out);
    }
}
