package org.fairkit.stats.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Test;

class SpreadIntervalsTest {
    private static final double Z = 1.959963984540054;

    private static GroupValues values(double... v) {
        List<GroupKey> keys = new ArrayList<>();
        List<MetricValue> vs = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            keys.add(GroupKey.of("g", String.valueOf((char) ('A' + i))));
            vs.add(MetricValue.of(v[i]));
            small.add(null);
        }
        return new GroupValues("m", keys, vs, small, MetricValue.of(0.5), ZeroDivision.UNDEFINED);
    }

    private static List<SpreadIntervals.GroupEstimate> normal(double[] v, double[] se) {
        List<SpreadIntervals.GroupEstimate> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(SpreadIntervals.GroupEstimate.of(new SpreadIntervals.Estimate(v[i], se[i],
                    Double.POSITIVE_INFINITY)));
        }
        return out;
    }

    @Test
    void twoGroupsGetThePlainIntervalOfTheirDifferenceAndLogRatio() {
        double[] v = {0.8, 0.6};
        double[] se = {0.03, 0.04};
        Interval d = SpreadIntervals.difference(values(v), normal(v, se), 0.95, "test").interval().orElseThrow();
        assertThat(d.lower()).isCloseTo(0.2 - Z * 0.05, within(1e-12));
        assertThat(d.upper()).isCloseTo(0.2 + Z * 0.05, within(1e-12));
        assertThat(d.note()).isEmpty();
        Interval q = SpreadIntervals.ratio(values(v), normal(v, se), 0.95, "test").interval().orElseThrow();
        double s = Math.sqrt(Math.pow(0.03 / 0.8, 2) + Math.pow(0.04 / 0.6, 2));
        // A / B = 4/3 > 1 with its whole interval: min / max is the reciprocal
        assertThat(q.lower()).isCloseTo(1 / Math.exp(Math.log(0.8 / 0.6) + Z * s), within(1e-12));
        assertThat(q.upper()).isCloseTo(1 / Math.exp(Math.log(0.8 / 0.6) - Z * s), within(1e-12));
    }

    @Test
    void pairsStraddlingParityGiveTheParityEndAndSaySo() {
        double[] v = {0.61, 0.6, 0.62};
        double[] se = {0.05, 0.05, 0.05};
        Interval d = SpreadIntervals.difference(values(v), normal(v, se), 0.95, "test").interval().orElseThrow();
        assertThat(d.lower()).isZero();
        assertThat(d.note().orElseThrow()).contains("3 pairs of 3 groups").contains("lower end 0");
        Interval q = SpreadIntervals.ratio(values(v), normal(v, se), 0.95, "test").interval().orElseThrow();
        assertThat(q.upper()).isEqualTo(1.0);
        assertThat(q.note().orElseThrow()).contains("upper end 1");
        Interval max = SpreadIntervals.maximum(values(v), values(v).difference(), normal(v, se), 0.95, "test")
                .interval().orElseThrow();
        double each = SpreadIntervals.quantile(Double.POSITIVE_INFINITY, Math.pow(0.95, 1.0 / 3));
        assertThat(max.lower()).isCloseTo(0.62 - each * 0.05, within(1e-12));
        assertThat(max.upper()).isCloseTo(0.62 + each * 0.05, within(1e-12));
        assertThat(max.contains(0.62)).isTrue();
    }

    @Test
    void welchDegreesOfFreedomAndTQuantiles() {
        SpreadIntervals.Estimate a = new SpreadIntervals.Estimate(1, 1, 9);
        SpreadIntervals.Estimate b = new SpreadIntervals.Estimate(1, 1, 9);
        assertThat(SpreadIntervals.welch(a, b)).isCloseTo(18, within(1e-12));
        assertThat(SpreadIntervals.welch(a, new SpreadIntervals.Estimate(1, 0, 4))).isCloseTo(9, within(1e-12));
        assertThat(SpreadIntervals.welch(new SpreadIntervals.Estimate(1, 0, 4), new SpreadIntervals.Estimate(1, 0, 3)))
                .isEqualTo(3);
        assertThat(a.quantile(0.95)).isCloseTo(2.2621571627409915, within(1e-9)); // t(9), scipy.stats.t.ppf(0.975, 9)
        assertThatThrownBy(() -> new SpreadIntervals.Estimate(Double.NaN, 1, 1)).hasMessageContaining("finite value");
    }

    @Test
    void undefinedGroupsAndValuesGiveReasons() {
        double[] v = {0.8, 0.0};
        List<SpreadIntervals.GroupEstimate> est = normal(v, new double[] {0.1, 0.1});
        assertThat(SpreadIntervals.ratio(values(v), est, 0.95, "t").reason()).contains("value > 0, group B has 0.0");
        List<SpreadIntervals.GroupEstimate> missing = List.of(est.get(0),
                SpreadIntervals.GroupEstimate.undefined("too few rows"));
        assertThat(SpreadIntervals.difference(values(v), missing, 0.95, "t").reason())
                .isEqualTo("group B has no interval: too few rows");
        assertThat(SpreadIntervals.difference(values(0.5), normal(new double[] {0.5}, new double[] {0.1}), 0.95, "t")
                .interval()).isEqualTo(Optional.empty());
    }
}
