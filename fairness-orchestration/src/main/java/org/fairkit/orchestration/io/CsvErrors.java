package org.fairkit.orchestration.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Every CSV input error message of FairKit ({@link CsvSource} and the CLI both read through {@link CsvTable}), built
 * in one place so that their wording is consistent and tested.
 *
 * <p>A cell is located by its <b>file line</b> (1-based, the header is line 1; the line on which the record ends, or
 * where its last cell starts if that quoted cell spans lines) and its <b>data row</b> (1-based, the first
 * record after the header is data row 1), and by its column's name; every message says what was expected.
 */
final class CsvErrors {
    /** The domain of a score cell. */
    static final String SCORE = "a number in [0, 1]";
    /** The domain of a weight cell (the same words as core's weight checks). */
    static final String WEIGHT = "a finite weight >= 0";
    /** The domain of a numeric feature cell. */
    static final String NUMBER = "a finite number";
    /** The domain of a sensitive cell. */
    static final String LEVEL = "a non-empty level";
    /** The domain of a rank cell (a ranking's position). */
    static final String POSITION = "a whole number >= 1 (a rank, 1 = top)";

    private CsvErrors() {
    }

    /** {@code file 'x.csv', line 18 (data row 17), column 'y_true': got '2'; expected 1 for [1] or 0 for [0]}. */
    static IllegalArgumentException badCell(Path file, long line, long dataRow, String column, String cell,
            String expected) {
        return new IllegalArgumentException(where(file, line, dataRow) + ", column '" + column + "': got '" + cell
                + "'; expected " + expected);
    }

    /** The weights' running total passed the largest double at this row. */
    static IllegalArgumentException weightOverflow(Path file, long line, long dataRow, String column) {
        return new IllegalArgumentException(where(file, line, dataRow) + ", column '" + column + "': the weights "
                + "sum past the largest number (" + Double.MAX_VALUE + "); expected weights with a finite total "
                + "(scale them down)");
    }

    /** {@code file 'x.csv', line 18 (data row 17): 11 cells; expected 12 (one per header column)}. */
    static IllegalArgumentException cellCount(Path file, long line, long dataRow, int cells, int expected) {
        return new IllegalArgumentException(where(file, line, dataRow) + ": " + cells + " cells; expected " + expected
                + " (one per header column)");
    }

    /** {@code file 'x.csv': column 'y_true' (label) is missing; the header has [id, y, ...]}. */
    static IllegalArgumentException missingColumn(Path file, String column, String role, List<String> header) {
        return new IllegalArgumentException("file '" + file + "': column '" + column + "' (" + role
                + ") is missing; the header has " + header);
    }

    /** {@code file 'x.csv': column 'race' appears twice in the header}. */
    static IllegalArgumentException duplicateColumn(Path file, String column) {
        return new IllegalArgumentException("file '" + file + "': column '" + column
                + "' appears twice in the header; expected distinct column names");
    }

    /** {@code file 'x.csv' is empty; expected a header line}. */
    static IllegalArgumentException noHeader(Path file) {
        return new IllegalArgumentException("file '" + file + "' is empty; expected a header line");
    }

    /** {@code file 'x.csv' has a header but no data rows; expected at least one row}. */
    static IllegalArgumentException noRows(Path file) {
        return new IllegalArgumentException("file '" + file + "' has a header but no data rows; expected at least one row");
    }

    /** A file that is not valid CSV (an unclosed quote, ...), with the parser's own message. */
    static IllegalArgumentException malformed(Path file, long line, String parserMessage) {
        return new IllegalArgumentException("file '" + file + "', line " + line + ": not valid CSV: " + parserMessage);
    }

    private static String where(Path file, long line, long dataRow) {
        return "file '" + file + "', line " + line + " (data row " + dataRow + ")";
    }
}
