package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.junit.jupiter.api.Test;

/** The {@code max_regression} rule: syntax, YAML round trip, and the gate against a baseline run. */
class RegressionRuleTest {
    static FairnessReport run(long seed, double penalty) {
        return Fairness.of(SyntheticLending.generate(6000, seed, penalty)).groupBy(SyntheticLending.ETHNICITY)
                .reference("Group A").evaluate();
    }

    static final String YAML = """
            policy: no-regression
            rules:
              - max_regression demographic_parity_ratio 0.02 for ethnicity
              - rule: max_regression disparate_impact <= 0.05
                evidence: fail_if_interval_violates
                severity: warning
            """;

    @Test
    void theRuleParsesAndWritesBackCanonically() {
        PolicyRule r = PolicyRule.parse("max_regression demographic_parity_ratio 0.02 for ethnicity");
        assertThat(r.measure()).isEqualTo(new Measure.Regression(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO));
        assertThat(r.threshold().limit()).isEqualTo(0.02);
        assertThat(r.threshold().isMetBy(0.02)).isTrue();
        assertThat(r.threshold().isMetBy(0.03)).isFalse();
        assertThat(r.grouping()).containsExactly("ethnicity");
        assertThat(r.expression()).isEqualTo("max_regression demographic_parity_ratio 0.02 for ethnicity");
        assertThat(PolicyRule.parse("max_regression  demographic_parity_ratio <= 2e-2 for ethnicity")).isEqualTo(r);
        Policy p = Policy.parse(YAML);
        assertThat(Policy.parse(p.toYaml())).isEqualTo(p);
        assertThat(p.rules().get(1).expression()).isEqualTo("max_regression disparate_impact 0.05");
    }

    @Test
    void malformedRulesSayWhatIsExpected() {
        assertThatThrownBy(() -> PolicyRule.parse("max_regression demographic_parity_ratio -0.1"))
                .hasMessageContaining("is not 'max_regression <fairness metric> <limit>");
        assertThatThrownBy(() -> PolicyRule.parse("max_regression demographic_parity_ratio >= 0.1"))
                .hasMessageContaining("is not 'max_regression <fairness metric> <limit>");
        assertThatThrownBy(() -> PolicyRule.parse("max_regression selection_rate 0.1"))
                .hasMessageContaining("demographic_parity_ratio");
    }

    @Test
    void anInjectedRegressionFailsTheGateInEveryEvidenceMode() {
        FairnessReport baseline = run(1, 0.2);
        FairnessReport candidate = run(2, 1.2);
        for (EvidenceMode mode : EvidenceMode.values()) {
            PolicyRule rule = PolicyRule.parse("max_regression demographic_parity_ratio 0.02").withEvidence(mode);
            PolicyResult r = Policy.of("gate", rule).evaluate(List.of(candidate), List.of(baseline.results()));
            RuleVerdict v = r.verdicts().get(0);
            assertThat(v.outcome()).as(mode.id()).isEqualTo(Outcome.FAIL);
            assertThat(v.value().value()).isGreaterThan(0.1);
            assertThat(v.interval().orElseThrow().lower()).isGreaterThan(0.02);
            assertThat(v.message()).contains("moved from").contains("(baseline)");
        }
    }

    @Test
    void theSameModelDoesNotFailWhenTheBurdenIsOnTheFinding() {
        PolicyRule rule = PolicyRule.parse("max_regression demographic_parity_ratio 0.02")
                .withEvidence(EvidenceMode.FAIL_IF_INTERVAL_VIOLATES);
        PolicyResult r = Policy.of("gate", rule).evaluate(List.of(run(2, 0.8)), List.of(run(3, 0.8).results()));
        assertThat(r.verdicts().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.verdicts().get(0).interval()).isPresent();
    }

    @Test
    void withoutABaselineTheRuleIsInconclusive() {
        PolicyResult r = Policy.parse(YAML).evaluate(List.of(run(2, 0.8)));
        assertThat(r.verdicts()).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(v.message()).contains("compares with a baseline run, and none was given");
        });
        assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
}
