package org.fairkit.core.tally;

/**
 * The four cells of a binary confusion matrix, indexed as {@code (label << 1) | prediction}.
 *
 * <p>The index order is part of the kernel contract: {@link #TN} = 0, {@link #FP} = 1, {@link #FN} = 2,
 * {@link #TP} = 3, so a row's cell is computed without a branch from its label and prediction.
 */
public enum Cell {
    /** True negative: label 0, prediction 0. */
    TN,
    /** False positive: label 0, prediction 1. */
    FP,
    /** False negative: label 1, prediction 0. */
    FN,
    /** True positive: label 1, prediction 1. */
    TP;

    private static final Cell[] VALUES = values();

    /**
     * The cell of a row.
     *
     * @param label the true label, 0 or 1
     * @param prediction the predicted label, 0 or 1
     * @return the cell with index {@code (label << 1) | prediction}
     * @throws IllegalArgumentException if either value is not 0 or 1
     */
    public static Cell of(int label, int prediction) {
        if ((label & ~1) != 0 || (prediction & ~1) != 0) {
            throw new IllegalArgumentException(
                    "label and prediction must be 0 or 1, got label " + label + " and prediction " + prediction);
        }
        return VALUES[(label << 1) | prediction];
    }

    /** @return the cell's index, {@code (label << 1) | prediction} */
    public int index() {
        return ordinal();
    }
}
