package org.fairkit.core.internal;


/**
 * The columns the {@link TallyKernel} reads, validated once so that the kernel's loop can run without checks.
 *
 * <p>Labels and predictions are bytes holding 0 or 1, group codes are ints in {@code [0, groupCount)}, weights
 * (optional) are finite and {@code >= 0}. The arrays are <em>not copied</em>: callers must not change them
 * afterwards. {@code FairnessData} builds one per grouping and never exposes its arrays.
 *
 * <p>Up to {@link #MAX_PACKED_GROUPS} groups, validation also packs each row's (group, cell) into one 16-bit
 * key, {@code (group << 2) | (label << 1) | prediction}: the kernel then reads 2 bytes per row instead of
 * 6 and computes no index. The keys cost 2 bytes per row, once per grouping.
 */
public final class TallyInput {
    /** The largest group count for which rows are packed into 16-bit keys. */
    public static final int MAX_PACKED_GROUPS = 1 << 14;

    private final byte[] labels;
    private final byte[] predictions;
    private final int[] groups;
    private final double[] weights;
    private final int groupCount;
    private final char[] keys;

    private TallyInput(byte[] labels, byte[] predictions, int[] groups, double[] weights, int groupCount,
            char[] keys) {
        this.labels = labels;
        this.predictions = predictions;
        this.groups = groups;
        this.weights = weights;
        this.groupCount = groupCount;
        this.keys = keys;
    }

    /**
     * Validates and wraps the columns.
     *
     * @param labels 0 or 1 per row
     * @param predictions 0 or 1 per row
     * @param groups group code per row, in {@code [0, groupCount)}
     * @param weights weight per row (finite, {@code >= 0}), or {@code null} for unweighted
     * @param groupCount the number of groups
     * @throws IllegalArgumentException naming the column and the first bad row
     */
    public static TallyInput of(byte[] labels, byte[] predictions, int[] groups, double[] weights, int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
        }
        int n = labels.length;
        requireLength("predictions", predictions.length, n);
        requireLength("groups", groups.length, n);
        if (weights != null) {
            requireLength("weights", weights.length, n);
        }
        char[] keys = groupCount <= MAX_PACKED_GROUPS ? new char[n] : null;
        // One fused pass checks the labels, predictions and group codes (and packs the keys when they fit); only
        // when it finds a problem do the column-by-column checks below run, to name the first bad row as before.
        int bits = 0;
        boolean groupsOk = true;
        if (keys != null) {
            for (int i = 0; i < n; i++) {
                int l = labels[i];
                int p = predictions[i];
                int g = groups[i];
                bits |= l | p;
                groupsOk &= Integer.compareUnsigned(g, groupCount) < 0;
                keys[i] = (char) ((g << 2) | (l << 1) | p);
            }
        } else {
            for (int i = 0; i < n; i++) {
                bits |= labels[i] | predictions[i];
                groupsOk &= Integer.compareUnsigned(groups[i], groupCount) < 0;
            }
        }
        if ((bits & ~1) != 0) {
            for (int i = 0; i < n; i++) {
                if ((labels[i] & ~1) != 0) {
                    throw bad("labels", i, labels[i], "0 or 1");
                }
                if ((predictions[i] & ~1) != 0) {
                    throw bad("predictions", i, predictions[i], "0 or 1");
                }
            }
        }
        if (!groupsOk) {
            for (int i = 0; i < n; i++) {
                if (groups[i] < 0 || groups[i] >= groupCount) {
                    throw bad("groups", i, groups[i], "a group code in [0, " + groupCount + ")");
                }
            }
        }
        if (weights != null) {
            for (int i = 0; i < n; i++) {
                double w = weights[i];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw bad("weights", i, w, "a finite weight >= 0");
                }
            }
        }
        return new TallyInput(labels, predictions, groups, weights, groupCount, keys);
    }

    private static void requireLength(String column, int length, int rows) {
        if (length != rows) {
            throw InputErrors.lengthMismatch(column, length, "labels", rows);
        }
    }

    private static IllegalArgumentException bad(String column, int row, Object value, String expected) {
        return InputErrors.badValue(column, row, value, expected);
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupCount;
    }

    /** @return whether rows carry weights */
    public boolean isWeighted() {
        return weights != null;
    }

    /** @return packed (group, cell) keys, or {@code null} above {@link #MAX_PACKED_GROUPS} groups */
    public char[] keys() {
        return keys;
    }

    byte[] labels() {
        return labels;
    }

    byte[] predictions() {
        return predictions;
    }

    int[] groups() {
        return groups;
    }

    double[] weights() {
        return weights;
    }
}
