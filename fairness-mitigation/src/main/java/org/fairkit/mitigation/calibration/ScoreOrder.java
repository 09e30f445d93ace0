package org.fairkit.mitigation.calibration;

/**
 * Stable sort of rows by (score, label), the order of scikit-learn's {@code numpy.lexsort((y, X))}.
 *
 * <p>A score in [0, 1] is a non-negative double, so its IEEE-754 bit pattern is ordered like the value and is
 * below {@code 0x3FF0000000000000 < 2^62}: {@code bits(score) << 1 | label} is a non-negative 63-bit key with the
 * same order as (score, label). Keys are sorted with a least-significant-digit radix sort (six passes of 11 bits,
 * passes whose digit is constant skipped), which is stable, so rows with equal keys keep their input order as
 * with {@code lexsort}. Cost O(n); inputs below 64 rows use insertion sort.
 */
final class ScoreOrder {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int SMALL = 64;

    private ScoreOrder() {
    }

    /** @return the sort key of a score in [0, 1] (with {@code -0.0} already mapped to {@code 0.0}) and label */
    static long key(double score, int label) {
        return (Double.doubleToRawLongBits(score) << 1) | label;
    }

    /**
     * Sorts {@code keys} in place and permutes {@code rows} alongside, stably.
     *
     * @param keys non-negative keys
     * @param rows payload, same length
     */
    static void sort(long[] keys, int[] rows) {
        int n = keys.length;
        if (n < SMALL) {
            insertion(keys, rows);
            return;
        }
        long[] k = keys;
        int[] r = rows;
        long[] k2 = new long[n];
        int[] r2 = new int[n];
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 63; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (long key : k) {
                count[(int) ((key >>> shift) & (RADIX - 1)) + 1]++;
            }
            if (oneBucket(count, n)) {
                continue;
            }
            for (int d = 1; d <= RADIX; d++) {
                count[d] += count[d - 1];
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) ((k[i] >>> shift) & (RADIX - 1))]++;
                k2[at] = k[i];
                r2[at] = r[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] tr = r;
            r = r2;
            r2 = tr;
        }
        if (k != keys) {
            System.arraycopy(k, 0, keys, 0, n);
            System.arraycopy(r, 0, rows, 0, n);
        }
    }

    private static boolean oneBucket(int[] count, int n) {
        for (int d = 1; d < count.length; d++) {
            if (count[d] == n) {
                return true;
            }
        }
        return false;
    }

    private static void insertion(long[] keys, int[] rows) {
        for (int i = 1; i < keys.length; i++) {
            long k = keys[i];
            int r = rows[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k) {
                keys[j + 1] = keys[j];
                rows[j + 1] = rows[j];
                j--;
            }
            keys[j + 1] = k;
            rows[j + 1] = r;
        }
    }
}
