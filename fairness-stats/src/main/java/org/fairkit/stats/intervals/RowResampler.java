package org.fairkit.stats.intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.bootstrap.Streams;

/**
 * The stratified row bootstrap as multiplicities: resample {@code b} gives every row a count {@code c_i}, the number
 * of times it was drawn, by drawing {@code n_h} rows with replacement within each stratum h (so every stratum keeps
 * its size, Davison &amp; Hinkley 1997, §3.7); a statistic then reads the rows with weights {@code w_i · c_i}, which is
 * exactly the statistic of the resampled rows.
 *
 * <p><b>Reproducible and invariant.</b> Each stratum's rows are put in a canonical order (by a hash of each row's
 * content, e.g. score, label and weight), and stratum h of resample b draws from
 * {@link Streams#generator(long, long)} {@code (seed ⊕ key_h, b)}, where {@code key_h} hashes the stratum's content
 * in that order (strata with equal content are told apart by their order). So the intervals depend on the seed and
 * the rows' content only: the same on any machine, in any call order, after any permutation of the rows and any
 * renaming of the groups (up to the rounding of sums taken in row order).
 *
 * <p><b>Acceleration for BCa</b> (Efron 1987) from the stratified jackknife: with {@code θ₍ᵢ₎} the statistic without
 * row i and {@code θ̄_h} the mean of those of stratum h, {@code d_i = θ̄_h − θ₍ᵢ₎} and
 * {@code â = Σ d_i³ / (6 (Σ d_i²)^{3/2})} (Efron 1987; Davison &amp; Hinkley 1997, §5.3, with the
 * stratified empirical influence values of §3.7). A statistic that cannot leave rows out cheaply gives no jackknife, and BCa then
 * uses â = 0 and says so in the interval's method.
 */
public final class RowResampler {
    private RowResampler() {
    }

    /** A vector of quantities computed from rows with multiplicities. */
    public interface Statistic {
        /** @return the number of quantities */
        int size();

        /**
         * Evaluates every quantity with row {@code i} counted {@code multiplicity[i]} times.
         *
         * @param multiplicity one count per row
         * @param out the quantities, NaN where undefined; infinite values are ordered (a ratio {@code x / 0})
         */
        void evaluate(int[] multiplicity, double[] out);

        /**
         * The leave-one-out values, when cheap.
         *
         * @return {@code out[k][i]} = quantity k without row i (NaN where undefined); {@code out[k]} is {@code null}
         *     for a quantity without a cheap jackknife, and {@code out} itself {@code null} when none has one
         */
        default double[][] jackknife() {
            return null;
        }
    }

    /**
     * Resamples.
     *
     * @param strata the row indices of each stratum (every row in exactly one; an empty stratum is allowed)
     * @param rowHash a hash of each row's content (rows with equal content are interchangeable)
     * @param rows the number of rows
     * @param statistic what to compute
     * @param settings resamples, seed and the method (BCa asks for the jackknife)
     * @return one distribution per quantity, in the statistic's order
     */
    public static List<BootstrapDistribution> run(int[][] strata, long[] rowHash, int rows, Statistic statistic,
            RowBootstrap settings) {
        int k = statistic.size();
        int[][] canonical = new int[strata.length][];
        long[] key = new long[strata.length];
        for (int h = 0; h < strata.length; h++) {
            canonical[h] = java.util.Arrays.stream(strata[h]).boxed()
                    .sorted(java.util.Comparator.<Integer>comparingLong(i -> rowHash[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            long x = 0x2545F4914F6CDD1DL + canonical[h].length;
            for (int i : canonical[h]) {
                x = mix(x + rowHash[i]);
            }
            key[h] = x;
        }
        for (int h = 0; h < strata.length; h++) {
            for (int j = 0; j < h; j++) {
                if (key[j] == key[h]) {
                    key[h] = mix(key[h] + 1); // equal content: told apart by order
                    j = -1;
                }
            }
        }
        int[] ones = new int[rows];
        Arrays.fill(ones, 1);
        double[] point = new double[k];
        statistic.evaluate(ones, point);
        int b = settings.resamples();
        double[][] draws = new double[k][b];
        int[] mult = new int[rows];
        double[] out = new double[k];
        for (int r = 0; r < b; r++) {
            Arrays.fill(mult, 0);
            for (int h = 0; h < canonical.length; h++) {
                int[] stratum = canonical[h];
                int m = stratum.length;
                if (m == 0) {
                    continue;
                }
                UniformRandomProvider rng = Streams.generator(settings.seed() ^ key[h], r);
                for (int j = 0; j < m; j++) {
                    mult[stratum[rng.nextInt(m)]]++;
                }
            }
            statistic.evaluate(mult, out);
            for (int q = 0; q < k; q++) {
                draws[q][r] = out[q];
            }
        }
        double[][] jack = settings.method() == org.fairkit.stats.bootstrap.BootstrapMethod.BCA
                ? statistic.jackknife() : null;
        List<BootstrapDistribution> result = new ArrayList<>(k);
        for (int q = 0; q < k; q++) {
            OptionalDouble a = OptionalDouble.empty();
            String note = "no cheap jackknife for this statistic";
            if (jack != null && jack[q] != null) {
                double acc = acceleration(strata, jack[q]);
                if (Double.isNaN(acc)) {
                    note = "the value is undefined without some row";
                } else {
                    a = OptionalDouble.of(acc);
                    note = null;
                }
            }
            result.add(new BootstrapDistribution(point[q], draws[q], a, note));
        }
        return result;
    }

    /** SplitMix64's finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a hash of a row's content from its values' bits */
    public static long hash(double a, double b, double c) {
        return mix(mix(mix(Double.doubleToLongBits(a + 0.0)) + Double.doubleToLongBits(b + 0.0))
                + Double.doubleToLongBits(c + 0.0));
    }

    /**
     * The stratified jackknife acceleration.
     *
     * @param strata row indices per stratum
     * @param leaveOneOut the statistic without each row
     * @return â, 0 when every leave-one-out value equals its stratum mean, NaN if any is undefined
     */
    public static double acceleration(int[][] strata, double[] leaveOneOut) {
        double s2 = 0;
        double s3 = 0;
        for (int[] stratum : strata) {
            if (stratum.length < 2) {
                continue; // a single row: its deletion empties the stratum, and its influence is 0 by centring
            }
            double mean = 0;
            for (int i : stratum) {
                double v = leaveOneOut[i];
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                mean += v;
            }
            mean /= stratum.length;
            for (int i : stratum) {
                double d = mean - leaveOneOut[i];
                s2 += d * d;
                s3 += d * d * d;
            }
        }
        return s2 == 0 ? 0.0 : s3 / (6 * Math.pow(s2, 1.5));
    }
}
