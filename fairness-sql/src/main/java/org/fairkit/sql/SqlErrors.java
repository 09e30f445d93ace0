package org.fairkit.sql;

import java.util.List;

/**
 * Every input error message of fairness-sql, built in one place so the wording stays that of the CSV reader
 * (orchestration's {@code CsvErrors}): where (the source, and the data row when the engine numbers rows), the column
 * by name and role, the value got, what was expected; plus how many rows share the problem, since the database
 * counts them all in the same pass.
 */
final class SqlErrors {
    /** The domain of a score value (the CSV reader's words). */
    static final String SCORE = "a number in [0, 1]";
    /** The domain of a weight value (the CSV reader's words). */
    static final String WEIGHT = "a finite weight >= 0";
    /** The domain of a sensitive value (the CSV reader's words). */
    static final String LEVEL = "a non-empty level";

    private SqlErrors() {
    }

    /**
     * {@code table "decisions" (data row 17), column 'y_true': got '2'; expected 1 for [1] or 0 for [0]; 3 rows are
     * outside that domain}. A NULL is written {@code got NULL}.
     */
    static IllegalArgumentException badValue(String source, long dataRow, String column, String value,
            String expected, long offending) {
        return new IllegalArgumentException(source + (dataRow > 0 ? " (data row " + dataRow + ")" : "")
                + ", column '" + column + "': got " + (value == null ? "NULL" : "'" + value + "'") + "; expected "
                + expected + "; " + offending + (offending == 1 ? " row is" : " rows are") + " outside that domain");
    }

    /** {@code table "decisions": column 'y_true' (label) is missing; the columns are [id, y, ...]}. */
    static IllegalArgumentException missingColumn(String source, String column, String role, List<String> columns) {
        return new IllegalArgumentException(source + ": column '" + column + "' (" + role
                + ") is missing; the columns are " + columns);
    }

    /** {@code table "decisions": column 'w' (weight) has type VARCHAR; expected a numeric column}. */
    static IllegalArgumentException notNumeric(String source, String column, String role, String type) {
        return new IllegalArgumentException(source + ": column '" + column + "' (" + role + ") has type " + type
                + "; expected a numeric column");
    }

    /** {@code table "decisions" has no rows; expected at least one row}. */
    static IllegalArgumentException noRows(String source) {
        return new IllegalArgumentException(source + " has no rows; expected at least one row");
    }

    /** An identifier that cannot be quoted. */
    static IllegalArgumentException badIdentifier(String role, String name, String why) {
        return new IllegalArgumentException(role + " '" + name + "' cannot be used as an SQL identifier: it holds "
                + why + "; expected a name the database can quote");
    }

    /** A query that is not one SELECT. */
    static IllegalArgumentException notOneQuery(String query) {
        return new IllegalArgumentException("query '" + query + "' holds a ';'; expected one read-only SELECT "
                + "statement without ';'");
    }

    /** A grouping that names a column not mapped as sensitive. */
    static IllegalArgumentException notSensitive(List<String> groupBy, List<String> sensitive) {
        return new IllegalArgumentException("groupBy " + groupBy + " must name sensitive columns of " + sensitive);
    }
}
