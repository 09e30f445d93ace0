package org.fairkit.core.scores;

import org.fairkit.core.internal.ScoreKernel;

/**
 * The statistics of one group's scores (or of all rows) from which every {@link ScoreMetrics} value is derived.
 *
 * <p>Computed by {@link ScoreKernel} in one pass over the group's rows sorted by decreasing score, tie blocks
 * together. With weights w, labels y in {0, 1} and scores s:
 * <ul>
 *   <li>{@code weight} = Σ w, {@code positiveWeight} = Σ w·y, {@code negativeWeight} = Σ w·(1 − y);</li>
 *   <li>{@code scoreSum} = Σ w·s, {@code brierSum} = Σ w·(s − y)², {@code logLossSum} = Σ w·ℓ(s, y) with ℓ the
 *       clipped log loss of {@link ScoreMetrics#LOG_LOSS};</li>
 *   <li>{@code mannWhitneyU} = Σ over (positive i, negative j) of w_i·w_j·([s_i &gt; s_j] + ½[s_i = s_j]), the
 *       weighted Mann–Whitney statistic;</li>
 *   <li>{@code precisionSum} = Σ over tie blocks b in decreasing score order of P_b·TP_b / (TP_b + FP_b), where
 *       P_b is the block's positive weight and TP_b, FP_b the positive and negative weight scoring at least the
 *       block's score: average precision times the positive weight.</li>
 * </ul>
 * Real-valued sums are compensated (Neumaier); unweighted sums, and sums of integer weights, are exact.
 *
 * @param rows number of rows (never weighted)
 * @param positiveRows number of rows with label 1 (never weighted)
 * @param weight Σ w
 * @param positiveWeight Σ w·y
 * @param negativeWeight Σ w·(1 − y)
 * @param scoreSum Σ w·s
 * @param brierSum Σ w·(s − y)²
 * @param logLossSum Σ w·ℓ(s, y)
 * @param mannWhitneyU the weighted Mann–Whitney U statistic, ties counting ½
 * @param precisionSum average precision × positive weight
 */
public record ScoreSummary(long rows, long positiveRows, double weight, double positiveWeight, double negativeWeight,
        double scoreSum, double brierSum, double logLossSum, double mannWhitneyU, double precisionSum) {

    /** Validates the counts. */
    public ScoreSummary {
        if (rows < 0 || positiveRows < 0 || positiveRows > rows) {
            throw new IllegalArgumentException("need 0 <= positiveRows <= rows, got " + positiveRows + " of " + rows);
        }
    }

    /** @return the number of rows with label 0 (never weighted) */
    public long negativeRows() {
        return rows - positiveRows;
    }
}
