package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interval benchmark measures real intervals: every group's selection rate gets one around its estimate. */
class IntervalBenchmarkTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bca", "percentile", "jeffreys"})
    void everyGroupsSelectionRateGetsAnIntervalAroundItsEstimate(String method) {
        IntervalBenchmark b = new IntervalBenchmark();
        b.rows = 10_000;
        b.method = method;
        b.setUp();
        FairnessReport r = b.evaluateWithIntervals();
        for (GroupKey g : r.groups()) {
            double value = r.value(Metrics.SELECTION_RATE, g).value();
            Interval i = r.interval(Estimand.groupValue(Metrics.SELECTION_RATE, g)).orElseThrow();
            assertThat(i.lower()).isLessThanOrEqualTo(value);
            assertThat(i.upper()).isGreaterThanOrEqualTo(value);
            assertThat(i.upper() - i.lower()).isPositive().isLessThan(0.2);
        }
        assertThat(b.evaluateWithIntervals().intervals()).isEqualTo(r.intervals());
    }

    @Test
    void anUnknownMethodIsNamed() {
        assertThatThrownBy(() -> IntervalBenchmark.estimator("wald"))
                .hasMessage("unknown method wald; expected bca, percentile or jeffreys");
    }
}
