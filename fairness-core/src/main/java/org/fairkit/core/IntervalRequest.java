package org.fairkit.core;

import java.util.Objects;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.tally.GroupConfusion;

/**
 * What an {@link IntervalEstimator} gets: the input, the specification, the grouping and per-group counts, and
 * the point estimates. Re-derive a resample with {@code GroupResults.derive(spec, grouping, resampledTally)}.
 *
 * <p>A request from counts computed elsewhere ({@link Fairness#fromCounts}: a database, Spark executors) has no
 * rows: {@code data} is {@code null} and {@link #hasRows()} is false. An estimator that needs the rows (a row
 * bootstrap of weighted data) must then refuse with a message saying so; the count-path estimators need only
 * {@code tally}.
 *
 * @param data the input rows, or {@code null} for a request from counts alone
 * @param spec what was computed
 * @param grouping the grouping of the rows
 * @param tally per-group confusion counts of the input
 * @param estimates the point estimates
 * @param threads how many threads the evaluation may use
 */
public record IntervalRequest(FairnessData data, EvaluationSpec spec, Grouping grouping, GroupConfusion tally,
        GroupResults estimates, int threads) {
    /** Validates that every part but {@code data} is present. */
    public IntervalRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(estimates, "estimates");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** @return whether the request carries the input rows ({@code data} is not null) */
    public boolean hasRows() {
        return data != null;
    }
}
