package org.fairkit.mitigation.postprocessing;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * A random small problem for the two-group post-processors: 4 to 60 rows in groups "a" (privileged), "b" and
 * sometimes "c" (both unprivileged, pooled); scores from a coarse set with ties, 0 and 1 included, or continuous;
 * labels with a group-dependent base rate; optional real weights (some 0). Both roles always have a row of positive
 * weight; a role may lack a class (the fit then refuses, which the tests check).
 */
record TwoGroupProblem(long seed, double[] scores, int[] labels, String[] groups, double[] weights) {
    static Gen<TwoGroupProblem> problems() {
        return SourceDSL.longs().all().map(TwoGroupProblem::of);
    }

    static TwoGroupProblem of(long seed) {
        UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(seed);
        int n = 4 + r.nextInt(57);
        boolean coarse = r.nextBoolean();
        boolean three = r.nextBoolean();
        boolean weighted = r.nextInt(3) == 0;
        double[] s = new double[n];
        int[] y = new int[n];
        String[] g = new String[n];
        double[] w = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            g[i] = i == 0 ? "a" : i == 1 ? "b" : three ? new String[] {"a", "b", "c"}[r.nextInt(3)]
                    : r.nextBoolean() ? "a" : "b";
            s[i] = coarse ? r.nextInt(11) / 10.0 : r.nextDouble();
            double base = g[i].equals("a") ? 0.2 + 0.6 * s[i] : 0.1 + 0.5 * s[i];
            y[i] = r.nextDouble() < base ? 1 : 0;
            if (w != null) {
                w[i] = i < 2 ? 1 + r.nextInt(3) : r.nextInt(4) == 0 ? 0 : 0.25 + r.nextDouble() * 2;
            }
        }
        return new TwoGroupProblem(seed, s, y, g, w);
    }

    int size() {
        return scores.length;
    }

    /** The same rows in a random order (seeded). */
    TwoGroupProblem permuted(long permutationSeed) {
        UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(permutationSeed);
        int n = size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        double[] s = new double[n];
        int[] y = new int[n];
        String[] g = new String[n];
        double[] w = weights == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = scores[idx[i]];
            y[i] = labels[idx[i]];
            g[i] = groups[idx[i]];
            if (w != null) {
                w[i] = weights[idx[i]];
            }
        }
        return new TwoGroupProblem(seed, s, y, g, w);
    }

    /** The same rows with every group renamed (a -> zz, b -> m, c -> aa): the sort order of the labels changes. */
    TwoGroupProblem relabeled() {
        String[] g = new String[size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = groups[i].equals("a") ? "zz" : groups[i].equals("b") ? "m" : "aa";
        }
        return new TwoGroupProblem(seed, scores, labels, g, weights);
    }

    double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    boolean privileged(int i) {
        return groups[i].equals("a") || groups[i].equals("zz");
    }

    /** [role][0 weight, 1 positives, 2 negatives] with role 1 privileged. */
    double[][] totals() {
        double[][] t = new double[2][3];
        for (int i = 0; i < size(); i++) {
            int k = privileged(i) ? 1 : 0;
            t[k][0] += weight(i);
            t[k][labels[i] == 1 ? 1 : 2] += weight(i);
        }
        return t;
    }
}
