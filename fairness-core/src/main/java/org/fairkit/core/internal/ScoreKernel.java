package org.fairkit.core.internal;

import java.util.Arrays;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ScoreSummary;

/**
 * Sorts rows by group and decreasing score in O(n) passes and summarizes every group (and all rows): the score
 * counterpart of the confusion tally.
 *
 * <p>Algorithm: the LSD radix sort of {@link ScoreSort} on the rows' {@link ScoreSort#descending(double)} keys
 * (which order non-negative doubles decreasingly; {@code -0.0} is folded into {@code 0.0}), carrying each row's
 * group code and label packed in an {@code int} (weighted rows also carry their row number in the bits above when it
 * fits, and one gather loop then reads their weights). One walk in decreasing score order then adds every row to the
 * {@link ScoreSummary} of all rows and to its group's, closing each tie block in both. Log losses are computed once
 * per tie block and label. The rows in group order and the distinct scores, which only threshold sweeps read, are
 * laid out by {@link SortedScores} when first asked for. Cost: O(n) per digit pass, ≤ 6 passes plus one walk; no
 * comparison sort and no boxing.
 *
 * <p>Within a tie block the order is the input order (the sort is stable), so every sum sees the additions of the
 * reference {@link #summarize(ScoreInput, int[], int, int)} in its order: results are bit for bit those of the
 * comparator-sorted reference walk (tested).
 */
public final class ScoreKernel {
    private ScoreKernel() {
    }

    /** Sorts and summarizes. */
    public static SortedScores sort(ScoreInput in) {
        int n = in.rows();
        double[] scores = in.scores();
        int groupCount = in.groupCount();
        int[] groups = in.groups();
        boolean weighted = in.isWeighted();
        if (groupCount > Integer.MAX_VALUE >> 1) {
            throw new IllegalArgumentException("score metrics support at most " + (Integer.MAX_VALUE >> 1)
                    + " groups, got " + groupCount);
        }
        // The payload carried through the sort is the row's group code and label (group << 1 | label), so that no
        // row is looked up afterwards. Weighted rows also need their weight: when the row number fits in the bits
        // above (group << 1 | label) it rides along and one gather reads only the weights; otherwise the payload is
        // the row and the gather reads weight, group and label.
        int groupLabelBits = 33 - Integer.numberOfLeadingZeros(Math.max(groupCount - 1, 0));
        int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 0));
        boolean rowInPayload = weighted && rowBits + groupLabelBits <= Integer.SIZE;
        long[] key = new long[n];
        int[] payload = new int[n];
        int[] groupStart = new int[groupCount + 1];
        for (int i = 0; i < n; i++) {
            key[i] = ScoreSort.descending(scores[i]);
            int g = groups[i];
            groupStart[g + 1]++;
            int groupLabel = g << 1 | in.label(i);
            payload[i] = !weighted ? groupLabel : rowInPayload ? i << groupLabelBits | groupLabel : i;
        }
        ScoreSort.sort(key, payload);
        double[] sortedWeight = weighted ? gatherWeights(in, payload, rowInPayload, groupLabelBits) : null;
        for (int g = 0; g < groupCount; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        // One pass in decreasing score order summarizes all rows and, alongside, every group (a group's rows are
        // a subsequence of this order, so each group's accumulator sees the additions of summarize in its order;
        // a group's tie block closes with the block of all rows that holds it). The row's score is read back from
        // the sort key (score + 0.0: -0.0 as 0.0, which changes no sum).
        ScoreAccumulator all = new ScoreAccumulator();
        ScoreAccumulator[] byGroupSums = new ScoreAccumulator[groupCount];
        for (int g = 0; g < groupCount; g++) {
            byGroupSums[g] = new ScoreAccumulator();
        }
        int[] inBlock = new int[groupCount]; // the groups with rows in the current tie block
        int[] lastBlock = new int[groupCount];
        Arrays.fill(lastBlock, -1);
        int i = 0;
        while (i < n) {
            long blockKey = key[i];
            double s = ScoreSort.scoreOfDescending(blockKey);
            double logLoss0 = Double.NaN; // each label's log loss at this score, computed once per tie block
            double logLoss1 = Double.NaN;
            int touched = 0;
            int j = i;
            for (; j < n && key[j] == blockKey; j++) {
                int p = payload[j];
                int y = p & 1;
                int g = p >>> 1;
                double w = weighted ? sortedWeight[j] : 1.0;
                double ll;
                if (y == 1) {
                    if (Double.isNaN(logLoss1)) {
                        logLoss1 = logLoss(s, 1);
                    }
                    ll = logLoss1;
                } else {
                    if (Double.isNaN(logLoss0)) {
                        logLoss0 = logLoss(s, 0);
                    }
                    ll = logLoss0;
                }
                all.add(w, s, y, ll, 1);
                byGroupSums[g].add(w, s, y, ll, 1);
                if (lastBlock[g] != i) {
                    lastBlock[g] = i;
                    inBlock[touched++] = g;
                }
            }
            all.endBlock();
            for (int t = 0; t < touched; t++) {
                byGroupSums[inBlock[t]].endBlock();
            }
            i = j;
        }
        ScoreSummary[] byGroup = new ScoreSummary[groupCount];
        for (int g = 0; g < groupCount; g++) {
            byGroup[g] = byGroupSums[g].summary();
        }
        return new SortedScores(key, payload, sortedWeight, groupStart, byGroup, all.summary());
    }

    /**
     * The weights in sorted order, read in one tight loop (many cache misses in flight at once) so that the walk
     * reads sequentially; leaves {@code group << 1 | label} in the payload.
     */
    private static double[] gatherWeights(ScoreInput in, int[] payload, boolean rowInPayload, int groupLabelBits) {
        int n = payload.length;
        double[] sortedWeight = new double[n];
        if (rowInPayload) {
            int mask = (1 << groupLabelBits) - 1;
            for (int i = 0; i < n; i++) {
                int p = payload[i];
                sortedWeight[i] = in.weight(p >>> groupLabelBits);
                payload[i] = p & mask;
            }
        } else {
            int[] groups = in.groups();
            for (int i = 0; i < n; i++) {
                int row = payload[i];
                sortedWeight[i] = in.weight(row);
                payload[i] = groups[row] << 1 | in.label(row);
            }
        }
        return sortedWeight;
    }

    /**
     * The statistics of the rows {@code order[from..to)}, which are in decreasing score order: the reference
     * definition, which {@link #sort}'s walks reproduce bit for bit (tested).
     */
    static ScoreSummary summarize(ScoreInput in, int[] order, int from, int to) {
        CompensatedSum weight = new CompensatedSum();
        CompensatedSum positive = new CompensatedSum();
        CompensatedSum negative = new CompensatedSum();
        CompensatedSum scoreSum = new CompensatedSum();
        CompensatedSum brier = new CompensatedSum();
        CompensatedSum logLoss = new CompensatedSum();
        CompensatedSum u = new CompensatedSum();
        CompensatedSum precision = new CompensatedSum();
        long positiveRows = 0;
        double positiveAbove = 0;
        double tp = 0;
        double fp = 0;
        int i = from;
        while (i < to) {
            double s = in.score(order[i]);
            double blockPositive = 0;
            double blockNegative = 0;
            int j = i;
            for (; j < to; j++) {
                int row = order[j];
                double sj = in.score(row);
                if (sj != s) {
                    break;
                }
                double w = in.weight(row);
                int y = in.label(row);
                weight.add(w);
                scoreSum.add(w * sj);
                double e = sj - y;
                brier.add(w * (e * e));
                logLoss.add(w * logLoss(sj, y));
                if (y == 1) {
                    blockPositive += w;
                    positiveRows++;
                } else {
                    blockNegative += w;
                }
            }
            u.add(blockNegative * (positiveAbove + blockPositive / 2));
            tp += blockPositive;
            fp += blockNegative;
            if (blockPositive > 0) {
                precision.add(blockPositive * (tp / (tp + fp)));
            }
            positive.add(blockPositive);
            negative.add(blockNegative);
            positiveAbove += blockPositive;
            i = j;
        }
        return new ScoreSummary(to - from, positiveRows, weight.value(), positive.value(), negative.value(),
                scoreSum.value(), brier.value(), logLoss.value(), u.value(), precision.value());
    }

    /** scikit-learn's {@code eps='auto'} for float64: the machine epsilon, 2<sup>-52</sup>. */
    static final double LOG_LOSS_EPSILON = 0x1.0p-52;

    /**
     * The log loss of one row, as scikit-learn 1.2 computes it for a binary label: the score is clipped to
     * [ε, 1 − ε], the two class probabilities (1 − p, p) are renormalized by their sum, and the loss is the
     * negative log of the true class's probability. The per-row term of
     * {@link ScoreMetrics#LOG_LOSS}.
     */
    public static double logLoss(double score, int label) {
        double p = Math.min(Math.max(score, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
        double q0 = 1 - p;
        double sum = q0 + p;
        return -Math.log((label == 1 ? p : q0) / sum);
    }
}
