package org.fairkit.mitigation.internal;

/**
 * The per-row uniform draws of the randomized mitigators ({@code ThresholdOptimizer}, the reductions'
 * {@code Mixture}), written once: the {@code i}-th (0-based) double of a SplitMix64 generator seeded with
 * {@code seed} (Commons RNG's {@code SPLIT_MIX_64}): state {@code seed + (i + 1) * 0x9E3779B97F4A7C15}, Stafford's
 * mix 13, top 53 bits. The same seed gives the same bits, and a slice of rows gets the same draws as in the whole.
 * Not for users.
 */
public final class SplitMix {
    private SplitMix() {
    }

    /**
     * The {@code i}-th (0-based) double in [0, 1) of SplitMix64 seeded with {@code seed}.
     *
     * @param seed the seed
     * @param i the row
     * @return the draw, in [0, 1)
     */
    public static double uniform(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /**
     * Randomized 0/1 predictions: row {@code i} predicts 1 when {@code uniform(seed, i) < p[i]}.
     *
     * @param seed the seed
     * @param p each row's probability of a positive prediction
     * @return the 0/1 predictions
     */
    public static int[] draw(long seed, double[] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = uniform(seed, i) < p[i] ? 1 : 0;
        }
        return out;
    }
}
