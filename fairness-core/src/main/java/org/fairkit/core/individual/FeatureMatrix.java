package org.fairkit.core.individual;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fairkit.core.internal.InputErrors;

/**
 * Numeric features of the rows, the space in which {@link Consistency} looks for nearest neighbours: {@code n}
 * rows by {@code d} named columns of finite doubles, stored row by row.
 *
 * <p>Distances are Euclidean on the values as given, like AIF360 (which does not scale either). Features on very
 * different scales (age in years next to a 0/1 code) let the widest one decide who is a neighbour; use
 * {@link #standardized()} when that is not intended. Immutable; arrays are copied.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final int rows;
    private final double[] values;

    private FeatureMatrix(List<String> names, int rows, double[] values) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.values = values;
    }

    /**
     * Features from columns, one array per named feature.
     *
     * @param names the column names, distinct and non-blank
     * @param columns one array per name, all of the same length
     * @throws IllegalArgumentException naming the column and row of the first NaN or infinite value, or a length
     *     that differs from the first column's, or a repeated or blank name, or no column / no row
     */
    public static FeatureMatrix ofColumns(List<String> names, double[]... columns) {
        Objects.requireNonNull(names, "names");
        checkNames(names, columns.length);
        int n = columns[0].length;
        if (n == 0) {
            throw InputErrors.empty();
        }
        int d = columns.length;
        double[] flat = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] c = Objects.requireNonNull(columns[j], names.get(j));
            if (c.length != n) {
                throw InputErrors.lengthMismatch(names.get(j), c.length, names.get(0), n);
            }
            for (int i = 0; i < n; i++) {
                flat[i * d + j] = checked(names.get(j), i, c[i]);
            }
        }
        return new FeatureMatrix(names, n, flat);
    }

    /**
     * Features from rows, {@code rows[i][j]} being row {@code i}'s value of feature {@code names.get(j)}.
     *
     * @throws IllegalArgumentException naming the column and row of the first NaN or infinite value, or a row of
     *     the wrong length, or a repeated or blank name, or no column / no row
     */
    public static FeatureMatrix ofRows(List<String> names, double[][] rows) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(rows, "rows");
        checkNames(names, names.size());
        if (rows.length == 0) {
            throw InputErrors.empty();
        }
        int d = names.size();
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw InputErrors.badValue("features", i, rows[i] == null ? "null" : rows[i].length + " values",
                        d + " values, one per feature " + names);
            }
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = checked(names.get(j), i, rows[i][j]);
            }
        }
        return new FeatureMatrix(names, rows.length, flat);
    }

    private static void checkNames(List<String> names, int columns) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("features need at least one column");
        }
        if (names.size() != columns) {
            throw new IllegalArgumentException("got " + names.size() + " feature names " + names + " for " + columns
                    + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a feature needs a non-blank name, got '" + name + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature '" + name + "' appears twice; expected distinct names");
            }
        }
    }

    private static double checked(String column, int row, double v) {
        if (!Double.isFinite(v)) {
            throw InputErrors.badValue(column, row, v, "a finite number");
        }
        return v;
    }

    /**
     * The features with each column shifted to mean 0 and scaled to population standard deviation 1
     * ({@code z = (x − mean) / sd}); a constant column becomes all 0.
     */
    public FeatureMatrix standardized() {
        int d = names.size();
        double[] out = new double[values.length];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += values[i * d + j];
            }
            double mean = sum / rows;
            double ss = 0;
            for (int i = 0; i < rows; i++) {
                double dev = values[i * d + j] - mean;
                ss += dev * dev;
            }
            double sd = Math.sqrt(ss / rows);
            for (int i = 0; i < rows; i++) {
                out[i * d + j] = sd > 0 ? (values[i * d + j] - mean) / sd : 0;
            }
        }
        return new FeatureMatrix(names, rows, out);
    }

    /** @return the feature names, in column order */
    public List<String> names() {
        return names;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of features */
    public int columns() {
        return names.size();
    }

    /** @return row {@code i}'s value of feature {@code j} */
    public double value(int i, int j) {
        Objects.checkIndex(j, names.size());
        return values[i * names.size() + j];
    }

    /** The values, row by row (not copied: callers must not change them). */
    double[] flat() {
        return values;
    }

    /** Squared Euclidean distance between rows {@code a} and {@code b}, summed in column order. */
    double squaredDistance(int a, int b) {
        int d = names.size();
        int pa = a * d;
        int pb = b * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = values[pa + j] - values[pb + j];
            s += diff * diff;
        }
        return s;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(names.subList(0, Math.min(8, names.size())));
        if (names.size() > 8) {
            shown.add("...");
        }
        return "FeatureMatrix[" + rows + " rows x " + names.size() + " features " + shown + "]";
    }
}
