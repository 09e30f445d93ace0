package org.fairkit.stats.scores;

import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.internal.ScoreAccumulator;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.internal.ScoreSort;
import org.fairkit.core.scores.ScoreSummary;

/**
 * The rows of one grouping laid out for repeated summaries: all rows, and each group's rows, in decreasing score
 * order (stable, as {@link ScoreKernel} orders them), so that a summary with row multiplicities is one pass and the
 * unit-multiplicity summary is the report's, bit for bit.
 */
final class ScoreRows {
    final int rows;
    final List<GroupKey> groups;
    final double[] score;
    final byte[] label;
    final double[] weight;
    final double[] logLoss;
    final int[] group;
    /** All rows, decreasing score. */
    final int[] overallOrder;
    /** Rows by group, each group in decreasing score: group g is {@code groupOrder[groupStart[g] .. groupStart[g+1])}. */
    final int[] groupOrder;
    final int[] groupStart;

    private ScoreRows(FairnessData data, List<String> groupBy) {
        if (!data.hasScores()) {
            throw InputErrors.needsColumn("score intervals", "scores", "FairnessData.builder().scores(...)");
        }
        Grouping grouping = data.grouping(groupBy);
        rows = data.rows();
        groups = grouping.groups();
        int gc = groups.size();
        score = new double[rows];
        label = new byte[rows];
        weight = data.hasWeights() ? new double[rows] : null;
        logLoss = new double[rows];
        group = new int[rows];
        long[] keys = new long[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = ScoreSort.descending(data.score(i));
            score[i] = ScoreSort.scoreOfDescending(keys[i]);
            label[i] = (byte) data.label(i);
            if (weight != null) {
                weight[i] = data.weight(i);
            }
            logLoss[i] = ScoreKernel.logLoss(score[i], label[i]);
            group[i] = grouping.groupOf(i);
        }
        overallOrder = ScoreSort.order(keys);
        groupStart = new int[gc + 1];
        for (int i = 0; i < rows; i++) {
            groupStart[group[i] + 1]++;
        }
        for (int g = 0; g < gc; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        int[] next = java.util.Arrays.copyOf(groupStart, gc);
        groupOrder = new int[rows];
        for (int row : overallOrder) {
            groupOrder[next[group[row]]++] = row;
        }
    }

    static ScoreRows of(FairnessData data, List<String> groupBy) {
        return new ScoreRows(data, groupBy);
    }

    double weight(int row) {
        return weight == null ? 1.0 : weight[row];
    }

    /** @return each row's content hash (score, label, weight) */
    long[] rowHash() {
        long[] h = new long[rows];
        for (int i = 0; i < rows; i++) {
            h[i] = org.fairkit.stats.intervals.RowResampler.hash(score[i], label[i], weight(i));
        }
        return h;
    }

    /** @return the row indices of each group, in decreasing score order */
    int[][] strata() {
        int[][] out = new int[groups.size()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = java.util.Arrays.copyOfRange(groupOrder, groupStart[g], groupStart[g + 1]);
        }
        return out;
    }

    /**
     * The statistics of {@code order[from..to)} (decreasing score) with row {@code i} counted {@code mult[i]}
     * times: {@link ScoreKernel}'s additions with weights {@code w_i · mult_i}.
     */
    ScoreSummary summarize(int[] order, int from, int to, int[] mult) {
        ScoreAccumulator acc = new ScoreAccumulator();
        int i = from;
        while (i < to) {
            double s = score[order[i]];
            int j = i;
            for (; j < to && score[order[j]] == s; j++) {
                int row = order[j];
                int c = mult[row];
                if (c != 0) {
                    acc.add(weight(row) * c, score[row], label[row], logLoss[row], c);
                }
            }
            acc.endBlock();
            i = j;
        }
        return acc.summary();
    }

    /**
     * Each row's placement weight within {@code order[from..to)}: for a positive row, the weight of the negatives
     * scoring below it plus half of those tied with it; for a negative row, the weight of the positives scoring
     * above it plus half of those tied. Written into {@code out[row]}. {@code Σ_positives w·placement = U}.
     */
    void placements(int[] order, int from, int to, double[] out) {
        double negativeTotal = 0;
        for (int i = from; i < to; i++) {
            int row = order[i];
            if (label[row] == 0) {
                negativeTotal += weight(row);
            }
        }
        double positiveAbove = 0;
        double negativeAtOrAbove = 0;
        int i = from;
        while (i < to) {
            double s = score[order[i]];
            double blockPositive = 0;
            double blockNegative = 0;
            int j = i;
            for (; j < to && score[order[j]] == s; j++) {
                int row = order[j];
                if (label[row] == 1) {
                    blockPositive += weight(row);
                } else {
                    blockNegative += weight(row);
                }
            }
            double negativeBelow = negativeTotal - negativeAtOrAbove - blockNegative;
            for (int k = i; k < j; k++) {
                int row = order[k];
                out[row] = label[row] == 1 ? negativeBelow + blockNegative / 2 : positiveAbove + blockPositive / 2;
            }
            positiveAbove += blockPositive;
            negativeAtOrAbove += blockNegative;
            i = j;
        }
    }
}
