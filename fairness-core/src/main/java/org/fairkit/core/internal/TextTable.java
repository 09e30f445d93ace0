package org.fairkit.core.internal;

import java.util.List;

/**
 * The plain-text tables of FairKit's reports: columns padded to their widest cell and separated by two spaces, the
 * first column (row names) and a column headed {@code groups} aligned left, every other column (numbers) aligned
 * right, trailing blanks stripped. One definition for every report's {@code toString()} and the CLI's extra tables.
 */
public final class TextTable {
    private TextTable() {
    }

    /**
     * Appends the table, one line per row.
     *
     * @param b where to append
     * @param table the rows, the header first; every row as long as the header
     */
    public static void render(StringBuilder b, List<List<String>> table) {
        int cols = table.get(0).size();
        int[] width = new int[cols];
        for (List<String> row : table) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = row.get(c);
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - cell.length());
                boolean left = c == 0 || table.get(0).get(c).equals("groups");
                line.append(left ? cell + pad : pad + cell);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
