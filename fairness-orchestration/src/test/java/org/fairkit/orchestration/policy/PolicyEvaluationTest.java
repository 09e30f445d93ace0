package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Locale;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Verdicts with their evidence: each evidence mode, undefined values, missing intervals, groupings, severity. */
class PolicyEvaluationTest {
    private static final FairnessMetric DPR = FairnessMetric.DEMOGRAPHIC_PARITY_RATIO;

    private static GroupKey race(String level) {
        return GroupKey.of("race", level);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static RuleVerdict judge(String rule, EvidenceMode mode, FairnessReport report) {
        PolicyResult r = Policy.of("p", PolicyRule.parse(rule).withEvidence(mode)).evaluate(report);
        assertThat(r.verdicts()).hasSize(1);
        return r.verdicts().get(0);
    }

    @Test
    void pointEvidenceComparesTheEstimateAndNamesTheGroupsOfTheDisparity() {
        FairnessReport report = Reports.handCountedReport();
        RuleVerdict v = judge("demographic_parity_ratio >= 0.8", EvidenceMode.POINT, report);
        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(v.value().value()).isEqualTo(0.5);
        assertThat(v.groups()).containsExactly(race("B"), race("A"));
        assertThat(v.interval()).isEmpty();
        assertThat(v.grouping()).containsExactly("race");
        assertThat(v.message()).isEqualTo("demographic_parity_ratio = 0.5000 is not >= 0.8 (point estimate); groups "
                + "B vs A; 1 group left out: C: n = 10 is below minGroupSize 30");
        RuleVerdict pass = judge("demographic_parity_ratio >= 0.5", EvidenceMode.POINT, report);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.message()).startsWith("demographic_parity_ratio = 0.5000 >= 0.5 (point estimate)");
        assertThat(judge("equalized_odds_difference <= 0.4", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(judge("equalized_odds_difference < 0.4", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(judge("true_positive_rate.difference <= 0.4", EvidenceMode.POINT, report).groups())
                .containsExactly(race("A"), race("B"));
    }

    /**
     * 30 of 50 against 45 of 60 selected is a ratio of exactly 4/5, computed as 0.6 / 0.75 = 0.7999999999999999: it
     * meets {@code >= 0.8} and {@code <= 0.8} and fails the strict comparisons, as the exact value would.
     */
    @Test
    void aValueThatIsTheThresholdUpToRoundingCountsAsEqualToIt() {
        FairnessReport report = Reports.selections(new int[][] {{60, 45}, {50, 30}});
        RuleVerdict v = judge("demographic_parity_ratio >= 0.8", EvidenceMode.POINT, report);
        assertThat(v.value().value()).isEqualTo(0.6 / 0.75).isLessThan(0.8);
        assertThat(v.outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge("demographic_parity_ratio <= 0.8", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(judge("demographic_parity_ratio > 0.8", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(judge("demographic_parity_ratio < 0.8", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(judge("demographic_parity_ratio >= 0.8000001", EvidenceMode.POINT, report).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(Threshold.Operator.AT_LEAST.test(1e6 * (1 - 2e-12), 1e6)).isFalse();
        assertThat(Threshold.Operator.AT_LEAST.test(1e6 * (1 - 5e-13), 1e6)).isTrue();
    }

    @Test
    void anIntervalModeWithoutAnIntervalIsInconclusiveAndSaysSo() {
        FairnessReport report = Reports.handCountedReport();
        for (EvidenceMode mode : List.of(EvidenceMode.PASS_IF_INTERVAL_SATISFIES,
                EvidenceMode.FAIL_IF_INTERVAL_VIOLATES)) {
            RuleVerdict v = judge("demographic_parity_ratio >= 0.3", mode, report);
            assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(v.message()).startsWith("demographic_parity_ratio = 0.5000 has no interval in this report, and "
                    + "evidence " + mode.id() + " needs one: evaluate with intervals(...) or use evidence point");
        }
        Policy gate = Policy.of("gate", PolicyRule.parse("demographic_parity_ratio >= 0.3")
                .withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES));
        assertThat(gate.evaluate(report).outcome()).as("never a silent pass").isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(gate.evaluate(report).passed()).isFalse();
    }

    @Test
    void anUndefinedValueIsInconclusiveWithItsReason() {
        RuleVerdict v = judge("statistical_parity_difference >= -0.1", EvidenceMode.POINT,
                Reports.handCountedReport());
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.value().isDefined()).isFalse();
        assertThat(v.message()).isEqualTo("statistical_parity_difference = undefined (needs a reference group; set "
                + "one with reference(...))");
    }

    @Test
    void theThreeEvidenceModesOnAnIntervalThatStraddlesLiesInsideOrLiesOutside() {
        FairnessReport report = Reports.synthetic();
        Disparity d = report.fairness(DPR);
        Interval ci = d.interval().orElseThrow();
        double point = d.asDouble();
        assertThat(ci.contains(point)).isTrue();
        String straddle = "demographic_parity_ratio >= " + PolicyRule.number((ci.lower() + point) / 2);
        String inside = "demographic_parity_ratio >= " + PolicyRule.number(ci.lower() - 0.01);
        String outside = "demographic_parity_ratio >= " + PolicyRule.number(ci.upper() + 0.01);
        String head = "demographic_parity_ratio = " + f4(point) + ", 95% interval " + ci;

        assertThat(judge(straddle, EvidenceMode.POINT, report).outcome()).isEqualTo(Outcome.PASS);
        RuleVerdict strict = judge(straddle, EvidenceMode.PASS_IF_INTERVAL_SATISFIES, report);
        assertThat(strict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(strict.message()).startsWith(head + " straddles >= ").contains(": compliance not demonstrated");
        RuleVerdict lenient = judge(straddle, EvidenceMode.FAIL_IF_INTERVAL_VIOLATES, report);
        assertThat(lenient.outcome()).isEqualTo(Outcome.PASS);
        assertThat(lenient.message()).startsWith(head + " straddles >= ").contains(": violation not demonstrated");
        assertThat(lenient.interval()).contains(ci);

        for (EvidenceMode mode : EvidenceMode.values()) {
            assertThat(judge(inside, mode, report).outcome()).as("%s inside", mode).isEqualTo(Outcome.PASS);
            assertThat(judge(outside, mode, report).outcome()).as("%s outside", mode).isEqualTo(Outcome.FAIL);
        }
        assertThat(judge(outside, EvidenceMode.FAIL_IF_INTERVAL_VIOLATES, report).message())
                .startsWith(head + " lies entirely outside >= ").contains(": violation demonstrated");
        assertThat(judge(inside, EvidenceMode.PASS_IF_INTERVAL_SATISFIES, report).message())
                .startsWith(head + " lies entirely >= ");
        assertThat(judge(inside, EvidenceMode.PASS_IF_INTERVAL_SATISFIES, report).groups())
                .containsExactlyElementsOf(d.groups());
    }

    @Test
    void verdictsFollowTheirModeAndTheStrictModeIsNeverMoreLenientThanThePointOrTheLenientMode() {
        FairnessReport report = Reports.synthetic();
        List<Disparity> ds = List.of(report.fairness(DPR), report.fairness(FairnessMetric.DISPARATE_IMPACT),
                report.fairness(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE),
                report.difference(Metrics.TRUE_POSITIVE_RATE));
        List<String> ids = List.of("demographic_parity_ratio", "disparate_impact", "statistical_parity_difference",
                "true_positive_rate.difference");
        qt().withFixedSeed(31).withExamples(200)
                .forAll(integers().between(0, 3), integers().between(0, 3), doubles().between(-0.1, 1.1))
                .checkAssert((which, op, u) -> {
                    Disparity d = ds.get(which);
                    Interval ci = d.interval().orElseThrow();
                    double t = ci.lower() + u * (ci.upper() - ci.lower());
                    Threshold c = new Threshold(Threshold.Operator.values()[op], t);
                    PolicyRule rule = PolicyRule.of(Measure.byId(ids.get(which)), c);
                    Outcome point = judge(rule.expression(), EvidenceMode.POINT, report).outcome();
                    Outcome strict = judge(rule.expression(), EvidenceMode.PASS_IF_INTERVAL_SATISFIES, report)
                            .outcome();
                    Outcome lenient = judge(rule.expression(), EvidenceMode.FAIL_IF_INTERVAL_VIOLATES, report)
                            .outcome();
                    // a metric against a reference is judged on every group's comparison (its family), each with
                    // its simultaneous interval; a spread on its one value
                    List<Disparity> members = which == 1 || which == 2
                            ? report.fairnessByGroup(which == 1 ? FairnessMetric.DISPARATE_IMPACT
                                    : FairnessMetric.STATISTICAL_PARITY_DIFFERENCE)
                            : List.of(d);
                    assertThat(members).isNotEmpty();
                    boolean allPoint = true;
                    boolean allInside = true;
                    boolean anyOutside = false;
                    for (Disparity m : members) {
                        Interval mi = m.interval().orElseThrow();
                        assertThat(mi.contains(m.asDouble())).as("%s", m).isTrue();
                        allPoint &= c.isMetBy(m.asDouble());
                        allInside &= c.isMetBy(mi.lower()) && c.isMetBy(mi.upper());
                        anyOutside |= !c.isMetBy(mi.lower()) && !c.isMetBy(mi.upper());
                    }
                    assertThat(point == Outcome.PASS).isEqualTo(allPoint);
                    assertThat(strict == Outcome.PASS).isEqualTo(allInside);
                    assertThat(lenient == Outcome.FAIL).isEqualTo(anyOutside);
                    assertThat(strict != Outcome.PASS || point == Outcome.PASS).isTrue();
                    assertThat(point != Outcome.PASS || lenient == Outcome.PASS).isTrue();
                });
    }

    @Test
    void everyGroupRulesNameTheFailingGroupsAndLeaveSmallGroupsOut() {
        FairnessReport report = Reports.handCountedReport();
        RuleVerdict fail = judge("accuracy >= 0.7", EvidenceMode.POINT, report);
        assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(fail.groups()).containsExactly(race("B"));
        assertThat(fail.value().value()).isEqualTo(0.65);
        assertThat(fail.message()).isEqualTo("accuracy in every group: fails in B 0.6500 is not >= 0.7 (point "
                + "estimate); 1 group left out: C: n = 10 is below the report's minimum group size");
        RuleVerdict pass = judge("false_positive_rate <= 0.2", EvidenceMode.POINT, report);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.groups()).containsExactly(race("A"));
        assertThat(pass.message()).startsWith("false_positive_rate in every group: holds in every group; the highest, "
                + "A, is 0.2000 <= 0.2 (point estimate)");
        RuleVerdict withIntervals = judge("true_positive_rate >= 0.52", EvidenceMode.PASS_IF_INTERVAL_SATISFIES,
                Reports.synthetic());
        assertThat(withIntervals.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(withIntervals.groups()).containsExactly(GroupKey.of("ethnicity", "Group B"));
        assertThat(withIntervals.message()).contains("compliance not demonstrated");
        assertThat(judge("true_positive_rate >= 0.52", EvidenceMode.POINT, Reports.synthetic()).outcome())
                .as("the point estimate of Group B is above 0.52, its interval is not").isEqualTo(Outcome.PASS);
    }

    @Test
    void minGroupSizeCountsRowsExactlyAndNamesTheSmallGroups() {
        FairnessReport report = Reports.handCountedReport();
        for (EvidenceMode mode : EvidenceMode.values()) {
            RuleVerdict v = judge("min_group_size >= 30", mode, report);
            assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(v.value().value()).isEqualTo(10.0);
            assertThat(v.groups()).containsExactly(race("C"));
            assertThat(v.message()).isEqualTo("min_group_size = 10 is not >= 30: C (10) (exact counts: the evidence "
                    + "mode does not apply)");
        }
        RuleVerdict pass = judge("min_group_size >= 10", EvidenceMode.POINT, report);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.message()).isEqualTo("min_group_size = 10 >= 10: the smallest group, C, has 10 rows (exact "
                + "counts: the evidence mode does not apply)");
    }

    @Test
    void rulesAreJudgedOnTheReportsWithTheirGrouping() {
        FairnessReport byRace = Reports.handCountedReport();
        Policy p = Policy.parse("""
                policy: groupings
                rules:
                  - demographic_parity_ratio >= 0.4 for race
                  - demographic_parity_ratio >= 0.4 for sex
                  - min_group_size >= 5
                """);
        PolicyResult r = p.evaluate(byRace);
        assertThat(r.verdicts()).extracting(RuleVerdict::outcome)
                .containsExactly(Outcome.PASS, Outcome.INCONCLUSIVE, Outcome.PASS);
        assertThat(r.verdicts().get(1).message()).isEqualTo("no report grouped by sex was evaluated (the reports are "
                + "grouped by race)");
        assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);

        FairnessReport bySexAndEthnicity = Fairness.of(org.fairkit.core.datasets.SyntheticLending.generate(500, 3))
                .groupBy("sex", "ethnicity").evaluate();
        PolicyResult both = Policy.of("p", PolicyRule.parse("min_group_size >= 1 for ethnicity & sex"),
                PolicyRule.parse("demographic_parity_difference <= 1")).evaluate(List.of(byRace, bySexAndEthnicity));
        assertThat(both.verdicts()).extracting(RuleVerdict::grouping).containsExactly(List.of("sex", "ethnicity"),
                List.of("race"), List.of("sex", "ethnicity"));
        assertThat(both.passed()).isTrue();
        assertThatThrownBy(() -> p.evaluate(List.of())).hasMessage("evaluate needs at least one report");
    }

    @Test
    void warningsAreReportedButDoNotFailThePolicy() {
        FairnessReport report = Reports.handCountedReport();
        Policy p = Policy.of("p", PolicyRule.parse("demographic_parity_ratio >= 0.8").withSeverity(Severity.WARNING),
                PolicyRule.parse("min_group_size >= 5"));
        PolicyResult r = p.evaluate(report);
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).blocking()).isFalse();
        Policy strict = Policy.of("p", PolicyRule.parse("demographic_parity_ratio >= 0.8"));
        assertThat(strict.evaluate(report).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(strict.evaluate(report).problems().get(0).blocking()).isTrue();
    }

    @Test
    void aPolicyIsAPolicyCheckAndALambdaIsToo() {
        PolicyCheck check = Policy.of("p", PolicyRule.parse("min_group_size >= 5"));
        assertThat(check.evaluate(Reports.handCountedReport()).passed()).isTrue();
        PolicyCheck never = report -> new PolicyResult("never", List.of());
        assertThat(never.evaluate(Reports.handCountedReport()).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void theResultPrintsAFixedWidthTable() {
        Policy p = Policy.parse("""
                policy: lending
                rules:
                  - demographic_parity_ratio >= 0.8 for race
                  - rule: equalized_odds_difference <= 0.5
                    severity: warning
                  - min_group_size >= 30
                  - accuracy >= 0.6
                  - selection_rate.ratio >= 0.8 for sex
                """);
        String nl = System.lineSeparator();
        assertThat(p.evaluate(Reports.handCountedReport()).toString()).isEqualTo(String.join(nl,
                "Policy lending: FAIL (2 failed, 1 inconclusive, 2 passed)",
                "outcome       severity  rule                                      grouping  value      interval"
                        + "  groups",
                "FAIL          error     demographic_parity_ratio >= 0.8 for race  race      0.5000     -         B, A",
                "PASS          warning   equalized_odds_difference <= 0.5          race      0.4000     -         A, B",
                "FAIL          error     min_group_size >= 30                      race      10         -         C",
                "PASS          error     accuracy >= 0.6                           race      0.6500     -         B",
                "INCONCLUSIVE  error     selection_rate.ratio >= 0.8 for sex       -         undefined  -         -",
                "FAIL demographic_parity_ratio >= 0.8 for race: demographic_parity_ratio = 0.5000 is not >= 0.8 "
                        + "(point estimate); groups B vs A; 1 group left out: C: n = 10 is below minGroupSize 30",
                "FAIL min_group_size >= 30: min_group_size = 10 is not >= 30: C (10) (exact counts: the evidence mode "
                        + "does not apply)",
                "INCONCLUSIVE selection_rate.ratio >= 0.8 for sex: no report grouped by sex was evaluated (the "
                        + "reports are grouped by race)"));
    }

    @Test
    void theAlertConfigurationIsPinned() {
        Policy p = Policy.parse("""
                policy: lending
                evidence: fail_if_interval_violates
                rules:
                  - demographic_parity_ratio >= 0.8 for race
                  - rule: equalized_odds_difference <= 0.05
                    name: eod
                    evidence: point
                    severity: warning
                """);
        assertThat(p.toAlertConfigurationYaml()).isEqualTo("""
                alert_configuration:
                  format: fairkit-alerts/1
                  policy: lending
                  default_evidence: fail_if_interval_violates
                  alerts:
                    - name: demographic_parity_ratio >= 0.8 for race
                      metric: demographic_parity_ratio
                      grouping:
                        - race
                      require: '>= 0.8'
                      alert_when: < 0.8
                      threshold: 0.8
                      evidence: fail_if_interval_violates
                      severity: error
                      on_inconclusive: warn
                    - name: eod
                      metric: equalized_odds_difference
                      require: <= 0.05
                      alert_when: '> 0.05'
                      threshold: 0.05
                      evidence: point
                      severity: warning
                      on_inconclusive: warn
                """);
    }
}
