package org.fairkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of small random data sets for the property tests.
 *
 * <p>A {@link Case} has 1 to about 60 rows, labels and predictions, optional weights and one or two sensitive
 * features with 1 to 6 levels. Sampling is biased on purpose towards the cells where metrics break:
 * <ul>
 *   <li>levels of the first feature get 0 rows (an unused level, kept in the code list when the feature is given as
 *       codes), exactly 1 row, 2 to 3 rows or 4 to 12 rows;</li>
 *   <li>each level of the first feature draws a label profile (random, all 0 = no positives, all 1 = no negatives)
 *       and a prediction profile (random, all 0 = no predicted positives, all 1 = no predicted negatives);</li>
 *   <li>the second feature is drawn per row, so intersections have empty and single-row cells;</li>
 *   <li>integer and real weights contain zeros, and whole levels can weigh 0 (total weight 0);</li>
 *   <li>real weights span several binary orders of magnitude, so rounding differs with the order of summation.</li>
 * </ul>
 * {@link DataGenTest} checks that these cases are actually produced.
 */
public final class DataGen {
    /** How a case is weighted. */
    public enum Weights {
        /** No weight column. */
        NONE,
        /** Every weight is 1.0. */
        UNIT,
        /** Weights in {0, 1, 2, 3}, some levels all 0. */
        INTEGER,
        /** Weights in {1, 2, 3}: every row counts, so integer weights can be replaced by duplicated rows. */
        POSITIVE_INTEGER,
        /** Real weights in [0, 1024), with zeros, spread over binary orders of magnitude. */
        REAL
    }

    private static final List<String> LEVEL_POOL = List.of("b", "A", "c-2", "Z", "é", "10", "9", "a b");
    private static final List<String> FEATURE_NAMES = List.of("f1", "f2");

    private DataGen() {
    }

    /** Cases weighted in one of the given ways (every way when none is given). */
    public static Gen<Case> cases(Weights... kinds) {
        Weights[] ks = kinds.length == 0 ? Weights.values() : kinds.clone();
        Gen<Case> gen = rs -> generate(rs, ks, false);
        return gen.describedAs(Case::toString);
    }

    /** Cases with two sensitive features, grouped by their intersection. */
    public static Gen<Case> intersections(Weights... kinds) {
        Weights[] ks = kinds.length == 0 ? Weights.values() : kinds.clone();
        Gen<Case> gen = rs -> generate(rs, ks, true);
        return gen.describedAs(Case::toString);
    }

    private static int draw(RandomnessSource rs, int lo, int hi) {
        return Generate.range(lo, hi).generate(rs);
    }

    private static Case generate(RandomnessSource rs, Weights[] kinds, boolean intersection) {
        Weights kind = kinds[draw(rs, 0, kinds.length - 1)];
        int k1 = draw(rs, 1, 6);
        List<String> names1 = pickLevels(rs, k1);
        int[] sizes = new int[k1];
        int total = 0;
        for (int k = 0; k < k1; k++) {
            int c = draw(rs, 0, 9);
            sizes[k] = c <= 1 ? 0 : c <= 4 ? 1 : c <= 6 ? draw(rs, 2, 3) : draw(rs, 4, 12);
            total += sizes[k];
        }
        if (total == 0) {
            sizes[0] = 1;
            total = 1;
        }
        int[] code1 = new int[total];
        int[] labels = new int[total];
        int[] predictions = new int[total];
        double[] weights = kind == Weights.NONE ? null : new double[total];
        int row = 0;
        for (int k = 0; k < k1; k++) {
            int labelProfile = draw(rs, 0, 4);
            int predictionProfile = draw(rs, 0, 4);
            boolean zeroWeight = (kind == Weights.INTEGER || kind == Weights.REAL) && draw(rs, 0, 5) == 0;
            for (int j = 0; j < sizes[k]; j++, row++) {
                code1[row] = k;
                labels[row] = profile(rs, labelProfile);
                predictions[row] = profile(rs, predictionProfile);
                if (weights != null) {
                    weights[row] = zeroWeight ? 0.0 : weight(rs, kind);
                }
            }
        }
        // Shuffle the rows so that levels do not come in blocks.
        int[] perm = new int[total];
        for (int i = 0; i < total; i++) {
            perm[i] = i;
        }
        for (int i = total - 1; i > 0; i--) {
            int j = draw(rs, 0, i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<String[]> features = new ArrayList<>();
        String[] f1 = new String[total];
        for (int i = 0; i < total; i++) {
            f1[i] = names1.get(code1[perm[i]]);
        }
        features.add(f1);
        boolean two = intersection || draw(rs, 0, 1) == 1;
        List<List<String>> declared = new ArrayList<>();
        declared.add(names1);
        if (two) {
            int k2 = draw(rs, 1, 6);
            List<String> names2 = pickLevels(rs, k2);
            String[] f2 = new String[total];
            for (int i = 0; i < total; i++) {
                f2[i] = names2.get(draw(rs, 0, k2 - 1));
            }
            features.add(f2);
            declared.add(names2);
        }
        boolean asCodes = draw(rs, 0, 2) == 0;
        List<String> names = FEATURE_NAMES.subList(0, features.size());
        List<String> groupBy;
        if (two) {
            int g = intersection ? 2 : draw(rs, 0, 2);
            groupBy = g == 0 ? List.of("f1") : g == 1 ? List.of("f2") : List.of("f1", "f2");
        } else {
            groupBy = List.of("f1");
        }
        return new Case(permute(labels, perm), permute(predictions, perm),
                weights == null ? null : permute(weights, perm), names, features, asCodes ? declared : null, groupBy);
    }

    private static List<String> pickLevels(RandomnessSource rs, int k) {
        List<String> pool = new ArrayList<>(LEVEL_POOL);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(pool.remove(draw(rs, 0, pool.size() - 1)));
        }
        return out;
    }

    private static int profile(RandomnessSource rs, int profile) {
        switch (profile) {
            case 2:
                return 0;
            case 3:
                return 1;
            default:
                return draw(rs, 0, 1);
        }
    }

    private static double weight(RandomnessSource rs, Weights kind) {
        switch (kind) {
            case UNIT:
                return 1.0;
            case INTEGER:
                return draw(rs, 0, 3);
            case POSITIVE_INTEGER:
                return draw(rs, 1, 3);
            case REAL:
                if (draw(rs, 0, 9) == 0) {
                    return 0.0;
                }
                // Decimals of six digits from 0.000001 to 999.999: not binary fractions, so sums of them round and
                // their value depends on the order of the terms, as with real sample weights. (Dyadic weights of a
                // narrow exponent range would be summed exactly in any order and hide order-dependent code.)
                return draw(rs, 1, 999_999) / 1000.0 * Math.pow(10, -draw(rs, 0, 3));
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Random cut points for splitting {@code n} rows into chunks: starts with 0, ends with {@code n},
     * non-decreasing, 1 to 6 chunks, some possibly empty.
     */
    public static int[] cuts(int n, java.util.Random random) {
        int inner = random.nextInt(6);
        int[] cuts = new int[inner + 2];
        for (int k = 1; k <= inner; k++) {
            cuts[k] = random.nextInt(n + 1);
        }
        cuts[inner + 1] = n;
        Arrays.sort(cuts, 1, inner + 1);
        return cuts;
    }

    /** @return {@code out[i] = a[perm[i]]}; {@code perm} may repeat or leave out indices */
    static int[] permute(int[] a, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    static double[] permute(double[] a, int[] perm) {
        double[] out = new double[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    static String[] permute(String[] a, int[] perm) {
        String[] out = new String[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    /**
     * One generated data set, as plain columns. Feature values are strings per row; when {@code declaredLevels}
     * is not null the data is built from int codes into those levels (which may include unused ones).
     *
     * @param labels 0/1 per row
     * @param predictions 0/1 per row
     * @param weights per row, or {@code null}
     * @param names the sensitive feature names
     * @param features each feature's level per row
     * @param declaredLevels per feature, the level list for {@code sensitive(name, codes, levels)}, or {@code null}
     *     to use {@code sensitive(name, String[])}
     * @param groupBy the features to group by
     */
    public record Case(int[] labels, int[] predictions, double[] weights, List<String> names,
            List<String[]> features, List<List<String>> declaredLevels, List<String> groupBy) {

        /** @return the number of rows */
        public int rows() {
            return labels.length;
        }

        /** @return row {@code i}'s weight, 1.0 when unweighted */
        public double weight(int i) {
            return weights == null ? 1.0 : weights[i];
        }

        /** @return the levels of row {@code i} for the {@link #groupBy()} features */
        public List<String> key(int i) {
            List<String> key = new ArrayList<>();
            for (String f : groupBy) {
                key.add(features.get(names.indexOf(f))[i]);
            }
            return List.copyOf(key);
        }

        /** @return the rows of each group (by {@link #groupBy()}), groups in order of first appearance */
        public Map<List<String>, List<Integer>> groups() {
            Map<List<String>, List<Integer>> out = new LinkedHashMap<>();
            for (int i = 0; i < rows(); i++) {
                out.computeIfAbsent(key(i), k -> new ArrayList<>()).add(i);
            }
            return out;
        }

        /** @return the data, built through {@link FairnessData#builder()} */
        public FairnessData data() {
            FairnessData.Builder b = FairnessData.builder().labels(labels).predictions(predictions);
            if (weights != null) {
                b.weights(weights);
            }
            for (int f = 0; f < names.size(); f++) {
                String[] values = features.get(f);
                if (declaredLevels == null) {
                    b.sensitive(names.get(f), values);
                } else {
                    List<String> levels = declaredLevels.get(f);
                    int[] codes = new int[values.length];
                    for (int i = 0; i < values.length; i++) {
                        codes[i] = levels.indexOf(values[i]);
                    }
                    b.sensitive(names.get(f), codes, levels.toArray(new String[0]));
                }
            }
            return b.build();
        }

        /** @return the same rows in the order {@code perm} (row i of the result is row perm[i] of this) */
        public Case permuted(int[] perm) {
            List<String[]> fs = new ArrayList<>();
            for (String[] f : features) {
                fs.add(DataGen.permute(f, perm));
            }
            return new Case(DataGen.permute(labels, perm), DataGen.permute(predictions, perm),
                    weights == null ? null : DataGen.permute(weights, perm), names, fs, declaredLevels, groupBy);
        }

        /** @return the same rows with every level renamed by {@code rename} (which must be injective) */
        public Case relabeled(UnaryOperator<String> rename) {
            List<String[]> fs = new ArrayList<>();
            for (String[] f : features) {
                fs.add(Arrays.stream(f).map(rename).toArray(String[]::new));
            }
            List<List<String>> declared = declaredLevels == null ? null
                    : declaredLevels.stream().map(l -> l.stream().map(rename).toList()).toList();
            return new Case(labels, predictions, weights, names, fs, declared, groupBy);
        }

        /** @return the same rows with other weights ({@code null} for none) */
        public Case withWeights(double[] w) {
            return new Case(labels, predictions, w, names, features, declaredLevels, groupBy);
        }

        /**
         * @return an unweighted case in which each row appears as many times as its (integer) weight
         * @throws IllegalStateException if a weight is not a non-negative integer
         */
        public Case duplicatedByWeight() {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < rows(); i++) {
                double w = weight(i);
                if (w != Math.rint(w) || w < 0) {
                    throw new IllegalStateException("weight " + w + " is not a non-negative integer");
                }
                for (int r = 0; r < (int) w; r++) {
                    rows.add(i);
                }
            }
            return permuted(rows.stream().mapToInt(Integer::intValue).toArray()).withWeights(null);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Case[").append(rows()).append(" rows, groupBy ").append(groupBy)
                    .append(declaredLevels == null ? ", string levels" : ", codes into " + declaredLevels)
                    .append("\n  labels      ").append(Arrays.toString(labels))
                    .append("\n  predictions ").append(Arrays.toString(predictions));
            if (weights != null) {
                b.append("\n  weights     ").append(Arrays.toString(weights));
            }
            for (int f = 0; f < names.size(); f++) {
                b.append("\n  ").append(names.get(f)).append("          ").append(Arrays.toString(features.get(f)));
            }
            return b.append(']').toString();
        }
    }
}
