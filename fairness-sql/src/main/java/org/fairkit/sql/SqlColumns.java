package org.fairkit.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a table or query hold what: the label, the prediction, the sensitive columns, and optionally a
 * weight and a score, with the value mappings of the label and prediction ({@link BinaryCoding}). Column names are
 * identifiers: {@link SqlSource} quotes them through the driver, so any name the database accepts works (spaces,
 * quotes, unicode).
 *
 * <pre>{@code
 * SqlColumns columns = SqlColumns.builder().label("y_true").prediction("y_pred")
 *     .sensitive("race", "sex").weight("weight").build();
 * }</pre>
 */
public final class SqlColumns {
    private final String label;
    private final String prediction;
    private final List<String> sensitive;
    private final Optional<String> weight;
    private final Optional<String> score;
    private final BinaryCoding labelValues;
    private final BinaryCoding predictionValues;

    private SqlColumns(Builder b) {
        label = b.label;
        prediction = b.prediction;
        sensitive = List.copyOf(b.sensitive);
        weight = Optional.ofNullable(b.weight);
        score = Optional.ofNullable(b.score);
        labelValues = b.labelValues == null ? BinaryCoding.ZERO_ONE : b.labelValues;
        predictionValues = b.predictionValues == null ? BinaryCoding.ZERO_ONE : b.predictionValues;
    }

    /** @return a builder; label, prediction and at least one sensitive column are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the label column */
    public String label() {
        return label;
    }

    /** @return the prediction column */
    public String prediction() {
        return prediction;
    }

    /** @return the sensitive columns, in order */
    public List<String> sensitive() {
        return sensitive;
    }

    /** @return the weight column, if any */
    public Optional<String> weight() {
        return weight;
    }

    /** @return the score column, if any */
    public Optional<String> score() {
        return score;
    }

    /** @return how label values map to 1 and 0 */
    public BinaryCoding labelValues() {
        return labelValues;
    }

    /** @return how prediction values map to 1 and 0 */
    public BinaryCoding predictionValues() {
        return predictionValues;
    }

    /** @return every mapped column, each once: label, prediction, sensitive..., weight, score */
    List<String> all() {
        List<String> a = new ArrayList<>();
        a.add(label);
        a.add(prediction);
        a.addAll(sensitive);
        weight.ifPresent(a::add);
        score.ifPresent(a::add);
        return a;
    }

    /** Builds {@link SqlColumns}; each setter can be called once and checks its argument at once. */
    public static final class Builder {
        private String label;
        private String prediction;
        private final List<String> sensitive = new ArrayList<>();
        private String weight;
        private String score;
        private BinaryCoding labelValues;
        private BinaryCoding predictionValues;

        private Builder() {
        }

        private static String name(String role, String current, String value) {
            if (current != null) {
                throw new IllegalStateException(role + " is already set to '" + current + "'");
            }
            Objects.requireNonNull(value, role);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(role + " must name a column, got an empty name");
            }
            return value;
        }

        /** The label (true outcome) column. */
        public Builder label(String column) {
            label = name("label", label, column);
            return this;
        }

        /** The prediction (decision) column. */
        public Builder prediction(String column) {
            prediction = name("prediction", prediction, column);
            return this;
        }

        /** The sensitive columns (at least one). */
        public Builder sensitive(String... columns) {
            if (!sensitive.isEmpty()) {
                throw new IllegalStateException("sensitive is already set to " + sensitive);
            }
            for (String c : columns) {
                sensitive.add(name("sensitive", null, c));
            }
            return this;
        }

        /** An optional weight column (finite, {@code >= 0}). */
        public Builder weight(String column) {
            weight = name("weight", weight, column);
            return this;
        }

        /** An optional score column (in {@code [0, 1]}), for score metrics. */
        public Builder score(String column) {
            score = name("score", score, column);
            return this;
        }

        /** How label values map to 1 and 0 (default {@link BinaryCoding#ZERO_ONE}). */
        public Builder labelValues(BinaryCoding values) {
            if (labelValues != null) {
                throw new IllegalStateException("labelValues is already set to " + labelValues);
            }
            labelValues = Objects.requireNonNull(values, "labelValues");
            return this;
        }

        /** How prediction values map to 1 and 0 (default {@link BinaryCoding#ZERO_ONE}). */
        public Builder predictionValues(BinaryCoding values) {
            if (predictionValues != null) {
                throw new IllegalStateException("predictionValues is already set to " + predictionValues);
            }
            predictionValues = Objects.requireNonNull(values, "predictionValues");
            return this;
        }

        /**
         * @throws IllegalStateException if label, prediction or sensitive is missing
         * @throws IllegalArgumentException if a column has two roles
         */
        public SqlColumns build() {
            if (label == null || prediction == null || sensitive.isEmpty()) {
                throw new IllegalStateException("label, prediction and at least one sensitive column are required; "
                        + "got label " + label + ", prediction " + prediction + ", sensitive " + sensitive);
            }
            SqlColumns c = new SqlColumns(this);
            Set<String> seen = new HashSet<>();
            for (String n : c.all()) {
                if (!seen.add(n)) {
                    throw new IllegalArgumentException("column '" + n + "' has two roles; expected each column once "
                            + "among label, prediction, sensitive, weight and score");
                }
            }
            return c;
        }
    }
}
