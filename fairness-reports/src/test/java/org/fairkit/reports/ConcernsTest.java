package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;

class ConcernsTest {
    static final AuditContext CTX = AuditContext.of("t", "d", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private static ReportContent content(FairnessReport r, List<PolicyVerdictView> verdicts) {
        return ReportContent.builder(r, CTX).verdicts(verdicts).build();
    }

    @Test
    void anUnbiasedModelOnLargeGroupsRaisesNoConcern() {
        FairnessReport r = Fairness.of(SyntheticLending.generate(40_000, 11, 0.0)).groupBy("ethnicity")
                .reference("Group A").minGroupSize(30).evaluate();
        assertThat(content(r, List.of()).concerns()).isEmpty();
    }

    @Test
    void theRankingPutsFailedPoliciesThenAdverseImpactThenDisparitiesThenWarningsThenSmallGroups() {
        FairnessReport r = Fairness.of(AdverseImpactTest.selections(new String[] {"A", "B", "tiny"},
                new int[][] {{400, 240}, {400, 160}, {8, 4}})).minGroupSize(30).reference("A").evaluate();
        PolicyVerdictView fail = new PolicyVerdictView("custom rule", PolicyVerdictView.Outcome.FAIL,
                MetricValue.of(0.3), Optional.empty(), List.of("X"), "Something failed.");
        PolicyVerdictView warn = new PolicyVerdictView("other rule", PolicyVerdictView.Outcome.WARN,
                MetricValue.of(0.1), Optional.empty(), List.of(), "Close to the limit.");
        List<Concern> cs = content(r, List.of(warn, fail)).concerns();
        assertThat(cs).extracting(Concern::kind).containsExactly(Concern.Kind.FAILED_POLICY,
                Concern.Kind.ADVERSE_IMPACT, Concern.Kind.DISPARITY_BEYOND_THRESHOLD,
                Concern.Kind.POLICY_WARNING, Concern.Kind.UNDEFINED_METRIC, Concern.Kind.SMALL_GROUP);
        assertThat(cs.get(1).headline()).isEqualTo("B is selected at 0.67 times the rate of A");
        assertThat(cs.get(1).summary())
                .isEqualTo("B is selected at 67% of A's rate; the four-fifths rule asks for at least 80%.");
        assertThat(cs.get(1).explanation()).isEqualTo("40% of B's 400 cases were selected, against 60% of A's 400. "
                + "With 95% confidence the ratio lies between 58% and 77%, entirely beyond the limit: chance does not "
                + "explain it. 32 more selections in B would reach four-fifths.");
        // 0.8 x 0.6 x 400 = 192 selections reach four-fifths; B has 160
        assertThat(cs.get(1).detail()).contains("n = 400", "impact ratio 0.667", "Fisher exact p <\u00a00.001",
                "32 more selections in B would reach four-fifths.");
        assertThat(cs.get(2).subject()).isEqualTo("demographic_parity_difference");
        assertThat(cs.get(2).summary()).isEqualTo("Selection rate differs by 20 percentage points between A and B; "
                + "the acceptable limit is 10 points.");
        assertThat(cs.get(2).explanation())
                .isEqualTo("Selection rate: the share of cases selected (given the favourable decision).");
        // a rule the plain words cannot read stays general; its technical wording is the headline
        assertThat(cs.get(0).summary()).isEqualTo("A rule of the organisation's fairness policy is not met.");
        assertThat(cs.get(0).explanation())
                .isEqualTo("This breaks a rule of the organisation's fairness policy. Groups concerned: X.");
        assertThat(cs.get(3).summary()).isEqualTo("A rule of the fairness policy gives a warning.");
        assertThat(cs.get(4).summary())
                .isEqualTo("Equalized odds ratio could not be computed, so it cannot be checked.");
        assertThat(cs.get(2).related()).containsExactly(
                "Statistical parity difference is -0.200 (B vs A), beyond the limit 0.100");
        // labels equal predictions here, so every false positive rate is 0 and their ratio is 0 / 0
        assertThat(cs.get(4).subject()).isEqualTo("equalized_odds_ratio");
        assertThat(cs.get(5).headline()).isEqualTo("tiny has only 8 rows");
        assertThat(cs.get(5).summary()).isEqualTo("tiny has only 8 cases: too few to judge.");
        assertThat(cs.get(5).explanation()).isEqualTo("Groups smaller than 30 are shown but left out of every "
                + "comparison; conclusions about tiny need more data.");
    }

    @Test
    void aFailedPolicyOnTheSameNumberAsAFindingAbsorbsIt() {
        FairnessReport r = Fairness.of(AdverseImpactTest.selections(new String[] {"A", "B"},
                new int[][] {{400, 240}, {400, 160}})).reference("A").evaluate();
        double ratio = r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble();
        PolicyVerdictView dp = new PolicyVerdictView("demographic_parity_ratio >= 0.8", PolicyVerdictView.Outcome.FAIL,
                MetricValue.of(ratio), Optional.empty(), List.of("B", "A"), "Selection rates differ too much.");
        List<Concern> cs = content(r, List.of(dp)).concerns();
        assertThat(cs.get(0).kind()).isEqualTo(Concern.Kind.FAILED_POLICY);
        assertThat(cs.get(0).related()).contains("B is selected at 0.67 times the rate of A");
        assertThat(cs.get(0).robust()).isTrue();
        assertThat(cs).extracting(Concern::kind).doesNotContain(Concern.Kind.ADVERSE_IMPACT);
        // the policy's concern speaks in the four-fifths finding's plain words and says the policy is broken
        assertThat(cs.get(0).summary())
                .isEqualTo("B is selected at 67% of A's rate; the four-fifths rule asks for at least 80%.");
        assertThat(cs.get(0).explanation()).isEqualTo("40% of B's 400 cases were selected, against 60% of A's 400. "
                + "With 95% confidence the ratio lies between 58% and 77%, entirely beyond the limit: chance does not "
                + "explain it. 32 more selections in B would reach four-fifths. This breaks a rule of the "
                + "organisation's fairness policy.");
        assertThat(cs.get(0).headline()).isEqualTo("Selection rates differ too much.");
    }

    @Test
    void aPolicyVerdictNamingOnlyTheFailingGroupAbsorbsTheFourFifthsFindingAboutIt() {
        // the policy engine judges disparate_impact for every group against the reference and names the failing ones
        FairnessReport r = Fairness.of(AdverseImpactTest.selections(new String[] {"A", "B"},
                new int[][] {{400, 240}, {400, 160}})).reference("A").evaluate();
        double ratio = r.fairness(FairnessMetric.DISPARATE_IMPACT).asDouble();
        PolicyVerdictView di = new PolicyVerdictView("disparate_impact >= 0.8 for g", PolicyVerdictView.Outcome.FAIL,
                MetricValue.of(ratio), Optional.empty(), List.of("B"), "disparate_impact = 0.6667, judged for every "
                        + "group against A: fails for B 0.6667 is not >= 0.8 (point estimate); groups B vs A");
        List<Concern> cs = content(r, List.of(di)).concerns();
        assertThat(cs).extracting(Concern::kind).doesNotContain(Concern.Kind.ADVERSE_IMPACT);
        assertThat(cs.get(0).kind()).isEqualTo(Concern.Kind.FAILED_POLICY);
        assertThat(cs.get(0).summary())
                .isEqualTo("B is selected at 67% of A's rate; the four-fifths rule asks for at least 80%.");
        assertThat(cs.get(0).headline()).isEqualTo(di.message());
        assertThat(cs.get(0).related()).containsExactly("B is selected at 0.67 times the rate of A");
    }

    @Test
    void aFailedRuleTheWordsCanReadIsSaidWithTheMetricsNameAndWhatThePolicyAsks() {
        assertThat(PlainWords.failedRule("disparate_impact >= 0.8 for ethnicity", MetricValue.of(0.6147)))
                .isEqualTo("Disparate impact is 0.61; the fairness policy asks for at least 0.8.");
        assertThat(PlainWords.failedRule("true_positive_rate.difference <= 0.1 for ethnicity", MetricValue.of(0.2424)))
                .isEqualTo("Difference in true positive rate is 0.24; the fairness policy asks for at most 0.1.");
        assertThat(PlainWords.failedRule("min_group_size >= 30", MetricValue.of(10)))
                .isEqualTo("The smallest group has 10 cases; the fairness policy asks for at least 30 cases.");
        assertThat(PlainWords.failedRule("demographic_parity_ratio >= 0.8", MetricValue.undefined("no selections")))
                .isEqualTo("Demographic parity ratio could not be computed, so a rule of the fairness policy cannot "
                        + "be met.");
    }

    @Test
    void aNumberIsNeverRoundedOntoItsLimit() {
        assertThat(PlainWords.adverseImpact("B", 0.7996, "A"))
                .isEqualTo("B is selected at 79.96% of A's rate; the four-fifths rule asks for at least 80%.");
        assertThat(PlainWords.failedRule("equalized_odds_difference <= 0.1", MetricValue.of(0.1004)))
                .isEqualTo("Equalized odds difference is 0.1004; the fairness policy asks for at most 0.1.");
        assertThat(PlainWords.Unit.POINTS.format(0.1004, 0.1)).isEqualTo("10.04");
        assertThat(PlainWords.Unit.PERCENT.format(0.6147, 0.8)).isEqualTo("61%");
        // closer than four more digits can show: said in words
        assertThat(PlainWords.Unit.POINTS.format(0.1 + 1e-12, 0.1)).isEqualTo("just over 10");
        assertThat(PlainWords.Unit.PERCENT.format(0.8 - 1e-12, 0.8)).isEqualTo("just under 80%");
    }

    @Test
    void disparitiesWhoseIntervalLiesBeyondTheBandComeBeforeLargerButUncertainOnes() {
        FairnessReport r = Fairness.of(SyntheticLending.generate(3_000, 2)).groupBy("ethnicity")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE)
                .reference("Group A").intervals(Bootstrap.percentile(300).seed(1)).evaluate();
        List<Concern> beyond = content(r, List.of()).concerns().stream()
                .filter(c -> c.kind() == Concern.Kind.DISPARITY_BEYOND_THRESHOLD).toList();
        assertThat(beyond).isNotEmpty();
        boolean seenUncertain = false;
        for (Concern c : beyond) {
            if (!c.robust()) {
                seenUncertain = true;
            }
            assertThat(c.robust() && seenUncertain).as("robust after uncertain: " + c.headline()).isFalse();
        }
        for (int i = 1; i < beyond.size(); i++) {
            if (beyond.get(i).robust() == beyond.get(i - 1).robust()) {
                double prev = severity(r, beyond.get(i - 1));
                double cur = severity(r, beyond.get(i));
                assertThat(cur).isLessThanOrEqualTo(prev);
            }
        }
    }

    private static double severity(FairnessReport r, Concern c) {
        FairnessMetric f = FairnessMetric.byId(c.subject());
        return DisparityThreshold.defaultFor(f).severity(r.fairness(f).value());
    }

    @Test
    void undefinedFairnessMetricsAreConcerns() {
        FairnessReport r = Fairness.of(AdverseImpactTest.selections(new String[] {"A", "B"},
                new int[][] {{50, 0}, {50, 0}})).evaluate();
        List<Concern> cs = content(r, List.of()).concerns();
        assertThat(cs).extracting(Concern::kind).contains(Concern.Kind.UNDEFINED_METRIC);
        assertThat(cs.stream().filter(c -> c.subject().equals("demographic_parity_ratio")).findFirst().orElseThrow()
                .detail()).startsWith("Undefined: every group has selection_rate 0");
    }
}
