package org.fairkit.stats.bootstrap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.fairkit.core.metrics.Interval;

/**
 * The resampled distribution of one quantity: its value in each resample (in resample order, NaN where it was
 * undefined), the point estimate and, when computed, the jackknife acceleration.
 *
 * <p>Undefined resampled values (NaN) are never dropped silently: {@link #undefinedDraws()} counts them, every
 * {@link Interval} carries the count, and {@link #interval} refuses (with a reason) when their share exceeds the
 * caller's limit. Infinite values are <em>ordered</em>, not dropped: a ratio {@code x / 0} with {@code x > 0} is
 * {@code +∞}, the largest value, so a resample whose reference group drew no event pushes the upper end up, as
 * it must ({@code 0 / 0} stays undefined).
 */
public final class BootstrapDistribution {
    private final double point;
    private final double[] draws;
    private final double[] sorted;
    private final OptionalDouble acceleration;
    private final String accelerationNote;

    /**
     * @param point the point estimate (NaN when undefined)
     * @param draws the resampled values, NaN where undefined (copied)
     * @param acceleration the jackknife acceleration, if computed
     * @param accelerationNote why the acceleration is missing, or {@code null}
     */
    public BootstrapDistribution(double point, double[] draws, OptionalDouble acceleration, String accelerationNote) {
        this.point = point;
        this.draws = draws.clone();
        this.sorted = Arrays.stream(draws).filter(x -> !Double.isNaN(x)).sorted().toArray();
        this.acceleration = Objects.requireNonNull(acceleration, "acceleration");
        this.accelerationNote = accelerationNote;
    }

    /** @return the point estimate, NaN when undefined */
    public double point() {
        return point;
    }

    /** @return the resampled values in resample order, NaN where undefined (a copy) */
    public double[] draws() {
        return draws.clone();
    }

    /** @return the defined (not NaN) resampled values, ascending, infinite ones included (a copy) */
    public double[] definedSorted() {
        return sorted.clone();
    }

    /** @return the number of resamples */
    public int resamples() {
        return draws.length;
    }

    /** @return resamples in which the value was undefined (NaN) */
    public int undefinedDraws() {
        return draws.length - sorted.length;
    }

    /** @return the jackknife acceleration â, when computed */
    public OptionalDouble acceleration() {
        return acceleration;
    }

    /** @return the mean of the finite resampled values, NaN if none */
    public double mean() {
        double[] f = finite();
        return f.length == 0 ? Double.NaN : Arrays.stream(f).sum() / f.length;
    }

    private double[] finite() {
        return Arrays.stream(sorted).filter(Double::isFinite).toArray();
    }

    /** @return the number of distinct defined resampled values (a discrete or degenerate distribution has few) */
    public long distinctValues() {
        long n = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (Double.compare(sorted[i], sorted[i - 1]) != 0) {
                n++;
            }
        }
        return n;
    }

    /** @return the sample standard deviation (ddof = 1) of the finite values: the bootstrap standard error */
    public double standardError() {
        double[] f = finite();
        if (f.length < 2) {
            return Double.NaN;
        }
        double m = mean();
        double s = 0;
        for (double x : f) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (f.length - 1));
    }

    /** @return the linear-interpolation quantile of the defined values */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        return BootstrapMethod.quantile(sorted, q);
    }

    /**
     * The interval, or the reason there is none.
     *
     * @param method percentile, basic or BCa (BCa without acceleration uses â = 0 and says so)
     * @param level nominal coverage in (0, 1)
     * @param maxUndefinedShare the largest share of undefined resamples tolerated, in [0, 1]
     * @param methodPrefix text describing the resampling, e.g. {@code "bootstrap, 2000 resamples, seed 42"}
     * @return the interval, or empty with {@link #omissionReason}
     */
    public Optional<Interval> interval(BootstrapMethod method, double level, double maxUndefinedShare,
            String methodPrefix) {
        return omissionReason(maxUndefinedShare).isPresent() ? Optional.empty()
                : Optional.of(build(method, level, methodPrefix));
    }

    /**
     * @param maxUndefinedShare the largest share of undefined resamples tolerated
     * @return why no interval is given, or empty when one is
     */
    public Optional<String> omissionReason(double maxUndefinedShare) {
        if (!Double.isFinite(point)) {
            return Optional.of("the point estimate is undefined");
        }
        if (sorted.length == 0) {
            return Optional.of("the value is undefined in all " + draws.length + " resamples");
        }
        double share = (double) undefinedDraws() / draws.length;
        if (share > maxUndefinedShare) {
            return Optional.of(String.format(Locale.ROOT,
                    "undefined in %d of %d resamples (%.1f%%), more than the %.1f%% allowed", undefinedDraws(),
                    draws.length, 100 * share, 100 * maxUndefinedShare));
        }
        return Optional.empty();
    }

    private Interval build(BootstrapMethod method, double level, String prefix) {
        double a = acceleration.orElse(0.0);
        double[] ends = method.ends(sorted, point, a, level);
        String what = prefix + ", " + method.label();
        if (method == BootstrapMethod.BCA && acceleration.isEmpty()) {
            what += " (acceleration 0: " + (accelerationNote == null ? "not computed" : accelerationNote) + ")";
        }
        return new Interval(ends[0], Math.max(ends[0], ends[1]), level, what, draws.length, undefinedDraws());
    }
}
