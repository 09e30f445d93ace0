package org.fairkit.mitigation.reductions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable dense matrix of numeric features, stored by column: {@code rows()} rows (examples) by
 * {@code columns()} named columns, every value finite. The input of every {@link Learner}.
 *
 * <pre>{@code
 * FeatureMatrix x = FeatureMatrix.ofRows(new double[][] {{25, 1.0}, {40, 0.0}});      // row-major input
 * FeatureMatrix y = FeatureMatrix.ofColumns(List.of("age", "hours"), new double[][] {age, hours});
 * double v = x.get(1, 0);                                                               // 40.0
 * }</pre>
 *
 * <p>Construction copies the input and checks it: at least one column, every column as long as the first, and no
 * NaN or infinite value; an error names the column and the row. Column names default to {@code x0, x1, ...}.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final double[][] columns;
    private final int rows;

    private FeatureMatrix(List<String> names, double[][] columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * A matrix from rows ({@code rows[i][j]} = feature {@code j} of row {@code i}), columns named {@code x0...}.
     *
     * @throws IllegalArgumentException if there is no column, the rows differ in length, or a value is not finite
     *     (naming the row and column)
     */
    public static FeatureMatrix ofRows(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int p = rows.length == 0 ? 0 : Objects.requireNonNull(rows[0], "row 0").length;
        double[][] cols = new double[p][rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] r = Objects.requireNonNull(rows[i], "feature row");
            if (r.length != p) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "feature row %d has %d values; row 0 has %d (every row needs the same number of features)",
                        i, r.length, p));
            }
            for (int j = 0; j < p; j++) {
                cols[j][i] = r[j];
            }
        }
        return checked(defaultNames(p), cols, rows.length);
    }

    /**
     * A matrix from named columns ({@code columns[j][i]} = feature {@code j} of row {@code i}).
     *
     * @throws IllegalArgumentException if there is no column, names and columns differ in number, a name repeats,
     *     columns differ in length, or a value is not finite (naming the row and column)
     */
    public static FeatureMatrix ofColumns(List<String> names, double[][] columns) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d feature names for %d feature columns; expected one name per column", names.size(),
                    columns.length));
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("feature names must be distinct, got " + names);
        }
        int n = columns.length == 0 ? 0 : Objects.requireNonNull(columns[0], "column 0").length;
        double[][] cols = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            double[] c = Objects.requireNonNull(columns[j], names.get(j));
            if (c.length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "feature column '%s' has %d rows; column '%s' has %d", names.get(j), c.length,
                        names.get(0), n));
            }
            cols[j] = c.clone();
        }
        return checked(List.copyOf(names), cols, n);
    }

    /** A matrix from unnamed columns, named {@code x0, x1, ...}. */
    public static FeatureMatrix ofColumns(double[]... columns) {
        return ofColumns(defaultNames(columns.length), columns);
    }

    private static List<String> defaultNames(int p) {
        String[] n = new String[p];
        for (int j = 0; j < p; j++) {
            n[j] = "x" + j;
        }
        return List.of(n);
    }

    private static FeatureMatrix checked(List<String> names, double[][] cols, int n) {
        if (cols.length == 0) {
            throw new IllegalArgumentException("a feature matrix needs at least one column");
        }
        for (int j = 0; j < cols.length; j++) {
            double[] c = cols[j];
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(c[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "feature column '%s', row %d: got %s; expected a finite number", names.get(j), i, c[i]));
                }
            }
        }
        return new FeatureMatrix(names, cols, n);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (features) */
    public int columns() {
        return columns.length;
    }

    /** @return the column names */
    public List<String> names() {
        return names;
    }

    /** @return the value of feature {@code column} in row {@code row} */
    public double get(int row, int column) {
        Objects.checkIndex(row, rows);
        return columns[column][row];
    }

    /** @return a copy of column {@code j} */
    public double[] column(int j) {
        return columns[j].clone();
    }

    /**
     * The column without copying, for learners in this package (never modified).
     */
    double[] columnView(int j) {
        return columns[j];
    }

    /** @return a copy of row {@code i} */
    public double[] row(int i) {
        Objects.checkIndex(i, rows);
        double[] r = new double[columns.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = columns[j][i];
        }
        return r;
    }

    /**
     * The rows where {@code keep[i]} is true, in order.
     *
     * @throws IllegalArgumentException if {@code keep} is not one flag per row
     */
    public FeatureMatrix select(boolean[] keep) {
        if (keep.length != rows) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "row selection has %d flags for %d rows", keep.length, rows));
        }
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[][] out = new double[columns.length][n];
        for (int j = 0; j < columns.length; j++) {
            int o = 0;
            for (int i = 0; i < rows; i++) {
                if (keep[i]) {
                    out[j][o++] = columns[j][i];
                }
            }
        }
        return new FeatureMatrix(names, out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix && names.equals(((FeatureMatrix) o).names)
                && Arrays.deepEquals(columns, ((FeatureMatrix) o).columns);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FeatureMatrix[%d rows x %d columns %s]", rows, columns.length, names);
    }
}
