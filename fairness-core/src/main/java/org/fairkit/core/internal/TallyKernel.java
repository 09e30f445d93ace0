package org.fairkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * The one pass over the rows: per-group confusion counts, and weight sums when weighted.
 *
 * <h2>Layout and determinism</h2>
 * Rows are cut into fixed chunks of {@link #chunkRows(int)} rows, by row index only. Inside a chunk, row
 * {@code i} is counted in lane {@code i % 4} (four independent histograms break the store-to-load
 * dependency when consecutive rows fall in the same cell; weighted data with more than 64 groups uses one lane,
 * see below); lanes are added in a fixed order at the end of the chunk. Up to
 * {@link TallyInput#MAX_PACKED_GROUPS} groups the loop reads one packed 16-bit key per row. Threads take contiguous ranges of chunks. Counts are exact {@code long}s, so their sum does not depend
 * on the split; each chunk's weight sums are stored and folded, in chunk order, into Neumaier-compensated
 * totals after all threads finish. The same input therefore gives the same bits on any number of threads.
 *
 * <h2>Accuracy of weighted sums</h2>
 * Within a chunk a lane adds at most {@code chunkRows} weights in plain double arithmetic (relative error at
 * most about {@code chunkRows} units in the last place, for non-negative weights; typically far less); across
 * chunks the sum is compensated, so the error does not grow with the number of rows.
 *
 * <h2>Cost</h2>
 * One read of the packed keys (and of the weights); no allocation in the loop; extra memory
 * {@code 4 * groupCount} doubles per chunk when weighted. Weighted tallies read 10 bytes per row and are bound by
 * memory bandwidth on small machines (see benchmarks/README.md).
 */
public final class TallyKernel {
    private static final int LANES = 4;
    /**
     * Above this many cells (64 groups), the weighted loop uses one lane: with many groups consecutive rows
     * rarely share a cell, and four lanes of counts and sums would no longer fit in the L1 cache.
     */
    private static final int MAX_LANED_WEIGHTED_CELLS = 256;
    private static final int MIN_CHUNK = 1 << 15;

    private TallyKernel() {
    }

    /**
     * The chunk size for a number of groups: at least 2<sup>15</sup> rows, and at least 256 rows per group so
     * that the per-chunk lane fold stays a small share of the work.
     */
    public static int chunkRows(int groupCount) {
        long perGroup = 256L * Integer.highestOneBit(Math.max(1, groupCount) * 2 - 1);
        return (int) Math.max(MIN_CHUNK, Math.min(perGroup, 1 << 24));
    }

    /** Tallies on the calling thread. */
    public static GroupConfusion tally(TallyInput input) {
        return tally(input, 1);
    }

    /**
     * Tallies with up to {@code threads} threads: the caller and {@code threads - 1} tasks in the common
     * fork-join pool. The result does not depend on {@code threads}.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static GroupConfusion tally(TallyInput input, int threads) {
        return tally(input, threads, ForkJoinPool.commonPool());
    }

    /**
     * Tallies with up to {@code threads} threads: the caller and {@code threads - 1} tasks on {@code executor}.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static GroupConfusion tally(TallyInput input, int threads, Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = input.rows();
        int g = input.groupCount();
        int chunk = chunkRows(g);
        int chunks = (int) ((n + (long) chunk - 1) / chunk);
        int parts = Math.max(1, Math.min(threads, chunks));
        double[] chunkSums = input.isWeighted() ? new double[Math.max(1, chunks) * 4 * g] : null;
        long[][] partCounts = new long[parts][];
        List<CompletableFuture<Void>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures.add(CompletableFuture.runAsync(
                    () -> partCounts[part] = runPart(input, chunk, partStart(part, parts, chunks),
                            partStart(part + 1, parts, chunks), chunkSums), executor));
        }
        partCounts[0] = runPart(input, chunk, 0, partStart(1, parts, chunks), chunkSums);
        try {
            for (CompletableFuture<Void> f : futures) {
                f.join();
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw e;
        }
        long[] counts = new long[4 * g];
        for (long[] c : partCounts) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += c[i];
            }
        }
        double[] sums = null;
        if (chunkSums != null) {
            sums = new double[4 * g];
            double[] comps = new double[4 * g];
            for (int c = 0; c < chunks; c++) {
                for (int i = 0; i < sums.length; i++) {
                    double x = chunkSums[c * 4 * g + i];
                    if (x != 0) {
                        CompensatedSum.add(sums, comps, i, x);
                    }
                }
            }
            for (int i = 0; i < sums.length; i++) {
                sums[i] += comps[i];
            }
        }
        return snapshot(g, counts, sums);
    }

    /** The per-group counts (and compensated weight sums, or {@code null}) as a {@link GroupConfusion}. */
    private static GroupConfusion snapshot(int g, long[] counts, double[] sums) {
        CellCounts[] groups = new CellCounts[g];
        for (int k = 0; k < g; k++) {
            int o = 4 * k;
            groups[k] = sums == null
                    ? CellCounts.of(counts[o], counts[o + 1], counts[o + 2], counts[o + 3])
                    : CellCounts.weighted(counts[o], counts[o + 1], counts[o + 2], counts[o + 3],
                            sums[o], sums[o + 1], sums[o + 2], sums[o + 3]);
        }
        return GroupConfusion.of(groups);
    }

    private static int partStart(int part, int parts, int chunks) {
        return (int) ((long) part * chunks / parts);
    }

    private static long[] runPart(TallyInput in, int chunk, int firstChunk, int endChunk, double[] chunkSums) {
        int cells = 4 * in.groupCount();
        long[] counts = new long[cells];
        int[][] lanes = new int[LANES][cells];
        double[][] sumLanes = chunkSums == null ? null : new double[LANES][cells];
        int n = in.rows();
        for (int c = firstChunk; c < endChunk; c++) {
            int from = c * chunk;
            int to = (int) Math.min(n, (long) from + chunk);
            char[] keys = in.keys();
            if (sumLanes == null) {
                if (keys != null) {
                    count(keys, from, to, lanes[0], lanes[1], lanes[2], lanes[3]);
                } else {
                    count(in.labels(), in.predictions(), in.groups(), from, to, lanes[0], lanes[1], lanes[2],
                            lanes[3]);
                }
            } else {
                if (keys != null && cells > MAX_LANED_WEIGHTED_CELLS) {
                    countWeighted(keys, in.weights(), from, to, lanes[0], sumLanes[0]);
                } else if (keys != null) {
                    countWeighted(keys, in.weights(), from, to, lanes[0], lanes[1], lanes[2], lanes[3],
                            sumLanes[0], sumLanes[1], sumLanes[2], sumLanes[3]);
                } else {
                    countWeighted(in.labels(), in.predictions(), in.groups(), in.weights(), from, to, lanes[0],
                            lanes[1], lanes[2], lanes[3], sumLanes[0], sumLanes[1], sumLanes[2], sumLanes[3]);
                }
                int o = c * cells;
                for (int k = 0; k < cells; k++) {
                    chunkSums[o + k] = (sumLanes[0][k] + sumLanes[1][k]) + (sumLanes[2][k] + sumLanes[3][k]);
                }
                for (double[] s : sumLanes) {
                    java.util.Arrays.fill(s, 0.0);
                }
            }
            for (int[] lane : lanes) {
                for (int k = 0; k < cells; k++) {
                    counts[k] += lane[k];
                }
                java.util.Arrays.fill(lane, 0);
            }
        }
        return counts;
    }

    private static void count(byte[] y, byte[] p, int[] g, int from, int to, int[] c0, int[] c1, int[] c2,
            int[] c3) {
        int i = from;
        int end = from + ((to - from) & ~(LANES - 1));
        for (; i < end; i += LANES) {
            c0[(g[i] << 2) | (y[i] << 1) | p[i]]++;
            c1[(g[i + 1] << 2) | (y[i + 1] << 1) | p[i + 1]]++;
            c2[(g[i + 2] << 2) | (y[i + 2] << 1) | p[i + 2]]++;
            c3[(g[i + 3] << 2) | (y[i + 3] << 1) | p[i + 3]]++;
        }
        for (; i < to; i++) {
            c0[(g[i] << 2) | (y[i] << 1) | p[i]]++;
        }
    }

    private static void count(char[] k, int from, int to, int[] c0, int[] c1, int[] c2, int[] c3) {
        int i = from;
        int end = from + ((to - from) & ~(LANES - 1));
        for (; i < end; i += LANES) {
            c0[k[i]]++;
            c1[k[i + 1]]++;
            c2[k[i + 2]]++;
            c3[k[i + 3]]++;
        }
        for (; i < to; i++) {
            c0[k[i]]++;
        }
    }

    private static void countWeighted(char[] k, double[] w, int from, int to, int[] c, double[] s) {
        for (int i = from; i < to; i++) {
            int key = k[i];
            c[key]++;
            s[key] += w[i];
        }
    }

    private static void countWeighted(char[] k, double[] w, int from, int to, int[] c0, int[] c1, int[] c2,
            int[] c3, double[] s0, double[] s1, double[] s2, double[] s3) {
        int i = from;
        int end = from + ((to - from) & ~(LANES - 1));
        for (; i < end; i += LANES) {
            int k0 = k[i];
            int k1 = k[i + 1];
            int k2 = k[i + 2];
            int k3 = k[i + 3];
            c0[k0]++;
            s0[k0] += w[i];
            c1[k1]++;
            s1[k1] += w[i + 1];
            c2[k2]++;
            s2[k2] += w[i + 2];
            c3[k3]++;
            s3[k3] += w[i + 3];
        }
        for (; i < to; i++) {
            c0[k[i]]++;
            s0[k[i]] += w[i];
        }
    }

    private static void countWeighted(byte[] y, byte[] p, int[] g, double[] w, int from, int to, int[] c0,
            int[] c1, int[] c2, int[] c3, double[] s0, double[] s1, double[] s2, double[] s3) {
        int i = from;
        int end = from + ((to - from) & ~(LANES - 1));
        for (; i < end; i += LANES) {
            int k0 = (g[i] << 2) | (y[i] << 1) | p[i];
            int k1 = (g[i + 1] << 2) | (y[i + 1] << 1) | p[i + 1];
            int k2 = (g[i + 2] << 2) | (y[i + 2] << 1) | p[i + 2];
            int k3 = (g[i + 3] << 2) | (y[i + 3] << 1) | p[i + 3];
            c0[k0]++;
            s0[k0] += w[i];
            c1[k1]++;
            s1[k1] += w[i + 1];
            c2[k2]++;
            s2[k2] += w[i + 2];
            c3[k3]++;
            s3[k3] += w[i + 3];
        }
        for (; i < to; i++) {
            int k = (g[i] << 2) | (y[i] << 1) | p[i];
            c0[k]++;
            s0[k] += w[i];
        }
    }
}
