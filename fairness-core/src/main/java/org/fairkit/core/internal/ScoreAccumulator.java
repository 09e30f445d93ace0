package org.fairkit.core.internal;

import org.fairkit.core.scores.ScoreSummary;

/**
 * The additions behind a {@link ScoreSummary}, for rows fed in decreasing score order, one tie block at a time: each
 * row of a block with {@link #add}, then {@link #endBlock()}. It holds the summary's definitions (the weighted
 * Mann–Whitney U with ties counting ½, average precision per tie block, compensated sums) in one place for the
 * score kernel's walks and the bootstrap's resampled summaries, so both give the same bits for the same additions.
 * {@link ScoreKernel#summarize(ScoreInput, int[], int, int)} stays a separate, plain reference that tests compare
 * with. Not thread-safe; one per summary.
 */
public final class ScoreAccumulator {
    private final CompensatedSum weight = new CompensatedSum();
    private final CompensatedSum positive = new CompensatedSum();
    private final CompensatedSum negative = new CompensatedSum();
    private final CompensatedSum scoreSum = new CompensatedSum();
    private final CompensatedSum brier = new CompensatedSum();
    private final CompensatedSum logLoss = new CompensatedSum();
    private final CompensatedSum u = new CompensatedSum();
    private final CompensatedSum precision = new CompensatedSum();
    private long rows;
    private long positiveRows;
    private double positiveAbove;
    private double tp;
    private double fp;
    private double blockPositive;
    private double blockNegative;

    /**
     * Adds a row of the current tie block.
     *
     * @param w the row's weight (times its multiplicity)
     * @param s its score
     * @param y its label, 0 or 1
     * @param ll its log loss at {@code s}
     * @param count how many rows it stands for (1, or a bootstrap multiplicity)
     */
    public void add(double w, double s, int y, double ll, long count) {
        rows += count;
        weight.add(w);
        scoreSum.add(w * s);
        double e = s - y;
        brier.add(w * (e * e));
        logLoss.add(w * ll);
        if (y == 1) {
            blockPositive += w;
            positiveRows += count;
        } else {
            blockNegative += w;
        }
    }

    /** Closes the current tie block: its pairs with the positives above it, and its average-precision term. */
    public void endBlock() {
        u.add(blockNegative * (positiveAbove + blockPositive / 2));
        tp += blockPositive;
        fp += blockNegative;
        if (blockPositive > 0) {
            precision.add(blockPositive * (tp / (tp + fp)));
        }
        positive.add(blockPositive);
        negative.add(blockNegative);
        positiveAbove += blockPositive;
        blockPositive = 0;
        blockNegative = 0;
    }

    /** @return the summary of the rows added (every block closed) */
    public ScoreSummary summary() {
        return new ScoreSummary(rows, positiveRows, weight.value(), positive.value(), negative.value(),
                scoreSum.value(), brier.value(), logLoss.value(), u.value(), precision.value());
    }
}
