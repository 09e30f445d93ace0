package org.fairkit.reports.pdf;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A table for {@link PdfLayout#table(Table)}.
 *
 * @param header the column headers
 * @param rows the rows, each with one cell per column (the first cell is set in bold)
 * @param widths relative column widths
 * @param align one letter per column: {@code l} left, {@code r} right
 * @param colors the text colour of a cell (row, column), or {@code null} for ink
 */
public record Table(List<String> header, List<List<String>> rows, float[] widths, String align,
        BiFunction<Integer, Integer, Color> colors) {

    /** Validates the shape. */
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        widths = widths.clone();
        Objects.requireNonNull(align, "align");
        if (widths.length != header.size() || align.length() != header.size()) {
            throw new IllegalArgumentException("a table needs one width and one alignment per column, got "
                    + header.size() + " columns, " + widths.length + " widths, alignment '" + align + "'");
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("table row " + r + " has " + rows.get(r).size() + " cells, expected "
                        + header.size());
            }
        }
        for (float w : widths) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("column widths must be positive, got " + w);
            }
        }
    }

    /** @return the relative column widths (a copy) */
    @Override
    public float[] widths() {
        return widths.clone();
    }

    /** A table with ink-coloured text. */
    public static Table of(List<String> header, List<List<String>> rows, float[] widths, String align) {
        return new Table(header, rows, widths, align, null);
    }

    /** @return the colour of a cell */
    public Color colorOf(int row, int column) {
        Color c = colors == null ? null : colors.apply(row, column);
        return c == null ? PdfLayout.INK : c;
    }
}
