package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.InputErrors;

/**
 * Immutable columnar input of the mitigators that change features ({@link CorrelationRemover},
 * {@link DisparateImpactRemover}): named numeric feature columns (finite doubles) and named categorical sensitive
 * columns (group labels), one value per row. {@link org.fairkit.core.FairnessData} holds labels, predictions and
 * groups but no features, so the pre-processors that transform features take this table instead.
 *
 * <pre>{@code
 * FeatureTable table = FeatureTable.builder()
 *     .numeric("age", age).numeric("hours_per_week", hours)
 *     .sensitive("sex", sex)
 *     .build();
 * }</pre>
 *
 * <p>The builder copies every array and validates in {@link Builder#build()}: at least one row, every column of the
 * same length, numeric values finite ({@code -0.0} is stored as {@code 0.0}), group labels non-null. Errors name the
 * column and the first bad row. Column names are unique across both kinds.
 */
public final class FeatureTable {
    private final Map<String, double[]> numeric;
    private final Map<String, SensitiveFeature> sensitive;
    private final int rows;

    private FeatureTable(Map<String, double[]> numeric, Map<String, SensitiveFeature> sensitive, int rows) {
        this.numeric = numeric;
        this.sensitive = sensitive;
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

    /** @return the numeric column names, in the order they were added */
    public List<String> numericNames() {
        return List.copyOf(numeric.keySet());
    }

    /** @return the sensitive (categorical) column names, in the order they were added */
    public List<String> sensitiveNames() {
        return List.copyOf(sensitive.keySet());
    }

    /**
     * @return a copy of the numeric column {@code name}
     * @throws IllegalArgumentException if there is no such numeric column
     */
    public double[] numeric(String name) {
        return column(name).clone();
    }

    /**
     * @return the sensitive column {@code name}
     * @throws IllegalArgumentException if there is no such sensitive column
     */
    public SensitiveFeature sensitive(String name) {
        SensitiveFeature f = sensitive.get(name);
        if (f == null) {
            throw InputErrors.unknownFeature(name, sensitiveNames());
        }
        return f;
    }

    /** @return the grouping of the rows by these sensitive columns (their intersection when several) */
    public Grouping grouping(List<String> features) {
        List<SensitiveFeature> fs = new ArrayList<>(features.size());
        for (String f : features) {
            fs.add(sensitive(f));
        }
        return Grouping.of(fs);
    }

    /** The numeric column itself, not copied: for this package's fitters, which never write to it. */
    double[] column(String name) {
        double[] c = numeric.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no numeric column named '" + name + "'; the table has "
                    + numericNames());
        }
        return c;
    }

    /** A table with the same columns, the given numeric columns replaced (arrays taken, not copied). */
    FeatureTable replacing(Map<String, double[]> replaced) {
        Map<String, double[]> out = new LinkedHashMap<>(numeric);
        for (Map.Entry<String, double[]> e : replaced.entrySet()) {
            if (!out.containsKey(e.getKey()) || e.getValue().length != rows) {
                throw new IllegalStateException("replacing column '" + e.getKey() + "'");
            }
            out.put(e.getKey(), e.getValue());
        }
        return new FeatureTable(out, sensitive, rows);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FeatureTable)) {
            return false;
        }
        FeatureTable t = (FeatureTable) o;
        if (rows != t.rows || !numeric.keySet().equals(t.numeric.keySet())
                || !sensitive.equals(t.sensitive)) {
            return false;
        }
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            if (!Arrays.equals(e.getValue(), t.numeric.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(rows, sensitive);
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** @return e.g. {@code FeatureTable[100 rows; numeric [age, hours]; sensitive [sex]]} */
    @Override
    public String toString() {
        return "FeatureTable[" + rows + " rows; numeric " + numericNames() + "; sensitive " + sensitiveNames() + "]";
    }

    /** Collects the columns; each name is set once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, double[]> numeric = new LinkedHashMap<>();
        private final Map<String, String[]> sensitive = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a numeric feature column (copied).
         *
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder numeric(String name, double[] values) {
            check(name);
            numeric.put(name, Objects.requireNonNull(values, name).clone());
            return this;
        }

        /**
         * Adds a sensitive column of group labels (copied).
         *
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder sensitive(String name, String[] labels) {
            check(name);
            sensitive.put(name, Objects.requireNonNull(labels, name).clone());
            return this;
        }

        private void check(String name) {
            if (name == null || name.isBlank()) {
                throw InputErrors.badSetting("a column name", name == null ? null : "'" + name + "'",
                        "a non-blank name");
            }
            if (numeric.containsKey(name) || sensitive.containsKey(name)) {
                throw InputErrors.setTwice(name);
            }
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the column and first bad row: no column, no rows, a length that
         *     differs from the first column's, a non-finite number or a null label
         */
        public FeatureTable build() {
            String first = null;
            int n = -1;
            for (Map.Entry<String, double[]> e : numeric.entrySet()) {
                if (first == null) {
                    first = e.getKey();
                    n = e.getValue().length;
                } else if (e.getValue().length != n) {
                    throw InputErrors.lengthMismatch(e.getKey(), e.getValue().length, first, n);
                }
                double[] v = e.getValue();
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw InputErrors.badValue(e.getKey(), i, v[i], "a finite number");
                    }
                    v[i] += 0.0;   // -0.0 + 0.0 == +0.0: one zero, as Python's set and dict keys see it
                }
            }
            Map<String, SensitiveFeature> groups = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> e : sensitive.entrySet()) {
                if (first == null) {
                    first = e.getKey();
                    n = e.getValue().length;
                } else if (e.getValue().length != n) {
                    throw InputErrors.lengthMismatch(e.getKey(), e.getValue().length, first, n);
                }
                String[] v = e.getValue();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] == null) {
                        throw InputErrors.badValue(e.getKey(), i, "null", "a non-null group label");
                    }
                }
                groups.put(e.getKey(), SensitiveFeature.of(e.getKey(), v));
            }
            if (first == null) {
                throw new IllegalArgumentException("the table has no column; add one with numeric(...) or "
                        + "sensitive(...)");
            }
            if (n == 0) {
                throw InputErrors.empty();
            }
            return new FeatureTable(numeric, groups, n);
        }
    }
}
