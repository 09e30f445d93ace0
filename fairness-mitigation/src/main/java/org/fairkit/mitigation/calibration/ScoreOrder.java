package org.fairkit.mitigation.calibration;

import org.fairkit.core.internal.ScoreSort;

/**
 * Stable sort of rows by (score, label), the order of scikit-learn's {@code numpy.lexsort((y, X))}.
 *
 * <p>A score in [0, 1] is a non-negative double, so its IEEE-754 bit pattern is ordered like the value and is
 * below {@code 0x3FF0000000000000 < 2^62}: {@code bits(score) << 1 | label} is a non-negative 63-bit key with the
 * same order as (score, label). Keys are sorted by {@link ScoreSort}, which is stable, so rows with equal keys keep
 * their input order as with {@code lexsort}.
 */
final class ScoreOrder {
    private ScoreOrder() {
    }

    /** @return the sort key of a score in [0, 1] and label */
    static long key(double score, int label) {
        return (ScoreSort.ascending(score) << 1) | label;
    }

    /**
     * Sorts {@code keys} in place and permutes {@code rows} alongside, stably.
     *
     * @param keys non-negative keys
     * @param rows payload, same length
     */
    static void sort(long[] keys, int[] rows) {
        ScoreSort.sort(keys, rows);
    }
}
