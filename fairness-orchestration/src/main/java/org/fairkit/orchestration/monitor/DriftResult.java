package org.fairkit.orchestration.monitor;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.tests.ContingencyResult;

/**
 * Score drift of one group (or of all rows) between the baseline and a window, from their score histograms:
 * the population stability index and Pearson's chi-squared test of homogeneity of the two binned distributions,
 * both from {@link org.fairkit.stats.drift.DistributionDrift}.
 *
 * @param group the group, or empty for all rows
 * @param baselineRows rows of the group in the baseline
 * @param windowRows rows of the group in the window
 * @param psi the population stability index (undefined when either side has no rows)
 * @param chiSquared the homogeneity test, when both sides have rows
 */
public record DriftResult(Optional<GroupKey> group, long baselineRows, long windowRows, MetricValue psi,
        Optional<ContingencyResult> chiSquared) {
    /** Validates that every part is present. */
    public DriftResult {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(psi, "psi");
        Objects.requireNonNull(chiSquared, "chiSquared");
    }

    /** @return the group's description, or {@code all rows} */
    public String where() {
        return group.map(GroupKey::describe).orElse("all rows");
    }
}
