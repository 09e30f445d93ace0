package org.fairkit.benchmarks;

import java.util.SplittableRandom;

/** Seeded columns for the benchmarks: byte labels and predictions, int group codes, optional weights. */
public final class BenchmarkData {
    /** Labels, 0 or 1. */
    public final byte[] labels;
    /** Predictions, 0 or 1. */
    public final byte[] predictions;
    /** Group codes in [0, groups). */
    public final int[] groups;
    /** Weights in [0.5, 2), or null. */
    public final double[] weights;

    private BenchmarkData(byte[] labels, byte[] predictions, int[] groups, double[] weights) {
        this.labels = labels;
        this.predictions = predictions;
        this.groups = groups;
        this.weights = weights;
    }

    /** The same columns for the same arguments, always. */
    public static BenchmarkData generate(int rows, int groupCount, boolean weighted, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] y = new byte[rows];
        byte[] p = new byte[rows];
        int[] g = new int[rows];
        double[] w = weighted ? new double[rows] : null;
        for (int i = 0; i < rows; i++) {
            g[i] = r.nextInt(groupCount);
            y[i] = (byte) (r.nextDouble() < 0.4 ? 1 : 0);
            p[i] = (byte) (r.nextDouble() < (y[i] == 1 ? 0.7 : 0.2) ? 1 : 0);
            if (w != null) {
                w[i] = 0.5 + 1.5 * r.nextDouble();
            }
        }
        return new BenchmarkData(y, p, g, w);
    }
}
