package org.fairkit.stats.bootstrap;

import java.util.Locale;

/**
 * The complete configuration of a bootstrap, as built by {@code org.fairkit.stats.Bootstrap}.
 *
 * @param method how the distribution becomes an interval
 * @param resamples the number of resamples B
 * @param level nominal coverage in (0, 1)
 * @param seed the seed; resample {@code b} draws from a generator seeded by {@code (seed, b)} only
 * @param stratified whether each group keeps its size (resample within groups) or all rows are resampled
 *     together
 * @param forceRows whether to resample rows even when cell counts would do
 * @param maxUndefinedShare the largest share of resamples in which a quantity may be undefined before its
 *     interval is omitted
 */
public record BootstrapSettings(BootstrapMethod method, int resamples, double level, long seed, boolean stratified,
        boolean forceRows, double maxUndefinedShare) {

    /** Validates. */
    public BootstrapSettings {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(maxUndefinedShare >= 0 && maxUndefinedShare <= 1)) {
            throw new IllegalArgumentException("maxUndefinedShare must be in [0, 1], got " + maxUndefinedShare);
        }
    }

    /** @return e.g. {@code "bootstrap, 2000 resamples, seed 42, stratified by group"} */
    public String prefix(boolean rowPath) {
        return String.format(Locale.ROOT, "bootstrap, %d resamples, seed %d, %s, %s", resamples, seed,
                stratified ? "stratified by group" : "unstratified", rowPath ? "row resampling" : "cell-count multinomial");
    }
}
