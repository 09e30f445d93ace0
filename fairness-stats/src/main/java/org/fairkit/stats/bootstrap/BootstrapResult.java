package org.fairkit.stats.bootstrap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.metrics.Interval;

/**
 * The joint bootstrap of every reported quantity: the resampled distribution of each {@link Estimand}, the
 * intervals, and for each quantity without interval the reason.
 *
 * <p>All distributions come from the same resamples: resample {@code b} of one estimand and resample {@code b} of
 * another were derived from the same resampled tally, so functions of several quantities can be formed
 * draw by draw.
 */
public final class BootstrapResult {
    private final String description;
    private final boolean rowPath;
    private final Map<Estimand, BootstrapDistribution> distributions;
    private final Map<Estimand, Interval> intervals;
    private final Map<Estimand, String> omitted;

    BootstrapResult(String description, boolean rowPath, Map<Estimand, BootstrapDistribution> distributions,
            Map<Estimand, Interval> intervals, Map<Estimand, String> omitted) {
        this.description = description;
        this.rowPath = rowPath;
        this.distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.omitted = Collections.unmodifiableMap(new LinkedHashMap<>(omitted));
    }

    /** @return the settings in words */
    public String description() {
        return description;
    }

    /** @return whether rows (rather than cell counts) were resampled */
    public boolean resampledRows() {
        return rowPath;
    }

    /** @return the resampled distribution of every estimand, in report order */
    public Map<Estimand, BootstrapDistribution> distributions() {
        return distributions;
    }

    /** @return the distribution of one estimand, if it was reported */
    public Optional<BootstrapDistribution> distribution(Estimand e) {
        return Optional.ofNullable(distributions.get(e));
    }

    /** @return the intervals that could be given */
    public Map<Estimand, Interval> intervals() {
        return intervals;
    }

    /** @return for each estimand without interval, why (undefined point estimate, too many undefined resamples) */
    public Map<Estimand, String> omitted() {
        return omitted;
    }
}
