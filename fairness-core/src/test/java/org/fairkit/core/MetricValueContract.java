package org.fairkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.testkit.contract.GroupMetricContract;

/**
 * The testkit's {@link GroupMetricContract} bound to core's {@link MetricValue}: the base of the metric contract
 * tests of {@code Metrics}, {@code ScoreMetrics} and {@code RegressionMetrics}. It lives in core's test sources
 * because the testkit must not depend on core (core's own tests use the testkit).
 */
public abstract class MetricValueContract extends GroupMetricContract<MetricValue> {
    @Override
    protected boolean isDefined(MetricValue v) {
        return v.isDefined();
    }

    @Override
    protected double valueOf(MetricValue v) {
        return v.value();
    }

    @Override
    protected Optional<String> reasonOf(MetricValue v) {
        return v.reason();
    }

    /** @return every level of the case's features, then its declared levels, each once, in first-seen order */
    protected static List<String> levels(Case c) {
        List<String> levels = new ArrayList<>();
        c.features().forEach(f -> Arrays.stream(f).distinct().filter(l -> !levels.contains(l)).forEach(levels::add));
        if (c.declaredLevels() != null) {
            c.declaredLevels().forEach(l -> l.stream().filter(x -> !levels.contains(x)).forEach(levels::add));
        }
        return levels;
    }
}
