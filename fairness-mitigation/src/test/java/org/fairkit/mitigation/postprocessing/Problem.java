package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * A small random fitting problem for the property tests: 1 to 4 groups of 1 to 15 rows, rows interleaved.
 *
 * <p>Biased towards the cases that break threshold code: scores on a coarse grid (many ties, within and across
 * groups) or fine; groups whose labels are all 0 or all 1; single-row groups; no weights, integer weights with
 * zeros (a whole class of a group can weigh 0), or real weights.
 */
record Problem(double[] scores, int[] labels, String[] groups, double[] weights) {

    static Gen<Problem> problems() {
        Gen<Problem> g = Problem::generate;
        return g.describedAs(Problem::toString);
    }

    private static int between(RandomnessSource rs, int lo, int hi) {
        return Generate.range(lo, hi).generate(rs);
    }

    private static Problem generate(RandomnessSource rs) {
        int k = between(rs, 1, 4);
        boolean coarse = between(rs, 0, 1) == 0;
        int weighting = between(rs, 0, 2); // 0 none, 1 integer 0..3, 2 real
        List<double[]> rows = new ArrayList<>(); // score, label, group, weight
        for (int g = 0; g < k; g++) {
            int n = between(rs, 0, 3) == 0 ? 1 : between(rs, 2, 15);
            int profile = between(rs, 0, 6); // 0: all 0, 1: all 1, else random with a group-specific rate
            int rate = between(rs, 10, 90);
            for (int i = 0; i < n; i++) {
                double s = coarse ? between(rs, 0, 10) / 10.0 : between(rs, 0, 1000) / 1000.0;
                int y = profile == 0 ? 0 : profile == 1 ? 1 : between(rs, 1, 100) <= rate ? 1 : 0;
                // scores carry signal: positives tend higher
                if (!coarse && y == 1 && between(rs, 0, 1) == 0) {
                    s = Math.min(1, s + 0.3);
                }
                double w = weighting == 0 ? 1 : weighting == 1 ? between(rs, 0, 3) : between(rs, 1, 10_000) / 1000.0;
                rows.add(new double[] {s, y, g, w});
            }
        }
        // interleave groups: a random permutation (Fisher-Yates with the randomness source)
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = between(rs, 0, i);
            double[] t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
        int n = rows.size();
        double[] s = new double[n];
        int[] y = new int[n];
        String[] grp = new String[n];
        double[] w = weighting == 0 ? null : new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            s[i] = r[0];
            y[i] = (int) r[1];
            grp[i] = "g" + (int) r[2];
            if (w != null) {
                w[i] = r[3];
            }
        }
        return new Problem(s, y, grp, w);
    }

    double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    List<String> groupNames() {
        return new ArrayList<>(new TreeSet<>(Arrays.asList(groups)));
    }

    /** Whether the optimizer must accept this problem: the classes each group needs have positive weight. */
    boolean valid(Constraint c, Objective o) {
        double p = 0;
        double n = 0;
        for (String g : groupNames()) {
            double gp = 0;
            double gn = 0;
            for (int i = 0; i < labels.length; i++) {
                if (groups[i].equals(g)) {
                    gp += labels[i] == 1 ? weight(i) : 0;
                    gn += labels[i] == 0 ? weight(i) : 0;
                }
            }
            if (!(gp + gn > 0) || c.needsPositives() && !(gp > 0) || c.needsNegatives() && !(gn > 0)) {
                return false;
            }
            p += gp;
            n += gn;
        }
        return o != Objective.BALANCED_ACCURACY || p > 0 && n > 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Problem[" + labels.length + " rows:");
        for (int i = 0; i < labels.length; i++) {
            b.append(String.format(Locale.ROOT, " (%s,%d,%s%s)", scores[i], labels[i], groups[i],
                    weights == null ? "" : "," + weights[i]));
        }
        return b.append(']').toString();
    }
}
