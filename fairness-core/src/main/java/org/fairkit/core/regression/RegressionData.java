package org.fairkit.core.regression;

import java.util.Arrays;
import java.util.List;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.internal.SensitiveColumns;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.SensitiveFeatures;
import org.fairkit.core.internal.Fingerprint;

/**
 * Immutable columnar input of a regression model: real-valued targets and predictions, optional weights and one
 * or more sensitive features, one value per row.
 *
 * <pre>{@code
 * RegressionData data = RegressionData.builder()
 *     .targets(income).predictions(predictedIncome)
 *     .sensitive("sex", sex)
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks every value and names the column and first bad row of any problem. Arrays are
 * copied.
 */
public final class RegressionData {
    private final double[] targets;
    private final double[] predictions;
    private final double[] weights;
    private final SensitiveFeatures sensitive;
    private volatile String fingerprint;

    private RegressionData(double[] targets, double[] predictions, double[] weights,
            SensitiveFeatures sensitive) {
        this.targets = targets;
        this.predictions = predictions;
        this.weights = weights;
        this.sensitive = sensitive;
    }

    /** @return a builder from arrays */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of rows */
    public int rows() {
        return targets.length;
    }

    /** @return row {@code i}'s true target */
    public double target(int i) {
        return targets[i];
    }

    /** @return row {@code i}'s prediction */
    public double prediction(int i) {
        return predictions[i];
    }

    /** @return whether weights were given */
    public boolean hasWeights() {
        return weights != null;
    }

    /** @return row {@code i}'s weight, 1.0 when unweighted */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return the sensitive feature names, in the order they were added */
    public List<String> sensitiveNames() {
        return sensitive.names();
    }

    /**
     * @return the sensitive feature with this name
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public SensitiveFeature sensitive(String name) {
        return sensitive.get(name);
    }

    /** The grouping by one feature or the intersection of several; computed once and cached. */
    public Grouping grouping(List<String> features) {
        return sensitive.grouping(features);
    }

    /**
     * Tallies the per-group error statistics of a grouping in one pass, in row order.
     *
     * @throws IllegalArgumentException if a feature name is unknown
     */
    public GroupErrorSums tally(List<String> features) {
        Grouping g = grouping(features);
        ErrorTally t = ErrorTally.create(g.groupCount());
        for (int i = 0; i < targets.length; i++) {
            t.accept(g.groupOf(i), targets[i], predictions[i], weight(i));
        }
        return t.snapshot();
    }

    /**
     * The input fingerprint: a SHA-256 over a canonical row-wise encoding of every column (target, prediction, weight
     * when given, each sensitive feature's level), defined in {@link Fingerprint}; in hex; computed once.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            List<SensitiveFeature> features = List.copyOf(sensitive.all());
            Fingerprint.Rows rows = Fingerprint.Rows.regression(weights != null, sensitive.names());
            String[] levels = new String[features.size()];
            List<String> row = Arrays.asList(levels);
            for (int i = 0; i < targets.length; i++) {
                for (int j = 0; j < levels.length; j++) {
                    levels[j] = features.get(j).level(i);
                }
                rows.acceptRegression(targets[i], predictions[i], weight(i), row);
            }
            f = rows.hex();
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "RegressionData[" + rows() + " rows, sensitive " + sensitive.names()
                + (weights != null ? ", weighted" : "") + "]";
    }

    /** Builds {@link RegressionData} from arrays; each column is set once. */
    public static final class Builder {
        private double[] targets;
        private double[] predictions;
        private double[] weights;
        private final SensitiveColumns sensitive = new SensitiveColumns("targets", "predictions", "weights");

        private Builder() {
        }

        /** True targets, finite. */
        public Builder targets(double[] values) {
            requireUnset(targets, "targets");
            targets = values.clone();
            return this;
        }

        /** Predictions, finite. */
        public Builder predictions(double[] values) {
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

        /** A sensitive feature as int codes into {@code levels}. */
        public Builder sensitive(String name, int[] codes, String[] levelNames) {
            sensitive.add(name, codes, levelNames);
            return this;
        }

        private static void requireUnset(Object column, String name) {
            if (column != null) {
                throw InputErrors.setTwice(name);
            }
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the column, the first bad row and the expected domain
         */
        public RegressionData build() {
            if (targets == null) {
                throw InputErrors.missing("targets", "targets(...)");
            }
            if (predictions == null) {
                throw InputErrors.missing("predictions", "predictions(...)");
            }
            sensitive.requirePresent();
            int n = targets.length;
            if (n == 0) {
                throw InputErrors.empty();
            }
            requireLength("predictions", predictions.length, n);
            if (weights != null) {
                requireLength("weights", weights.length, n);
            }
            sensitive.requireRows("targets", n);
            requireFinite("targets", targets);
            requireFinite("predictions", predictions);
            if (weights != null) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                        throw InputErrors.badValue("weights", i, weights[i], "a finite weight >= 0");
                    }
                    total += weights[i];
                }
                if (Double.isInfinite(total)) {
                    throw InputErrors.badTotal("weights", total, "a finite total weight");
                }
            }
            return new RegressionData(targets, predictions, weights, sensitive.build("targets", n));
        }

        private static void requireFinite(String column, double[] values) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw InputErrors.badValue(column, i, values[i], "a finite number");
                }
            }
        }

        private static void requireLength(String column, int length, int rows) {
            if (length != rows) {
                throw InputErrors.lengthMismatch(column, length, "targets", rows);
            }
        }
    }
}
