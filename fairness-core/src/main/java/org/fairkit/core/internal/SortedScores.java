package org.fairkit.core.internal;

import org.fairkit.core.scores.ScoreSummary;

/**
 * The result of {@link ScoreKernel#sort(ScoreInput)}: every group's rows in decreasing score order, the
 * {@link ScoreSummary} of each group and of all rows, and the distinct scores. Immutable.
 *
 * <p>Positions {@code start(g) .. end(g) - 1} hold group {@code g}'s rows; {@link #score(int)},
 * {@link #label(int)} and {@link #weight(int)} read the row at a position.
 */
public final class SortedScores {
    private final boolean weighted;
    private final double[] score;
    private final byte[] label;
    private final double[] weight;
    private final int[] groupStart;
    private final ScoreSummary[] byGroup;
    private final ScoreSummary overall;
    private final double[] distinct;

    SortedScores(boolean weighted, double[] score, byte[] label, double[] weight, int[] groupStart,
            ScoreSummary[] byGroup, ScoreSummary overall, double[] distinct) {
        this.weighted = weighted;
        this.score = score;
        this.label = label;
        this.weight = weight;
        this.groupStart = groupStart;
        this.byGroup = byGroup;
        this.overall = overall;
        this.distinct = distinct;
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
        return score[position];
    }

    /** @return the label at a position */
    public int label(int position) {
        return label[position];
    }

    /** @return the weight at a position (1.0 when unweighted) */
    public double weight(int position) {
        return weight == null ? 1.0 : weight[position];
    }

    /** @return the distinct scores of all rows, ascending (a copy) */
    public double[] distinctScores() {
        return distinct.clone();
    }

    @Override
    public String toString() {
        return "SortedScores[" + score.length + " rows, " + byGroup.length + " groups, " + distinct.length
                + " distinct scores" + (weighted ? ", weighted" : "") + "]";
    }
}
