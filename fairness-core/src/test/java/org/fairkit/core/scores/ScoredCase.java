package org.fairkit.core.scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.FairnessData;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A {@link DataGen} case with a score per row. Scores are drawn, per case, from one of four profiles chosen to
 * break score metrics: a few values with many ties (0, 0.25, ..., 1), continuous values, one constant score for
 * every row, and a mixture holding exactly 0 and 1 (log loss clipping) with near-ties.
 *
 * @param c the labels, predictions, weights and sensitive features
 * @param scores one score in [0, 1] per row
 */
record ScoredCase(Case c, double[] scores) {

    /** Scored cases weighted in one of the given ways (every way when none is given). */
    static Gen<ScoredCase> cases(Weights... kinds) {
        Gen<Case> base = DataGen.cases(kinds);
        Gen<ScoredCase> gen = rs -> {
            Case c = base.generate(rs);
            long seed = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(rs);
            return new ScoredCase(c, scores(c.rows(), new Random(seed)));
        };
        return gen.describedAs(ScoredCase::toString);
    }

    private static double[] scores(int n, Random r) {
        double[] s = new double[n];
        int profile = r.nextInt(4);
        double constant = r.nextInt(5) / 4.0;
        for (int i = 0; i < n; i++) {
            s[i] = switch (profile) {
                case 0 -> r.nextInt(5) / 4.0;
                case 1 -> r.nextDouble();
                case 2 -> constant;
                default -> {
                    int k = r.nextInt(6);
                    yield k == 0 ? 0.0 : k == 1 ? 1.0 : k == 2 ? 0.3 : k == 3 ? Math.nextUp(0.3) : r.nextDouble();
                }
            };
        }
        return s;
    }

    int rows() {
        return c.rows();
    }

    double weight(int i) {
        return c.weight(i);
    }

    Map<List<String>, List<Integer>> groups() {
        return c.groups();
    }

    /** @return the data, with scores, built through {@link FairnessData#builder()} */
    FairnessData data() {
        FairnessData.Builder b = FairnessData.builder().labels(c.labels()).predictions(c.predictions())
                .scores(scores);
        if (c.weights() != null) {
            b.weights(c.weights());
        }
        for (int f = 0; f < c.names().size(); f++) {
            String[] values = c.features().get(f);
            if (c.declaredLevels() == null) {
                b.sensitive(c.names().get(f), values);
            } else {
                List<String> levels = c.declaredLevels().get(f);
                int[] codes = Arrays.stream(values).mapToInt(levels::indexOf).toArray();
                b.sensitive(c.names().get(f), codes, levels.toArray(new String[0]));
            }
        }
        return b.build();
    }

    ScoredCase permuted(int[] perm) {
        double[] s = new double[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = scores[perm[i]];
        }
        return new ScoredCase(c.permuted(perm), s);
    }

    ScoredCase relabeled(java.util.function.UnaryOperator<String> rename) {
        return new ScoredCase(c.relabeled(rename), scores);
    }

    ScoredCase withWeights(double[] w) {
        return new ScoredCase(c.withWeights(w), scores);
    }

    ScoredCase withScores(double[] s) {
        return new ScoredCase(c, s);
    }

    /** @return an unweighted case in which each row appears as many times as its (integer) weight */
    ScoredCase duplicatedByWeight() {
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
        return c + "\n  scores      " + Arrays.toString(scores);
    }
}
