package org.fairkit.stats;

import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.fairkit.core.Estimand;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.Interval;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.bootstrap.BootstrapMethod;
import org.fairkit.stats.bootstrap.BootstrapResult;
import org.fairkit.stats.bootstrap.BootstrapSettings;
import org.fairkit.stats.bootstrap.ConfusionBootstrap;

/**
 * Bootstrap confidence intervals for every quantity of a fairness report, from joint resamples.
 *
 * <pre>{@code
 * FairnessReport r = Fairness.of(data).groupBy("race")
 *     .intervals(Bootstrap.bca(2000).seed(42))
 *     .evaluate();
 * r.interval(Estimand.aggregate(Estimand.Kind.RATIO, Metrics.SELECTION_RATE));
 * }</pre>
 *
 * <p>Each resample re-derives the whole report ({@code GroupResults.derive}) from a resampled tally, so group
 * values, overall values, differences, ratios, comparisons with the reference group and named fairness metrics
 * all get intervals from the same resamples. Methods: percentile and basic (Efron &amp; Tibshirani 1993,
 * ch. 13; Davison &amp; Hinkley 1997) and BCa (Efron 1987, JASA 82:171–185), see {@link BootstrapMethod}.
 *
 * <p><b>Resampling.</b> Unweighted data: multinomial draws of the per-group confusion cells (the exact
 * distribution of the cell counts of resampled rows), at a cost independent of the number of rows.
 * <b>Weighted data always resamples rows</b>: a resampled weight sum depends on which rows are drawn, so it is
 * not a function of the cell counts, and the honest bootstrap must draw the rows (O(rows) per resample).
 * {@link #resampleRows()} forces the row path for unweighted data too (same distribution). Resampling is
 * stratified by group by default (each group keeps its size; see {@link ConfusionBootstrap}).
 *
 * <p><b>Undefined resamples</b> are counted in {@link Interval#undefinedDraws()}; when more than
 * {@link #maxUndefinedShare(double) 10%} (default) of the resamples leave a quantity undefined, its interval is
 * omitted and {@link #distribution(IntervalRequest)} says why.
 *
 * <p><b>Reproducible.</b> The seed defaults to 0. Resample {@code b} uses a generator derived from
 * {@code (seed, b)} only, so the same seed gives the same bits for any number of threads.
 *
 * <p>Instances are immutable; each setting may be chosen once (a second call throws).
 */
public final class Bootstrap implements IntervalEstimator {
    /** The default share of undefined resamples above which an interval is omitted. */
    public static final double DEFAULT_MAX_UNDEFINED_SHARE = 0.10;

    private final BootstrapMethod method;
    private final int resamples;
    private final Double level;
    private final Long seed;
    private final Boolean stratified;
    private final boolean rows;
    private final Double maxUndefined;

    private Bootstrap(BootstrapMethod method, int resamples, Double level, Long seed, Boolean stratified, boolean rows,
            Double maxUndefined) {
        this.method = method;
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
        this.stratified = stratified;
        this.rows = rows;
        this.maxUndefined = maxUndefined;
    }

    private static Bootstrap of(BootstrapMethod method, int resamples) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
        }
        return new Bootstrap(method, resamples, null, null, null, false, null);
    }

    /** BCa intervals (bias-corrected and accelerated, Efron 1987) from {@code resamples} resamples. */
    public static Bootstrap bca(int resamples) {
        return of(BootstrapMethod.BCA, resamples);
    }

    /** Percentile intervals from {@code resamples} resamples. */
    public static Bootstrap percentile(int resamples) {
        return of(BootstrapMethod.PERCENTILE, resamples);
    }

    /** Basic (reverse-percentile) intervals from {@code resamples} resamples. */
    public static Bootstrap basic(int resamples) {
        return of(BootstrapMethod.BASIC, resamples);
    }

    /** The nominal coverage (default 0.95), in (0, 1). */
    public Bootstrap level(double l) {
        InputErrors.requireUnset(level, "level");
        if (!(l > 0 && l < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + l);
        }
        return new Bootstrap(method, resamples, l, seed, stratified, rows, maxUndefined);
    }

    /** The seed (default 0). */
    public Bootstrap seed(long s) {
        InputErrors.requireUnset(seed, "seed");
        return new Bootstrap(method, resamples, level, s, stratified, rows, maxUndefined);
    }

    /** Whether to resample within groups, keeping group sizes fixed (default true). */
    public Bootstrap stratified(boolean s) {
        InputErrors.requireUnset(stratified, "stratified");
        return new Bootstrap(method, resamples, level, seed, s, rows, maxUndefined);
    }

    /** Resample rows even where cell counts would give the same distribution (weighted data always does). */
    public Bootstrap resampleRows() {
        if (rows) {
            throw InputErrors.settingTwice("resampleRows");
        }
        return new Bootstrap(method, resamples, level, seed, stratified, true, maxUndefined);
    }

    /** The largest share of undefined resamples before an interval is omitted (default 0.10), in [0, 1]. */
    public Bootstrap maxUndefinedShare(double share) {
        InputErrors.requireUnset(maxUndefined, "maxUndefinedShare");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("maxUndefinedShare must be in [0, 1], got " + share);
        }
        return new Bootstrap(method, resamples, level, seed, stratified, rows, share);
    }

    /** @return the complete settings, defaults filled in */
    public BootstrapSettings settings() {
        return new BootstrapSettings(method, resamples, level == null ? 0.95 : level, seed == null ? 0L : seed,
                stratified == null || stratified, rows, maxUndefined == null ? DEFAULT_MAX_UNDEFINED_SHARE : maxUndefined);
    }

    @Override
    public String description() {
        BootstrapSettings s = settings();
        return "bootstrap " + method.label() + ", " + s.resamples() + " resamples, level " + s.level() + ", seed "
                + s.seed() + ", " + (s.stratified() ? "stratified by group" : "unstratified")
                + (s.forceRows() ? ", rows resampled" : ", cell counts resampled (rows when weighted)")
                + ", max undefined share " + s.maxUndefinedShare();
    }

    @Override
    public Map<Estimand, Interval> estimate(IntervalRequest request) {
        return distribution(request).intervals();
    }

    /** Rows are resampled when {@link #resampleRows()} asks for it, and always for weighted data. */
    @Override
    public boolean needsRows(boolean weighted) {
        return rows || weighted;
    }

    /**
     * The joint resampled distributions of every reported quantity, their intervals and the reasons for any
     * omitted interval.
     */
    public BootstrapResult distribution(IntervalRequest request) {
        return ConfusionBootstrap.run(settings(), Objects.requireNonNull(request, "request"));
    }

    /**
     * Bootstraps a statistic of one sample of numbers (for example a mean), resampling the observations with
     * replacement; {@code BootstrapDistribution.interval(...)} then gives this configuration's interval.
     *
     * @param sample the observations
     * @param statistic the statistic of a (resampled) sample; NaN marks undefined
     */
    public BootstrapDistribution sample(double[] sample, ToDoubleFunction<double[]> statistic) {
        return ConfusionBootstrap.sample(settings(), sample, statistic, 1);
    }
}
