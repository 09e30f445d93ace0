package org.fairkit.core;

import java.util.Map;
import org.fairkit.core.metrics.Interval;

/**
 * The typed hook through which {@code Fairness...intervals(...)} attaches uncertainty to a report.
 *
 * <p>Implementations live in {@code fairness-stats} (bootstrap on the cell counts or on the rows, Bayesian
 * posteriors). An estimator receives the data, the spec, the grouping, the tally and the point estimates, and
 * returns an interval for any of the {@link GroupResults#values() estimands} it can estimate. It must be
 * deterministic for a given seed, whatever the number of threads.
 */
public interface IntervalEstimator {
    /** @return what it does, with every setting that affects the result (method, resamples, level, seed) */
    String description();

    /**
     * Estimates intervals.
     *
     * @param request everything the point estimate was computed from
     * @return intervals by estimand; estimands it cannot estimate are simply absent
     */
    Map<Estimand, Interval> estimate(IntervalRequest request);

    /**
     * Whether this estimator needs the rows, not only every group's confusion counts, for data of this kind. A
     * source whose counts were computed elsewhere (a database's {@code GROUP BY}, Spark executors) derives the
     * report and its intervals from the counts ({@link Fairness#fromCounts}) unless this says the rows are needed,
     * and then loads them. Default: the counts suffice.
     *
     * @param weighted whether the data has weights
     * @return whether {@link #estimate} needs {@link IntervalRequest#hasRows() rows}
     */
    default boolean needsRows(boolean weighted) {
        return false;
    }
}
