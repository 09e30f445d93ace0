package org.fairkit.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;

/** The audit PDF's trend section and its "since last run" summary line, drawn with {@link PdfLayout#drawing}. */
final class TrendPdf {
    private static final float HEIGHT = 150;
    private static final float PLOT_TOP = 6;
    private static final float PLOT = 100;
    private static final float AXIS = 44;
    private static final Color WASH = new Color(0xc9, 0xec, 0xdc);
    private static final Color BACK = new Color(0xf5, 0xf7, 0xfa);

    private TrendPdf() {
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The summary's line: each metric's change since the last run. */
    static String sinceLastRun(Trend t) {
        List<String> parts = new ArrayList<>();
        String label = "";
        for (Trend.Delta d : t.sinceLastRun().values()) {
            parts.add(d.metric().info().name() + " " + d.describe());
            label = d.previousLabel();
        }
        return "Since last run (" + label + "): " + String.join("; ", parts) + ".";
    }

    /** The section: a table of changes, then one chart per metric. */
    static void section(PdfLayout pdf, Trend t) {
        pdf.paragraph("Each named fairness metric over the last " + t.runs() + " runs, this one last: runs evenly "
                + "spaced in time order, the acceptable band shaded, its edges dashed, parity solid, intervals as "
                + "whiskers. Worse means further from parity relative to the threshold.");
        List<List<String>> rows = new ArrayList<>();
        for (Trend.Delta d : t.sinceLastRun().values()) {
            rows.add(List.of(d.metric().info().name(), d.previousLabel(), Fmt.value(d.previous()),
                    Fmt.value(d.current()), d.change().isDefined() ? String.format(Locale.ROOT, "%+.3f",
                            d.change().value()) : Fmt.value(d.change()),
                    d.direction().name().toLowerCase(Locale.ROOT)));
        }
        pdf.table(Table.of(List.of("metric", "last run", "then", "now", "change", "direction"), rows,
                new float[] {2.2f, 1.2f, 1.2f, 1.2f, 1.5f, 1f}, "llrrrl"));
        for (Map.Entry<FairnessMetric, List<Trend.Point>> e : t.series().entrySet()) {
            pdf.subheading(e.getKey().info().name() + " over the runs");
            chart(pdf, e.getValue(), t.thresholds().get(e.getKey()));
        }
    }

    private static void chart(PdfLayout pdf, List<Trend.Point> points, DisparityThreshold th) {
        List<Double> ys = new ArrayList<>(List.of(th.low(), th.high(), th.parity()));
        for (Trend.Point p : points) {
            if (p.value().isDefined() && Double.isFinite(p.value().value())) {
                ys.add(p.value().value());
            }
            p.interval().ifPresent(i -> {
                ys.add(i.lower());
                ys.add(i.upper());
            });
        }
        double min = ys.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = ys.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
        double pad = Math.max(0.1 * (max - min), 0.02);
        double lo = min - pad;
        double hi = max + pad;
        pdf.drawing(HEIGHT, c -> {
            float x0 = AXIS;
            float x1 = c.width() - 8;
            java.util.function.DoubleFunction<Float> y = v -> (float) (PLOT_TOP + PLOT
                    - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * PLOT);
            c.box(BACK, x0, PLOT_TOP, x1 - x0, PLOT);
            float bandTop = y.apply(th.high());
            c.box(WASH, x0, bandTop, x1 - x0, y.apply(th.low()) - bandTop);
            c.line(PdfLayout.MUTED, x0, y.apply(th.parity()), x1, y.apply(th.parity()), 1);
            c.label(fmt(th.parity()), 2, y.apply(th.parity()) + 3, 7, PdfLayout.MUTED, false);
            for (double edge : new double[] {th.low(), th.high()}) {
                c.dashed(PdfLayout.BAD, x0, y.apply(edge), x1, y.apply(edge), 1);
                c.label(fmt(edge), 2, y.apply(edge) + 3, 7, PdfLayout.BAD, false);
            }
            int n = points.size();
            float slot = (x1 - x0) / n;
            float px = Float.NaN;
            float py = Float.NaN;
            for (int i = 0; i < n; i++) {
                Trend.Point p = points.get(i);
                float cx = x0 + slot * (i + 0.5f);
                String label = p.label().length() > 14 ? p.label().substring(0, 13) + "\u2026" : p.label();
                c.label(label, cx, PLOT_TOP + PLOT + 12, 7.5f, PdfLayout.INK, true);
                if (!p.value().isDefined()) {
                    c.label("undefined", cx, PLOT_TOP + PLOT - 4, 7, PdfLayout.MUTED, true);
                    c.label("\u2013", cx, PLOT_TOP + PLOT + 23, 7.5f, PdfLayout.MUTED, true);
                    px = Float.NaN;
                    continue;
                }
                double v = p.value().value();
                float cy = y.apply(v);
                boolean beyond = !Threshold.withinBand(v, th.low(), th.high());
                Color color = beyond ? PdfLayout.BAD : PdfLayout.OK;
                if (!Float.isNaN(px)) {
                    c.line(PdfLayout.INK, px, py, cx, cy, 1);
                }
                p.interval().ifPresent(ci -> {
                    float a = y.apply(ci.lower());
                    float b = y.apply(ci.upper());
                    c.line(PdfLayout.INK, cx, a, cx, b, 0.8f);
                    c.line(PdfLayout.INK, cx - 3, a, cx + 3, a, 0.8f);
                    c.line(PdfLayout.INK, cx - 3, b, cx + 3, b, 0.8f);
                });
                float r = i == n - 1 ? 3.5f : 2.5f;
                c.box(color, cx - r, cy - r, 2 * r, 2 * r);
                c.label(fmt(v), cx, PLOT_TOP + PLOT + 23, 7.5f, color, true);
                px = cx;
                py = cy;
            }
        });
    }
}
