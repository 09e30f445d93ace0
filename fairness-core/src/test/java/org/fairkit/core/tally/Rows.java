package org.fairkit.core.tally;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.fairkit.core.internal.TallyInput;

/**
 * Raw kernel rows (group code, label, prediction, optional weight) and their generators.
 *
 * @param groupCount the number of groups
 * @param groups group code per row
 * @param labels 0/1 per row
 * @param predictions 0/1 per row
 * @param weights per row, or {@code null}
 */
record Rows(int groupCount, int[] groups, int[] labels, int[] predictions, double[] weights) {

    /** How rows are weighted. */
    enum Weighting {
        NONE, INTEGER, REAL
    }

    int size() {
        return labels.length;
    }

    /**
     * Small random rows for QuickTheories: 1-5 groups of which some may stay empty, 0-80 rows, and per group a
     * constant or random label and prediction.
     */
    static Gen<Rows> small(Weighting weighting) {
        Gen<Rows> gen = rs -> {
            int g = Generate.range(1, 5).generate(rs);
            int active = Generate.range(1, g).generate(rs);
            int n = Generate.range(0, 80).generate(rs);
            int[] labelProfile = new int[g];
            int[] predictionProfile = new int[g];
            for (int k = 0; k < g; k++) {
                labelProfile[k] = Generate.range(0, 3).generate(rs);
                predictionProfile[k] = Generate.range(0, 3).generate(rs);
            }
            int[] groups = new int[n];
            int[] labels = new int[n];
            int[] predictions = new int[n];
            double[] weights = weighting == Weighting.NONE ? null : new double[n];
            for (int i = 0; i < n; i++) {
                int k = Generate.range(0, active - 1).generate(rs);
                groups[i] = k;
                labels[i] = labelProfile[k] < 2 ? labelProfile[k] : Generate.range(0, 1).generate(rs);
                predictions[i] = predictionProfile[k] < 2 ? predictionProfile[k] : Generate.range(0, 1).generate(rs);
                if (weighting == Weighting.INTEGER) {
                    weights[i] = Generate.range(0, 1000).generate(rs);
                } else if (weighting == Weighting.REAL) {
                    weights[i] = realWeight(Generate.range(0, (1 << 20) - 1).generate(rs),
                            Generate.range(-20, 20).generate(rs));
                }
            }
            return new Rows(g, groups, labels, predictions, weights);
        };
        return gen.describedAs(Rows::toString);
    }

    /** {@code n} seeded random rows over {@code groupCount} groups. */
    static Rows random(long seed, int n, int groupCount, Weighting weighting) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] groups = new int[n];
        int[] labels = new int[n];
        int[] predictions = new int[n];
        double[] weights = weighting == Weighting.NONE ? null : new double[n];
        for (int i = 0; i < n; i++) {
            groups[i] = r.nextInt(groupCount);
            labels[i] = r.nextInt(2);
            // Predictions correlated with labels, so cells are unequal.
            predictions[i] = r.nextInt(10) < 7 ? labels[i] : 1 - labels[i];
            if (weighting == Weighting.INTEGER) {
                weights[i] = r.nextInt(1000);
            } else if (weighting == Weighting.REAL) {
                weights[i] = realWeight(r.nextInt(1 << 20), r.nextInt(-20, 21));
            }
        }
        return new Rows(groupCount, groups, labels, predictions, weights);
    }

    /** A weight that is 0 for mantissa 0, else a 21-bit odd mantissa scaled by 2^scale: sums round. */
    private static double realWeight(int mantissa, int scale) {
        return mantissa == 0 ? 0.0 : Math.scalb((2.0 * mantissa + 1) / (1 << 21), scale);
    }

    /** The rows {@code [from, to)} accepted into a fresh tally. */
    ConfusionTally tally(int from, int to) {
        ConfusionTally t = ConfusionTally.create(groupCount, weights != null);
        for (int i = from; i < to; i++) {
            if (weights == null) {
                t.accept(groups[i], labels[i], predictions[i]);
            } else {
                t.accept(groups[i], labels[i], predictions[i], weights[i]);
            }
        }
        return t;
    }

    /** All rows accepted into a fresh tally, in order. */
    ConfusionTally tally() {
        return tally(0, size());
    }

    /** The kernel's input for these rows. */
    TallyInput input() {
        byte[] y = new byte[size()];
        byte[] p = new byte[size()];
        for (int i = 0; i < size(); i++) {
            y[i] = (byte) labels[i];
            p[i] = (byte) predictions[i];
        }
        return TallyInput.of(y, p, groups.clone(), weights == null ? null : weights.clone(), groupCount);
    }

    @Override
    public String toString() {
        return "Rows[" + groupCount + " groups, " + size() + " rows\n  groups      " + Arrays.toString(groups)
                + "\n  labels      " + Arrays.toString(labels) + "\n  predictions " + Arrays.toString(predictions)
                + (weights == null ? "" : "\n  weights     " + Arrays.toString(weights)) + "]";
    }
}
