package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;

/**
 * Validated columns for fitting and for metrics: scores, labels, optional weights and optional group names. Every
 * check names the column and the first bad row.
 */
final class Inputs {
    /** The feature name of groups given as a String column. */
    static final String GROUP_FEATURE = "group";

    final double[] scores;
    final int[] labels;
    /** All 1.0 when unweighted. */
    final double[] weights;
    final boolean weighted;
    /** Group index of each row into {@link #groupNames}, or {@code null} without groups. */
    final int[] groupOf;
    /** Group names in {@link String} order. */
    final List<String> groupNames;
    /** Sensitive feature names when the groups come from {@link FairnessData}, else empty. */
    final List<String> features;
    /** The group identities, parallel to {@link #groupNames}; feature {@code group} for String columns. */
    final List<GroupKey> groupKeys;

    private Inputs(double[] scores, int[] labels, double[] weights, boolean weighted, int[] groupOf,
            List<String> groupNames, List<String> features, List<GroupKey> groupKeys) {
        this.scores = scores;
        this.labels = labels;
        this.weights = weights;
        this.weighted = weighted;
        this.groupOf = groupOf;
        this.groupNames = groupNames;
        this.features = features;
        this.groupKeys = groupKeys;
    }

    /** Validates and copies arrays; {@code weights} and {@code groups} may be null. */
    static Inputs of(double[] scores, int[] labels, String[] groups, double[] weights) {
        if (scores == null) {
            throw new IllegalArgumentException("column 'scores' is required; got null");
        }
        if (labels == null) {
            throw new IllegalArgumentException("column 'labels' is required; got null");
        }
        int n = scores.length;
        if (labels.length != n) {
            throw Errors.lengthMismatch("labels", labels.length, n);
        }
        if (weights != null && weights.length != n) {
            throw Errors.lengthMismatch("weights", weights.length, n);
        }
        if (groups != null && groups.length != n) {
            throw Errors.lengthMismatch("groups", groups.length, n);
        }
        double[] s = scores.clone();
        for (int i = 0; i < n; i++) {
            double v = s[i];
            if (!(v >= 0.0 && v <= 1.0)) {
                throw Errors.badScore(i, v);
            }
            if (v == 0.0) {
                s[i] = 0.0; // -0.0 sorts like 0.0
            }
        }
        int[] y = labels.clone();
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw Errors.badLabel(i, y[i]);
            }
        }
        double[] w;
        if (weights == null) {
            w = new double[n];
            Arrays.fill(w, 1.0);
        } else {
            w = weights.clone();
            for (int i = 0; i < n; i++) {
                if (!(w[i] >= 0.0) || Double.isInfinite(w[i])) {
                    throw Errors.badWeight(i, w[i]);
                }
            }
        }
        int[] g = null;
        List<String> names = List.of();
        if (groups != null) {
            // Codes in first-seen order through a hash map (one lookup per row), then renumbered in name order.
            Map<String, Integer> seen = new HashMap<>();
            int[] first = new int[n];
            for (int i = 0; i < n; i++) {
                if (groups[i] == null) {
                    throw Errors.nullGroup(i);
                }
                Integer code = seen.putIfAbsent(groups[i], seen.size());
                first[i] = code == null ? seen.size() - 1 : code;
            }
            String[] sorted = seen.keySet().toArray(new String[0]);
            Arrays.sort(sorted);
            int[] rank = new int[sorted.length];
            for (int k = 0; k < sorted.length; k++) {
                rank[seen.get(sorted[k])] = k;
            }
            names = List.of(sorted);
            g = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = rank[first[i]];
            }
        }
        List<GroupKey> keys = new ArrayList<>();
        names.forEach(name -> keys.add(GroupKey.of(GROUP_FEATURE, name)));
        return new Inputs(s, y, w, weights != null, g, names, List.of(), List.copyOf(keys));
    }

    /**
     * The scores, labels and weights of {@link FairnessData} (already validated by its builder), grouped by the
     * intersection of {@code features} when there are any. Group names are {@code GroupKey.label()}.
     *
     * @throws IllegalArgumentException if the data has no scores or a feature is unknown
     */
    static Inputs of(FairnessData data, List<String> features) {
        if (!data.hasScores()) {
            throw new IllegalArgumentException("the data has no scores; calibration needs scores(...) in [0, 1]");
        }
        int n = data.rows();
        double[] s = new double[n];
        int[] y = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double v = data.score(i);
            s[i] = v == 0.0 ? 0.0 : v;
            y[i] = data.label(i);
            w[i] = data.weight(i);
        }
        if (features.isEmpty()) {
            return new Inputs(s, y, w, data.hasWeights(), null, List.of(), List.of(), List.of());
        }
        Grouping grouping = data.grouping(features);
        List<String> labels = new ArrayList<>();
        grouping.groups().forEach(k -> labels.add(k.label()));
        // Re-index in String order so that groups are listed the same way as from String[] columns.
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(null);
        int[] remap = new int[labels.size()];
        GroupKey[] keys = new GroupKey[labels.size()];
        for (int k = 0; k < remap.length; k++) {
            remap[k] = sorted.indexOf(labels.get(k));
            keys[remap[k]] = grouping.groups().get(k);
        }
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = remap[grouping.groupOf(i)];
        }
        return new Inputs(s, y, w, data.hasWeights(), g, List.copyOf(sorted), List.copyOf(features),
                List.of(keys));
    }

    int rows() {
        return scores.length;
    }

    boolean grouped() {
        return groupOf != null;
    }

    /** @return all rows as one sample */
    Sample all() {
        return new Sample(scores, labels, weights, weighted);
    }

    /** @return the rows of each group, in group order, as separate samples */
    Sample[] byGroup() {
        int k = groupNames.size();
        int[] counts = new int[k];
        for (int g : groupOf) {
            counts[g]++;
        }
        double[][] s = new double[k][];
        int[][] y = new int[k][];
        double[][] w = new double[k][];
        for (int g = 0; g < k; g++) {
            s[g] = new double[counts[g]];
            y[g] = new int[counts[g]];
            w[g] = new double[counts[g]];
        }
        int[] at = new int[k];
        for (int i = 0; i < scores.length; i++) {
            int g = groupOf[i];
            int j = at[g]++;
            s[g][j] = scores[i];
            y[g][j] = labels[i];
            w[g][j] = weights[i];
        }
        Sample[] out = new Sample[k];
        for (int g = 0; g < k; g++) {
            out[g] = new Sample(s[g], y[g], w[g], weighted);
        }
        return out;
    }
}
