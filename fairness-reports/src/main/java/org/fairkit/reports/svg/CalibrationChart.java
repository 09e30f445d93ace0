package org.fairkit.reports.svg;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A reliability diagram: for each group, the mean score of each score bin (x) against the observed positive rate
 * in that bin (y), with the diagonal of perfect calibration dashed. Points are sized by the bin's row count, and
 * every point's tooltip gives the numbers. Groups whose curves lie apart at the same score are calibrated
 * differently (Kleinberg, Mullainathan &amp; Raghavan 2016; Chouldechova 2017).
 */
public final class CalibrationChart {
    /**
     * One group's curve.
     *
     * @param label the group
     * @param meanScore mean score per non-empty bin, ascending
     * @param observedRate observed positive rate per bin
     * @param count rows per bin
     */
    public record Series(String label, double[] meanScore, double[] observedRate, long[] count) {
        /** Validates lengths and ranges; copies the arrays. */
        public Series {
            Objects.requireNonNull(label, "label");
            meanScore = meanScore.clone();
            observedRate = observedRate.clone();
            count = count.clone();
            if (meanScore.length != observedRate.length || meanScore.length != count.length) {
                throw new IllegalArgumentException("a calibration series needs as many scores, rates and counts, got "
                        + meanScore.length + ", " + observedRate.length + ", " + count.length);
            }
            for (int i = 0; i < meanScore.length; i++) {
                if (!(meanScore[i] >= 0 && meanScore[i] <= 1) || !(observedRate[i] >= 0 && observedRate[i] <= 1)) {
                    throw new IllegalArgumentException("calibration points must lie in [0, 1], got (" + meanScore[i]
                            + ", " + observedRate[i] + ") at bin " + i + " of " + label);
                }
            }
        }
    }

    private static final double PLOT = 360;
    private static final double LEFT = 56;
    private static final double TOP = 16;
    private static final double LEGEND = 200;

    private final String id;
    private final String title;
    private final List<Series> series;

    private CalibrationChart(String id, String title, List<Series> series) {
        this.id = id;
        this.title = title;
        this.series = List.copyOf(series);
    }

    /**
     * @throws IllegalArgumentException without series
     */
    public static CalibrationChart of(String id, String title, List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a calibration chart needs at least one series");
        }
        return new CalibrationChart(Objects.requireNonNull(id, "id"), Objects.requireNonNull(title, "title"), series);
    }

    private static double px(double v) {
        return LEFT + v * PLOT;
    }

    private static double py(double v) {
        return TOP + (1 - v) * PLOT;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return the chart as an {@code <svg>} element */
    public String toSvg() {
        double width = LEFT + PLOT + 24 + LEGEND;
        double height = TOP + PLOT + 48;
        Svg s = Svg.of(id, width, height, title, "Reliability diagram: mean score per bin (x) against the observed "
                + "positive rate (y) for " + series.size() + " groups; the dashed diagonal is perfect calibration.");
        long max = 1;
        for (Series x : series) {
            for (long c : x.count()) {
                max = Math.max(max, c);
            }
        }
        s.group("grid", null);
        for (double t : Ticks.between(0, 1, 6)) {
            s.line("gridline", px(t), TOP, px(t), TOP + PLOT, Palette.GRID, 1, null);
            s.line("gridline", LEFT, py(t), LEFT + PLOT, py(t), Palette.GRID, 1, null);
            s.text("tick", px(t), TOP + PLOT + 14, String.format(Locale.ROOT, "%.1f", t), Svg.Anchor.MIDDLE,
                    Palette.MUTED, "font-size=\"10\"");
            s.text("tick", LEFT - 6, py(t) + 3, String.format(Locale.ROOT, "%.1f", t), Svg.Anchor.END, Palette.MUTED,
                    "font-size=\"10\"");
        }
        s.line("diagonal", px(0), py(0), px(1), py(1), Palette.MUTED, 1.5, "6,4");
        s.text("axis-label", LEFT + PLOT / 2, TOP + PLOT + 34, "mean score in bin", Svg.Anchor.MIDDLE, Palette.MUTED,
                null);
        s.text("axis-label", 14, TOP + PLOT / 2, "observed positive rate", Svg.Anchor.MIDDLE, Palette.MUTED,
                "transform=\"rotate(-90 14 " + Svg.num(TOP + PLOT / 2) + ")\"");
        s.end();
        for (int k = 0; k < series.size(); k++) {
            Series x = series.get(k);
            String color = Palette.series(k);
            s.group("series", x.label());
            double[] xs = new double[x.meanScore().length];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = px(x.meanScore()[i]);
                ys[i] = py(x.observedRate()[i]);
            }
            s.polyline("curve", xs, ys, color, 2);
            for (int i = 0; i < xs.length; i++) {
                double r = 2.5 + 4.5 * Math.sqrt((double) x.count()[i] / max);
                s.circle("point", xs[i], ys[i], r, color, x.label() + ": mean score " + fmt(x.meanScore()[i])
                        + ", observed rate " + fmt(x.observedRate()[i]) + ", n = " + x.count()[i]);
            }
            double ly = TOP + 10 + 20 * k;
            double lx = LEFT + PLOT + 24;
            s.line("legend-swatch", lx, ly, lx + 18, ly, color, 3, null);
            s.text("legend", lx + 24, ly + 4, Escape.shorten(x.label(), 26), Svg.Anchor.START, Palette.INK, null);
            s.end();
        }
        return s.toString();
    }
}
