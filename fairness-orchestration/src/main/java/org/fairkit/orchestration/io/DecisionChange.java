package org.fairkit.orchestration.io;

/**
 * A source of alternative decisions for the Flagged Cases file: a row is flagged when its decision here differs from
 * the model's. The intended source is a fitted group-fair post-processor (for example fairness-mitigation's
 * {@code ThresholdOptimizer}, which picks group-specific thresholds on the score):
 *
 * <pre>{@code
 * DecisionChange fair = FairDecisions.of(fitted);   // org.fairkit.orchestration.FairDecisions
 * }</pre>
 */
public interface DecisionChange {
    /** @return what makes the alternative decision, shown in every flag's explanation */
    String description();

    /**
     * @param row the row
     * @return the alternative decision for the row, 0 or 1
     */
    int decide(CaseRow row);

    /** A decision change from a description and a function. */
    static DecisionChange of(String description, java.util.function.ToIntFunction<CaseRow> decide) {
        java.util.Objects.requireNonNull(description, "description");
        java.util.Objects.requireNonNull(decide, "decide");
        return new DecisionChange() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public int decide(CaseRow row) {
                return decide.applyAsInt(row);
            }

            @Override
            public String toString() {
                return "DecisionChange[" + description + "]";
            }
        };
    }
}
