package org.fairkit.stats.intervals;

import java.util.Locale;
import org.fairkit.stats.bootstrap.BootstrapMethod;

/**
 * The settings of a stratified row bootstrap (used by {@code ScoreIntervals.bootstrap} and
 * {@code RegressionIntervals.bootstrap}): how the resampled distribution becomes an interval, the number of
 * resamples B, the level, the seed and the largest share of resamples in which a value may be undefined. Immutable;
 * each {@code with}-style setter returns a copy.
 *
 * <pre>{@code
 * RowBootstrap.percentile(2000).seed(42)      // percentile interval, 95%
 * RowBootstrap.bca(2000).seed(42).level(0.9)  // BCa (Efron 1987) with the stratified jackknife acceleration
 * }</pre>
 *
 * @param method percentile, basic or BCa ({@link BootstrapMethod})
 * @param resamples B, {@code >= 2}
 * @param level nominal coverage in (0, 1), default 0.95
 * @param seed resample {@code b} draws from a generator seeded by {@code (seed, b)} only (default 0)
 * @param maxUndefinedShare the largest share of resamples in which a value may be undefined before its interval is
 *     omitted with the reason, in [0, 1] (default 0.10, as {@code Bootstrap})
 */
public record RowBootstrap(BootstrapMethod method, int resamples, double level, long seed, double maxUndefinedShare) {

    /** Validates, naming the parameter and the bad value. */
    public RowBootstrap {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null; expected PERCENTILE, BASIC or BCA");
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

    /** @return percentile intervals from {@code resamples} resamples, 95%, seed 0 */
    public static RowBootstrap percentile(int resamples) {
        return new RowBootstrap(BootstrapMethod.PERCENTILE, resamples, 0.95, 0, 0.10);
    }

    /** @return BCa intervals from {@code resamples} resamples, 95%, seed 0 */
    public static RowBootstrap bca(int resamples) {
        return new RowBootstrap(BootstrapMethod.BCA, resamples, 0.95, 0, 0.10);
    }

    /** @return basic (reverse percentile) intervals from {@code resamples} resamples, 95%, seed 0 */
    public static RowBootstrap basic(int resamples) {
        return new RowBootstrap(BootstrapMethod.BASIC, resamples, 0.95, 0, 0.10);
    }

    /** @return a copy with this seed */
    public RowBootstrap seed(long s) {
        return new RowBootstrap(method, resamples, level, s, maxUndefinedShare);
    }

    /** @return a copy with this level */
    public RowBootstrap level(double l) {
        return new RowBootstrap(method, resamples, l, seed, maxUndefinedShare);
    }

    /** @return a copy with this largest share of undefined resamples */
    public RowBootstrap maxUndefinedShare(double share) {
        return new RowBootstrap(method, resamples, level, seed, share);
    }

    /**
     * @param strata what the resampling keeps fixed, e.g. {@code "group and label"}
     * @return e.g. {@code "stratified row bootstrap (group and label), 2000 resamples, seed 42"}
     */
    public String describe(String strata) {
        return String.format(Locale.ROOT, "stratified row bootstrap (%s), %d resamples, seed %d", strata, resamples,
                seed);
    }
}
