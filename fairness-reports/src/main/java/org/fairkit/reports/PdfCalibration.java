package org.fairkit.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.svg.CalibrationChart;
import org.fairkit.reports.svg.Escape;
import org.fairkit.reports.svg.Palette;
import org.fairkit.reports.svg.Ticks;

/**
 * The calibration curves per group in the PDF documents: the reliability diagram of the dashboard's
 * {@link CalibrationChart} (mean score per bin against the observed positive rate, the diagonal dashed, one colour
 * per group from {@link Palette#series}, points sized by the bin's rows) drawn as vectors, with a legend naming each
 * group, so the curves are not carried by colour alone: the table that follows gives every group's numbers.
 */
final class PdfCalibration {
    private static final float HEIGHT = 250;
    private static final float PLOT = 200;
    private static final float LEFT = 44;
    private static final float BOTTOM = 36;
    private static final int LEGEND_CHARS = 34;

    private PdfCalibration() {
    }

    /** Draws the curves of every group with at least one bin; nothing when there are none. */
    static void figure(PdfLayout pdf, List<CalibrationSeries> all) {
        List<CalibrationSeries> drawn = new ArrayList<>(all.stream().filter(s -> s.size() > 0).toList());
        if (drawn.isEmpty()) {
            return;
        }
        pdf.figure(HEIGHT, c -> draw(c, drawn));
    }

    private static Color color(int k) {
        return Color.decode(Palette.series(k));
    }

    private static void draw(PdfLayout.FigureCanvas c, List<CalibrationSeries> series) {
        float top = BOTTOM + PLOT;
        for (double t : Ticks.between(0, 1, 6)) {
            float x = LEFT + (float) t * PLOT;
            float y = BOTTOM + (float) t * PLOT;
            c.line(x, BOTTOM, x, top, PdfLayout.MUTED.brighter(), 0.3f);
            c.line(LEFT, y, LEFT + PLOT, y, PdfLayout.MUTED.brighter(), 0.3f);
            String label = String.format(Locale.ROOT, "%.1f", t);
            c.text(x - 5, BOTTOM - 11, label, 7, PdfLayout.MUTED);
            c.textEndingAt(LEFT - 4, y - 2.5f, label, 7, PdfLayout.MUTED);
        }
        c.dashed(LEFT, BOTTOM, LEFT + PLOT, top, PdfLayout.MUTED, 1);
        c.text(LEFT + PLOT / 2 - 30, BOTTOM - 24, "mean score in bin", 8, PdfLayout.MUTED);
        c.text(2, top + 8, "observed positive rate", 8, PdfLayout.MUTED);
        long max = 1;
        for (CalibrationSeries s : series) {
            for (long n : s.count()) {
                max = Math.max(max, n);
            }
        }
        float legendX = LEFT + PLOT + 28;
        for (int k = 0; k < series.size(); k++) {
            CalibrationSeries s = series.get(k);
            Color col = color(k);
            double[] x = s.binMeanScore();
            double[] y = s.observedRate();
            for (int i = 0; i < s.size(); i++) {
                float px = LEFT + (float) x[i] * PLOT;
                float py = BOTTOM + (float) y[i] * PLOT;
                if (i > 0) {
                    c.line(LEFT + (float) x[i - 1] * PLOT, BOTTOM + (float) y[i - 1] * PLOT, px, py, col, 1.4f);
                }
                c.disc(px, py, 1.5f + 2.5f * (float) Math.sqrt((double) s.count()[i] / max), col);
            }
            float ly = top - 6 - 13 * k;
            if (ly > BOTTOM) {
                c.line(legendX, ly + 3, legendX + 14, ly + 3, col, 2.5f);
                c.text(legendX + 20, ly, Escape.shorten(s.group(), LEGEND_CHARS), 8, PdfLayout.INK);
            }
        }
        int hidden = Math.max(0, series.size() - (int) ((PLOT - 6) / 13));
        if (hidden > 0) {
            c.text(legendX, BOTTOM - 11, "and " + hidden + " more groups: see the table", 7.5f, PdfLayout.MUTED);
        }
    }
}
