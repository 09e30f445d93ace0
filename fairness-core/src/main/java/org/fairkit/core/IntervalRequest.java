package org.fairkit.core;

import java.util.Objects;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.tally.GroupConfusion;

/**
 * What an {@link IntervalEstimator} gets: the input, the specification, the grouping and per-group counts, and
 * the point estimates. Re-derive a resample with {@code GroupResults.derive(spec, grouping, resampledTally)}.
 *
 * @param data the input rows
 * @param spec what was computed
 * @param grouping the grouping of the rows
 * @param tally per-group confusion counts of the input
 * @param estimates the point estimates
 * @param threads how many threads the evaluation may use
 */
public record IntervalRequest(FairnessData data, EvaluationSpec spec, Grouping grouping, GroupConfusion tally,
        GroupResults estimates, int threads) {
    /** Validates that every part is present. */
    public IntervalRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(estimates, "estimates");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
