package org.fairkit.orchestration.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.internal.InputErrors;

/**
 * Which CSV columns hold what: the mapping from a file's header to FairKit's columns.
 *
 * <pre>{@code
 * CsvColumns columns = CsvColumns.builder()
 *     .label("income").labelValues(BinaryValues.of(">50K", "<=50K"))
 *     .prediction("y_pred")                  // "1" / "0" by default
 *     .score("score")                        // optional, in [0, 1]
 *     .weight("weight")                      // optional, finite and >= 0
 *     .sensitive("race", "sex")              // one or more; each cell is a level
 *     .id("id")                              // optional: identifies rows in the Flagged Cases file
 *     .build();
 * }</pre>
 *
 * <p>Columns not named are ignored. Every setting can be set once (a second call throws); {@link Builder#build()}
 * checks that label, prediction and at least one sensitive column are given and that no column has two roles.
 *
 * @param label the true label's column
 * @param labelValues how label cells map to 1 and 0
 * @param prediction the prediction's column
 * @param predictionValues how prediction cells map to 1 and 0
 * @param score the score's column, if any
 * @param weight the weight's column, if any
 * @param sensitive the sensitive features' columns, in order (their names become the feature names)
 * @param id the row identifier's column, if any
 */
public record CsvColumns(String label, BinaryValues labelValues, String prediction, BinaryValues predictionValues,
        Optional<String> score, Optional<String> weight, List<String> sensitive, Optional<String> id) {

    /** Validates and copies. */
    public CsvColumns {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelValues, "labelValues");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(predictionValues, "predictionValues");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(id, "id");
        sensitive = List.copyOf(sensitive);
        if (sensitive.isEmpty()) {
            throw new IllegalArgumentException("at least one sensitive column is required; set it with sensitive(...)");
        }
        Map<String, String> roles = new LinkedHashMap<>();
        role(roles, label, "label");
        role(roles, prediction, "prediction");
        score.ifPresent(s -> role(roles, s, "score"));
        weight.ifPresent(w -> role(roles, w, "weight"));
        id.ifPresent(i -> role(roles, i, "id"));
        for (String s : sensitive) {
            role(roles, s, "sensitive");
        }
    }

    private static void role(Map<String, String> roles, String column, String role) {
        if (column.isBlank()) {
            throw new IllegalArgumentException("the " + role + " column needs a non-blank name");
        }
        String prior = roles.putIfAbsent(column, role);
        if (prior != null) {
            throw new IllegalArgumentException("column '" + column + "' cannot be both " + prior + " and " + role);
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every mapped column with its role, in a fixed order (label, prediction, score, weight, id, sensitive) */
    public Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(label, "label");
        roles.put(prediction, "prediction");
        score.ifPresent(s -> roles.put(s, "score"));
        weight.ifPresent(w -> roles.put(w, "weight"));
        id.ifPresent(i -> roles.put(i, "id"));
        for (String s : sensitive) {
            roles.put(s, "sensitive");
        }
        return roles;
    }

    /** Builds a {@link CsvColumns}; each setting once. */
    public static final class Builder {
        private String label;
        private BinaryValues labelValues;
        private String prediction;
        private BinaryValues predictionValues;
        private String score;
        private String weight;
        private List<String> sensitive;
        private String id;

        private Builder() {
        }

        /** The true label's column. */
        public Builder label(String column) {
            InputErrors.requireUnset(label, "label");
            label = Objects.requireNonNull(column, "label");
            return this;
        }

        /** How label cells map to 1 and 0 (default {@link BinaryValues#ZERO_ONE}). */
        public Builder labelValues(BinaryValues values) {
            InputErrors.requireUnset(labelValues, "labelValues");
            labelValues = Objects.requireNonNull(values, "labelValues");
            return this;
        }

        /** The prediction's column. */
        public Builder prediction(String column) {
            InputErrors.requireUnset(prediction, "prediction");
            prediction = Objects.requireNonNull(column, "prediction");
            return this;
        }

        /** How prediction cells map to 1 and 0 (default {@link BinaryValues#ZERO_ONE}). */
        public Builder predictionValues(BinaryValues values) {
            InputErrors.requireUnset(predictionValues, "predictionValues");
            predictionValues = Objects.requireNonNull(values, "predictionValues");
            return this;
        }

        /** The score's column (optional; cells in [0, 1]). */
        public Builder score(String column) {
            InputErrors.requireUnset(score, "score");
            score = Objects.requireNonNull(column, "score");
            return this;
        }

        /** The weight's column (optional; cells finite and {@code >= 0}). */
        public Builder weight(String column) {
            InputErrors.requireUnset(weight, "weight");
            weight = Objects.requireNonNull(column, "weight");
            return this;
        }

        /** The sensitive features' columns. */
        public Builder sensitive(String... columns) {
            InputErrors.requireUnset(sensitive, "sensitive");
            sensitive = new ArrayList<>(List.of(columns));
            return this;
        }

        /** The row identifier's column (optional). */
        public Builder id(String column) {
            InputErrors.requireUnset(id, "id");
            id = Objects.requireNonNull(column, "id");
            return this;
        }

        /**
         * @return the mapping
         * @throws IllegalArgumentException if label, prediction or sensitive is missing, or a column has two roles
         */
        public CsvColumns build() {
            if (label == null) {
                throw new IllegalArgumentException("the label column is required; set it with label(column)");
            }
            if (prediction == null) {
                throw new IllegalArgumentException("the prediction column is required; set it with prediction(column)");
            }
            return new CsvColumns(label, labelValues == null ? BinaryValues.ZERO_ONE : labelValues, prediction,
                    predictionValues == null ? BinaryValues.ZERO_ONE : predictionValues, Optional.ofNullable(score),
                    Optional.ofNullable(weight), sensitive == null ? List.of() : sensitive, Optional.ofNullable(id));
        }
    }
}
