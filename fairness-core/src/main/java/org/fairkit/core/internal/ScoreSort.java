package org.fairkit.core.internal;

/**
 * The one score sort of FairKit: a stable least-significant-digit radix sort of 64-bit keys, compared as unsigned,
 * with an {@code int} payload (the row) permuted alongside, and the keys that order scores.
 *
 * <p>A non-negative double's IEEE-754 bits order like the value, so {@link #ascending(double)} (the bits) and
 * {@link #descending(double)} (their complement) are keys of scores in [0, 1] ({@code -0.0} is folded into
 * {@code 0.0}); callers may pack more below the bits of a score in [0, 1], which lie below {@code 2^62}, e.g.
 * {@code ascending(score) << 1 | label} sorts by (score, label).
 *
 * <p>Algorithm: one pass counts the histograms of all digits (six of 11 bits, or five of 13 bits from 131,072
 * keys), then one stable counting pass per digit, skipping the digits on which every key agrees (the leading bits of
 * scores in [0, 1], or every digit of a decile score but a few). Cost O(n) per pass, 12 bytes of scratch per row, no comparison sort and no boxing; below
 * 64 keys an insertion sort. Stable: rows with equal keys keep their input order.
 */
public final class ScoreSort {
    /** Digits of 11 bits (2,048 buckets, 6 passes over 64 bits) below {@link #WIDE_FROM} keys. */
    private static final int NARROW_BITS = 11;
    /**
     * Digits of 13 bits (8,192 buckets, 5 passes) from {@link #WIDE_FROM} keys: one pass fewer over the 62 bits a
     * score in [0, 1] spans, while the buckets' write streams still fit in the L2 cache; about 12 % less sort time at
     * 1e6 rows (benchmarks/README.md). Below that the larger histograms would cost more than the pass saves.
     */
    private static final int WIDE_BITS = 13;
    private static final int WIDE_FROM = 1 << 17;
    private static final int SMALL = 64;

    private ScoreSort() {
    }

    /** @return the key that sorts non-negative scores increasingly */
    public static long ascending(double score) {
        return Double.doubleToRawLongBits(score + 0.0);
    }

    /** @return the key that sorts non-negative scores decreasingly */
    public static long descending(double score) {
        return ~Double.doubleToRawLongBits(score + 0.0);
    }

    /** @return the score whose {@link #descending} key this is ({@code -0.0} comes back as {@code 0.0}) */
    public static double scoreOfDescending(long key) {
        return Double.longBitsToDouble(~key);
    }

    /** @return the rows {@code 0..keys.length-1} in the stable order of their keys, which are left unchanged */
    public static int[] order(long[] keys) {
        long[] k = keys.clone();
        int[] rows = new int[k.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        sort(k, rows);
        return rows;
    }

    /**
     * Sorts {@code keys} in place, as unsigned 64-bit numbers, and permutes {@code rows} alongside, stably.
     *
     * @param keys the keys
     * @param rows the payload, at least as long as the keys
     */
    public static void sort(long[] keys, int[] rows) {
        int n = keys.length;
        if (n < SMALL) {
            insertion(keys, rows, n);
            return;
        }
        int digitBits = n >= WIDE_FROM ? WIDE_BITS : NARROW_BITS;
        int radix = 1 << digitBits;
        int passes = (64 + digitBits - 1) / digitBits;
        int[][] histograms = new int[passes][radix];
        for (long k : keys) {
            for (int p = 0; p < passes; p++) {
                histograms[p][(int) ((k >>> (p * digitBits)) & (radix - 1))]++;
            }
        }
        long[] key = keys;
        int[] row = rows;
        long[] key2 = new long[n];
        int[] row2 = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] h = histograms[p];
            int shift = p * digitBits;
            if (h[(int) ((key[0] >>> shift) & (radix - 1))] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int[] start = new int[radix];
            for (int d = 1; d < radix; d++) {
                start[d] = start[d - 1] + h[d - 1];
            }
            for (int i = 0; i < n; i++) {
                long k = key[i];
                int pos = start[(int) ((k >>> shift) & (radix - 1))]++;
                key2[pos] = k;
                row2[pos] = row[i];
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] tr = row;
            row = row2;
            row2 = tr;
        }
        if (key != keys) {
            System.arraycopy(key, 0, keys, 0, n);
            System.arraycopy(row, 0, rows, 0, n);
        }
    }

    private static void insertion(long[] keys, int[] rows, int n) {
        for (int i = 1; i < n; i++) {
            long k = keys[i];
            int r = rows[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                rows[j + 1] = rows[j];
                j--;
            }
            keys[j + 1] = k;
            rows[j + 1] = r;
        }
    }
}
