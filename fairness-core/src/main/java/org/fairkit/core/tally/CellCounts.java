package org.fairkit.core.tally;

import java.util.Objects;

/**
 * The confusion counts of one group (or of all rows): the sufficient statistic of every count-based metric.
 *
 * <p>Holds the unweighted row count of each {@link Cell} as a {@code long} and, when the data is weighted,
 * the sum of the weights of each cell. {@link #mass(Cell)} is what metrics divide: the weighted sum when the
 * data is weighted, otherwise the row count. {@link #rows()} is never weighted (as Fairlearn's {@code count}).
 *
 * <p>Immutable; {@link #plus(CellCounts)} adds two counts (associative and commutative; {@link #empty(boolean)}
 * is the identity).
 */
public final class CellCounts {
    private final long tn;
    private final long fp;
    private final long fn;
    private final long tp;
    private final double wTn;
    private final double wFp;
    private final double wFn;
    private final double wTp;
    private final boolean weighted;

    private CellCounts(long tn, long fp, long fn, long tp, double wTn, double wFp, double wFn, double wTp,
            boolean weighted) {
        this.tn = tn;
        this.fp = fp;
        this.fn = fn;
        this.tp = tp;
        this.wTn = wTn;
        this.wFp = wFp;
        this.wFn = wFn;
        this.wTp = wTp;
        this.weighted = weighted;
    }

    /**
     * Unweighted counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static CellCounts of(long tn, long fp, long fn, long tp) {
        requireNonNegative(tn, "tn");
        requireNonNegative(fp, "fp");
        requireNonNegative(fn, "fn");
        requireNonNegative(tp, "tp");
        return new CellCounts(tn, fp, fn, tp, tn, fp, fn, tp, false);
    }

    /**
     * Weighted counts: row counts per cell and the sum of the weights per cell.
     *
     * @throws IllegalArgumentException if a count is negative or a weight sum is negative or not finite
     */
    public static CellCounts weighted(long tn, long fp, long fn, long tp,
            double wTn, double wFp, double wFn, double wTp) {
        requireNonNegative(tn, "tn");
        requireNonNegative(fp, "fp");
        requireNonNegative(fn, "fn");
        requireNonNegative(tp, "tp");
        requireWeight(wTn, "weight of tn");
        requireWeight(wFp, "weight of fp");
        requireWeight(wFn, "weight of fn");
        requireWeight(wTp, "weight of tp");
        return new CellCounts(tn, fp, fn, tp, wTn, wFp, wFn, wTp, true);
    }

    /** The identity of {@link #plus(CellCounts)}. */
    public static CellCounts empty(boolean weighted) {
        return new CellCounts(0, 0, 0, 0, 0, 0, 0, 0, weighted);
    }

    private static void requireNonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
    }

    private static void requireWeight(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** @return whether {@link #mass(Cell)} is a weight sum rather than a row count */
    public boolean isWeighted() {
        return weighted;
    }

    /** @return the number of rows in the cell (never weighted) */
    public long rows(Cell cell) {
        switch (cell) {
            case TN: return tn;
            case FP: return fp;
            case FN: return fn;
            default: return tp;
        }
    }

    /** @return the number of rows (never weighted) */
    public long rows() {
        return tn + fp + fn + tp;
    }

    /** @return the weight sum of the cell when weighted, otherwise its row count */
    public double mass(Cell cell) {
        switch (cell) {
            case TN: return wTn;
            case FP: return wFp;
            case FN: return wFn;
            default: return wTp;
        }
    }

    /** @return mass of true positives */
    public double tp() {
        return wTp;
    }

    /** @return mass of false positives */
    public double fp() {
        return wFp;
    }

    /** @return mass of true negatives */
    public double tn() {
        return wTn;
    }

    /** @return mass of false negatives */
    public double fn() {
        return wFn;
    }

    /** @return TP + FP + TN + FN (weighted when weighted) */
    public double total() {
        return (wTn + wFp) + (wFn + wTp);
    }

    /** @return TP + FN, the (weighted) number of actual positives */
    public double positives() {
        return wTp + wFn;
    }

    /** @return TN + FP, the (weighted) number of actual negatives */
    public double negatives() {
        return wTn + wFp;
    }

    /** @return TP + FP, the (weighted) number of predicted positives */
    public double predictedPositives() {
        return wTp + wFp;
    }

    /** @return TN + FN, the (weighted) number of predicted negatives */
    public double predictedNegatives() {
        return wTn + wFn;
    }

    /**
     * Adds two counts. Weighted sums are added in plain double arithmetic; the tally kernel uses compensated
     * summation before it builds these values.
     *
     * @throws IllegalArgumentException if one is weighted and the other is not
     */
    public CellCounts plus(CellCounts other) {
        if (weighted != other.weighted) {
            throw new IllegalArgumentException("cannot add weighted and unweighted counts");
        }
        return new CellCounts(tn + other.tn, fp + other.fp, fn + other.fn, tp + other.tp,
                wTn + other.wTn, wFp + other.wFp, wFn + other.wFn, wTp + other.wTp, weighted);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CellCounts)) {
            return false;
        }
        CellCounts c = (CellCounts) o;
        return tn == c.tn && fp == c.fp && fn == c.fn && tp == c.tp && weighted == c.weighted
                && Double.compare(wTn, c.wTn) == 0 && Double.compare(wFp, c.wFp) == 0
                && Double.compare(wFn, c.wFn) == 0 && Double.compare(wTp, c.wTp) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tn, fp, fn, tp, wTn, wFp, wFn, wTp, weighted);
    }

    @Override
    public String toString() {
        String s = "CellCounts[tn=" + tn + ", fp=" + fp + ", fn=" + fn + ", tp=" + tp;
        if (weighted) {
            s += ", weights tn=" + wTn + ", fp=" + wFp + ", fn=" + wFn + ", tp=" + wTp;
        }
        return s + "]";
    }
}
