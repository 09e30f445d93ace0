package org.fairkit.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * Disparities against their policy thresholds, one track per disparity: the acceptable band shaded green, parity as
 * a solid line, the band's edges as dashed lines, a stem from parity to a dot at the value (green within the band,
 * red beyond; the words "within" / "beyond" say the same without colour), the interval as a whisker just above the
 * stem, and undefined values as "undefined: reason".
 *
 * <p>Each track has its own linear axis, because differences (parity 0) and ratios (parity 1) do not share a
 * scale: it spans the band, parity, the value and the interval with 15% padding, cut to the metric's natural range
 * ({@link Row#rangeLow()}, {@link Row#rangeHigh()}).
 */
public final class ThresholdChart {
    /**
     * One disparity.
     *
     * @param label its name
     * @param value the value, or undefined with the reason
     * @param interval its interval, if estimated
     * @param parity the value meaning "no disparity" (0 for differences, 1 for ratios)
     * @param acceptLow the low edge of the acceptable band ({@code -Infinity} for none)
     * @param acceptHigh the high edge of the acceptable band ({@code +Infinity} for none)
     * @param rangeLow the smallest possible value ({@code -Infinity} when unbounded)
     * @param rangeHigh the largest possible value ({@code +Infinity} when unbounded)
     * @param rule the threshold in words, e.g. "ratio >= 0.80"
     */
    public record Row(String label, MetricValue value, Optional<Interval> interval, double parity, double acceptLow,
            double acceptHigh, double rangeLow, double rangeHigh, String rule) {
        /** Validates the band, parity and range. */
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(rule, "rule");
            if (!Double.isFinite(parity) || !(acceptLow <= parity && parity <= acceptHigh)) {
                throw new IllegalArgumentException("need acceptLow <= parity <= acceptHigh with a finite parity, got "
                        + acceptLow + ", " + parity + ", " + acceptHigh);
            }
            if (!(rangeLow <= parity && parity <= rangeHigh)) {
                throw new IllegalArgumentException("parity " + parity + " lies outside the range [" + rangeLow + ", "
                        + rangeHigh + "]");
            }
        }

        /** @return whether the value is defined and outside the acceptable band, edges as {@link Threshold} ties */
        public boolean beyond() {
            return value.isDefined() && !Threshold.withinBand(value.value(), acceptLow, acceptHigh);
        }
    }

    private static final double LABEL = 210;
    private static final double VALUE = 150;
    private static final double ROW = 58;

    private final String id;
    private final String title;
    private final double width;
    private final List<Row> rows;

    private ThresholdChart(String id, String title, double width, List<Row> rows) {
        this.id = id;
        this.title = title;
        this.width = width;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param id element id, unique in the page
     * @param title accessible name
     * @param width total width in pixels (at least 500)
     * @param rows the disparities, at least one
     */
    public static ThresholdChart of(String id, String title, double width, List<Row> rows) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!(width >= 500) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be >= 500 pixels, got " + width);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a threshold chart needs at least one row");
        }
        return new ThresholdChart(id, title, width, rows);
    }

    /** @return the axis {@code [low, high]} of a row's track */
    public static double[] domain(Row r) {
        List<Double> xs = new ArrayList<>();
        xs.add(r.parity());
        if (Double.isFinite(r.acceptLow())) {
            xs.add(r.acceptLow());
        }
        if (Double.isFinite(r.acceptHigh())) {
            xs.add(r.acceptHigh());
        }
        if (r.value().isDefined() && Double.isFinite(r.value().value())) {
            xs.add(r.value().value());
        }
        r.interval().ifPresent(i -> {
            xs.add(i.lower());
            xs.add(i.upper());
        });
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double pad = Math.max(0.15 * (max - min), 0.05);
        double lo = Math.max(r.rangeLow(), min - pad);
        double hi = Math.min(r.rangeHigh(), max + pad);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return the chart as an {@code <svg>} element */
    public String toSvg() {
        double x0 = LABEL;
        double x1 = width - VALUE;
        double height = ROW * rows.size() + 8;
        StringBuilder desc = new StringBuilder("Each track shows one disparity against its acceptable band (shaded), "
                + "with parity as a solid line and the thresholds dashed.");
        for (Row r : rows) {
            desc.append(' ').append(r.label()).append(": ").append(r.value().isDefined()
                    ? fmt(r.value().value()) + (r.beyond() ? ", beyond" : ", within") + " the threshold " + r.rule()
                    : "undefined (" + r.value().reason().orElseThrow() + ")").append('.');
        }
        Svg s = Svg.of(id, width, height, title, desc.toString());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double[] d = domain(r);
            double top = 8 + ROW * i;
            double cy = top + 20;
            java.util.function.DoubleUnaryOperator x = v -> x0 + (Math.max(d[0], Math.min(d[1], v)) - d[0])
                    / (d[1] - d[0]) * (x1 - x0);
            s.group(r.beyond() ? "track beyond" : "track", null);
            s.text("label", 8, cy - 2, Escape.shorten(r.label(), 30), Svg.Anchor.START, Palette.INK,
                    "font-weight=\"bold\"");
            s.text("rule", 8, cy + 13, Escape.shorten(r.rule(), 34), Svg.Anchor.START, Palette.MUTED,
                    "font-size=\"10\"");
            double bandLo = x.applyAsDouble(Math.max(d[0], r.acceptLow()));
            double bandHi = x.applyAsDouble(Math.min(d[1], r.acceptHigh()));
            s.rect("band", x0, cy - 12, x1 - x0, 24, "#f5f7fa", null);
            s.rect("acceptable", bandLo, cy - 12, bandHi - bandLo, 24, Palette.WASH, "acceptable: " + r.rule());
            double px = x.applyAsDouble(r.parity());
            s.line("parity", px, cy - 14, px, cy + 14, Palette.MUTED, 1.5, null);
            for (double edge : new double[] {r.acceptLow(), r.acceptHigh()}) {
                if (Double.isFinite(edge) && edge >= d[0] && edge <= d[1]) {
                    double ex = x.applyAsDouble(edge);
                    s.line("threshold", ex, cy - 14, ex, cy + 14, Palette.RED, 1.5, "4,3");
                    s.text("threshold-label", ex, cy + 26, fmt(edge), Svg.Anchor.MIDDLE, Palette.RED,
                            "font-size=\"10\"");
                }
            }
            s.text("axis-end", x0, cy + 26, fmt(d[0]), Svg.Anchor.START, Palette.MUTED, "font-size=\"9\"");
            s.text("axis-end", x1, cy + 26, fmt(d[1]), Svg.Anchor.END, Palette.MUTED, "font-size=\"9\"");
            if (!r.value().isDefined()) {
                s.text("undefined", x0 + 6, cy + 4, Escape.shorten("undefined: " + r.value().reason().orElseThrow(),
                        60), Svg.Anchor.START, Palette.MUTED, "font-style=\"italic\"");
                s.text("status", x1 + 10, cy + 4, "not assessed", Svg.Anchor.START, Palette.MUTED, null);
                s.end();
                continue;
            }
            double v = r.value().value();
            double vx = x.applyAsDouble(v);
            String color = r.beyond() ? Palette.RED : Palette.GREEN;
            s.line("stem", px, cy, vx, cy, color, 3, null);
            r.interval().ifPresent(ci -> {
                double a = x.applyAsDouble(ci.lower());
                double c = x.applyAsDouble(ci.upper());
                s.line("whisker", a, cy - 7, c, cy - 7, Palette.INK, 1.5, null);
                s.line("whisker-cap", a, cy - 11, a, cy - 3, Palette.INK, 1.5, null);
                s.line("whisker-cap", c, cy - 11, c, cy - 3, Palette.INK, 1.5, null);
            });
            s.circle("point", vx, cy, 6, color, r.label() + ": " + fmt(v) + r.interval().map(ci -> " (interval "
                    + fmt(ci.lower()) + " to " + fmt(ci.upper()) + ")").orElse(""));
            s.text("value", x1 + 10, cy - 2, fmt(v), Svg.Anchor.START, Palette.INK, "font-weight=\"bold\"");
            s.text("status", x1 + 10, cy + 13, r.beyond() ? "beyond threshold" : "within threshold",
                    Svg.Anchor.START, color, "font-size=\"11\"");
            s.end();
        }
        return s.toString();
    }
}
