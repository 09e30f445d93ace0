package org.fairkit.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;

/**
 * What a mitigation run changed: the method, its settings, and each tracked quantity before and after.
 *
 * @param method the mitigation, e.g. "ThresholdOptimizer (equalized odds)"
 * @param settings its configuration in words, seeds included
 * @param changes the quantities before and after, in display order
 */
public record MitigationSummary(String method, String settings, List<MitigationSummary.Change> changes) {

    /** Validates and copies. */
    public MitigationSummary {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(settings, "settings");
        changes = List.copyOf(changes);
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
    }

    /** Whether a change moved a quantity the good way. */
    public enum Assessment {
        /** Closer to parity, or better by the metric's direction. */
        IMPROVED,
        /** Farther from parity, or worse. */
        WORSENED,
        /** Equal before and after. */
        UNCHANGED,
        /** The metric has no better direction (e.g. a selection rate). */
        NO_DIRECTION,
        /** Before or after is undefined. */
        UNDEFINED
    }

    /**
     * One quantity before and after.
     *
     * @param quantity its name, e.g. "equalized_odds_difference" or "accuracy (overall)"
     * @param before the value before mitigation
     * @param after the value after mitigation
     * @param direction which values are better
     */
    public record Change(String quantity, MetricValue before, MetricValue after, Direction direction) {
        /** Checks for nulls. */
        public Change {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(direction, "direction");
        }

        /**
         * @return the assessment: for {@link Direction#ZERO_IS_PARITY} smaller |value| is better, for
         *     {@link Direction#ONE_IS_PARITY} smaller |ln value| is better, otherwise the metric's own direction
         */
        public Assessment assessment() {
            if (!before.isDefined() || !after.isDefined()) {
                return Assessment.UNDEFINED;
            }
            double b = before.value();
            double a = after.value();
            double gain = switch (direction) {
                case HIGHER_IS_BETTER -> a - b;
                case LOWER_IS_BETTER -> b - a;
                case ZERO_IS_PARITY -> Math.abs(b) - Math.abs(a);
                case ONE_IS_PARITY -> distanceFromOne(b) - distanceFromOne(a);
                case NONE -> Double.NaN;
            };
            if (Double.isNaN(gain)) {
                return direction == Direction.NONE ? Assessment.NO_DIRECTION : Assessment.UNDEFINED;
            }
            return gain > 0 ? Assessment.IMPROVED : gain < 0 ? Assessment.WORSENED : Assessment.UNCHANGED;
        }

        private static double distanceFromOne(double r) {
            return r <= 0 ? Double.POSITIVE_INFINITY : Math.abs(Math.log(r));
        }
    }

    /**
     * Summarises a mitigation from the reports before and after it: every named fairness metric present in both
     * (in the "before" report's order), then the overall value of each group metric requested in both.
     *
     * @throws IllegalArgumentException if the two reports share no quantity
     */
    public static MitigationSummary compare(String method, String settings, FairnessReport before,
            FairnessReport after) {
        List<Change> changes = new ArrayList<>();
        for (FairnessMetric f : before.fairnessMetrics().keySet()) {
            if (after.fairnessMetrics().containsKey(f)) {
                changes.add(new Change(f.id(), before.fairness(f).value(), after.fairness(f).value(),
                        f.info().direction()));
            }
        }
        for (GroupMetric m : before.metrics()) {
            if (after.metrics().contains(m)) {
                changes.add(new Change(m.id() + " (overall)", before.overall(m), after.overall(m),
                        m.info().direction()));
            }
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("the reports before and after " + method
                    + " share no fairness metric and no group metric");
        }
        return new MitigationSummary(method, settings, changes);
    }
}
