package org.fairkit.core.internal;

import java.util.Arrays;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ScoreSummary;

/**
 * Sorts rows by group and decreasing score in O(n) passes and summarizes every group (and all rows) in one
 * further pass: the score counterpart of the confusion tally.
 *
 * <p>Algorithm: the LSD radix sort of {@link ScoreSort} on the rows' {@link ScoreSort#descending(double)} keys
 * (which order non-negative doubles decreasingly; {@code -0.0} is folded into {@code 0.0}). After those passes the rows are in decreasing score order overall, and
 * {@link ScoreSummary} of all rows is taken; a last stable counting pass by group code then gives every group's
 * rows in decreasing score order, each summarized in turn. Cost: O(n) per digit pass, ≤ 6 score passes plus one
 * group pass, 24 bytes of scratch per row; no comparison sort and no boxing.
 *
 * <p>Within a tie block the order is the input order (the sort is stable); no statistic depends on it beyond
 * the rounding of real-weighted sums, which are compensated.
 */
public final class ScoreKernel {
    private ScoreKernel() {
    }

    /** Sorts and summarizes. */
    public static SortedScores sort(ScoreInput in) {
        int n = in.rows();
        double[] scores = in.scores();
        long[] key = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = ScoreSort.descending(scores[i]);
            idx[i] = i;
        }
        ScoreSort.sort(key, idx);

        int groupCount = in.groupCount();
        int[] groups = in.groups();
        int[] groupStart = new int[groupCount + 1];
        for (int i = 0; i < n; i++) {
            groupStart[groups[i] + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        // Each row's score (from the sort key: score + 0.0, -0.0 as 0.0, which changes no sum; see summarize),
        // label, weight and log loss are laid out in decreasing score order, then copied into group order (the
        // stable partition by group). Every summary is then a sequential pass over plain
        // arrays, with no row lookups and one logarithm per row; each sees the additions of summarize in its order.
        boolean weighted = in.isWeighted();
        Columns all = new Columns(n, weighted);
        for (int i = 0; i < n; i++) {
            int row = idx[i];
            double sj = ScoreSort.scoreOfDescending(key[i]);
            int y = in.label(row);
            all.score[i] = sj;
            all.label[i] = (byte) y;
            all.logLoss[i] = logLoss(sj, y);
            if (weighted) {
                all.weight[i] = in.weight(row);
            }
        }
        int[] next = Arrays.copyOf(groupStart, groupCount);
        int[] order = new int[n];
        Columns byGroupOrder = new Columns(n, weighted);
        for (int i = 0; i < n; i++) {
            int row = idx[i];
            int at = next[groups[row]]++;
            order[at] = row;
            byGroupOrder.score[at] = all.score[i];
            byGroupOrder.label[at] = all.label[i];
            byGroupOrder.logLoss[at] = all.logLoss[i];
            if (weighted) {
                byGroupOrder.weight[at] = all.weight[i];
            }
        }
        ScoreSummary overall = summarize(all, 0, n);
        double[] ascending = distinctAscending(all.score);
        ScoreSummary[] byGroup = new ScoreSummary[groupCount];
        for (int g = 0; g < groupCount; g++) {
            byGroup[g] = summarize(byGroupOrder, groupStart[g], groupStart[g + 1]);
        }
        return new SortedScores(in, order, groupStart, byGroup, overall, ascending);
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

    private static double[] distinctAscending(double[] descending) {
        int n = descending.length;
        double[] out = new double[n];
        int k = 0;
        for (int i = n - 1; i >= 0; i--) {
            double s = descending[i];
            if (k == 0 || s != out[k - 1]) {
                out[k++] = s;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** {@link #summarize(ScoreInput, int[], int, int)} over laid-out rows {@code [from, to)}: the same additions. */
    private static ScoreSummary summarize(Columns c, int from, int to) {
        double[] sc = c.score;
        byte[] lab = c.label;
        double[] lls = c.logLoss;
        double[] wt = c.weight;
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
            double s = sc[i];
            double blockPositive = 0;
            double blockNegative = 0;
            int j = i;
            for (; j < to; j++) {
                double sj = sc[j];
                if (sj != s) {
                    break;
                }
                double w = wt == null ? 1.0 : wt[j];
                int y = lab[j];
                weight.add(w);
                scoreSum.add(w * sj);
                double e = sj - y;
                brier.add(w * (e * e));
                logLoss.add(w * lls[j]);
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
