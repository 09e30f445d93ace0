package org.fairkit.reports;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkit.core.Threshold;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricValue;

/**
 * The acceptable band {@code [low, high]} of one disparity of a {@link TaskReport}, by its id (a named disparity such
 * as {@code bounded_group_loss_absolute}, {@code exposure_ratio}, {@code equal_opportunity_difference@urgent}, or an
 * aggregate {@code <metric>.<difference|ratio|...>}); an infinite edge bounds nothing.
 *
 * <p>{@link #defaultFor(String)} follows the catalog's direction of the disparity ({@code MetricInfo#direction()}), as
 * {@link DisparityThreshold} does for binary reports: ratios (parity 1) {@code 0.8 <= value <= 1.25} (the
 * four-fifths rule of 29 CFR 1607.4(D)), differences (parity 0) of bounded quantities such as rates
 * {@code |value| <= 0.1} (a convention with no legal standing). A difference in the target's or the exposure's own
 * units ({@code mae_parity_difference}, {@code mean_prediction_difference}, {@code exposure_difference}: unbounded in
 * the catalog) and a disparity with neither direction, such as a bounded group loss (a largest error, lower is
 * better), have no scale-free default: only a policy rule or an explicit threshold judges them.
 *
 * @param disparityId the disparity's id, as {@link TaskReport#disparity(String)} answers it
 * @param low the low edge ({@code -Infinity} for none)
 * @param high the high edge ({@code +Infinity} for none)
 */
public record TaskThreshold(String disparityId, double low, double high) {
    /** {@code <id> <op> <number>}, optionally followed by {@code for ...}: a policy rule's default name. */
    private static final Pattern RULE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_@.\\-]*)\\s*(<=|>=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(?:\\s+for\\s.*)?\\s*");

    /** Validates the id and the band. */
    public TaskThreshold {
        Objects.requireNonNull(disparityId, "disparityId");
        if (disparityId.isBlank()) {
            throw new IllegalArgumentException("disparityId must not be blank");
        }
        if (Double.isNaN(low) || Double.isNaN(high) || !(low <= high)) {
            throw new IllegalArgumentException("the band of " + disparityId + " needs low <= high, got [" + low + ", "
                    + high + "]");
        }
        if (Double.isInfinite(low) && Double.isInfinite(high)) {
            throw new IllegalArgumentException("the band of " + disparityId + " needs at least one finite edge, got ["
                    + low + ", " + high + "]");
        }
        double parity = TaskIds.parity(disparityId);
        if (!(low <= parity && parity <= high)) {
            throw new IllegalArgumentException("the band [" + low + ", " + high + "] of " + disparityId
                    + " must contain its parity value " + parity);
        }
    }

    /** @return {@code value <= limit} */
    public static TaskThreshold atMost(String disparityId, double limit) {
        return new TaskThreshold(disparityId, Double.NEGATIVE_INFINITY, limit);
    }

    /** @return {@code value >= limit} */
    public static TaskThreshold atLeast(String disparityId, double limit) {
        return new TaskThreshold(disparityId, limit, Double.POSITIVE_INFINITY);
    }

    /**
     * @return {@code limit <= value <= 1 / limit}
     * @throws IllegalArgumentException unless {@code 0 < limit < 1}
     */
    public static TaskThreshold ratio(String disparityId, double limit) {
        if (!(limit > 0 && limit < 1)) {
            throw new IllegalArgumentException("the limit of the ratio " + disparityId + " must be in (0, 1), got "
                    + limit);
        }
        return new TaskThreshold(disparityId, limit, 1 / limit);
    }

    /**
     * @return {@code |value| <= limit}
     * @throws IllegalArgumentException unless the limit is positive and finite
     */
    public static TaskThreshold difference(String disparityId, double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("the limit of the difference " + disparityId
                    + " must be positive and finite, got " + limit);
        }
        return new TaskThreshold(disparityId, -limit, limit);
    }

    /**
     * @return the default band of a disparity by its direction and range (see the class comment); empty when it is
     *     neither a ratio nor a difference of a bounded quantity
     */
    public static Optional<TaskThreshold> defaultFor(String disparityId) {
        Direction d = TaskIds.direction(disparityId);
        if (d == Direction.ONE_IS_PARITY) {
            return Optional.of(ratio(disparityId, DisparityThreshold.RATIO_LIMIT));
        }
        double[] range = TaskIds.aggregation(disparityId).isPresent()
                ? TaskIds.info(disparityId).map(i -> new double[] {i.lowerBound(), i.upperBound()})
                        .orElse(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
                : TaskIds.range(disparityId);
        if (d == Direction.ZERO_IS_PARITY && Double.isFinite(range[0]) && Double.isFinite(range[1])) {
            return Optional.of(difference(disparityId, DisparityThreshold.DIFFERENCE_LIMIT));
        }
        return Optional.empty();
    }

    /** @return the same band as a binary report's threshold, under the fairness metric's id */
    public static TaskThreshold of(DisparityThreshold t) {
        return new TaskThreshold(t.metric().id(), t.low(), t.high());
    }

    /**
     * Reads a policy rule written {@code <id> <op> <number>} (optionally followed by {@code for <features>}), the
     * default name of a policy rule, e.g. {@code exposure_ratio >= 0.8 for gender} or
     * {@code bounded_group_loss_absolute <= 0.05}.
     *
     * @return the band the rule sets, or empty when the rule is not written so (a named rule) or its band does not
     *     contain the disparity's parity value
     */
    public static Optional<TaskThreshold> fromRule(String rule) {
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1).toLowerCase(Locale.ROOT);
        double limit = Double.parseDouble(m.group(3));
        boolean upper = m.group(2).startsWith("<");
        double low = upper ? Double.NEGATIVE_INFINITY : limit;
        double high = upper ? limit : Double.POSITIVE_INFINITY;
        double parity = TaskIds.parity(id);
        if (!(low <= parity && parity <= high)) {
            return Optional.empty();
        }
        return Optional.of(new TaskThreshold(id, low, high));
    }

    /** @return the value meaning parity: 1 for ratios, 0 otherwise */
    public double parity() {
        return TaskIds.parity(disparityId);
    }

    /**
     * @return whether a defined value lies outside the band (an undefined value is never "beyond"); a value at an
     *     edge, within the tie of {@link Threshold}, is inside, as a policy rule judges it
     */
    public boolean exceededBy(MetricValue value) {
        return value.isDefined() && !Threshold.withinBand(value.value(), low, high);
    }

    /**
     * @return how far beyond the band a value lies, as a factor of the limit it crosses: above 1 means beyond;
     *     {@code NaN} when undefined
     */
    public double severity(MetricValue value) {
        if (!value.isDefined()) {
            return Double.NaN;
        }
        double v = value.value();
        double p = parity();
        if (v == p) {
            return 0;
        }
        if (v > p) {
            return Double.isInfinite(high) ? 0 : high == p ? Double.POSITIVE_INFINITY : (v - p) / (high - p);
        }
        return Double.isInfinite(low) ? 0 : low == p ? Double.POSITIVE_INFINITY : (p - v) / (p - low);
    }

    /** @return the band in words: {@code value <= 0.050}, {@code 0.800 <= value <= 1.250}, {@code |value| <= 0.100} */
    public String describe() {
        if (Double.isInfinite(low)) {
            return String.format(Locale.ROOT, "value <= %.3f", high);
        }
        if (Double.isInfinite(high)) {
            return String.format(Locale.ROOT, "value >= %.3f", low);
        }
        if (low == -high) {
            return String.format(Locale.ROOT, "|value| <= %.3f", high);
        }
        return String.format(Locale.ROOT, "%.3f <= value <= %.3f", low, high);
    }
}
