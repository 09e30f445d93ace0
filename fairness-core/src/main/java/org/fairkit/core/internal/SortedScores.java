package org.fairkit.core.internal;

import org.fairkit.core.scores.ScoreSummary;

/**
 * The result of {@link ScoreKernel#sort(ScoreInput)}: the {@link ScoreSummary} of each group and of all rows, and
 * every group's rows in decreasing score order with the distinct scores for threshold sweeps. Observably immutable
 * (the layout below is made once, under a lock) and safe to share between threads.
 *
 * <p>Positions {@code start(g) .. end(g) - 1} hold group {@code g}'s rows; {@link #score(int)},
 * {@link #label(int)} and {@link #weight(int)} read the row at a position. The kernel leaves the rows in decreasing
 * score order over all groups; the first read of a position or of {@link #distinctScores()} lays them out in group
 * order once (a stable partition by group code, O(n); then 17 bytes per row instead of the kernel's 20, 9 instead
 * of 12 unweighted), so that reports which only need the summaries never pay for it.
 */
public final class SortedScores {
    private final int rows;
    private final boolean weighted;
    // The kernel's arrays in decreasing score order, guarded by this; dropped once laid out.
    private long[] key;
    private int[] groupLabel;
    private double[] sortedWeight;
    private final int[] groupStart;
    private final ScoreSummary[] byGroup;
    private final ScoreSummary overall;
    private volatile Layout layout;

    /**
     * @param key the rows' {@link ScoreSort#descending(double)} keys, sorted
     * @param groupLabel each sorted row's {@code group << 1 | label}
     * @param sortedWeight each sorted row's weight, or {@code null} when unweighted
     * @param groupStart the first position of each group in group order, and the row count last
     */
    SortedScores(long[] key, int[] groupLabel, double[] sortedWeight, int[] groupStart, ScoreSummary[] byGroup,
            ScoreSummary overall) {
        this.rows = key.length;
        this.weighted = sortedWeight != null;
        this.key = key;
        this.groupLabel = groupLabel;
        this.sortedWeight = sortedWeight;
        this.groupStart = groupStart;
        this.byGroup = byGroup;
        this.overall = overall;
    }

    /** @return the number of groups */
    public int groupCount() {
        return byGroup.length;
    }

    /** @return whether the rows are weighted */
    public boolean isWeighted() {
        return weighted;
    }

    /** @return the statistics of group {@code g} */
    public ScoreSummary group(int g) {
        return byGroup[g];
    }

    /** @return the statistics of all rows */
    public ScoreSummary overall() {
        return overall;
    }

    /** @return the first position of group {@code g} */
    public int start(int g) {
        return groupStart[g];
    }

    /** @return one past the last position of group {@code g} */
    public int end(int g) {
        return groupStart[g + 1];
    }

    /** @return the score at a position ({@code -0.0} is read as {@code 0.0}) */
    public double score(int position) {
        return layout().score[position];
    }

    /** @return the label at a position */
    public int label(int position) {
        return layout().label[position];
    }

    /** @return the weight at a position (1.0 when unweighted) */
    public double weight(int position) {
        double[] w = layout().weight;
        return w == null ? 1.0 : w[position];
    }

    /** @return the distinct scores of all rows, ascending (a copy) */
    public double[] distinctScores() {
        return layout().distinct.clone();
    }

    private Layout layout() {
        Layout l = layout;
        if (l == null) {
            synchronized (this) {
                l = layout;
                if (l == null) {
                    l = new Layout(key, groupLabel, sortedWeight, groupStart);
                    layout = l;
                    key = null;
                    groupLabel = null;
                    sortedWeight = null;
                }
            }
        }
        return l;
    }

    /** The rows in group order (score, label, weight) and the distinct scores, ascending. */
    private static final class Layout {
        final double[] score;
        final byte[] label;
        final double[] weight;
        final double[] distinct;

        Layout(long[] key, int[] groupLabel, double[] sortedWeight, int[] groupStart) {
            int n = key.length;
            score = new double[n];
            label = new byte[n];
            weight = sortedWeight == null ? null : new double[n];
            int[] next = groupStart.clone();
            int distinctCount = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || key[i] != key[i - 1]) {
                    distinctCount++;
                }
                int p = groupLabel[i];
                int at = next[p >>> 1]++;
                score[at] = ScoreSort.scoreOfDescending(key[i]);
                label[at] = (byte) (p & 1);
                if (weight != null) {
                    weight[at] = sortedWeight[i];
                }
            }
            distinct = new double[distinctCount];
            int d = distinctCount;
            for (int i = 0; i < n; i++) {
                if (i == 0 || key[i] != key[i - 1]) {
                    distinct[--d] = ScoreSort.scoreOfDescending(key[i]);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SortedScores[" + rows + " rows, " + byGroup.length + " groups"
                + (isWeighted() ? ", weighted" : "") + "]";
    }
}
