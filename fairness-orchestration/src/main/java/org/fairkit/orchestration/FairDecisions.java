package org.fairkit.orchestration;

import java.util.List;
import java.util.Objects;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.orchestration.io.DecisionChange;

/**
 * A fitted group-fair post-processor as the {@link DecisionChange} of the Flagged Cases output: a row is flagged with
 * reason {@code decision_change} when the {@link ThresholdOptimizer} would decide it differently from the model.
 *
 * <p>Each row is decided by {@link ThresholdOptimizer.Fitted#predict(long, double,
 * org.fairkit.core.group.GroupKey)} with its 0-based index ({@code CaseRow.row() - 1}), its score and its group over
 * the features the optimizer was fitted on, so the flags are exactly the rows where
 * {@code fitted.predict(data)} differs from the model's predictions, reproducibly for the optimizer's seed.
 */
public final class FairDecisions {
    private FairDecisions() {
    }

    /**
     * @return the optimizer's decisions as a decision change
     * @throws IllegalArgumentException when a row is decided without a score (the source has no score column)
     */
    public static DecisionChange of(ThresholdOptimizer.Fitted fitted) {
        Objects.requireNonNull(fitted, "fitted");
        List<String> features = fitted.groups().features();
        String description = "threshold optimizer (" + fitted.constraint().label() + ", maximizing "
                + fitted.objective().label() + ", seed " + fitted.seed() + ")";
        return DecisionChange.of(description, row -> {
            if (Double.isNaN(row.score())) {
                throw new IllegalArgumentException("row " + row.row() + " has no score; the threshold optimizer "
                        + "decides on the score, so the source needs a score column");
            }
            return fitted.predict(row.row() - 1, row.score(), row.group(features));
        });
    }
}
