package org.fairkit.core.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.fairkit.core.internal.InputErrors;

/**
 * The features a data quality check looks at: named columns, each numeric ({@code double}, {@code NaN} = missing)
 * or categorical ({@code String}, {@code null} = missing). Missing values are allowed: finding where they are is one
 * of the checks. Immutable; arrays are copied.
 *
 * <pre>{@code
 * FeatureTable features = FeatureTable.builder().numeric("age", age).categorical("zip", zip).build();
 * }</pre>
 */
public final class FeatureTable {
    /** The kind of a column. */
    public enum Kind {
        /** Numbers; {@code NaN} is missing. */
        NUMERIC,
        /** Levels; {@code null} is missing. */
        CATEGORICAL
    }

    private final List<String> names;
    private final Map<String, double[]> numeric;
    private final Map<String, int[]> codes;
    private final Map<String, List<String>> levels;
    private final int rows;

    private FeatureTable(List<String> names, Map<String, double[]> numeric, Map<String, int[]> codes,
            Map<String, List<String>> levels, int rows) {
        this.names = List.copyOf(names);
        this.numeric = numeric;
        this.codes = codes;
        this.levels = levels;
        this.rows = rows;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the column names, in the order they were added */
    public List<String> names() {
        return names;
    }

    /**
     * @return the kind of a column
     * @throws IllegalArgumentException listing the columns if there is none with this name
     */
    public Kind kind(String name) {
        if (numeric.containsKey(name)) {
            return Kind.NUMERIC;
        }
        if (codes.containsKey(name)) {
            return Kind.CATEGORICAL;
        }
        throw new IllegalArgumentException("no feature named '" + name + "'; the table has " + names);
    }

    /** @return whether row {@code i} of column {@code name} is missing */
    public boolean isMissing(String name, int i) {
        return kind(name) == Kind.NUMERIC ? Double.isNaN(numeric.get(name)[i]) : codes.get(name)[i] < 0;
    }

    /** @return the levels of a categorical column, sorted, without the missing marker */
    public List<String> levels(String name) {
        if (kind(name) != Kind.CATEGORICAL) {
            throw new IllegalArgumentException("feature '" + name + "' is numeric; levels exist for categorical ones");
        }
        return levels.get(name);
    }

    /** Codes into {@link #levels(String)}, −1 for missing (not copied). */
    int[] codes(String name) {
        return codes.get(name);
    }

    /** Values, NaN for missing (not copied). */
    double[] values(String name) {
        return numeric.get(name);
    }

    @Override
    public String toString() {
        List<String> described = new ArrayList<>();
        for (String n : names) {
            described.add(n + (kind(n) == Kind.NUMERIC ? " (numeric)" : " (" + levels.get(n).size() + " levels)"));
        }
        return "FeatureTable[" + rows + " rows: " + String.join(", ", described) + "]";
    }

    /** Collects the columns; each name once, every column of the same length. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final Map<String, double[]> numeric = new HashMap<>();
        private final Map<String, String[]> categorical = new HashMap<>();
        private int rows = -1;

        private Builder() {
        }

        private void add(String name, int length) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a feature needs a non-blank name, got '" + name + "'");
            }
            if (names.contains(name)) {
                throw InputErrors.setTwice(name);
            }
            if (rows < 0) {
                rows = length;
            } else if (length != rows) {
                throw InputErrors.lengthMismatch(name, length, names.get(0), rows);
            }
            names.add(name);
        }

        /**
         * A numeric column; {@code NaN} marks a missing value.
         *
         * @throws IllegalArgumentException naming the column and row of an infinite value, or on a repeated name or
         *     another length
         */
        public Builder numeric(String name, double[] values) {
            Objects.requireNonNull(values, name);
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw InputErrors.badValue(name, i, values[i], "a finite number, or NaN for a missing value");
                }
            }
            add(name, values.length);
            numeric.put(name, values.clone());
            return this;
        }

        /**
         * A categorical column; {@code null} marks a missing value.
         *
         * @throws IllegalArgumentException on a repeated name or another length
         */
        public Builder categorical(String name, String[] values) {
            Objects.requireNonNull(values, name);
            add(name, values.length);
            categorical.put(name, values.clone());
            return this;
        }

        /**
         * @return the table
         * @throws IllegalArgumentException if there is no column or no row
         */
        public FeatureTable build() {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a feature table needs at least one column");
            }
            if (rows == 0) {
                throw InputErrors.empty();
            }
            Map<String, int[]> codes = new LinkedHashMap<>();
            Map<String, List<String>> levels = new LinkedHashMap<>();
            categorical.forEach((name, values) -> {
                TreeSet<String> sorted = new TreeSet<>();
                for (String v : values) {
                    if (v != null) {
                        sorted.add(v);
                    }
                }
                List<String> ls = List.copyOf(sorted);
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < ls.size(); k++) {
                    index.put(ls.get(k), k);
                }
                int[] c = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    c[i] = values[i] == null ? -1 : index.get(values[i]);
                }
                codes.put(name, c);
                levels.put(name, ls);
            });
            return new FeatureTable(names, new HashMap<>(numeric), codes, levels, rows);
        }
    }
}
