package org.fairkit.stats.drift;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;

/**
 * Kernel two-sample test with the maximum mean discrepancy (Gretton, Borgwardt, Rasch, Schölkopf &amp; Smola 2012,
 * "A kernel two-sample test", JMLR 13): detects any difference between the distributions of two samples of
 * vectors (scores, embeddings, feature rows), not only a shift of the mean.
 *
 * <p>Statistic: the biased (V-statistic) estimate, never negative,
 * {@code MMD² = (1/n²) Σ_ij k(x_i, x_j) + (1/m²) Σ_ij k(y_i, y_j) - (2/(nm)) Σ_ij k(x_i, y_j)}, with the Gaussian
 * kernel {@code k(u, v) = exp(-||u - v||² / (2σ²))}. Bandwidth: the <b>median heuristic</b>, σ = the median of the
 * Euclidean distances between distinct pairs of the pooled sample (Gretton et al. 2012, section 8); if that
 * median is 0 (more than half the pairs coincide) the median of the non-zero distances is used, and if every
 * point coincides the statistic is 0.
 *
 * <p>p-value: a seeded permutation test of the pooled sample (H0: the sample labels are exchangeable),
 * {@code (b + 1) / (P + 1)} with {@code b} the permutations whose MMD² is at least the observed one (Phipson
 * &amp; Smyth 2010). Permutations run in blocks, each with its own generator (XO_RO_SHI_RO_128_PP seeded with
 * {@code seed}, jumped 2^64 steps per block), so the result depends on the seed only, whatever the number of
 * threads.
 *
 * <p>Cost: the pooled kernel matrix is computed once, {@code O(N²)} memory and time with {@code N = n + m},
 * and each permutation costs {@code O(N²)}; {@code N} is limited to {@value #MAX_POOLED} (subsample larger
 * windows). No library reference exists for this test (SciPy and statsmodels have none); it is tested on
 * constructed samples.
 *
 * <p>Usage: {@code MaximumMeanDiscrepancy.of(999, 7).test(reference, current)}. Immutable.
 */
public final class MaximumMeanDiscrepancy {
    /** The largest pooled sample accepted (the kernel matrix holds N² doubles: 72 MB at 3000). */
    public static final int MAX_POOLED = 3000;
    private static final int BLOCK = 64;

    private final int permutations;
    private final long seed;

    private MaximumMeanDiscrepancy(int permutations, long seed) {
        this.permutations = permutations;
        this.seed = seed;
    }

    /**
     * A test with {@code permutations} random permutations and a seed.
     *
     * @throws IllegalArgumentException if {@code permutations < 1}
     */
    public static MaximumMeanDiscrepancy of(int permutations, long seed) {
        if (permutations < 1) {
            throw InputErrors.badSetting("permutations", permutations, ">= 1 (e.g. 999)");
        }
        return new MaximumMeanDiscrepancy(permutations, seed);
    }

    /**
     * The outcome of the test.
     *
     * @param mmdSquared the observed biased MMD²
     * @param bandwidth the kernel bandwidth σ (median heuristic)
     * @param pValue the permutation p-value {@code (b + 1) / (P + 1)}, in (0, 1]
     * @param permutations P
     * @param exceedances b
     * @param seed the seed that reproduces the result
     */
    public record Result(double mmdSquared, double bandwidth, MetricValue pValue, int permutations,
            long exceedances, long seed) {
    }

    /** Univariate samples; see {@link #test(double[][], double[][])}. */
    public Result test(double[] reference, double[] current) {
        DistributionDrift.finite("reference", reference);
        DistributionDrift.finite("current", current);
        return test(column(reference), column(current));
    }

    /**
     * Tests whether two samples of d-dimensional vectors come from the same distribution.
     *
     * @param reference n rows of d finite values, n >= 1
     * @param current m rows of d finite values, m >= 1
     * @throws IllegalArgumentException for an empty sample, rows of different dimension, a non-finite value, or
     *     {@code n + m > MAX_POOLED}
     */
    public Result test(double[][] reference, double[][] current) {
        int d = check("reference", reference, -1);
        check("current", current, d);
        int n = reference.length;
        int m = current.length;
        int total = n + m;
        if (total > MAX_POOLED) {
            throw InputErrors.badSetting("reference.length + current.length", total, "<= " + MAX_POOLED
                    + " (subsample the windows)");
        }
        double[][] pooled = new double[total][];
        System.arraycopy(reference, 0, pooled, 0, n);
        System.arraycopy(current, 0, pooled, n, m);
        double[] sq = new double[total * (total - 1) / 2];
        int p = 0;
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = pooled[i][k] - pooled[j][k];
                    s += diff * diff;
                }
                sq[p++] = s;
            }
        }
        double sigma = bandwidth(sq);
        double[][] kernel = new double[total][total];
        p = 0;
        for (int i = 0; i < total; i++) {
            kernel[i][i] = 1;
            for (int j = i + 1; j < total; j++) {
                double k = sigma == 0 ? 1 : Math.exp(-sq[p++] / (2 * sigma * sigma));
                kernel[i][j] = k;
                kernel[j][i] = k;
            }
        }
        boolean[] isRef = new boolean[total];
        Arrays.fill(isRef, 0, n, true);
        double observed = mmd2(kernel, isRef, n, m);
        double threshold = observed - 1e-12 * Math.abs(observed);
        int blocks = (permutations + BLOCK - 1) / BLOCK;
        UniformRandomProvider[] streams = streams(seed, blocks);
        long exceed = IntStream.range(0, blocks).parallel().mapToLong(b -> {
            UniformRandomProvider rng = streams[b];
            int count = Math.min(BLOCK, permutations - b * BLOCK);
            int[] idx = new int[total];
            boolean[] label = new boolean[total];
            long e = 0;
            for (int r = 0; r < count; r++) {
                for (int i = 0; i < total; i++) {
                    idx[i] = i;
                }
                for (int i = total - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                }
                Arrays.fill(label, false);
                for (int i = 0; i < n; i++) {
                    label[idx[i]] = true;
                }
                if (mmd2(kernel, label, n, m) >= threshold) {
                    e++;
                }
            }
            return e;
        }).sum();
        return new Result(observed, sigma, MetricValue.of((exceed + 1.0) / (permutations + 1.0)), permutations,
                exceed, seed);
    }

    private static double mmd2(double[][] kernel, boolean[] isRef, int n, int m) {
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int total = kernel.length;
        for (int i = 0; i < total; i++) {
            double[] row = kernel[i];
            boolean a = isRef[i];
            for (int j = 0; j < total; j++) {
                if (a == isRef[j]) {
                    if (a) {
                        sxx += row[j];
                    } else {
                        syy += row[j];
                    }
                } else if (a) {
                    sxy += row[j];
                }
            }
        }
        double v = sxx / ((double) n * n) + syy / ((double) m * m) - 2 * sxy / ((double) n * m);
        return Math.max(0, v);
    }

    private static double bandwidth(double[] squaredDistances) {
        if (squaredDistances.length == 0) {
            return 0;
        }
        double[] s = squaredDistances.clone();
        Arrays.sort(s);
        double median = Math.sqrt(median(s, 0));
        if (median > 0) {
            return median;
        }
        int firstPositive = 0;
        while (firstPositive < s.length && s[firstPositive] == 0) {
            firstPositive++;
        }
        return firstPositive == s.length ? 0 : Math.sqrt(median(s, firstPositive));
    }

    private static double median(double[] sorted, int from) {
        int len = sorted.length - from;
        int mid = from + len / 2;
        return len % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int check(String name, double[][] rows, int dimension) {
        if (rows == null || rows.length == 0) {
            throw InputErrors.badSetting(name + ".length", rows == null ? null : 0, ">= 1");
        }
        int d = dimension < 0 ? (rows[0] == null ? 0 : rows[0].length) : dimension;
        if (d < 1) {
            throw InputErrors.badSetting(name + "[0].length", d, ">= 1");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw InputErrors.badValue(name, i, rows[i] == null ? null : rows[i].length + " values",
                        d + " values (the dimension of the samples)");
            }
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) {
                    throw InputErrors.badValue(name, i, v, "finite values");
                }
            }
        }
        return d;
    }

    private static double[][] column(double[] x) {
        double[][] c = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            c[i][0] = x[i];
        }
        return c;
    }

    /**
     * One generator per block: XO_RO_SHI_RO_128_PP seeded with {@code seed} (expanded by SplitMix64), then jumped
     * 2^64 steps per block, so the blocks' streams never overlap and depend on the seed only.
     */
    static UniformRandomProvider[] streams(long seed, int blocks) {
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP
                .create(seed);
        return base.jumps(blocks).toArray(UniformRandomProvider[]::new);
    }
}
