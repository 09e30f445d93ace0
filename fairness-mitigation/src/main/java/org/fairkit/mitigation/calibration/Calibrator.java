package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.Grouping;

/**
 * A fitted calibration: the map learned on all rows and, when fitted per group, the map each group uses. Made by
 * {@link Calibration}'s {@code fit} methods; immutable and thread-safe.
 *
 * <p>{@link #apply(double)} uses the all-rows map and is refused for a per-group calibrator (ask for the group's
 * map with {@link #apply(double, String)}, or for the all-rows map explicitly with {@code global().apply(s)}). A
 * group that was not in the fitting data is refused too, naming the known groups: scores of an unseen group are
 * not silently calibrated with someone else's map. For a global calibrator the group argument is ignored.
 *
 * <p>{@link #toString()} prints what was learned: the configuration, the all-rows map, and per group its size,
 * weight, positive weight and its own map or the reason it uses the all-rows map.
 */
public final class Calibrator {
    private final String configuration;
    private final ScoreMap global;
    private final boolean perGroup;
    private final int minGroupSize;
    private final Map<String, GroupCalibration> groups;
    private final List<String> features;

    Calibrator(String configuration, ScoreMap global, boolean perGroup, int minGroupSize,
            List<GroupCalibration> groups, List<String> features) {
        this.configuration = configuration;
        this.global = global;
        this.perGroup = perGroup;
        this.minGroupSize = minGroupSize;
        Map<String, GroupCalibration> m = new LinkedHashMap<>();
        for (GroupCalibration g : groups) {
            m.put(g.group(), g);
        }
        this.groups = java.util.Collections.unmodifiableMap(m);
        this.features = List.copyOf(features);
    }

    /**
     * @param score a score in [0, 1]
     * @return the calibrated probability from the all-rows map
     * @throws IllegalStateException if this calibrator was fitted per group
     */
    public double apply(double score) {
        if (perGroup) {
            throw Errors.needsGroup();
        }
        return global.apply(score);
    }

    /**
     * @param score a score in [0, 1]
     * @param group the row's group (ignored by a global calibrator)
     * @return the calibrated probability from the group's map
     * @throws IllegalArgumentException if the score is outside [0, 1] or the group was not seen when fitting
     */
    public double apply(double score, String group) {
        return mapOf(group).apply(score);
    }

    /** Applies {@link #apply(double)} to each score; errors name the row. */
    public double[] apply(double[] scores) {
        if (perGroup) {
            throw Errors.needsGroup();
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = global.apply(checked(scores[i], i));
        }
        return out;
    }

    /** Applies {@link #apply(double, String)} row by row; errors name the row. */
    public double[] apply(double[] scores, String[] groups) {
        if (groups.length != scores.length) {
            throw Errors.lengthMismatch("groups", groups.length, scores.length);
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (groups[i] == null) {
                throw Errors.nullGroup(i);
            }
            out[i] = mapOf(groups[i]).apply(checked(scores[i], i));
        }
        return out;
    }

    /**
     * Calibrates the data's scores; a per-group calibrator fitted on {@link FairnessData} groups the rows by the
     * same sensitive features.
     *
     * @throws IllegalArgumentException if the data has no scores, lacks a feature, or has a group not seen in fitting
     * @throws IllegalStateException if this per-group calibrator was fitted on arrays (pass the groups instead)
     */
    public double[] apply(FairnessData data) {
        if (!data.hasScores()) {
            throw new IllegalArgumentException("the data has no scores; calibration needs scores(...) in [0, 1]");
        }
        int n = data.rows();
        double[] out = new double[n];
        if (!perGroup) {
            for (int i = 0; i < n; i++) {
                out[i] = global.apply(data.score(i));
            }
            return out;
        }
        if (features.isEmpty()) {
            throw new IllegalStateException("this calibrator was fitted on group arrays, not on FairnessData "
                    + "features; call apply(scores, groups)");
        }
        Grouping grouping = data.grouping(features);
        ScoreMap[] maps = new ScoreMap[grouping.groupCount()];
        for (int g = 0; g < maps.length; g++) {
            maps[g] = mapOf(grouping.groups().get(g).label());
        }
        for (int i = 0; i < n; i++) {
            out[i] = maps[grouping.groupOf(i)].apply(data.score(i));
        }
        return out;
    }

    private static double checked(double score, int row) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw Errors.badScore(row, score);
        }
        return score;
    }

    private ScoreMap mapOf(String group) {
        if (!perGroup) {
            return global;
        }
        GroupCalibration g = groups.get(group);
        if (g == null) {
            throw Errors.unknownGroup(group, groups.keySet());
        }
        return g.map();
    }

    /** @return the map fitted on all rows */
    public ScoreMap global() {
        return global;
    }

    /** @return whether one map was fitted per group */
    public boolean isPerGroup() {
        return perGroup;
    }

    /** @return the minimum group size used (0 for a global calibrator) */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** @return the sensitive features the groups come from (empty when fitted on arrays or globally) */
    public List<String> features() {
        return features;
    }

    /** @return what each group learned, in group-name order (empty for a global calibrator) */
    public List<GroupCalibration> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * @return what one group learned
     * @throws IllegalArgumentException naming the known groups if there is no such group
     */
    public GroupCalibration group(String name) {
        GroupCalibration g = groups.get(name);
        if (g == null) {
            throw Errors.unknownGroup(name, groups.keySet());
        }
        return g;
    }

    /** @return the configuration this was fitted with, e.g. {@code isotonic calibration, per group, ...} */
    public String configuration() {
        return configuration;
    }

    /** A fixed-width table of what was learned, {@link Locale#ROOT}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("Calibrator[").append(configuration).append("; fitted on ").append(global.rows()).append(" rows]\n");
        b.append("  all rows: ").append(global.describe()).append('\n');
        if (!perGroup) {
            return b.toString();
        }
        int width = "group".length();
        for (String g : groups.keySet()) {
            width = Math.max(width, g.length());
        }
        String row = "  %-" + width + "s %8s %12s %12s  %s%n";
        b.append(String.format(Locale.ROOT, row, "group", "rows", "weight", "positives", "map"));
        List<String> lines = new ArrayList<>();
        for (GroupCalibration g : groups.values()) {
            String map = g.fallback().map(r -> "all-rows map (" + r + ")").orElse(g.map().describe());
            lines.add(String.format(Locale.ROOT, row, g.group(), g.rows(), Errors.weight(g.weight()),
                    Errors.weight(g.positiveWeight()), map));
        }
        lines.forEach(b::append);
        return b.toString();
    }
}
