package org.fairkit.orchestration.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates how long a plan will take before it runs, so a run record can set the estimate beside the measured
 * duration (the audit load model is one such estimator).
 */
@FunctionalInterface
public interface DurationEstimator {
    /** An estimator that never estimates. */
    DurationEstimator NONE = plan -> Optional.empty();

    /**
     * @param plan the plan about to run
     * @return the estimated duration, or empty when the estimator cannot estimate this plan
     */
    Optional<Duration> estimate(AuditPlan plan);
}
