package org.fairkit.core.checks;

import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * How strongly one feature is associated with the sensitive attribute (the grouping), measured on the rows where
 * the feature is present.
 *
 * @param feature the feature
 * @param kind numeric or categorical
 * @param measure the metric of {@code association}: Cramér's V (bias-corrected or not) for a categorical feature, the
 *     correlation ratio η for a numeric one
 * @param association the value the proxy check compares with its thresholds, in [0, 1]
 * @param mutualInformationNats mutual information with the groups in nats (bits: divide by ln 2); undefined for a
 *     numeric feature (it would need a binning)
 * @param rows the rows where the feature is present
 */
public record ProxyScore(String feature, FeatureTable.Kind kind, DataQualityMetrics measure, MetricValue association,
        MetricValue mutualInformationNats, int rows) {
    /** Validates that every part is present. */
    public ProxyScore {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(association, "association");
        Objects.requireNonNull(mutualInformationNats, "mutualInformationNats");
    }
}
