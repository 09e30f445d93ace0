package org.fairkit.mitigation.tradeoff;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * One point of a {@link Frontier}: a knob value and what the mitigator fitted at it achieves on the held-out rows.
 *
 * @param knob the knob's value
 * @param metric the performance metric's expected value on the held-out rows (undefined with the reason)
 * @param metricInterval its interval (see {@link TradeOff} for how randomized decisions are treated), absent when the
 *     estimator omitted it
 * @param disparity the fairness metric's expected value, with its interval inside when there is one
 * @param distance the disparity's distance from parity ({@link Frontier#distanceFromParity}), NaN when undefined
 * @param distanceUpper the distance's upper bound over the disparity's interval, NaN without an interval
 * @param realizedMetric the metric of the seeded randomized decisions (equal to {@code metric} when not randomized)
 * @param realizedDisparity the disparity of the seeded randomized decisions
 * @param randomized whether some held-out row has {@code 0 < P(yhat = 1) < 1}
 * @param pareto whether the point is Pareto-optimal in the frontier ({@link Pareto})
 */
public record TradeOffPoint(double knob, MetricValue metric, Optional<Interval> metricInterval, Disparity disparity,
        double distance, double distanceUpper, MetricValue realizedMetric, MetricValue realizedDisparity,
        boolean randomized, boolean pareto) {

    /** Validates that no part is missing. */
    public TradeOffPoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(metricInterval, "metricInterval");
        Objects.requireNonNull(disparity, "disparity");
        Objects.requireNonNull(realizedMetric, "realizedMetric");
        Objects.requireNonNull(realizedDisparity, "realizedDisparity");
    }

    /** @return whether both the metric and the disparity are defined */
    public boolean isDefined() {
        return metric.isDefined() && disparity.isDefined();
    }

    /** @return the disparity's interval, if any */
    public Optional<Interval> disparityInterval() {
        return disparity.interval();
    }

    TradeOffPoint withPareto(boolean p) {
        return new TradeOffPoint(knob, metric, metricInterval, disparity, distance, distanceUpper, realizedMetric,
                realizedDisparity, randomized, p);
    }
}
