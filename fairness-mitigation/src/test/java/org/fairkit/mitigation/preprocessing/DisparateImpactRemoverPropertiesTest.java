package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link DisparateImpactRemover} on random tables ({@link FeatureCases}: one to four groups, single-row
 * groups, tied and continuous values), each checked bit for bit: the fit equals a plain re-implementation of
 * BlackBoxAuditing's loop written from its description; repair level 0 is the identity; a full repair sends every
 * bucket of every group to one common target, and equalizes the groups' row quantiles exactly when every group has
 * the same number of values, each once; row order and group names change nothing.
 */
class DisparateImpactRemoverPropertiesTest {
    private static final int EXAMPLES = 300;
    private static final double[] LEVELS = {0.0, 0.25, 0.5, 0.8, 1.0};

    @Test
    void repairEqualsTheReferenceLoopAtEveryLevel() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            for (double level : LEVELS) {
                FeatureTable out = DisparateImpactRemover.repairLevel(level).fit(c.table()).transform(c.table());
                for (String f : c.table().numericNames()) {
                    assertThat(out.column(f)).as("%s at %s", f, level)
                            .isEqualTo(reference(c.table().column(f), c.groups(), level));
                }
            }
        });
    }

    @Test
    void repairLevelZeroIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            DisparateImpactRemover.Fitted f = DisparateImpactRemover.repairLevel(0).fit(c.table());
            assertThat(f.transform(c.table())).isEqualTo(c.table());
            FeatureTable other = FeatureCases.of(c.seed() + 1).table();
            if (other.numericNames().equals(c.table().numericNames()) && other.sensitive("group").levels().stream()
                    .allMatch(l -> c.table().sensitive("group").levels().contains(l))) {
                assertThat(f.transform(other)).isEqualTo(other);
            }
        });
    }

    @Test
    void fullRepairSendsEveryBucketOfEveryGroupToOneCommonNondecreasingTarget() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            DisparateImpactRemover.Fitted f = DisparateImpactRemover.repairLevel(1).fit(c.table());
            FeatureTable out = f.transform(c.table());
            for (String x : c.table().numericNames()) {
                double[] targets = f.targets(x);
                for (int q = 1; q < targets.length; q++) {
                    assertThat(targets[q]).isGreaterThanOrEqualTo(targets[q - 1]);
                }
                TreeSet<Double> allowed = new TreeSet<>();
                for (double t : targets) {
                    allowed.add(t);
                }
                double[] in = c.table().column(x);
                double[] rep = out.column(x);
                for (int i = 0; i < in.length; i++) {
                    // a value in no bucket (float drift of the offsets) keeps its value
                    assertThat(allowed.contains(rep[i]) || rep[i] == in[i]).isTrue();
                    for (int k = 0; k < in.length; k++) {
                        if (c.groups()[i].equals(c.groups()[k]) && in[i] <= in[k]) {
                            assertThat(rep[i]).as("order kept within a group").isLessThanOrEqualTo(rep[k]);
                        }
                    }
                }
            }
        });
    }

    @Test
    void fullRepairEqualizesRowQuantilesWhenEveryGroupHasTheSameDistinctValuesEachOnce() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            org.apache.commons.rng.UniformRandomProvider r = org.apache.commons.rng.simple.RandomSource
                    .XO_RO_SHI_RO_128_PP.create(c.seed());
            int groups = 1 + r.nextInt(4);
            int k = 1 + r.nextInt(12);
            double[] v = new double[groups * k];
            String[] g = new String[groups * k];
            for (int i = 0; i < v.length; i++) {
                g[i] = "g" + i % groups;
                v[i] = Math.floor(r.nextDouble() * 1000) + 1000 * (i % groups);
            }
            FeatureTable t = FeatureTable.builder().numeric("x", v).sensitive("group", g).build();
            if (distinctPerGroup(v, g) != k) {
                return;   // a duplicate drawn in a group: not this property's case
            }
            double[] out = DisparateImpactRemover.repairLevel(1).fit(t).transform(t).column("x");
            List<Double> first = null;
            for (int h = 0; h < groups; h++) {
                List<Double> sorted = new ArrayList<>();
                for (int i = 0; i < out.length; i++) {
                    if (g[i].equals("g" + h)) {
                        sorted.add(out[i]);
                    }
                }
                sorted.sort(null);
                if (first == null) {
                    first = sorted;
                }
                assertThat(sorted).isEqualTo(first);
            }
        });
    }

    @Test
    void rowOrderChangesNothing() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            int[] perm = c.permutation();
            FeatureTable out = DisparateImpactRemover.repairLevel(0.6).fit(c.table()).transform(c.table());
            FeatureTable shuffled = c.permuted(perm);
            FeatureTable outShuffled = DisparateImpactRemover.repairLevel(0.6).fit(shuffled).transform(shuffled);
            for (String f : c.table().numericNames()) {
                assertThat(outShuffled.column(f)).isEqualTo(FeatureCases.permute(out.column(f), perm));
            }
        });
    }

    @Test
    void groupRelabelingChangesNothing() {
        qt().withExamples(EXAMPLES).forAll(FeatureCases.cases()).checkAssert(c -> {
            // reverses the order of the groups: g0 -> z9, g1 -> z8, ...
            FeatureTable renamed = c.relabeled(s -> "z" + (9 - (s.charAt(1) - '0')));
            for (double level : LEVELS) {
                FeatureTable a = DisparateImpactRemover.repairLevel(level).fit(c.table()).transform(c.table());
                FeatureTable b = DisparateImpactRemover.repairLevel(level).fit(renamed).transform(renamed);
                for (String f : c.table().numericNames()) {
                    assertThat(b.column(f)).isEqualTo(a.column(f));
                }
            }
        });
    }

    private static int distinctPerGroup(double[] v, String[] g) {
        Map<String, TreeSet<Double>> sets = new TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            sets.computeIfAbsent(g[i], x -> new TreeSet<>()).add(v[i]);
        }
        int min = Integer.MAX_VALUE;
        for (TreeSet<Double> s : sets.values()) {
            min = Math.min(min, s.size());
        }
        int rows = v.length / sets.size();
        return min == rows ? min : -1;
    }

    /**
     * BlackBoxAuditing's numeric repair of one column, as its loop reads: lists of distinct values, a per-group
     * offset advanced by repeated addition, Python's round (half to even), lower medians, and a map from each value
     * to its position among the column's distinct values.
     */
    static double[] reference(double[] col, String[] groups, double level) {
        List<Double> unique = new ArrayList<>(new TreeSet<>(box(col)));
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < unique.size(); i++) {
            index.put(unique.get(i), i);
        }
        Map<String, TreeMap<Double, List<Integer>>> byGroup = new TreeMap<>();
        for (int i = 0; i < col.length; i++) {
            byGroup.computeIfAbsent(groups[i], x -> new TreeMap<>()).computeIfAbsent(col[i], x -> new ArrayList<>())
                    .add(i);
        }
        int quantiles = Integer.MAX_VALUE;
        for (TreeMap<Double, List<Integer>> m : byGroup.values()) {
            quantiles = Math.min(quantiles, m.size());
        }
        double unit = 1.0 / quantiles;
        Map<String, Double> offsets = new HashMap<>();
        byGroup.keySet().forEach(g -> offsets.put(g, 0.0));
        double[] out = col.clone();
        for (int q = 0; q < quantiles; q++) {
            List<Double> medians = new ArrayList<>();
            Map<String, List<Integer>> rows = new HashMap<>();
            for (Map.Entry<String, TreeMap<Double, List<Integer>>> e : byGroup.entrySet()) {
                List<Map.Entry<Double, List<Integer>>> data = new ArrayList<>(e.getValue().entrySet());
                int numVals = data.size();
                double o = offsets.get(e.getKey());
                int offset = (int) Math.rint(o * numVals);
                int numberToGet = (int) (Math.rint((o + unit) * numVals) - offset);
                offsets.put(e.getKey(), o + unit);
                if (numberToGet > 0) {
                    List<Map.Entry<Double, List<Integer>>> slice = data.subList(offset,
                            Math.min(offset + numberToGet, numVals));
                    List<Integer> idx = new ArrayList<>();
                    List<Double> values = new ArrayList<>();
                    for (Map.Entry<Double, List<Integer>> s : slice) {
                        idx.addAll(s.getValue());
                        values.add(s.getKey());
                    }
                    rows.put(e.getKey(), idx);
                    medians.add(lowerMedian(values));
                }
            }
            int j = index.get(lowerMedian(medians));
            for (List<Integer> idx : rows.values()) {
                for (int i : idx) {
                    int cur = index.get(col[i]);
                    out[i] = unique.get(cur + (int) Math.rint((j - cur) * level));
                }
            }
        }
        return out;
    }

    private static double lowerMedian(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        return s.size() % 2 == 0 ? s.get(s.size() / 2 - 1) : s.get(s.size() / 2);
    }

    private static List<Double> box(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
