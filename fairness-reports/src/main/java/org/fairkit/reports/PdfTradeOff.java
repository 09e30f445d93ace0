package org.fairkit.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;
import org.fairkit.reports.svg.TradeOffChart;
import org.fairkit.reports.svg.Ticks;

/**
 * The trade-off section of the PDF documents: the reason for the recommended point, the chart drawn as vectors with
 * the same geometry as the dashboard's {@link TradeOffChart} (axes from {@link TradeOffChart.Axes}), and every point
 * in a table.
 */
final class PdfTradeOff {
    private static final float HEIGHT = 250;
    private static final float PLOT_LEFT = 48;
    private static final float PLOT_BOTTOM = 34;
    private static final float PLOT_RIGHT = 130;
    private static final float PLOT_TOP = 10;
    private static final Color BLUE = new Color(0x00, 0x72, 0xb2);
    private static final Color ORANGE = new Color(0xe6, 0x9f, 0x00);
    private static final Color GREEN = new Color(0x00, 0x9e, 0x73);
    private static final Color GRID = new Color(0xd9, 0xe2, 0xec);

    private PdfTradeOff() {
    }

    static void section(PdfLayout pdf, TradeOffView t) {
        pdf.paragraph(t.title() + ": " + t.points().size() + " values of " + t.knob() + ", each fitted and measured on "
                + Fmt.count(t.rows()) + " held-out rows. Recommended: " + t.reason() + ".");
        pdf.paragraph("Pareto-optimal points (no other point has both a better " + t.metric() + " and a smaller "
                + t.disparity() + ") are joined; whiskers are the intervals; the ringed point is the recommended one; "
                + "the dashed line is the largest acceptable disparity. " + t.intervalMethod() + ".",
                PdfLayout.Style.SMALL);
        List<TradeOffChart.Point> drawn = new ArrayList<>();
        int rec = -1;
        for (int i = 0; i < t.points().size(); i++) {
            TradeOffView.Point p = t.points().get(i);
            if (p.metric().isDefined() && p.disparity().isDefined()) {
                if (t.recommended().isPresent() && t.recommended().getAsInt() == i) {
                    rec = drawn.size();
                }
                drawn.add(new TradeOffChart.Point(t.label(p), p.disparity().value(),
                        p.disparityInterval().map(x -> x.lower()).orElse(Double.NaN),
                        p.disparityInterval().map(x -> x.upper()).orElse(Double.NaN), p.metric().value(),
                        p.metricInterval().map(x -> x.lower()).orElse(Double.NaN),
                        p.metricInterval().map(x -> x.upper()).orElse(Double.NaN), p.pareto()));
            }
        }
        if (!drawn.isEmpty()) {
            int recommended = rec;
            pdf.figure(HEIGHT, c -> draw(c, t, drawn, recommended));
        }
        pdf.table(Table.of(List.of(t.knob(), t.metric() + " [interval]", t.disparity() + " [interval]", "point"),
                DashboardHtml.tradeOffRows(t), new float[] {1, 2.2f, 2.2f, 2}, "rrrl"));
    }

    private static void draw(PdfLayout.FigureCanvas c, TradeOffView t, List<TradeOffChart.Point> points, int rec) {
        float width = PdfLayout.RIGHT - PdfLayout.LEFT;
        float w = width - PLOT_LEFT - PLOT_RIGHT;
        float h = HEIGHT - PLOT_BOTTOM - PLOT_TOP;
        OptionalDouble bound = t.boundLine();
        TradeOffChart.Axes a = TradeOffChart.Axes.of(points, bound);
        for (double v : Ticks.between(a.xLo(), a.xHi(), 6)) {
            float x = PLOT_LEFT + (float) a.fx(v) * w;
            c.line(x, PLOT_BOTTOM, x, PLOT_BOTTOM + h, GRID, 0.5f);
            c.text(x - 10, PLOT_BOTTOM - 11, String.format(Locale.ROOT, "%.3f", v), 7, PdfLayout.MUTED);
        }
        for (double v : Ticks.between(a.yLo(), a.yHi(), 6)) {
            float y = PLOT_BOTTOM + (float) a.fy(v) * h;
            c.line(PLOT_LEFT, y, PLOT_LEFT + w, y, GRID, 0.5f);
            c.textEndingAt(PLOT_LEFT - 4, y - 2.5f, String.format(Locale.ROOT, "%.3f", v), 7, PdfLayout.MUTED);
        }
        c.text(PLOT_LEFT + w / 2 - 60, 6, t.disparity() + " (x)", 8, PdfLayout.MUTED);
        c.text(2, PLOT_BOTTOM + h + 2, t.metric() + " (y)", 8, PdfLayout.MUTED);
        bound.ifPresent(b -> {
            float x = PLOT_LEFT + (float) a.fx(b) * w;
            c.dashed(x, PLOT_BOTTOM, x, PLOT_BOTTOM + h, GREEN, 1);
        });
        List<TradeOffChart.Point> front = new ArrayList<>(points.stream().filter(TradeOffChart.Point::pareto).toList());
        front.sort(Comparator.comparingDouble(TradeOffChart.Point::x).thenComparingDouble(TradeOffChart.Point::y));
        for (int i = 1; i < front.size(); i++) {
            c.line(PLOT_LEFT + (float) a.fx(front.get(i - 1).x()) * w, PLOT_BOTTOM + (float) a.fy(front.get(i - 1).y()) * h,
                    PLOT_LEFT + (float) a.fx(front.get(i).x()) * w, PLOT_BOTTOM + (float) a.fy(front.get(i).y()) * h,
                    BLUE, 1.2f);
        }
        for (int i = 0; i < points.size(); i++) {
            TradeOffChart.Point p = points.get(i);
            Color color = p.pareto() ? BLUE : PdfLayout.MUTED;
            float cx = PLOT_LEFT + (float) a.fx(p.x()) * w;
            float cy = PLOT_BOTTOM + (float) a.fy(p.y()) * h;
            if (!Double.isNaN(p.xLow()) && !Double.isNaN(p.xHigh())) {
                c.line(PLOT_LEFT + (float) a.fx(p.xLow()) * w, cy, PLOT_LEFT + (float) a.fx(p.xHigh()) * w, cy, color,
                        0.6f);
            }
            if (!Double.isNaN(p.yLow()) && !Double.isNaN(p.yHigh())) {
                c.line(cx, PLOT_BOTTOM + (float) a.fy(p.yLow()) * h, cx, PLOT_BOTTOM + (float) a.fy(p.yHigh()) * h,
                        color, 0.6f);
            }
            if (i == rec) {
                c.ring(cx, cy, 6, ORANGE, 1.5f);
                c.text(cx + 8, cy + 6, "recommended: " + p.label(), 7.5f, PdfLayout.INK);
            }
            if (p.pareto()) {
                c.disc(cx, cy, 3, BLUE);
            } else {
                c.ring(cx, cy, 2.5f, PdfLayout.MUTED, 0.8f);
            }
        }
        float lx = PLOT_LEFT + w + 14;
        float ly = PLOT_BOTTOM + h - 8;
        c.disc(lx + 3, ly + 3, 3, BLUE);
        c.text(lx + 10, ly, "Pareto-optimal (joined)", 7.5f, PdfLayout.INK);
        c.ring(lx + 3, ly - 11, 2.5f, PdfLayout.MUTED, 0.8f);
        c.text(lx + 10, ly - 14, "dominated", 7.5f, PdfLayout.INK);
        c.ring(lx + 3, ly - 25, 5, ORANGE, 1.5f);
        c.text(lx + 10, ly - 28, "recommended", 7.5f, PdfLayout.INK);
        c.dashed(lx, ly - 39, lx + 7, ly - 39, GREEN, 1);
        c.text(lx + 10, ly - 42, "largest acceptable", 7.5f, PdfLayout.INK);
    }
}
