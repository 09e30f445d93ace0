package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.tests.ProportionTests;
import org.junit.jupiter.api.Test;

class GroupComparisonsTest {
    private static final FairnessData LENDING = SyntheticLending.generate(5_000, 3);

    private static FairnessReport report() {
        return Fairness.of(LENDING).groupBy(SyntheticLending.ETHNICITY).reference("Group A")
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.F1_SCORE)
                .evaluate();
    }

    @Test
    void theInjectedBiasIsSignificantAfterCorrectionAndTheUnbiasedGroupIsNot() {
        GroupComparisons cmp = GroupComparisons.of(report()).compute();
        assertThat(cmp.familySize()).isEqualTo(4);
        assertThat(cmp.rows()).extracting(c -> c.metric().id() + ":" + c.group().label())
                .containsExactly("selection_rate:Group B", "selection_rate:Group C", "true_positive_rate:Group B",
                        "true_positive_rate:Group C");
        Comparison b = cmp.rows(Metrics.SELECTION_RATE).get(0);
        assertThat(b.significant()).isTrue();
        assertThat(b.difference().value()).isLessThan(-0.15);
        Comparison c = cmp.rows(Metrics.SELECTION_RATE).get(1);
        assertThat(c.significant()).isFalse();
    }

    @Test
    void eachRawPValueIsTheZTestOnTheRowCountsAndHolmNeverLowersIt() {
        GroupComparisons cmp = GroupComparisons.of(report()).correction(MultipleTesting.HOLM).compute();
        for (Comparison c : cmp.rows()) {
            double p = ProportionTests.twoProportionZTest(c.successes(), c.trials(), c.referenceSuccesses(),
                    c.referenceTrials()).pValue().value();
            assertThat(c.test().pValue().value()).isEqualTo(p);
            assertThat(c.adjustedPValue().value()).isGreaterThanOrEqualTo(p);
        }
        Comparison sr = cmp.rows(Metrics.SELECTION_RATE).get(0);
        FairnessReport r = report();
        assertThat(sr.trials()).isEqualTo(r.results().counts(GroupKey.of("ethnicity", "Group B")).rows());
        assertThat(sr.difference().value()).isCloseTo(r.toReference(Metrics.SELECTION_RATE).get(0).difference().value(),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aTinyGroupIsMarkedUnderpoweredRatherThanFair() {
        int[] y = new int[220];
        int[] p = new int[220];
        String[] g = new String[220];
        for (int i = 0; i < 220; i++) {
            g[i] = i < 200 ? "big" : "tiny";
            y[i] = i % 2;
            p[i] = i < 200 ? (i % 4 == 0 ? 1 : 0) : (i % 3 == 0 ? 1 : 0);
        }
        FairnessReport r = Fairness.of(FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build())
                .reference("big").metrics(Metrics.SELECTION_RATE).evaluate();
        Comparison tiny = GroupComparisons.of(r).compute().rows().get(0);
        assertThat(tiny.significant()).isFalse();
        assertThat(tiny.underpowered()).isTrue();
        assertThat(tiny.detectableUp().value()).isGreaterThan(Math.abs(tiny.difference().value()));
        assertThat(GroupComparisons.of(r).compute().toString()).contains("underpowered");
    }

    @Test
    void aReportWithoutReferenceOrWithWeightsIsRejectedWithTheReason() {
        FairnessReport noRef = Fairness.of(LENDING).groupBy(SyntheticLending.ETHNICITY).evaluate();
        assertThatThrownBy(() -> GroupComparisons.of(noRef)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group comparisons need a report with a reference group: set reference(...) before "
                        + "evaluate()");
        FairnessData weighted = FairnessData.builder().labels(new int[] {0, 1, 1, 0}).predictions(new int[] {0, 1, 0, 1})
                .weights(new double[] {1, 2, 1, 2}).sensitive("g", new String[] {"a", "a", "b", "b"}).build();
        FairnessReport w = Fairness.of(weighted).reference("a").evaluate();
        assertThatThrownBy(() -> GroupComparisons.of(w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need an unweighted report");
        assertThatThrownBy(() -> GroupComparisons.of(report()).metrics(Metrics.F1_SCORE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics must be a rate with a fixed numerator/denominator split (e.g. selection_rate), "
                        + "got f1_score");
    }

    @Test
    void theTableIsLocaleIndependentAndNamesTheCorrection() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            String table = GroupComparisons.of(report()).correction(MultipleTesting.BENJAMINI_HOCHBERG).compute()
                    .toString();
            assertThat(table).startsWith("Group comparisons against the reference: two-proportion z tests (Fisher "
                    + "exact where an expected count is below 5), BENJAMINI_HOCHBERG correction over 4 tests at alpha "
                    + "0.050; detectable differences at power 0.80 and the family-adjusted alpha 0.0125\n");
            assertThat(table).doesNotContain(",0").contains("Group B vs Group A");
            assertThat(List.of(table.split("\n"))).hasSize(6);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
