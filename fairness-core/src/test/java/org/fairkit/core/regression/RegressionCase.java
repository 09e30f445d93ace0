package org.fairkit.core.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.DataGen.Weights;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A {@link DataGen} case (its groups and weights) with real targets and predictions. Profiles, per case: small
 * integers (many ties, groups with constant targets), continuous values over several orders of magnitude, and
 * one constant target for every row (R² undefined everywhere).
 *
 * @param c the sensitive features, weights and grouping (its labels and predictions are ignored)
 * @param targets one finite target per row
 * @param predictions one finite prediction per row
 */
record RegressionCase(Case c, double[] targets, double[] predictions) {

    static Gen<RegressionCase> cases(Weights... kinds) {
        Gen<Case> base = DataGen.cases(kinds);
        Gen<RegressionCase> gen = rs -> {
            Case c = base.generate(rs);
            Random r = new Random(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(rs));
            int n = c.rows();
            double[] y = new double[n];
            double[] p = new double[n];
            int profile = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                switch (profile) {
                    case 0 -> {
                        y[i] = r.nextInt(3);
                        p[i] = r.nextInt(4) - 0.5;
                    }
                    case 1 -> {
                        y[i] = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(4));
                        p[i] = y[i] + r.nextGaussian();
                    }
                    default -> {
                        y[i] = 2.5;
                        p[i] = r.nextDouble() * 5;
                    }
                }
            }
            return new RegressionCase(c, y, p);
        };
        return gen.describedAs(RegressionCase::toString);
    }

    int rows() {
        return c.rows();
    }

    double weight(int i) {
        return c.weight(i);
    }

    RegressionData data() {
        RegressionData.Builder b = RegressionData.builder().targets(targets).predictions(predictions);
        if (c.weights() != null) {
            b.weights(c.weights());
        }
        for (int f = 0; f < c.names().size(); f++) {
            String[] values = c.features().get(f);
            if (c.declaredLevels() == null) {
                b.sensitive(c.names().get(f), values);
            } else {
                List<String> levels = c.declaredLevels().get(f);
                b.sensitive(c.names().get(f), Arrays.stream(values).mapToInt(levels::indexOf).toArray(),
                        levels.toArray(new String[0]));
            }
        }
        return b.build();
    }

    RegressionCase permuted(int[] perm) {
        return new RegressionCase(c.permuted(perm), Arrays.stream(perm).mapToDouble(i -> targets[i]).toArray(),
                Arrays.stream(perm).mapToDouble(i -> predictions[i]).toArray());
    }

    RegressionCase withWeights(double[] w) {
        return new RegressionCase(c.withWeights(w), targets, predictions);
    }

    RegressionCase relabeled(java.util.function.UnaryOperator<String> rename) {
        return new RegressionCase(c.relabeled(rename), targets, predictions);
    }

    RegressionCase duplicatedByWeight() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < rows(); i++) {
            for (int k = 0; k < (int) weight(i); k++) {
                rows.add(i);
            }
        }
        return permuted(rows.stream().mapToInt(Integer::intValue).toArray()).withWeights(null);
    }

    @Override
    public String toString() {
        return c + "\n  targets     " + Arrays.toString(targets) + "\n  predictions " + Arrays.toString(predictions);
    }
}
