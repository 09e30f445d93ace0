package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random small feature tables for the property tests, built from a seed: 1 to 4 groups (some of a single row), 1 to
 * 3 features that are either small integers (many ties, as ages and hours) or continuous, shifted by group so that
 * the features do depend on the group, and a numeric sensitive column (0/1 indicator or continuous).
 */
record FeatureCases(FeatureTable table, String[] groups, List<String> features, long seed) {
    static Gen<FeatureCases> cases() {
        return SourceDSL.longs().all().map(FeatureCases::of);
    }

    static FeatureCases of(long seed) {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int k = 1 + r.nextInt(4);
        int n = k + r.nextInt(60);
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            // every group has a row; one group may be a single row
            groups[i] = "g" + (i < k ? i : (k > 1 && r.nextInt(5) == 0 ? 0 : r.nextInt(k)));
        }
        int p = 1 + r.nextInt(3);
        FeatureTable.Builder b = FeatureTable.builder();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            boolean ties = r.nextBoolean();
            int range = 2 + r.nextInt(20);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int g = groups[i].charAt(1) - '0';
                v[i] = ties ? r.nextInt(range) + 2 * g : (r.nextDouble() - 0.5) * 40 + 3 * g;
            }
            names.add("x" + j);
            b.numeric("x" + j, v);
        }
        double[] s = new double[n];
        boolean indicator = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            int g = groups[i].charAt(1) - '0';
            s[i] = indicator ? (g == 0 ? 1.0 : 0.0) : g + r.nextDouble() * 2;
        }
        b.numeric("s", s);
        b.sensitive("group", groups);
        return new FeatureCases(b.build(), groups, List.copyOf(names), seed);
    }

    /** The same rows in the order {@code perm} (row {@code i} of the result is row {@code perm[i]}). */
    FeatureTable permuted(int[] perm) {
        FeatureTable.Builder b = FeatureTable.builder();
        for (String f : table.numericNames()) {
            b.numeric(f, permute(table.column(f), perm));
        }
        String[] g = new String[perm.length];
        for (int i = 0; i < perm.length; i++) {
            g[i] = groups[perm[i]];
        }
        return b.sensitive("group", g).build();
    }

    /** The same rows with every group renamed by {@code rename}. */
    FeatureTable relabeled(java.util.function.UnaryOperator<String> rename) {
        FeatureTable.Builder b = FeatureTable.builder();
        for (String f : table.numericNames()) {
            b.numeric(f, table.column(f));
        }
        String[] g = new String[groups.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = rename.apply(groups[i]);
        }
        return b.sensitive("group", g).build();
    }

    int[] permutation() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(~seed);
        int n = groups.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    static double[] permute(double[] v, int[] perm) {
        double[] out = new double[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = v[perm[i]];
        }
        return out;
    }
}
