package org.fairkit.reports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.reports.svg.TradeOffChart;

/**
 * A fairness–accuracy trade-off frontier as documents show it: every swept point of one mitigator's knob with its
 * performance metric and disparity (and their intervals) on held-out rows, the Pareto-optimal points, and the
 * recommended point with the reason in words. fairness-mitigation's {@code TradeOff} computes it (the CLI's
 * {@code fairkit tradeoff} converts its {@code Frontier} into this view); documents render it as a chart
 * ({@link TradeOffChart}) and a table, hiding no point.
 *
 * @param title what was swept, e.g. {@code threshold optimizer (demographic_parity)}
 * @param knob the knob's name, e.g. {@code tolerance}
 * @param metric the performance metric's id, e.g. {@code accuracy}
 * @param disparity the fairness metric's id, e.g. {@code demographic_parity_difference}
 * @param parity the disparity's value at parity: 0 (differences) or 1 (ratios)
 * @param bound the largest acceptable distance from parity in the recommendation's rule
 * @param rows the number of held-out rows
 * @param intervalMethod how the intervals were computed, in words
 * @param points every point, in the order swept
 * @param recommended the index of the recommended point, if any
 * @param reason why it is recommended (or why none is)
 */
public record TradeOffView(String title, String knob, String metric, String disparity, double parity, double bound,
        long rows, String intervalMethod, List<Point> points, OptionalInt recommended, String reason) {

    /**
     * One swept point.
     *
     * @param knob the knob's value
     * @param metric the performance metric (expected value), undefined with the reason
     * @param metricInterval its interval, if any
     * @param disparity the disparity (expected value), undefined with the reason
     * @param disparityInterval its interval, if any
     * @param pareto whether it is Pareto-optimal
     */
    public record Point(double knob, MetricValue metric, Optional<Interval> metricInterval, MetricValue disparity,
            Optional<Interval> disparityInterval, boolean pareto) {
        /** Validates that no part is missing. */
        public Point {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(metricInterval, "metricInterval");
            Objects.requireNonNull(disparity, "disparity");
            Objects.requireNonNull(disparityInterval, "disparityInterval");
        }
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException without points, for a parity other than 0 or 1, or a recommended index out of
     *     range
     */
    public TradeOffView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(knob, "knob");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(disparity, "disparity");
        Objects.requireNonNull(intervalMethod, "intervalMethod");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recommended, "recommended");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trade-off needs at least one point");
        }
        if (parity != 0 && parity != 1) {
            throw new IllegalArgumentException("parity must be 0 (differences) or 1 (ratios), got " + parity);
        }
        if (recommended.isPresent() && (recommended.getAsInt() < 0 || recommended.getAsInt() >= points.size())) {
            throw new IllegalArgumentException("recommended must index one of the " + points.size() + " points, got "
                    + recommended.getAsInt());
        }
    }

    /** @return the label of a point, e.g. {@code tolerance = 0.05} */
    public String label(Point p) {
        return knob + " = " + knobValue(p.knob());
    }

    /** @return a knob value without trailing zeros, e.g. {@code 0.05} */
    static String knobValue(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** @return where the chart draws the largest acceptable disparity: {@code bound} for differences, {@code 1 - bound} for ratios */
    public OptionalDouble boundLine() {
        return OptionalDouble.of(parity == 0 ? bound : 1 - bound);
    }

    /**
     * The chart of the points whose metric and disparity are both defined (the others are listed in the documents'
     * tables with their reasons).
     *
     * @return the chart, empty when no point is defined
     */
    public Optional<TradeOffChart> chart(String id) {
        List<TradeOffChart.Point> drawn = new java.util.ArrayList<>();
        int rec = -1;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!p.metric().isDefined() || !p.disparity().isDefined()) {
                continue;
            }
            if (recommended.isPresent() && recommended.getAsInt() == i) {
                rec = drawn.size();
            }
            drawn.add(new TradeOffChart.Point(label(p), p.disparity().value(),
                    p.disparityInterval().map(Interval::lower).orElse(Double.NaN),
                    p.disparityInterval().map(Interval::upper).orElse(Double.NaN), p.metric().value(),
                    p.metricInterval().map(Interval::lower).orElse(Double.NaN),
                    p.metricInterval().map(Interval::upper).orElse(Double.NaN), p.pareto()));
        }
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TradeOffChart.of(id, "Trade-off over " + knob + ": " + metric + " against " + disparity,
                disparity, metric, drawn, boundLine(), rec));
    }
}
