package org.fairkit.orchestration.monitor;

import java.util.List;
import java.util.Objects;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;

/**
 * What every window derives from its {@link WindowTally}: the settings shared by every front door (grouping,
 * reference group, minimum group size, zero division; for binary and multiclass windows also the confusion metrics
 * and named fairness metrics) and, for regression windows, the regression metrics beside them (as
 * {@code RegressionFairness} keeps them beside its settings).
 *
 * @param settings the evaluation settings
 * @param regressionMetrics the regression group metrics (regression windows), at least one
 * @param regressionFairnessMetrics the named regression fairness metrics (regression windows)
 */
public record WindowSpec(EvaluationSpec settings, List<RegressionMetric> regressionMetrics,
        List<RegressionFairnessMetric> regressionFairnessMetrics) {

    /** Validates and copies. */
    public WindowSpec {
        Objects.requireNonNull(settings, "settings");
        regressionMetrics = List.copyOf(regressionMetrics);
        regressionFairnessMetrics = List.copyOf(regressionFairnessMetrics);
        if (regressionMetrics.isEmpty()) {
            throw new IllegalArgumentException("regressionMetrics: need at least one metric");
        }
    }

    /**
     * @return these settings with the default regression metrics ({@link RegressionMetrics#defaults()}) and every
     *     named regression fairness metric
     */
    public static WindowSpec of(EvaluationSpec settings) {
        return new WindowSpec(settings, RegressionMetrics.defaults(), List.of(RegressionFairnessMetric.values()));
    }

    /** @return this spec with other settings (the same regression metrics) */
    public WindowSpec withSettings(EvaluationSpec s) {
        return new WindowSpec(s, regressionMetrics, regressionFairnessMetrics);
    }
}
