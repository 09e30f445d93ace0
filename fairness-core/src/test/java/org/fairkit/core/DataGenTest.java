package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkit.core.DataGen.Case;
import org.junit.jupiter.api.Test;

/** The generators produce the cells where metrics break, often enough for the property tests to see them. */
class DataGenTest {

    @Test
    void generatorProducesEveryEdgeCaseTheContractsRelyOn() {
        Map<String, Integer> seen = new java.util.TreeMap<>();
        qt().withFixedSeed(20240601L).withExamples(400).forAll(DataGen.cases()).checkAssert(c -> {
            for (String what : edgeCases(c)) {
                seen.merge(what, 1, Integer::sum);
            }
        });
        // Each edge case in at least 5% of 400 cases.
        assertThat(seen).containsOnlyKeys("empty intersection cell", "group without positives",
                "group without negatives", "group without predicted positives", "group without predicted negatives",
                "single-row group", "group with total weight 0", "unused declared level", "two features",
                "six levels", "one group");
        seen.forEach((what, n) -> assertThat(n).as(what).isGreaterThanOrEqualTo(20));
    }

    @Test
    void duplicatingByIntegerWeightsRepeatsEachRowThatManyTimes() {
        Case c = new Case(new int[] {1, 0, 1}, new int[] {0, 0, 1}, new double[] {2, 0, 3}, List.of("f1"),
                List.<String[]>of(new String[] {"a", "b", "a"}), null, List.of("f1"));
        Case d = c.duplicatedByWeight();
        assertThat(d.labels()).containsExactly(1, 1, 1, 1, 1);
        assertThat(d.predictions()).containsExactly(0, 0, 1, 1, 1);
        assertThat(d.weights()).isNull();
        assertThat(d.features().get(0)).containsExactly("a", "a", "a", "a", "a");
    }

    static Set<String> edgeCases(Case c) {
        Set<String> out = new HashSet<>();
        Map<List<String>, List<Integer>> groups = c.groups();
        for (List<Integer> rows : groups.values()) {
            if (rows.size() == 1) {
                out.add("single-row group");
            }
            if (rows.stream().noneMatch(i -> c.labels()[i] == 1)) {
                out.add("group without positives");
            }
            if (rows.stream().noneMatch(i -> c.labels()[i] == 0)) {
                out.add("group without negatives");
            }
            if (rows.stream().noneMatch(i -> c.predictions()[i] == 1)) {
                out.add("group without predicted positives");
            }
            if (rows.stream().noneMatch(i -> c.predictions()[i] == 0)) {
                out.add("group without predicted negatives");
            }
            if (c.weights() != null && rows.stream().allMatch(i -> c.weights()[i] == 0)) {
                out.add("group with total weight 0");
            }
        }
        if (groups.size() == 1) {
            out.add("one group");
        }
        if (c.features().size() == 2) {
            out.add("two features");
            Set<String> a = new HashSet<>(List.of(c.features().get(0)));
            Set<String> b = new HashSet<>(List.of(c.features().get(1)));
            Set<List<String>> pairs = new HashSet<>();
            for (int i = 0; i < c.rows(); i++) {
                pairs.add(List.of(c.features().get(0)[i], c.features().get(1)[i]));
            }
            if (pairs.size() < a.size() * b.size()) {
                out.add("empty intersection cell");
            }
        }
        if (c.declaredLevels() != null) {
            for (int f = 0; f < c.features().size(); f++) {
                Set<String> used = new HashSet<>(List.of(c.features().get(f)));
                if (!used.containsAll(c.declaredLevels().get(f))) {
                    out.add("unused declared level");
                }
            }
        }
        for (String[] f : c.features()) {
            if (new HashSet<>(List.of(f)).size() == 6) {
                out.add("six levels");
            }
        }
        return out;
    }
}
