package org.fairkit.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;

/**
 * The acceptable band of a named fairness metric, as a policy sets it.
 *
 * <ul>
 *   <li>Differences (parity 0): acceptable when {@code |value| <= limit}.</li>
 *   <li>Ratios (parity 1): acceptable when {@code limit <= value <= 1 / limit}, e.g. [0.8, 1.25] for 0.8.</li>
 * </ul>
 *
 * <p>{@link #defaults(Collection)} uses 0.8 for ratios (the four-fifths rule of the EEOC Uniform Guidelines,
 * 29 CFR 1607.4(D)) and 0.1 for differences, a common convention (e.g. Holistic AI's metric documentation calls
 * |statistical parity| &lt; 0.1 acceptable) with no legal standing: set the limits your policy defines.
 *
 * @param metric the fairness metric
 * @param limit the limit: in (0, 1) for ratios, positive for differences
 */
public record DisparityThreshold(FairnessMetric metric, double limit) {
    /** The default limit of ratios: four-fifths. */
    public static final double RATIO_LIMIT = 0.8;
    /** The default limit of differences. */
    public static final double DIFFERENCE_LIMIT = 0.1;

    /** Validates the limit against the metric's kind. */
    public DisparityThreshold {
        Objects.requireNonNull(metric, "metric");
        if (isRatio(metric)) {
            if (!(limit > 0 && limit < 1)) {
                throw new IllegalArgumentException("the limit of the ratio " + metric.id() + " must be in (0, 1), got "
                        + limit);
            }
        } else if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("the limit of the difference " + metric.id()
                    + " must be positive and finite, got " + limit);
        }
    }

    /** @return the default threshold of a metric: 0.8 for ratios, 0.1 for differences */
    public static DisparityThreshold defaultFor(FairnessMetric metric) {
        return new DisparityThreshold(metric, isRatio(metric) ? RATIO_LIMIT : DIFFERENCE_LIMIT);
    }

    /** @return the default threshold of each metric, in order */
    public static List<DisparityThreshold> defaults(Collection<FairnessMetric> metrics) {
        List<DisparityThreshold> out = new ArrayList<>();
        for (FairnessMetric m : metrics) {
            out.add(defaultFor(m));
        }
        return out;
    }

    private static boolean isRatio(FairnessMetric m) {
        return m.info().direction() == Direction.ONE_IS_PARITY;
    }

    /** @return whether the metric is a ratio (parity 1) */
    public boolean ratio() {
        return isRatio(metric);
    }

    /** @return the value meaning parity: 1 for ratios, 0 for differences */
    public double parity() {
        return ratio() ? 1 : 0;
    }

    /** @return the low edge of the acceptable band */
    public double low() {
        return ratio() ? limit : -limit;
    }

    /** @return the high edge of the acceptable band */
    public double high() {
        return ratio() ? 1 / limit : limit;
    }

    /**
     * @return whether a defined value lies outside the band (an undefined value is never "beyond"); a value at an
     *     edge, within the tie of {@link Threshold}, is inside, exactly as a policy rule {@code >= limit} judges it
     */
    public boolean exceededBy(MetricValue value) {
        return value.isDefined() && !Threshold.withinBand(value.value(), low(), high());
    }

    /**
     * @return how far beyond the band a value lies, as a factor: {@code |v| / limit} for differences,
     *     {@code limit / min(v, 1/v)} for ratios; above 1 means beyond. {@code NaN} when undefined.
     */
    public double severity(MetricValue value) {
        if (!value.isDefined()) {
            return Double.NaN;
        }
        double v = value.value();
        if (!ratio()) {
            return Math.abs(v) / limit;
        }
        double r = v <= 0 ? 0 : Math.min(v, 1 / v);
        return r == 0 ? Double.POSITIVE_INFINITY : limit / r;
    }

    /** @return the band in words, e.g. {@code |value| <= 0.100} or {@code 0.800 <= value <= 1.250} */
    public String describe() {
        return ratio() ? String.format(Locale.ROOT, "%.3f <= value <= %.3f", low(), high())
                : String.format(Locale.ROOT, "|value| <= %.3f", limit);
    }
}
