package org.fairkit.orchestration.policy;

import org.fairkit.core.FairnessReport;

/**
 * Anything that judges a fairness report: a {@link Policy}, or a monitor's own check. The seam a monitor or an
 * audit runner depends on.
 */
@FunctionalInterface
public interface PolicyCheck {
    /**
     * Judges one report.
     *
     * @param report the report to judge
     * @return a verdict for every rule
     */
    PolicyResult evaluate(FairnessReport report);
}
