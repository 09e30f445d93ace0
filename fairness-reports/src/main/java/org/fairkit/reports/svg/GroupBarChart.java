package org.fairkit.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * A horizontal bar chart of one quantity per group: bar length proportional to the value on a linear axis, interval
 * whiskers at the interval's endpoints, the reference group drawn in its own colour with a dashed line at its value
 * across all rows, and undefined values written as "undefined: reason" where the bar would be.
 *
 * <pre>{@code
 * String svg = GroupBarChart.builder("sr", "Selection rate by group")
 *     .axisLabel("selection rate").domain(0, 1)
 *     .bar(Bar.of("Group A", MetricValue.of(0.61), Optional.of(ci), Role.REFERENCE, "reference group"))
 *     .bar(Bar.of("Group B", MetricValue.undefined("no rows"), Optional.empty(), Role.GROUP, ""))
 *     .build().toSvg();
 * }</pre>
 *
 * <p>Geometry: the plot spans {@code [plotLeft, plotRight]} pixels for {@code [domainLow, domainHigh]}; a value
 * {@code v} maps to {@code plotLeft + (v - lo) / (hi - lo) * (plotRight - plotLeft)}. Bars start at the axis
 * origin (0 when the domain contains it, else the domain's low end). Values or interval ends outside the domain are
 * clipped to it and the tooltip says so. Output is deterministic for the same input.
 */
public final class GroupBarChart {
    /** How a bar is drawn. */
    public enum Role {
        /** An ordinary group. */
        GROUP,
        /** The reference group: own colour, bold label, dashed line at its value. */
        REFERENCE,
        /** A group that needs attention (small, below a threshold): amber. */
        WARNING,
        /** A group that fails a check: red. */
        FAILING
    }

    /**
     * One group's bar.
     *
     * @param label the group's label (any text; escaped and shortened to fit, full text in the tooltip)
     * @param value the value, or undefined with the reason
     * @param interval the interval to draw as a whisker, if any
     * @param role how to draw it
     * @param note a short second line under the label (e.g. "reference group", "n = 12"), or {@code ""}
     */
    public record Bar(String label, MetricValue value, Optional<Interval> interval, Role role, String note) {
        /** Checks for nulls. */
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(note, "note");
        }

        /** @return a bar */
        public static Bar of(String label, MetricValue value, Optional<Interval> interval, Role role, String note) {
            return new Bar(label, value, interval, role, note);
        }
    }

    /**
     * A vertical guide line across all rows (a threshold, a minimum group size).
     *
     * @param value where, in data units
     * @param label the text written above the line
     * @param color its colour
     */
    public record Guide(double value, String label, String color) {
        /** Checks the value is finite. */
        public Guide {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("guide value must be finite, got " + value);
            }
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(color, "color");
        }
    }

    /** Left edge of the plot area, in pixels. */
    public static final double PLOT_LEFT = 170;
    /** Width reserved right of the plot for value labels. */
    public static final double VALUE_COLUMN = 96;
    private static final double ROW = 36;
    private static final double BAR = 14;
    private static final int LABEL_CHARS = 24;

    private final String id;
    private final String title;
    private final String axisLabel;
    private final double width;
    private final double lo;
    private final double hi;
    private final int decimals;
    private final List<Bar> bars;
    private final List<Guide> guides;

    private GroupBarChart(Builder b, double lo, double hi) {
        this.id = b.id;
        this.title = b.title;
        this.axisLabel = b.axisLabel;
        this.width = b.width;
        this.lo = lo;
        this.hi = hi;
        this.decimals = b.decimals;
        this.bars = List.copyOf(b.bars);
        this.guides = List.copyOf(b.guides);
    }

    /** Starts a chart with an element id (unique in the page) and a title (its accessible name). */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** @return the low end of the axis */
    public double domainLow() {
        return lo;
    }

    /** @return the high end of the axis */
    public double domainHigh() {
        return hi;
    }

    /** @return the right edge of the plot area, in pixels */
    public double plotRight() {
        return width - VALUE_COLUMN;
    }

    /** @return the pixel x of a value (clipped to the domain) */
    public double x(double v) {
        double c = Math.max(lo, Math.min(hi, v));
        return PLOT_LEFT + (c - lo) / (hi - lo) * (plotRight() - PLOT_LEFT);
    }

    private String fmt(double v) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private String describe() {
        StringBuilder d = new StringBuilder("Horizontal bars show ").append(axisLabel).append(" for ")
                .append(bars.size()).append(bars.size() == 1 ? " group" : " groups").append(" on an axis from ")
                .append(fmt(lo)).append(" to ").append(fmt(hi)).append('.');
        if (bars.stream().anyMatch(x -> x.interval().isPresent())) {
            d.append(" Whiskers mark interval endpoints.");
        }
        bars.stream().filter(x -> x.role() == Role.REFERENCE).findFirst()
                .ifPresent(r -> d.append(" The reference group ").append(r.label())
                        .append(" is drawn in orange with a dashed line at its value."));
        for (Bar x : bars) {
            d.append(' ').append(x.label()).append(": ").append(x.value().isDefined() ? fmt(x.value().value())
                    : "undefined (" + x.value().reason().orElseThrow() + ")").append('.');
        }
        return d.toString();
    }

    /** @return the chart as an {@code <svg>} element */
    public String toSvg() {
        boolean anyGuide = !guides.isEmpty() || bars.stream().anyMatch(x -> x.role() == Role.REFERENCE);
        double top = anyGuide ? 22 : 8;
        double plotBottom = top + ROW * bars.size();
        double height = plotBottom + 40;
        double right = plotRight();
        Svg s = Svg.of(id, width, height, title, describe());

        s.group("grid", null);
        for (double t : Ticks.between(lo, hi, 6)) {
            double x = x(t);
            s.line("gridline", x, top, x, plotBottom, Palette.GRID, 1, null);
            s.text("tick", x, plotBottom + 14, fmt(t), Svg.Anchor.MIDDLE, Palette.MUTED, "font-size=\"10\"");
        }
        s.line("axis", PLOT_LEFT, plotBottom, right, plotBottom, Palette.MUTED, 1, null);
        s.text("axis-label", (PLOT_LEFT + right) / 2, plotBottom + 32, axisLabel, Svg.Anchor.MIDDLE, Palette.MUTED,
                null);
        s.end();

        double origin = x(lo <= 0 && 0 <= hi ? 0 : lo);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y0 = top + ROW * i;
            double cy = y0 + ROW / 2;
            String color = switch (bar.role()) {
                case REFERENCE -> Palette.ORANGE;
                case WARNING -> Palette.AMBER;
                case FAILING -> Palette.RED;
                default -> Palette.BLUE;
            };
            s.group(bar.role() == Role.REFERENCE ? "row reference" : "row", null);
            String label = Escape.shorten(bar.label(), LABEL_CHARS);
            double labelY = bar.note().isEmpty() ? cy + 4 : cy - 2;
            s.text("label", 8, labelY, label, Svg.Anchor.START, Palette.INK,
                    bar.role() == Role.REFERENCE ? "font-weight=\"bold\"" : null);
            if (!bar.note().isEmpty()) {
                s.text("note", 8, cy + 11, Escape.shorten(bar.note(), 30), Svg.Anchor.START, Palette.MUTED,
                        "font-size=\"10\"");
            }
            MetricValue v = bar.value();
            if (!v.isDefined()) {
                String text = "undefined: " + v.reason().orElseThrow();
                s.text("undefined", PLOT_LEFT + 4, cy + 4, Escape.shorten(text, 64), Svg.Anchor.START, Palette.MUTED,
                        "font-style=\"italic\"");
                s.end();
                continue;
            }
            double vx = x(v.value());
            String tip = bar.label() + ": " + fmt(v.value()) + bar.interval().map(ci -> " (" + percent(ci.level())
                    + " interval " + fmt(ci.lower()) + " to " + fmt(ci.upper()) + ", " + ci.method() + ")").orElse("")
                    + (v.value() < lo || v.value() > hi ? " (outside the axis, clipped)" : "");
            s.rect("bar", Math.min(origin, vx), cy - BAR / 2, Math.abs(vx - origin), BAR, color, tip);
            bar.interval().ifPresent(ci -> {
                double a = x(ci.lower());
                double c = x(ci.upper());
                s.line("whisker", a, cy, c, cy, Palette.INK, 1.5, null);
                s.line("whisker-cap", a, cy - 6, a, cy + 6, Palette.INK, 1.5, null);
                s.line("whisker-cap", c, cy - 6, c, cy + 6, Palette.INK, 1.5, null);
            });
            s.text("value", right + 8, cy + 4, fmt(v.value()), Svg.Anchor.START, Palette.INK, null);
            s.end();
        }

        for (Bar bar : bars) {
            if (bar.role() == Role.REFERENCE && bar.value().isDefined()) {
                double x = x(bar.value().value());
                s.line("reference-line", x, top - 4, x, plotBottom, Palette.ORANGE, 1.5, "5,3");
                s.text("reference-marker", clampText(x), top - 8, "reference", Svg.Anchor.MIDDLE, Palette.ORANGE,
                        "font-size=\"10\"");
            }
        }
        for (Guide g : guides) {
            double x = x(g.value());
            s.line("guide", x, top - 4, x, plotBottom, g.color(), 1.5, "2,2");
            s.text("guide-label", clampText(x), top - 8, g.label(), Svg.Anchor.MIDDLE, g.color(), "font-size=\"10\"");
        }
        return s.toString();
    }

    private double clampText(double x) {
        return Math.max(PLOT_LEFT + 30, Math.min(plotRight() - 30, x));
    }

    private static String percent(double level) {
        double p = level * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Configures a {@link GroupBarChart}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String axisLabel = "value";
        private double width = 640;
        private Double fixedLo;
        private Double fixedHi;
        private int decimals = 3;
        private final List<Bar> bars = new ArrayList<>();
        private final List<Guide> guides = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = Objects.requireNonNull(id, "id");
            this.title = Objects.requireNonNull(title, "title");
        }

        /** The axis caption (default "value"). */
        public Builder axisLabel(String label) {
            axisLabel = Objects.requireNonNull(label, "axisLabel");
            return this;
        }

        /** The total width in pixels (default 640, at least 400). */
        public Builder width(double pixels) {
            if (!(pixels >= 400) || Double.isInfinite(pixels)) {
                throw new IllegalArgumentException("width must be >= 400 pixels, got " + pixels);
            }
            width = pixels;
            return this;
        }

        /**
         * A fixed axis (e.g. [0, 1] for rates). Without it the axis runs from 0 (or the lowest value, if negative)
         * to a nice number above the largest value or interval end.
         */
        public Builder domain(double low, double high) {
            if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("domain needs finite low < high, got [" + low + ", " + high + "]");
            }
            fixedLo = low;
            fixedHi = high;
            return this;
        }

        /** Decimals of value labels (default 3; 0 for counts). */
        public Builder decimals(int n) {
            if (n < 0 || n > 6) {
                throw new IllegalArgumentException("decimals must be in [0, 6], got " + n);
            }
            decimals = n;
            return this;
        }

        /** Adds a bar. */
        public Builder bar(Bar bar) {
            bars.add(Objects.requireNonNull(bar, "bar"));
            return this;
        }

        /** Adds a guide line. */
        public Builder guide(Guide guide) {
            guides.add(Objects.requireNonNull(guide, "guide"));
            return this;
        }

        /**
         * @throws IllegalArgumentException without bars
         */
        public GroupBarChart build() {
            if (bars.isEmpty()) {
                throw new IllegalArgumentException("a bar chart needs at least one bar");
            }
            if (fixedLo != null) {
                return new GroupBarChart(this, fixedLo, fixedHi);
            }
            double min = 0;
            double max = 0;
            for (Bar b : bars) {
                if (b.value().isDefined() && Double.isFinite(b.value().value())) {
                    min = Math.min(min, b.value().value());
                    max = Math.max(max, b.value().value());
                }
                for (Interval i : b.interval().stream().toList()) {
                    min = Math.min(min, i.lower());
                    max = Math.max(max, i.upper());
                }
            }
            for (Guide g : guides) {
                min = Math.min(min, g.value());
                max = Math.max(max, g.value());
            }
            double hi = max > 0 ? Ticks.niceCeiling(max) : 1;
            double lo = min < 0 ? -Ticks.niceCeiling(-min) : 0;
            return new GroupBarChart(this, lo, hi);
        }
    }
}
