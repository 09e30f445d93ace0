package org.fairkit.core.multiclass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.internal.SensitiveColumns;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.SensitiveFeatures;

/**
 * Immutable input of a multiclass classifier: true and predicted classes (int codes or strings), optional weights
 * and sensitive features. Its classes are the union of the labels and the predictions, sorted (numerically for
 * int codes, in {@link String} order for strings).
 *
 * <p>{@link #oneVsRest(String)} reduces it to the binary {@link FairnessData} of one class: label 1 where the true
 * class is that class, prediction 1 where the predicted class is. Every confusion metric of that binary data is
 * the class's one-vs-rest metric (scikit-learn's per-class {@code average=None} values).
 */
public final class MulticlassData {
    private final List<String> classes;
    private final int[] labels;
    private final int[] predictions;
    private final double[] weights;
    private final SensitiveFeatures sensitive;

    private MulticlassData(List<String> classes, int[] labels, int[] predictions, double[] weights,
            SensitiveFeatures sensitive) {
        this.classes = classes;
        this.labels = labels;
        this.predictions = predictions;
        this.weights = weights;
        this.sensitive = sensitive;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the classes, sorted */
    public List<String> classes() {
        return classes;
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return row {@code i}'s true class */
    public String label(int i) {
        return classes.get(labels[i]);
    }

    /** @return row {@code i}'s predicted class */
    public String prediction(int i) {
        return classes.get(predictions[i]);
    }

    /** @return the sensitive feature names, in the order they were added */
    public List<String> sensitiveNames() {
        return sensitive.names();
    }

    /**
     * The binary data of one class against the rest, with the same weights and sensitive features.
     *
     * @throws IllegalArgumentException listing the classes if {@code cls} is not one
     */
    public FairnessData oneVsRest(String cls) {
        int k = classes.indexOf(cls);
        if (k < 0) {
            throw new IllegalArgumentException("no class '" + cls + "'; the classes are " + classes);
        }
        int n = labels.length;
        int[] y = new int[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels[i] == k ? 1 : 0;
            p[i] = predictions[i] == k ? 1 : 0;
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p);
        if (weights != null) {
            b.weights(weights);
        }
        for (SensitiveFeature f : sensitive.all()) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = f.code(i);
            }
            b.sensitive(f.name(), codes, f.levels().toArray(new String[0]));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "MulticlassData[" + rows() + " rows, classes " + classes + ", sensitive " + sensitive.names()
                + (weights != null ? ", weighted" : "") + "]";
    }

    /** Builds {@link MulticlassData}; each column is set once, labels and predictions of the same kind. */
    public static final class Builder {
        private Object labels;
        private Object predictions;
        private double[] weights;
        private final SensitiveColumns sensitive = new SensitiveColumns("labels", "predictions", "weights");

        private Builder() {
        }

        /** True classes as int codes (any ints; the class names are their decimal strings). */
        public Builder labels(int[] values) {
            requireUnset(labels, "labels");
            labels = values.clone();
            return this;
        }

        /** True classes as names, non-null. */
        public Builder labels(String[] values) {
            requireUnset(labels, "labels");
            labels = values.clone();
            return this;
        }

        /** Predicted classes as int codes. */
        public Builder predictions(int[] values) {
            requireUnset(predictions, "predictions");
            predictions = values.clone();
            return this;
        }

        /** Predicted classes as names, non-null. */
        public Builder predictions(String[] values) {
            requireUnset(predictions, "predictions");
            predictions = values.clone();
            return this;
        }

        /** Optional sample weights, finite and {@code >= 0}. */
        public Builder weights(double[] values) {
            requireUnset(weights, "weights");
            weights = values.clone();
            return this;
        }

        /** A sensitive feature, one non-null level per row. */
        public Builder sensitive(String name, String[] values) {
            sensitive.add(name, values);
            return this;
        }

        /** A sensitive feature as int codes into {@code levelNames}. */
        public Builder sensitive(String name, int[] codes, String[] levelNames) {
            sensitive.add(name, codes, levelNames);
            return this;
        }

        private static void requireUnset(Object column, String name) {
            if (column != null) {
                throw InputErrors.setTwice(name);
            }
        }

        private static String[] names(String column, Object values) {
            if (values instanceof int[]) {
                return Arrays.stream((int[]) values).mapToObj(Integer::toString).toArray(String[]::new);
            }
            String[] s = (String[]) values;
            for (int i = 0; i < s.length; i++) {
                if (s[i] == null) {
                    throw InputErrors.badValue(column, i, "null", "a non-null class");
                }
            }
            return s;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the column and first bad row, or if labels and predictions are of
         *     different kinds (int codes and strings)
         */
        public MulticlassData build() {
            if (labels == null) {
                throw InputErrors.missing("labels", "labels(...)");
            }
            if (predictions == null) {
                throw InputErrors.missing("predictions", "predictions(...)");
            }
            sensitive.requirePresent();
            boolean intLabels = labels instanceof int[];
            if (intLabels != predictions instanceof int[]) {
                throw new IllegalArgumentException("labels and predictions must both be int codes or both strings, got "
                        + (intLabels ? "int labels and string predictions" : "string labels and int predictions"));
            }
            String[] y = names("labels", labels);
            String[] p = names("predictions", predictions);
            int n = y.length;
            if (n == 0) {
                throw InputErrors.empty();
            }
            if (p.length != n) {
                throw InputErrors.lengthMismatch("predictions", p.length, "labels", n);
            }
            if (weights != null && weights.length != n) {
                throw InputErrors.lengthMismatch("weights", weights.length, "labels", n);
            }
            List<String> classes;
            if (intLabels) {
                TreeSet<Integer> codes = new TreeSet<>();
                Arrays.stream((int[]) labels).forEach(codes::add);
                Arrays.stream((int[]) predictions).forEach(codes::add);
                classes = codes.stream().map(Object::toString).toList();
            } else {
                TreeSet<String> names = new TreeSet<>(Arrays.asList(y));
                names.addAll(Arrays.asList(p));
                classes = List.copyOf(names);
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                index.put(classes.get(k), k);
            }
            int[] yc = Arrays.stream(y).mapToInt(index::get).toArray();
            int[] pc = Arrays.stream(p).mapToInt(index::get).toArray();
            MulticlassData d = new MulticlassData(classes, yc, pc, weights, sensitive.build("labels", n));
            // weights are validated by the binary data of each class; check them once here for a clear message
            Objects.requireNonNull(d.oneVsRest(classes.get(0)));
            return d;
        }
    }
}
