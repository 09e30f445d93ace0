package org.fairkit.mitigation.calibration;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/**
 * Random calibration data for property tests, built from a QuickTheories-drawn size and seed. Deliberately
 * includes tied scores (half the cases draw scores from a grid of 11 values), scores of exactly 0 and 1, rows of
 * weight 0, groups of one row and groups with a single class.
 */
final class Cases {
    private Cases() {
    }

    /** One data set. */
    record Case(double[] scores, int[] labels, double[] weights, String[] groups, long seed) {
        int size() {
            return scores.length;
        }

        @Override
        public String toString() {
            return "Case[n=" + scores.length + ", seed=" + seed + ", scores=" + Arrays.toString(scores) + ", labels="
                    + Arrays.toString(labels) + ", weights=" + Arrays.toString(weights) + ", groups="
                    + Arrays.toString(groups) + "]";
        }

        /** @return the rows in a seeded random order */
        Case shuffled(long s) {
            int[] perm = new int[size()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            SplittableRandom r = new SplittableRandom(s);
            for (int i = perm.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            double[] sc = new double[size()];
            int[] lb = new int[size()];
            double[] wt = weights == null ? null : new double[size()];
            String[] gr = new String[size()];
            for (int i = 0; i < perm.length; i++) {
                sc[i] = scores[perm[i]];
                lb[i] = labels[perm[i]];
                if (wt != null) {
                    wt[i] = weights[perm[i]];
                }
                gr[i] = groups[perm[i]];
            }
            return new Case(sc, lb, wt, gr, seed);
        }

        /** @return whether both classes have a row of positive weight */
        boolean bothClasses() {
            boolean pos = false;
            boolean neg = false;
            for (int i = 0; i < size(); i++) {
                double w = weights == null ? 1 : weights[i];
                if (w > 0) {
                    pos |= labels[i] == 1;
                    neg |= labels[i] == 0;
                }
            }
            return pos && neg;
        }
    }

    /** Cases of {@code min..max} rows, weighted or not (drawn). */
    static Gen<Case> cases(int min, int max) {
        return integers().between(min, max).zip(longs().all(), Cases::make);
    }

    /** Cases with both classes among rows of positive weight (so every method can be fitted). */
    static Gen<Case> fittable(int min, int max) {
        return cases(min, max).assuming(Case::bothClasses);
    }

    static Case make(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean grid = r.nextBoolean();
        boolean weighted = r.nextInt(3) == 0;
        int groups = 1 + r.nextInt(4);
        double signal = r.nextDouble(); // how well the score predicts the label
        double[] s = new double[n];
        int[] y = new int[n];
        double[] w = weighted ? new double[n] : null;
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            double v = grid ? r.nextInt(11) / 10.0 : r.nextDouble();
            if (!grid && r.nextInt(20) == 0) {
                v = r.nextBoolean() ? 0.0 : 1.0;
            }
            s[i] = v;
            double p = signal * v + (1 - signal) * 0.4;
            y[i] = r.nextDouble() < p ? 1 : 0;
            if (weighted) {
                w[i] = r.nextInt(5) == 0 ? 0.0 : r.nextInt(4) == 0 ? 0.25 + 3 * r.nextDouble() : 1 + r.nextInt(3);
            }
            // Skewed group sizes: group k has weight 2^-k, so the last groups are small or absent.
            int k = 0;
            while (k < groups - 1 && r.nextBoolean()) {
                k++;
            }
            g[i] = "g" + k;
        }
        // Make one group single-class now and then.
        if (groups > 1 && r.nextInt(3) == 0) {
            int one = r.nextInt(2);
            for (int i = 0; i < n; i++) {
                if (g[i].equals("g" + (groups - 1))) {
                    y[i] = one;
                }
            }
        }
        return new Case(s, y, w, g, seed);
    }
}
