package org.fairkit.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * One fairness metric over audit runs: the runs evenly spaced left to right in time order (by run, not by clock
 * time, so that a gap between runs does not squeeze the others), the acceptable band shaded green with its edges
 * dashed red, parity as a solid line, each run's value as a dot joined to the previous defined one (green within the
 * band, red beyond; the text under each run says the value), its interval as a vertical whisker, and an undefined
 * value as "undefined" at the run (the reason in the tooltip and the description). The last run is drawn larger.
 */
public final class TrendChart {
    /**
     * One run's value.
     *
     * @param label the run's label
     * @param value its value, or undefined with the reason
     * @param interval its interval, when estimated
     */
    public record Point(String label, MetricValue value, Optional<Interval> interval) {
        /** Validates that every part is present. */
        public Point {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(interval, "interval");
        }
    }

    private static final double LEFT = 64;
    private static final double RIGHT = 24;
    private static final double TOP = 16;
    private static final double PLOT = 150;
    private static final double HEIGHT = TOP + PLOT + 52;

    private final String id;
    private final String title;
    private final double width;
    private final List<Point> points;
    private final double parity;
    private final double low;
    private final double high;
    private final String rule;

    private TrendChart(String id, String title, double width, List<Point> points, double parity, double low,
            double high, String rule) {
        this.id = id;
        this.title = title;
        this.width = width;
        this.points = List.copyOf(points);
        this.parity = parity;
        this.low = low;
        this.high = high;
        this.rule = rule;
    }

    /**
     * @param id element id, unique in the page
     * @param title accessible name, e.g. the metric's name
     * @param width total width in pixels (at least 400)
     * @param points the runs, oldest first, at least one
     * @param parity the value meaning "no disparity"
     * @param low the low edge of the acceptable band
     * @param high the high edge of the acceptable band
     * @param rule the band in words
     */
    public static TrendChart of(String id, String title, double width, List<Point> points, double parity, double low,
            double high, String rule) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rule, "rule");
        if (!(width >= 400) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be >= 400 pixels, got " + width);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trend chart needs at least one run");
        }
        if (!(low <= parity && parity <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("need finite low <= parity <= high, got " + low + ", " + parity + ", "
                    + high);
        }
        return new TrendChart(id, title, width, points, parity, low, high, rule);
    }

    /** @return the vertical axis {@code [low, high]}: band, parity, values and intervals, padded by 10% */
    public double[] domain() {
        List<Double> ys = new ArrayList<>(List.of(low, high, parity));
        for (Point p : points) {
            if (p.value().isDefined() && Double.isFinite(p.value().value())) {
                ys.add(p.value().value());
            }
            p.interval().ifPresent(i -> {
                if (Double.isFinite(i.lower())) {
                    ys.add(i.lower());
                }
                if (Double.isFinite(i.upper())) {
                    ys.add(i.upper());
                }
            });
        }
        double min = ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double pad = Math.max(0.1 * (max - min), 0.02);
        return new double[] {min - pad, max + pad};
    }

    private boolean beyond(MetricValue v) {
        return v.isDefined() && !Threshold.withinBand(v.value(), low, high);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return the chart as an {@code <svg>} element */
    public String toSvg() {
        double[] d = domain();
        double x0 = LEFT;
        double x1 = width - RIGHT;
        int n = points.size();
        double slot = (x1 - x0) / n;
        DoubleUnaryOperator y = v -> TOP + PLOT - (Math.max(d[0], Math.min(d[1], v)) - d[0]) / (d[1] - d[0]) * PLOT;
        StringBuilder desc = new StringBuilder(title + " over " + n + (n == 1 ? " run" : " runs")
                + ", against the acceptable band " + rule + ".");
        for (Point p : points) {
            desc.append(' ').append(p.label()).append(": ").append(p.value().isDefined()
                    ? fmt(p.value().value()) + (beyond(p.value()) ? " (beyond)" : " (within)")
                    : "undefined (" + p.value().reason().orElseThrow() + ")").append('.');
        }
        Svg s = Svg.of(id, width, HEIGHT, title, desc.toString());
        s.rect("plot", x0, TOP, x1 - x0, PLOT, "#f5f7fa", null);
        double bandTop = y.applyAsDouble(high);
        double bandBottom = y.applyAsDouble(low);
        s.rect("acceptable", x0, bandTop, x1 - x0, bandBottom - bandTop, Palette.WASH, "acceptable: " + rule);
        s.line("parity", x0, y.applyAsDouble(parity), x1, y.applyAsDouble(parity), Palette.MUTED, 1.5, null);
        s.text("axis-label", x0 - 6, y.applyAsDouble(parity) + 4, fmt(parity), Svg.Anchor.END, Palette.MUTED,
                "font-size=\"10\"");
        for (double edge : new double[] {low, high}) {
            double ey = y.applyAsDouble(edge);
            s.line("threshold", x0, ey, x1, ey, Palette.RED, 1.5, "4,3");
            s.text("threshold-label", x0 - 6, ey + 4, fmt(edge), Svg.Anchor.END, Palette.RED, "font-size=\"10\"");
        }
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double cx = x0 + slot * (i + 0.5);
            boolean last = i == n - 1;
            s.text("run-label", cx, TOP + PLOT + 16, Escape.shorten(p.label(), Math.max(4, (int) (slot / 7))),
                    Svg.Anchor.MIDDLE, Palette.INK, last ? "font-weight=\"bold\"" : null);
            if (!p.value().isDefined()) {
                s.text("undefined", cx, TOP + PLOT - 8, "undefined", Svg.Anchor.MIDDLE, Palette.MUTED,
                        "font-style=\"italic\" font-size=\"10\"");
                s.text("run-value", cx, TOP + PLOT + 32, "\u2013", Svg.Anchor.MIDDLE, Palette.MUTED, null);
                prevX = Double.NaN;
                continue;
            }
            double v = p.value().value();
            double cy = y.applyAsDouble(v);
            String color = beyond(p.value()) ? Palette.RED : Palette.GREEN;
            if (!Double.isNaN(prevX)) {
                s.line("trend", prevX, prevY, cx, cy, Palette.INK, 1.5, null);
            }
            p.interval().ifPresent(ci -> {
                double a = y.applyAsDouble(ci.lower());
                double c = y.applyAsDouble(ci.upper());
                s.line("whisker", cx, a, cx, c, Palette.INK, 1.5, null);
                s.line("whisker-cap", cx - 4, a, cx + 4, a, Palette.INK, 1.5, null);
                s.line("whisker-cap", cx - 4, c, cx + 4, c, Palette.INK, 1.5, null);
            });
            s.circle(last ? "point current" : "point", cx, cy, last ? 6 : 4.5, color, p.label() + ": " + fmt(v)
                    + p.interval().map(ci -> " (interval " + fmt(ci.lower()) + " to " + fmt(ci.upper()) + ")")
                            .orElse("") + (beyond(p.value()) ? ", beyond " : ", within ") + rule);
            s.text("run-value", cx, TOP + PLOT + 32, fmt(v), Svg.Anchor.MIDDLE, color,
                    last ? "font-weight=\"bold\"" : null);
            prevX = cx;
            prevY = cy;
        }
        s.text("note", x0, HEIGHT - 4, "Runs evenly spaced in time order; whiskers: intervals; shaded: acceptable "
                + "band.", Svg.Anchor.START, Palette.MUTED, "font-size=\"10\"");
        return s.toString();
    }
}
