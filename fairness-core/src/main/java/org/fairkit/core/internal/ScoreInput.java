package org.fairkit.core.internal;


/**
 * The columns the score kernel reads: one score, label, group code and (optional) weight per row.
 *
 * <p>Arrays are <em>not</em> copied: the caller must not change them afterwards. {@code FairnessData} builds one
 * per grouping from its own immutable copies; other callers (a benchmark, a streaming job) build one directly.
 */
public final class ScoreInput {
    private final double[] scores;
    private final byte[] labels;
    private final int[] groups;
    private final double[] weights;
    private final int groupCount;

    private ScoreInput(double[] scores, byte[] labels, int[] groups, double[] weights, int groupCount) {
        this.scores = scores;
        this.labels = labels;
        this.groups = groups;
        this.weights = weights;
        this.groupCount = groupCount;
    }

    /**
     * Validates and wraps the columns.
     *
     * @param scores per row, finite and in [0, 1]
     * @param labels per row, 0 or 1
     * @param groups per row, a group code in {@code [0, groupCount)}
     * @param weights per row, finite and {@code >= 0}, or {@code null} for unweighted data
     * @param groupCount the number of groups, at least 1
     * @throws IllegalArgumentException naming the column and the first bad row
     */
    public static ScoreInput of(double[] scores, byte[] labels, int[] groups, double[] weights, int groupCount) {
        if (groupCount < 1) {
            throw InputErrors.badSetting("groupCount", groupCount, ">= 1");
        }
        int n = scores.length;
        if (n == 0) {
            throw InputErrors.empty();
        }
        requireLength("labels", labels.length, n);
        requireLength("groups", groups.length, n);
        if (weights != null) {
            requireLength("weights", weights.length, n);
        }
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s >= 0 && s <= 1)) {
                throw InputErrors.badValue("scores", i, s, "a finite score in [0, 1]");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw InputErrors.badValue("labels", i, labels[i], "0 or 1");
            }
            if (groups[i] < 0 || groups[i] >= groupCount) {
                throw InputErrors.badValue("groups", i, groups[i], "a group code in [0, " + groupCount + ")");
            }
            if (weights != null && (!(weights[i] >= 0) || Double.isInfinite(weights[i]))) {
                throw InputErrors.badValue("weights", i, weights[i], "a finite weight >= 0");
            }
        }
        return new ScoreInput(scores, labels, groups, weights, groupCount);
    }

    private static void requireLength(String column, int length, int rows) {
        if (length != rows) {
            throw InputErrors.lengthMismatch(column, length, "scores", rows);
        }
    }

    /** @return the number of rows */
    public int rows() {
        return scores.length;
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupCount;
    }

    /** @return whether the rows carry weights */
    public boolean isWeighted() {
        return weights != null;
    }

    double score(int row) {
        return scores[row];
    }

    int label(int row) {
        return labels[row];
    }

    int group(int row) {
        return groups[row];
    }

    double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    double[] scores() {
        return scores;
    }

    int[] groups() {
        return groups;
    }
}
