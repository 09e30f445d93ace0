package org.fairkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parsing metric ids: the one place strings become metrics. Unknown ids list the valid ones (in catalog order). */
class MetricIdsTest {

    @Test
    void anUnknownGroupMetricIdListsEveryValidId() {
        assertThatThrownBy(() -> Metrics.byId("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown group metric id 'nope'; valid ids: count, base_rate, selection_rate, "
                        + "true_positive_rate, false_positive_rate, false_negative_rate, true_negative_rate, "
                        + "positive_predictive_value, negative_predictive_value, false_discovery_rate, "
                        + "false_omission_rate, accuracy, error_rate, balanced_accuracy, f1_score, "
                        + "predicted_positive_share");
    }

    @Test
    void aNullGroupMetricIdIsRejectedLikeAnUnknownOne() {
        assertThatThrownBy(() -> Metrics.byId(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown group metric id 'null'; valid ids: count, base_rate, ");
    }

    @Test
    void anUnknownFairnessMetricIdListsEveryValidId() {
        assertThatThrownBy(() -> FairnessMetric.byId("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fairness metric id 'nope'; valid ids: demographic_parity_difference, "
                        + "demographic_parity_ratio, equalized_odds_difference, equalized_odds_ratio, "
                        + "equal_opportunity_difference, equal_opportunity_ratio, statistical_parity_difference, "
                        + "disparate_impact, average_odds_difference, average_abs_odds_difference, "
                        + "predictive_parity_difference, error_rate_difference");
    }

    @Test
    void aGroupMetricIdIsNotAFairnessMetricId() {
        assertThatThrownBy(() -> FairnessMetric.byId("selection_rate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown fairness metric id 'selection_rate'; valid ids: ");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void everyGroupMetricParsesFromItsIdAndAliasesInAnyCaseWithSurroundingSpace(Metrics m) {
        assertThat(Metrics.byId(m.id())).isSameAs(m);
        assertThat(Metrics.byId(" " + m.id().toUpperCase(java.util.Locale.ROOT) + "\t")).isSameAs(m);
        for (String alias : m.info().aliases()) {
            assertThat(Metrics.byId(alias)).as(alias).isSameAs(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FairnessMetric.class)
    void everyFairnessMetricParsesFromItsIdInAnyCase(FairnessMetric m) {
        assertThat(FairnessMetric.byId(m.id())).isSameAs(m);
        assertThat(FairnessMetric.byId(m.id().toUpperCase(java.util.Locale.ROOT))).isSameAs(m);
    }

    @Test
    void groupMetricIdsAndAliasesAreUnambiguous() {
        Set<String> seen = new HashSet<>();
        for (Metrics m : Metrics.values()) {
            assertThat(seen.add(m.id())).as(m.id()).isTrue();
            for (String alias : m.info().aliases()) {
                assertThat(seen.add(alias)).as(alias).isTrue();
            }
        }
    }
}
