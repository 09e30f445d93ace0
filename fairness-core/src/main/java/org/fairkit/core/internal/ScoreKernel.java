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
 * group code and label packed in an {@code int} (unweighted; weighted rows carry the row, and one gather loop reads
 * their weights, groups and labels afterwards). One walk in decreasing score order then takes the
 * {@link ScoreSummary} of all rows, collects the distinct scores and lays every row's score, label, weight and log
 * loss out in group order (the stable counting pass by group code); a last sequential pass summarizes each group.
 * Log losses are computed once per tie block and label. Cost: O(n) per digit pass, ≤ 6 score passes plus the walk
 * and the group summaries; no comparison sort and no boxing.
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
        if (!weighted && groupCount > Integer.MAX_VALUE >> 1) {
            throw new IllegalArgumentException("score metrics support at most " + (Integer.MAX_VALUE >> 1)
                    + " groups, got " + groupCount);
        }
        // The payload carried through the sort: unweighted, the row's group code and label (group << 1 | label),
        // so that no row is looked up afterwards; weighted, the row (its weight, group and label are read once).
        long[] key = new long[n];
        int[] payload = new int[n];
        int[] groupStart = new int[groupCount + 1];
        for (int i = 0; i < n; i++) {
            key[i] = ScoreSort.descending(scores[i]);
            int g = groups[i];
            groupStart[g + 1]++;
            payload[i] = weighted ? i : g << 1 | in.label(i);
        }
        ScoreSort.sort(key, payload);
        double[] sortedWeight = null;
        if (weighted) {
            // A tight gather loop (many cache misses in flight at once), so that the walk below reads sequentially.
            sortedWeight = new double[n];
            for (int i = 0; i < n; i++) {
                int row = payload[i];
                sortedWeight[i] = in.weight(row);
                payload[i] = groups[row] << 1 | in.label(row);
            }
        }
        for (int g = 0; g < groupCount; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        // One pass in decreasing score order: summarizes all rows (the additions of summarize, in its order),
        // collects the distinct scores, and lays every row's score (from the sort key: score + 0.0, -0.0 as 0.0,
        // which changes no sum), label, weight and log loss out in group order (the stable partition by group),
        // where each group's summary is then a sequential pass over plain arrays.
        int[] next = Arrays.copyOf(groupStart, groupCount);
        Columns byGroupOrder = new Columns(n, weighted);
        double[] gScore = byGroupOrder.score;
        byte[] gLabel = byGroupOrder.label;
        double[] gLogLoss = byGroupOrder.logLoss;
        double[] gWeight = byGroupOrder.weight;
        double[] distinct = new double[n];
        int distinctCount = 0;
        ScoreAccumulator all = new ScoreAccumulator();
        int i = 0;
        while (i < n) {
            long blockKey = key[i];
            double s = ScoreSort.scoreOfDescending(blockKey);
            distinct[distinctCount++] = s;
            double logLoss0 = Double.NaN; // each label's log loss at this score, computed once per tie block
            double logLoss1 = Double.NaN;
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
                int at = next[g]++;
                gScore[at] = s;
                gLabel[at] = (byte) y;
                gLogLoss[at] = ll;
                if (weighted) {
                    gWeight[at] = w;
                }
            }
            all.endBlock();
            i = j;
        }
        ScoreSummary overall = all.summary();
        double[] ascending = new double[distinctCount];
        for (int k = 0; k < distinctCount; k++) {
            ascending[k] = distinct[distinctCount - 1 - k];
        }
        ScoreSummary[] byGroup = new ScoreSummary[groupCount];
        for (int g = 0; g < groupCount; g++) {
            byGroup[g] = summarize(byGroupOrder, groupStart[g], groupStart[g + 1]);
        }
        return new SortedScores(weighted, gScore, gLabel, gWeight, groupStart, byGroup, overall, ascending);
    }

    /** Rows laid out in one order: score, label, log loss and (when weighted) weight. */
    private static final class Columns {
        final double[] score;
        final byte[] label;
        final double[] logLoss;
        final double[] weight;

        Columns(int n, boolean weighted) {
            score = new double[n];
            label = new byte[n];
            logLoss = new double[n];
            weight = weighted ? new double[n] : null;
        }
    }

    /** {@link #summarize(ScoreInput, int[], int, int)} over laid-out rows {@code [from, to)}: the same additions. */
    private static ScoreSummary summarize(Columns c, int from, int to) {
        double[] sc = c.score;
        byte[] lab = c.label;
        double[] lls = c.logLoss;
        double[] wt = c.weight;
        ScoreAccumulator acc = new ScoreAccumulator();
        int i = from;
        while (i < to) {
            double s = sc[i];
            int j = i;
            for (; j < to && sc[j] == s; j++) {
                acc.add(wt == null ? 1.0 : wt[j], s, lab[j], lls[j], 1);
            }
            acc.endBlock();
            i = j;
        }
        return acc.summary();
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
