package org.fairkit.orchestration.load;

/**
 * The verdict of a {@link LoadEstimate}; the rules that give each are in {@link LoadModel}'s class documentation.
 */
public enum Feasibility {
    /** Fits the timeline with its margin, and the output load is within the recommended 1.2 × I. */
    FEASIBLE,
    /** Fits, but with less than the safety margin or with more output load than recommended. */
    FEASIBLE_WITH_WARNINGS,
    /** The estimated time does not fit the timeline. */
    NOT_FEASIBLE
}
