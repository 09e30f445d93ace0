package org.fairkit.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.FairnessData;
import org.junit.jupiter.api.Test;

/** Groupings by one feature and by intersections, against the distinct levels and level pairs of the rows. */
class GroupingTest {

    @Test
    void intersectionHasExactlyOneGroupPerDistinctPairOfLevelsAndNoEmptyGroup() {
        qt().withExamples(400).forAll(DataGen.intersections()).checkAssert(c -> {
            FairnessData data = c.data();
            Grouping g = data.grouping(List.of("f1", "f2"));
            Set<List<String>> pairs = new LinkedHashSet<>();
            for (int i = 0; i < c.rows(); i++) {
                pairs.add(List.of(c.features().get(0)[i], c.features().get(1)[i]));
            }
            List<List<String>> keys = g.groups().stream().map(GroupKey::levels).toList();
            assertThat(g.groupCount()).isEqualTo(pairs.size());
            assertThat(keys).containsExactlyInAnyOrderElementsOf(pairs);
            int[] sizes = new int[g.groupCount()];
            for (int i = 0; i < c.rows(); i++) {
                sizes[g.groupOf(i)]++;
                assertThat(g.groups().get(g.groupOf(i)).levels())
                        .containsExactly(c.features().get(0)[i], c.features().get(1)[i]);
            }
            assertThat(sizes).doesNotContain(0);
            for (List<String> pair : pairs) {
                assertThat(g.indexOf(pair)).isPresent();
            }
            assertThat(g.groups()).allSatisfy(k -> assertThat(k.features()).containsExactly("f1", "f2"));
        });
    }

    @Test
    void intersectionGroupsAreOrderedByTheLevelOrderOfEachFeatureFirstFeatureFirst() {
        qt().withExamples(300).forAll(DataGen.intersections()).checkAssert(c -> {
            FairnessData data = c.data();
            List<String> l1 = data.sensitive("f1").levels();
            List<String> l2 = data.sensitive("f2").levels();
            List<GroupKey> groups = data.grouping(List.of("f1", "f2")).groups();
            List<GroupKey> sorted = new ArrayList<>(groups);
            sorted.sort(Comparator.<GroupKey>comparingInt(k -> l1.indexOf(k.levels().get(0)))
                    .thenComparingInt(k -> l2.indexOf(k.levels().get(1))));
            assertThat(groups).containsExactlyElementsOf(sorted);
        });
    }

    @Test
    void singleFeatureGroupsAreTheLevelsThatOccurSortedForStringsAndInDeclaredOrderForCodes() {
        qt().withExamples(300).forAll(DataGen.cases()).checkAssert(c -> {
            FairnessData data = c.data();
            for (int f = 0; f < c.names().size(); f++) {
                String name = c.names().get(f);
                Set<String> used = new TreeSet<>(List.of(c.features().get(f)));
                List<String> expected = c.declaredLevels() == null ? new ArrayList<>(used)
                        : c.declaredLevels().get(f).stream().filter(used::contains).toList();
                assertThat(data.sensitive(name).levels()).containsExactlyElementsOf(expected);
                Grouping g = data.grouping(List.of(name));
                assertThat(g.groups().stream().map(k -> k.levels().get(0)).toList()).containsExactlyElementsOf(expected);
                for (int i = 0; i < c.rows(); i++) {
                    assertThat(data.sensitive(name).level(i)).isEqualTo(c.features().get(f)[i]);
                }
            }
        });
    }

    /** 300^3 = 2.7e7 combinations: more than the dense table of 2^24 entries, so the sparse path is taken. */
    @Test
    void intersectionWithMoreCombinationsThanTheDenseTableKeepsOnlyPresentOnesInLevelOrder() {
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            int k = 300;
            int n = k + r.nextInt(3000);
            String[] levels = new String[k];
            for (int j = 0; j < k; j++) {
                levels[j] = "L" + (k - j); // declared order differs from string order
            }
            int[][] codes = new int[3][n];
            int[] stride = {1, 7, 11}; // coprime with 300: the first k rows use every level of every feature
            for (int i = 0; i < n; i++) {
                int copy = i < k ? -1 : r.nextInt(2) == 0 ? r.nextInt(i) : -1; // repeat a combination
                for (int f = 0; f < 3; f++) {
                    codes[f][i] = i < k ? (i * stride[f]) % k : copy >= 0 ? codes[f][copy] : r.nextInt(k);
                }
            }
            List<SensitiveFeature> fs = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                fs.add(SensitiveFeature.ofCodes("f" + f, codes[f], levels));
                assertThat(fs.get(f).levels()).hasSize(k);
            }
            assertThat((long) k * k * k).isGreaterThan(1L << 24);
            Grouping g = Grouping.of(fs);
            Set<List<String>> present = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                List<String> key = List.of(levels[codes[0][i]], levels[codes[1][i]], levels[codes[2][i]]);
                present.add(key);
                assertThat(g.groups().get(g.groupOf(i)).levels()).isEqualTo(key);
            }
            assertThat(g.groupCount()).isEqualTo(present.size());
            List<List<Integer>> order = g.groups().stream()
                    .map(key -> key.levels().stream().map(l -> List.of(levels).indexOf(l)).toList()).toList();
            List<List<Integer>> sorted = new ArrayList<>(order);
            sorted.sort(Comparator.<List<Integer>>comparingInt(x -> x.get(0)).thenComparingInt(x -> x.get(1))
                    .thenComparingInt(x -> x.get(2)));
            assertThat(order).isEqualTo(sorted);
        });
    }

    @Test
    void intersectionOfTwoFeaturesGroupsAHandWrittenExample() {
        SensitiveFeature race = SensitiveFeature.of("race", new String[] {"b", "a", "b", "a", "b", "c"});
        SensitiveFeature sex = SensitiveFeature.of("sex", new String[] {"F", "F", "M", "F", "F", "M"});
        Grouping g = Grouping.of(List.of(race, sex));
        assertThat(g.groups().stream().map(GroupKey::label).toList())
                .containsExactly("a & F", "b & F", "b & M", "c & M");
        assertThat(new int[] {g.groupOf(0), g.groupOf(1), g.groupOf(2), g.groupOf(3), g.groupOf(4), g.groupOf(5)})
                .containsExactly(1, 0, 2, 0, 1, 3);
        assertThat(g.groups().get(2).describe()).isEqualTo("race=b & sex=M");
    }

    /** Same rows, same grouping: the SensitiveFeature built from codes equals the one built from strings. */
    @Test
    void codesWithUnusedLevelsGiveTheSameFeatureAsStrings() {
        SensitiveFeature fromCodes = SensitiveFeature.ofCodes("g", new int[] {2, 0, 2}, new String[] {"a", "b", "c"});
        SensitiveFeature fromStrings = SensitiveFeature.of("g", new String[] {"c", "a", "c"});
        assertThat(fromCodes).isEqualTo(fromStrings);
        assertThat(fromCodes.levels()).containsExactly("a", "c");
    }
}
