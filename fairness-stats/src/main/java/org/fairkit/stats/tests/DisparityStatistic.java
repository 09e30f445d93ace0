package org.fairkit.stats.tests;

import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.tally.GroupConfusion;

/**
 * A disparity computed from the confusion counts of every group, larger meaning more disparate (e.g.
 * {@link PermutationTest#maxMinDifference}). It must be a pure function: the permutation test calls it from
 * several threads.
 */
@FunctionalInterface
public interface DisparityStatistic {

    /** @return the disparity, or undefined with a reason */
    MetricValue compute(GroupConfusion groups);
}
