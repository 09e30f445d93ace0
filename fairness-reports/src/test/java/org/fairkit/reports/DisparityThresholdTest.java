package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;

class DisparityThresholdTest {

    @Test
    void ratiosAreAcceptableBetweenTheLimitAndItsReciprocal() {
        DisparityThreshold t = DisparityThreshold.defaultFor(FairnessMetric.DISPARATE_IMPACT);
        assertThat(t.limit()).isEqualTo(0.8);
        assertThat(t.low()).isEqualTo(0.8);
        assertThat(t.high()).isEqualTo(1.25);
        assertThat(t.exceededBy(MetricValue.of(0.79))).isTrue();
        assertThat(t.exceededBy(MetricValue.of(0.8))).isFalse();
        assertThat(t.exceededBy(MetricValue.of(1.3))).isTrue();
        assertThat(t.exceededBy(MetricValue.undefined("no reference"))).isFalse();
        assertThat(t.severity(MetricValue.of(0.4))).isCloseTo(2.0, within(1e-15));
        assertThat(t.severity(MetricValue.of(2.5))).isCloseTo(2.0, within(1e-15));
        assertThat(t.describe()).isEqualTo("0.800 <= value <= 1.250");
    }

    @Test
    void differencesAreAcceptableWithinPlusMinusTheLimit() {
        DisparityThreshold t = new DisparityThreshold(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, 0.05);
        assertThat(t.exceededBy(MetricValue.of(-0.06))).isTrue();
        assertThat(t.exceededBy(MetricValue.of(0.05))).isFalse();
        assertThat(t.severity(MetricValue.of(-0.2))).isCloseTo(4.0, within(1e-15));
        assertThat(t.parity()).isZero();
        assertThat(t.describe()).isEqualTo("|value| <= 0.050");
        assertThat(DisparityThreshold.defaults(List.of(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE,
                FairnessMetric.EQUALIZED_ODDS_RATIO))).extracting(DisparityThreshold::limit).containsExactly(0.1, 0.8);
    }

    @Test
    void limitsOutsideTheMetricsDomainAreRejected() {
        assertThatThrownBy(() -> new DisparityThreshold(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, 1.2))
                .hasMessage("the limit of the ratio demographic_parity_ratio must be in (0, 1), got 1.2");
        assertThatThrownBy(() -> new DisparityThreshold(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0))
                .hasMessage("the limit of the difference demographic_parity_difference must be positive and finite, "
                        + "got 0.0");
    }
}
