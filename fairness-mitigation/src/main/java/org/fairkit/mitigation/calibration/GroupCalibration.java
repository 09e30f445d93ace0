package org.fairkit.mitigation.calibration;

import java.util.Objects;
import java.util.Optional;

/**
 * What a per-group {@link Calibration.Fitted} learned for one group: its own map, or the global map and why.
 *
 * <p>A group falls back to the map fitted on all rows when it has fewer rows than the calibration's
 * {@code minGroupSize}, when its total weight is 0, when all its rows of positive weight have the same label, or
 * when the method has no fit on its rows (for example scores that separate the classes under a
 * maximum-likelihood method). The reason is kept in {@link #fallback()}.
 *
 * @param group the group's name
 * @param rows the group's rows in the fitting data
 * @param weight the group's total weight (its row count when unweighted)
 * @param positiveWeight the total weight of its rows with label 1
 * @param map the map applied to the group's scores: its own, or the global one
 * @param fallback why the global map is used, empty when the group has its own
 */
public record GroupCalibration(String group, int rows, double weight, double positiveWeight, ScoreMap map,
        Optional<String> fallback) {

    /** Validates that the parts are present. */
    public GroupCalibration {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** @return whether this group uses the global map */
    public boolean usesGlobal() {
        return fallback.isPresent();
    }
}
