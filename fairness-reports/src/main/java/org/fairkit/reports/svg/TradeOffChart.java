package org.fairkit.reports.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The fairness–accuracy trade-off of a swept knob: each point's disparity (x) against its performance metric (y), with
 * the intervals of both as whiskers; the Pareto-optimal points joined by a line in order of disparity, dominated points
 * hollow and grey, the recommended point ringed and labelled, and an optional dashed line at the largest acceptable
 * disparity. Every point is drawn (none hidden) and carries a tooltip with its numbers.
 */
public final class TradeOffChart {
    /**
     * One swept point.
     *
     * @param label the knob's value as text, e.g. {@code tolerance = 0.05}
     * @param x the disparity (finite)
     * @param xLow the lower end of its interval, NaN without one
     * @param xHigh the upper end (may be {@code +inf}: drawn to the plot's edge), NaN without one
     * @param y the performance metric (finite)
     * @param yLow the lower end of its interval, NaN without one
     * @param yHigh the upper end, NaN without one
     * @param pareto whether the point is Pareto-optimal
     */
    public record Point(String label, double x, double xLow, double xHigh, double y, double yLow, double yHigh,
            boolean pareto) {
        /** Validates the values. */
        public Point {
            Objects.requireNonNull(label, "label");
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a trade-off point needs finite coordinates, got (" + x + ", " + y
                        + ") for " + label);
            }
        }
    }

    /**
     * The axes' ranges: every point, every finite interval end and the bound, with 5% padding (0.01 when all equal).
     *
     * @param xLo left end
     * @param xHi right end
     * @param yLo bottom end
     * @param yHi top end
     */
    public record Axes(double xLo, double xHi, double yLo, double yHi) {
        /** The ranges of some points and an optional bound line. */
        public static Axes of(List<Point> points, OptionalDouble boundX) {
            double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (Point p : points) {
                for (double v : new double[] {p.x(), p.xLow(), p.xHigh()}) {
                    take(x, v);
                }
                for (double v : new double[] {p.y(), p.yLow(), p.yHigh()}) {
                    take(y, v);
                }
            }
            boundX.ifPresent(b -> take(x, b));
            double[] xs = pad(x);
            double[] ys = pad(y);
            return new Axes(xs[0], xs[1], ys[0], ys[1]);
        }

        private static void take(double[] range, double v) {
            if (Double.isFinite(v)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }

        private static double[] pad(double[] r) {
            double span = r[1] - r[0];
            double m = span > 0 ? 0.05 * span : 0.01;
            return new double[] {r[0] - m, r[1] + m};
        }

        /** @return {@code v} as a share of the x range (0 left, 1 right), clamped to [0, 1] */
        public double fx(double v) {
            return Math.max(0, Math.min(1, (v - xLo) / (xHi - xLo)));
        }

        /** @return {@code v} as a share of the y range (0 bottom, 1 top), clamped to [0, 1] */
        public double fy(double v) {
            return Math.max(0, Math.min(1, (v - yLo) / (yHi - yLo)));
        }
    }

    private static final double W = 560;
    private static final double H = 340;
    private static final double LEFT = 64;
    private static final double TOP = 16;
    private static final double LEGEND = 210;

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Point> points;
    private final OptionalDouble boundX;
    private final int recommended;

    private TradeOffChart(String id, String title, String xLabel, String yLabel, List<Point> points,
            OptionalDouble boundX, int recommended) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.points = List.copyOf(points);
        this.boundX = boundX;
        this.recommended = recommended;
    }

    /**
     * @param boundX where to draw the largest acceptable disparity, if anywhere
     * @param recommended the index of the recommended point, or -1
     * @throws IllegalArgumentException without points, or for a recommended index out of range
     */
    public static TradeOffChart of(String id, String title, String xLabel, String yLabel, List<Point> points,
            OptionalDouble boundX, int recommended) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trade-off chart needs at least one point");
        }
        if (recommended < -1 || recommended >= points.size()) {
            throw new IllegalArgumentException("recommended must be -1 or a point index below " + points.size()
                    + ", got " + recommended);
        }
        return new TradeOffChart(Objects.requireNonNull(id, "id"), Objects.requireNonNull(title, "title"),
                Objects.requireNonNull(xLabel, "xLabel"), Objects.requireNonNull(yLabel, "yLabel"), points,
                Objects.requireNonNull(boundX, "boundX"), recommended);
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String interval(double lo, double hi) {
        return Double.isNaN(lo) || Double.isNaN(hi) ? "no interval" : "[" + fmt(lo) + ", " + fmt(hi) + "]";
    }

    /** @return the chart as an {@code <svg>} element */
    public String toSvg() {
        Axes a = Axes.of(points, boundX);
        double width = LEFT + W + 24 + LEGEND;
        double height = TOP + H + 48;
        long pareto = points.stream().filter(Point::pareto).count();
        Svg s = Svg.of(id, width, height, title, "Trade-off: " + xLabel + " (x) against " + yLabel + " (y) for "
                + points.size() + " swept points with their intervals as whiskers; the " + pareto
                + " Pareto-optimal points are joined" + (recommended >= 0 ? "; the recommended point, "
                + points.get(recommended).label() + ", is ringed" : "") + ".");
        s.group("grid", null);
        for (double t : Ticks.between(a.xLo(), a.xHi(), 6)) {
            double x = LEFT + a.fx(t) * W;
            s.line("gridline", x, TOP, x, TOP + H, Palette.GRID, 1, null);
            s.text("tick", x, TOP + H + 14, String.format(Locale.ROOT, "%.3f", t), Svg.Anchor.MIDDLE, Palette.MUTED,
                    "font-size=\"10\"");
        }
        for (double t : Ticks.between(a.yLo(), a.yHi(), 6)) {
            double y = TOP + (1 - a.fy(t)) * H;
            s.line("gridline", LEFT, y, LEFT + W, y, Palette.GRID, 1, null);
            s.text("tick", LEFT - 6, y + 3, String.format(Locale.ROOT, "%.3f", t), Svg.Anchor.END, Palette.MUTED,
                    "font-size=\"10\"");
        }
        s.text("axis-label", LEFT + W / 2, TOP + H + 34, xLabel, Svg.Anchor.MIDDLE, Palette.MUTED, null);
        s.text("axis-label", 14, TOP + H / 2, yLabel, Svg.Anchor.MIDDLE, Palette.MUTED,
                "transform=\"rotate(-90 14 " + Svg.num(TOP + H / 2) + ")\"");
        s.end();
        if (boundX.isPresent()) {
            double x = LEFT + a.fx(boundX.getAsDouble()) * W;
            s.group("bound", "largest acceptable " + xLabel + ": " + fmt(boundX.getAsDouble()));
            s.line("bound-line", x, TOP, x, TOP + H, Palette.GREEN, 1.5, "6,4");
            s.end();
        }
        List<Point> front = new ArrayList<>(points.stream().filter(Point::pareto).toList());
        front.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (front.size() > 1) {
            double[] xs = new double[front.size()];
            double[] ys = new double[front.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = LEFT + a.fx(front.get(i).x()) * W;
                ys[i] = TOP + (1 - a.fy(front.get(i).y())) * H;
            }
            s.polyline("frontier", xs, ys, Palette.BLUE, 2);
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            String color = p.pareto() ? Palette.BLUE : Palette.MUTED;
            double cx = LEFT + a.fx(p.x()) * W;
            double cy = TOP + (1 - a.fy(p.y())) * H;
            String tip = p.label() + (i == recommended ? " (recommended)" : "") + (p.pareto() ? ", Pareto-optimal"
                    : ", dominated") + ": " + yLabel + " " + fmt(p.y()) + " " + interval(p.yLow(), p.yHigh()) + ", "
                    + xLabel + " " + fmt(p.x()) + " " + interval(p.xLow(), p.xHigh());
            s.group(p.pareto() ? "point-group pareto" : "point-group dominated", tip);
            if (!Double.isNaN(p.xLow()) && !Double.isNaN(p.xHigh())) {
                double x1 = LEFT + a.fx(p.xLow()) * W;
                double x2 = LEFT + a.fx(p.xHigh()) * W;
                s.line("whisker x-whisker", x1, cy, x2, cy, color, 1, null);
                s.line("whisker-cap", x1, cy - 3, x1, cy + 3, color, 1, null);
                s.line("whisker-cap", x2, cy - 3, x2, cy + 3, color, 1, null);
            }
            if (!Double.isNaN(p.yLow()) && !Double.isNaN(p.yHigh())) {
                double y1 = TOP + (1 - a.fy(p.yLow())) * H;
                double y2 = TOP + (1 - a.fy(p.yHigh())) * H;
                s.line("whisker y-whisker", cx, y1, cx, y2, color, 1, null);
                s.line("whisker-cap", cx - 3, y1, cx + 3, y1, color, 1, null);
                s.line("whisker-cap", cx - 3, y2, cx + 3, y2, color, 1, null);
            }
            if (i == recommended) {
                s.circle("recommended", cx, cy, 9, Palette.ORANGE, null);
                s.text("recommended-label", cx + 12, cy - 10, "recommended: " + Escape.shorten(p.label(), 30),
                        Svg.Anchor.START, Palette.INK, "font-weight=\"bold\"");
            }
            s.circle(p.pareto() ? "point pareto" : "point dominated", cx, cy, p.pareto() ? 5 : 4,
                    p.pareto() ? Palette.BLUE : "#ffffff", null);
            if (!p.pareto()) {
                s.circle("point-ring", cx, cy, 2, Palette.MUTED, null);
            }
            s.end();
        }
        double lx = LEFT + W + 24;
        s.group("legend", null);
        s.circle("legend-pareto", lx + 6, TOP + 10, 5, Palette.BLUE, null);
        s.text("legend", lx + 18, TOP + 14, "Pareto-optimal (joined)", Svg.Anchor.START, Palette.INK, null);
        s.circle("legend-dominated", lx + 6, TOP + 30, 4, Palette.MUTED, null);
        s.text("legend", lx + 18, TOP + 34, "dominated", Svg.Anchor.START, Palette.INK, null);
        s.circle("legend-recommended", lx + 6, TOP + 50, 7, Palette.ORANGE, null);
        s.text("legend", lx + 18, TOP + 54, "recommended", Svg.Anchor.START, Palette.INK, null);
        s.line("legend-whisker", lx, TOP + 70, lx + 12, TOP + 70, Palette.MUTED, 1, null);
        s.text("legend", lx + 18, TOP + 74, "interval (whiskers)", Svg.Anchor.START, Palette.INK, null);
        if (boundX.isPresent()) {
            s.line("legend-bound", lx, TOP + 90, lx + 12, TOP + 90, Palette.GREEN, 1.5, "6,4");
            s.text("legend", lx + 18, TOP + 94, "largest acceptable", Svg.Anchor.START, Palette.INK, null);
        }
        s.end();
        return s.toString();
    }
}
