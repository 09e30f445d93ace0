package org.fairkit.stats.tests;

import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * The outcome of a Monte Carlo permutation test.
 *
 * @param observed the statistic on the observed data
 * @param pValue {@code (b + 1) / (m + 1)} (Phipson &amp; Smyth 2010), in (0, 1]; undefined when the observed
 *     statistic is undefined or no permutation gave a defined statistic
 * @param permutations the number of random permutations drawn
 * @param exceedances {@code b}: permutations whose statistic is at least the observed one
 * @param undefinedPermutations permutations whose statistic was undefined; they are left out, so
 *     {@code m = permutations - undefinedPermutations}
 * @param seed the seed that reproduces the result
 */
public record PermutationResult(MetricValue observed, MetricValue pValue, int permutations, long exceedances,
        long undefinedPermutations, long seed) {

    /** Checks for nulls and consistent counts. */
    public PermutationResult {
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(pValue, "pValue");
        if (exceedances < 0 || undefinedPermutations < 0 || exceedances + undefinedPermutations > permutations) {
            throw new IllegalArgumentException("need exceedances + undefinedPermutations <= permutations, got "
                    + exceedances + " + " + undefinedPermutations + " > " + permutations);
        }
    }
}
