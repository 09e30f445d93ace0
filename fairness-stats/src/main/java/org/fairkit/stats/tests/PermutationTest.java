package org.fairkit.stats.tests;

import java.util.stream.IntStream;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * Seeded Monte Carlo permutation test of any disparity of a count-based metric.
 *
 * <p>H0: the group labels are exchangeable (the outcome does not depend on the group). A permutation reassigns
 * the rows to groups at random, keeping the group sizes. Because the statistic depends on the rows only through
 * {@code counts[group][cell]}, FairKit permutes in <em>count space</em>: the permuted table is a draw of the
 * multivariate hypergeometric distribution with the observed group sizes and cell totals, drawn group by group
 * and cell by cell from univariate hypergeometric distributions (Commons Statistics
 * {@link HypergeometricDistribution}). That is the same distribution as shuffling the rows, at a cost that does
 * not grow with the number of rows.
 *
 * <p>With {@code m} permutations with a defined statistic, of which {@code b} have a statistic at least the
 * observed one (up to a relative tolerance of 1e-12, so that floating-point noise does not break ties), the
 * p-value is {@code (b + 1) / (m + 1)}: Phipson &amp; Smyth (2010), "Permutation p-values should never be zero",
 * the exact p-value of a test that treats the observed data as one of the permutations; never 0.
 *
 * <p>Reproducible: permutations are drawn in blocks of {@value #BLOCK}; block {@code i} uses its own generator,
 * XO_RO_SHI_RO_128_PP seeded with {@code seed} and jumped {@code i} times by 2^64, so the result depends on the
 * seed only, not on the number of threads (the parallel and sequential runs give the same bits).
 *
 * <p>Usage: {@code PermutationTest.of(9999, 42).test(groupConfusion,
 * PermutationTest.maxMinDifference(Metrics.SELECTION_RATE))}. Immutable.
 */
public final class PermutationTest {
    static final int BLOCK = 256;

    private final int permutations;
    private final long seed;
    private final boolean parallel;

    private PermutationTest(int permutations, long seed, boolean parallel) {
        this.permutations = permutations;
        this.seed = seed;
        this.parallel = parallel;
    }

    /**
     * A test drawing {@code permutations} random permutations with the given seed, in parallel.
     *
     * @throws IllegalArgumentException if {@code permutations < 1}
     */
    public static PermutationTest of(int permutations, long seed) {
        if (permutations < 1) {
            throw InputErrors.badSetting("permutations", permutations, ">= 1 (e.g. 9999)");
        }
        return new PermutationTest(permutations, seed, true);
    }

    /** @return the same test run on one thread or several; the result is identical either way */
    public PermutationTest parallel(boolean inParallel) {
        return new PermutationTest(permutations, seed, inParallel);
    }

    /**
     * The max-min difference over groups of a core group metric (e.g. {@code Metrics.SELECTION_RATE}), undefined
     * when the metric is undefined for some group.
     */
    public static DisparityStatistic maxMinDifference(GroupMetric metric) {
        return groups -> {
            CellCounts all = groups.overall();
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int g = 0; g < groups.groupCount(); g++) {
                MetricValue v = metric.compute(groups.group(g), all);
                if (!v.isDefined()) {
                    return MetricValue.undefined("group " + g + ": " + v.reason().orElseThrow());
                }
                max = Math.max(max, v.value());
                min = Math.min(min, v.value());
            }
            return MetricValue.of(max - min);
        };
    }

    /**
     * Tests a disparity of unweighted confusion counts per group.
     *
     * @throws IllegalArgumentException if the counts are weighted (weighted rows are not exchangeable in count
     *     space) or there are fewer than 2 groups
     */
    public PermutationResult test(GroupConfusion groups, DisparityStatistic statistic) {
        if (groups.isWeighted()) {
            throw InputErrors.badSetting("groups", "weighted counts", "unweighted counts (permute rows instead)");
        }
        Cell[] cells = Cell.values();
        long[][] counts = new long[groups.groupCount()][cells.length];
        for (int g = 0; g < counts.length; g++) {
            for (Cell c : cells) {
                counts[g][c.index()] = groups.group(g).rows(c);
            }
        }
        return test(counts, table -> {
            CellCounts[] cc = new CellCounts[table.length];
            for (int g = 0; g < table.length; g++) {
                cc[g] = CellCounts.of(table[g][Cell.TN.index()], table[g][Cell.FP.index()],
                        table[g][Cell.FN.index()], table[g][Cell.TP.index()]);
            }
            return statistic.compute(GroupConfusion.of(cc));
        });
    }

    /**
     * Tests a disparity of a table {@code counts[group][cell]}.
     *
     * @throws IllegalArgumentException for fewer than 2 groups or cells, a ragged table, a negative count, or more
     *     than {@code Integer.MAX_VALUE} rows in total
     */
    public PermutationResult test(long[][] counts, CountStatistic statistic) {
        long[][] table = check(counts);
        int groups = table.length;
        int cells = table[0].length;
        long[] sizes = new long[groups];
        long[] totals = new long[cells];
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < cells; c++) {
                sizes[g] += table[g][c];
                totals[c] += table[g][c];
            }
        }
        MetricValue observed = statistic.compute(copy(table));
        if (!observed.isDefined()) {
            return new PermutationResult(observed, MetricValue.undefined("observed statistic is undefined: "
                    + observed.reason().orElseThrow()), permutations, 0, 0, seed);
        }
        double obs = observed.value();
        double threshold = obs - 1e-12 * Math.abs(obs);
        int blocks = (permutations + BLOCK - 1) / BLOCK;
        UniformRandomProvider[] streams = streams(seed, blocks);
        IntStream stream = IntStream.range(0, blocks);
        long[][] perBlock = (parallel ? stream.parallel() : stream).mapToObj(b -> {
            UniformRandomProvider rng = streams[b];
            int n = Math.min(BLOCK, permutations - b * BLOCK);
            long exceed = 0;
            long undefined = 0;
            for (int i = 0; i < n; i++) {
                MetricValue v = statistic.compute(draw(rng, sizes, totals));
                if (!v.isDefined()) {
                    undefined++;
                } else if (v.value() >= threshold) {
                    exceed++;
                }
            }
            return new long[] {exceed, undefined};
        }).toArray(long[][]::new);
        long exceed = 0;
        long undefined = 0;
        for (long[] r : perBlock) {
            exceed += r[0];
            undefined += r[1];
        }
        long defined = permutations - undefined;
        MetricValue p = defined == 0
                ? MetricValue.undefined("the statistic was undefined in every permutation")
                : MetricValue.of((exceed + 1.0) / (defined + 1.0));
        return new PermutationResult(observed, p, permutations, exceed, undefined, seed);
    }

    /** One multivariate hypergeometric table with the given row sums (group sizes) and column sums (cells). */
    static long[][] draw(UniformRandomProvider rng, long[] sizes, long[] totals) {
        int groups = sizes.length;
        int cells = totals.length;
        long[] left = totals.clone();
        long pool = 0;
        for (long t : left) {
            pool += t;
        }
        long[][] t = new long[groups][cells];
        for (int g = 0; g < groups; g++) {
            long need = sizes[g];
            long poolForGroup = pool;
            for (int c = 0; c < cells; c++) {
                long x;
                if (g == groups - 1 || c == cells - 1) {
                    x = g == groups - 1 ? left[c] : need;
                } else if (need == 0 || left[c] == 0) {
                    x = 0;
                } else if (left[c] == poolForGroup) {
                    x = need;
                } else {
                    x = HypergeometricDistribution.of((int) poolForGroup, (int) left[c], (int) need)
                            .inverseCumulativeProbability(rng.nextDouble());
                }
                t[g][c] = x;
                need -= x;
                poolForGroup -= left[c];
                left[c] -= x;
            }
            pool -= sizes[g];
        }
        return t;
    }

    private static long[][] check(long[][] counts) {
        if (counts == null || counts.length < 2) {
            throw InputErrors.badSetting("counts.length", counts == null ? null : counts.length, ">= 2 groups");
        }
        int cells = counts[0] == null ? 0 : counts[0].length;
        if (cells < 2) {
            throw InputErrors.badSetting("counts[0].length", cells, ">= 2 cells");
        }
        long total = 0;
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] == null || counts[g].length != cells) {
                throw InputErrors.badSetting("counts[" + g + "].length", counts[g] == null ? null
                        : counts[g].length, cells + " (the length of counts[0])");
            }
            for (int c = 0; c < cells; c++) {
                if (counts[g][c] < 0) {
                    throw InputErrors.badSetting("counts[" + g + "][" + c + "]", counts[g][c], ">= 0");
                }
                total += counts[g][c];
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw InputErrors.badSetting("total rows", total, "<= " + Integer.MAX_VALUE);
        }
        return copy(counts);
    }

    private static long[][] copy(long[][] t) {
        long[][] c = new long[t.length][];
        for (int i = 0; i < t.length; i++) {
            c[i] = t[i].clone();
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
