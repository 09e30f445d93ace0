package org.fairkit.stats.drift;

import java.util.Optional;
import org.fairkit.core.internal.InputErrors;

/**
 * Page's two-sided tabular CUSUM (Page 1954, "Continuous inspection schemes", Biometrika 41; Montgomery,
 * "Introduction to Statistical Quality Control", ch. 9) to detect a shift in the mean of a metric series, e.g. a
 * group's daily selection rate or a disparity measured per batch.
 *
 * <p>With the in-control mean μ0, the standard deviation σ of one observation, the standardized values
 * {@code z_t = (x_t - μ0) / σ}, the allowance {@code k} and the decision interval {@code h} (both in σ units):
 * {@code S⁺_t = max(0, S⁺_{t-1} + z_t - k)}, {@code S⁻_t = max(0, S⁻_{t-1} - z_t - k)}, {@code S⁺_{-1} = S⁻_{-1} = 0}.
 * The first t with {@code S⁺_t > h} (an increase) or {@code S⁻_t > h} (a decrease) raises the alarm; the change
 * is estimated to start just after the last time before the alarm at which that side's sum was 0 (Montgomery
 * 9.1.3). {@code k = 0.5, h = 5} ({@link #standard}) detects a 1σ shift with an in-control average run length of
 * about 465.
 *
 * <p>No library reference exists; it is tested on constructed series with known change points. Immutable.
 */
public final class Cusum {
    private final double target;
    private final double sigma;
    private final double k;
    private final double h;

    private Cusum(double target, double sigma, double k, double h) {
        this.target = target;
        this.sigma = sigma;
        this.k = k;
        this.h = h;
    }

    /**
     * A CUSUM chart.
     *
     * @param target the in-control mean μ0, finite
     * @param sigma the in-control standard deviation σ, finite and > 0
     * @param k the allowance in σ units, finite and >= 0 (half the shift to detect, typically 0.5)
     * @param h the decision interval in σ units, finite and > 0 (typically 4 or 5)
     * @throws IllegalArgumentException for a parameter outside its domain
     */
    public static Cusum of(double target, double sigma, double k, double h) {
        if (!Double.isFinite(target)) {
            throw InputErrors.badSetting("target", target, "finite");
        }
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw InputErrors.badSetting("sigma", sigma, "finite and > 0");
        }
        if (!(k >= 0 && Double.isFinite(k))) {
            throw InputErrors.badSetting("k", k, "finite and >= 0");
        }
        if (!(h > 0 && Double.isFinite(h))) {
            throw InputErrors.badSetting("h", h, "finite and > 0");
        }
        return new Cusum(target, sigma, k, h);
    }

    /** The usual chart {@code k = 0.5, h = 5}. */
    public static Cusum standard(double target, double sigma) {
        return of(target, sigma, 0.5, 5);
    }

    /**
     * A chart whose μ0 and σ are the mean and the sample standard deviation (n - 1) of an in-control baseline.
     *
     * @throws IllegalArgumentException for fewer than 2 values, a non-finite value or a constant baseline
     */
    public static Cusum fromBaseline(double[] baseline, double k, double h) {
        DistributionDrift.finite("baseline", baseline);
        if (baseline.length < 2) {
            throw InputErrors.badSetting("baseline.length", baseline.length, ">= 2");
        }
        double mean = 0;
        for (double v : baseline) {
            mean += v;
        }
        mean /= baseline.length;
        double ss = 0;
        for (double v : baseline) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (baseline.length - 1));
        if (!(sd > 0)) {
            throw InputErrors.badSetting("baseline", "a constant series", "a series with positive variance");
        }
        return of(mean, sd, k, h);
    }

    /** The direction of a detected shift. */
    public enum Direction {
        /** The mean went up ({@code S⁺} crossed h). */
        INCREASE,
        /** The mean went down ({@code S⁻} crossed h). */
        DECREASE
    }

    /**
     * An alarm.
     *
     * @param alarmIndex the 0-based index of the observation that raised the alarm
     * @param changeIndex the 0-based index of the estimated first observation after the change
     * @param direction whether the mean went up or down
     * @param cusum the value of the crossing sum at the alarm (in σ units)
     */
    public record Alarm(int alarmIndex, int changeIndex, Direction direction, double cusum) {
    }

    /**
     * Runs the chart over the series and returns its first alarm.
     *
     * @return the first alarm, empty when the series stays in control
     * @throws IllegalArgumentException for an empty series or a non-finite value (naming its index)
     */
    public Optional<Alarm> detect(double[] series) {
        DistributionDrift.finite("series", series);
        double up = 0;
        double down = 0;
        int lastUpZero = -1;
        int lastDownZero = -1;
        for (int t = 0; t < series.length; t++) {
            double z = (series[t] - target) / sigma;
            up = Math.max(0, up + z - k);
            down = Math.max(0, down - z - k);
            if (up == 0) {
                lastUpZero = t;
            }
            if (down == 0) {
                lastDownZero = t;
            }
            if (up > h) {
                return Optional.of(new Alarm(t, lastUpZero + 1, Direction.INCREASE, up));
            }
            if (down > h) {
                return Optional.of(new Alarm(t, lastDownZero + 1, Direction.DECREASE, down));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CUSUM(target=" + target + ", sigma=" + sigma + ", k=" + k + ", h=" + h + ")";
    }
}
