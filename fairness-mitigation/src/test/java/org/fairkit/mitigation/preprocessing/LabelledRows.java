package org.fairkit.mitigation.preprocessing;

import java.util.Locale;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random labelled rows for the pre-processing property tests: 1 to 60 rows, a first feature with 1 to 5 levels and
 * a second with 1 to 3 (for intersections), per-level label profiles (random, all 0, all 1, so some cells are
 * empty), scores on a coarse grid (ties) and optional integer (with zeros) or real weights.
 */
record LabelledRows(int[] labels, String[] groups, String[] second, double[] scores, double[] weights) {

    static Gen<LabelledRows> rows(boolean weighted) {
        Gen<LabelledRows> g = rs -> generate(rs, weighted);
        return g.describedAs(LabelledRows::toString);
    }

    private static int between(RandomnessSource rs, int lo, int hi) {
        return Generate.range(lo, hi).generate(rs);
    }

    private static LabelledRows generate(RandomnessSource rs, boolean weighted) {
        int n = between(rs, 1, 60);
        int levels = between(rs, 1, 5);
        int[] profile = new int[levels];
        for (int l = 0; l < levels; l++) {
            profile[l] = between(rs, 0, 5); // 0: all 0, 1: all 1, else random
        }
        int weighting = weighted ? between(rs, 1, 2) : 0;
        int[] y = new int[n];
        String[] g = new String[n];
        String[] h = new String[n];
        double[] s = new double[n];
        double[] w = weighting == 0 ? null : new double[n];
        for (int i = 0; i < n; i++) {
            int l = between(rs, 0, levels - 1);
            g[i] = "L" + l;
            h[i] = "h" + between(rs, 0, 2);
            y[i] = profile[l] == 0 ? 0 : profile[l] == 1 ? 1 : between(rs, 0, 1);
            s[i] = between(rs, 0, 10) / 10.0;
            if (w != null) {
                w[i] = weighting == 1 ? between(rs, 0, 3) : between(rs, 1, 100_000) / 1000.0;
            }
        }
        return new LabelledRows(y, g, h, s, w);
    }

    double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    double totalWeight() {
        double t = 0;
        for (int i = 0; i < labels.length; i++) {
            t += weight(i);
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Rows[" + labels.length + ":");
        for (int i = 0; i < labels.length; i++) {
            b.append(String.format(Locale.ROOT, " (%d,%s,%s,%s%s)", labels[i], groups[i], second[i], scores[i],
                    weights == null ? "" : "," + weights[i]));
        }
        return b.append(']').toString();
    }
}
