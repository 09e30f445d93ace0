package org.fairkit.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.DataGen;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * The data quality gates: an example whose every finding is written out, properties on random data (order and
 * relabeling invariance, group-size and base-rate findings against brute force), the real COMPAS rows, and the exact
 * wording of setting errors.
 */
class DataQualityTest {
    private static final int EXAMPLES = 150;

    /**
     * 92 rows: A 40, B 35, C 12, D 5. Labels: A half positive, B 7 of 35, C and D none. Feature zip = the group
     * (a perfect proxy), age missing in 14 of B's rows; age and income cycle regardless of the group (eta < 0.07).
     */
    private static DataQualityReport example(DataQuality dq) {
        List<String> g = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int[] sizes = {40, 35, 12, 5};
        String[] names = {"A", "B", "C", "D"};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < sizes[k]; i++) {
                g.add(names[k]);
                y.add(k == 0 ? i % 2 : k == 1 ? (i < 7 ? 1 : 0) : 0);
            }
        }
        int n = g.size();
        String[] zip = g.stream().map(x -> "z" + x).toArray(String[]::new);
        double[] age = new double[n];
        double[] income = new double[n];
        int missingB = 0;
        for (int i = 0; i < n; i++) {
            age[i] = 30 + i % 2;
            if (g.get(i).equals("B") && missingB < 14) {
                age[i] = Double.NaN;
                missingB++;
            }
            income[i] = i % 4; // cycles through every group: eta 0.067
        }
        FairnessData data = FairnessData.builder().labels(y.stream().mapToInt(Integer::intValue).toArray())
                .predictions(new int[n]).sensitive("group", g.toArray(String[]::new)).build();
        FeatureTable features = FeatureTable.builder().categorical("zip", zip).numeric("age", age)
                .numeric("income", income).build();
        return dq.check(data, features, "group");
    }

    @Test
    void exampleGivesEveryExpectedFinding() {
        Map<String, Double> reference = new LinkedHashMap<>();
        reference.put("A", 0.3);
        reference.put("B", 0.3);
        reference.put("C", 0.3);
        reference.put("E", 0.1);
        DataQualityReport r = example(DataQuality.builder().representation(reference).build());
        assertThat(r.findings()).extracting(Finding::check, Finding::severity, f -> f.group().map(GroupKey::label),
                Finding::feature).containsExactly(
                tuple(DataCheck.MIN_GROUP_SIZE, Severity.CRITICAL, Optional.of("D"), Optional.empty()),
                tuple(DataCheck.REPRESENTATION, Severity.CRITICAL, Optional.of("C"), Optional.empty()),
                tuple(DataCheck.REPRESENTATION, Severity.CRITICAL, Optional.empty(), Optional.empty()),
                tuple(DataCheck.MISSING_VALUES, Severity.CRITICAL, Optional.of("B"), Optional.of("age")),
                tuple(DataCheck.MISSING_VALUES, Severity.CRITICAL, Optional.of("B"), Optional.empty()),
                tuple(DataCheck.BASE_RATE_GAP, Severity.CRITICAL, Optional.of("A"), Optional.empty()),
                tuple(DataCheck.PROXY, Severity.CRITICAL, Optional.empty(), Optional.of("zip")),
                tuple(DataCheck.MIN_GROUP_SIZE, Severity.WARNING, Optional.of("C"), Optional.empty()),
                tuple(DataCheck.REPRESENTATION, Severity.INFO, Optional.of("D"), Optional.empty()));
        assertThat(r.findings().get(0)).hasToString("CRITICAL min_group_size [group=D]: 5 rows, fewer than 10: no "
                + "rate of this group can be trusted (measured 5.000, threshold 10.00)");
        assertThat(r.findings().get(1).message()).isEqualTo(
                "share 0.1304 of the rows (n = 12) against 0.3000 in the reference: ratio 0.435 < 0.5");
        assertThat(r.findings().get(2).message()).isEqualTo(
                "group 'E' has share 0.1000 in the reference distribution but no row in the data");
        assertThat(r.findings().get(3).message()).isEqualTo(
                "'age' is missing in 40.0% of B (n = 35) vs 0.0% of A (n = 40): a gap of 0.400 >= 0.2");
        assertThat(r.findings().get(5).message()).isEqualTo("positive labels in 50.0% of A (n = 40) vs 20.0% of B "
                + "(n = 35): a gap of 0.300 >= 0.2; with unequal base rates, calibration and equal error rates cannot "
                + "both hold (Kleinberg et al. 2016)");
        assertThat(r.findings().get(6).message()).startsWith("Cramér's V 1.000 >= 0.5 between 'zip' and the groups "
                + "over 92 rows (mutual information ");
        assertThat(r.passes(Severity.CRITICAL)).isFalse();
        assertThat(r.worst()).hasValue(Severity.CRITICAL);
        assertThat(r.checked()).containsExactly(DataCheck.MIN_GROUP_SIZE, DataCheck.REPRESENTATION,
                DataCheck.MISSING_VALUES, DataCheck.PROXY, DataCheck.BASE_RATE_GAP);
        assertThat(r.toString()).startsWith("data quality: 7 critical, 1 warning, 1 info; checked min_group_size, "
                + "representation, missing_values, proxy, base_rate_gap over 4 groups\n  CRITICAL min_group_size");
        // The proxy scores: zip is determined by the group; income is not associated at all.
        assertThat(r.proxies()).extracting(ProxyScore::feature).containsExactly("zip", "age", "income");
        assertThat(r.proxies().get(0).association().orElseThrow()).isCloseTo(1, within(1e-12));
        assertThat(r.proxies().get(0).mutualInformationNats().orElseThrow()).isGreaterThan(1);
        assertThat(r.proxies().get(1).rows()).isEqualTo(92 - 14);
        // Base rates: C and D are below 30 rows, left out of the gap.
        assertThat(r.baseRates().orElseThrow().difference().asDouble()).isCloseTo(0.3, within(1e-15));
        assertThat(r.missingValues().orElseThrow().missingRate("age", 1)).isEqualTo(0.4);
        assertThat(r.missingValues().orElseThrow().patterns()).extracting(MissingProfile.Pattern::missing)
                .containsExactly(List.of(), List.of("age"));
    }

    @Test
    void withoutFeaturesLabelsOrReferenceOnlyTheGroupSizesAreChecked() {
        FairnessData data = FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 1})
                .sensitive("s", new String[] {"a", "b"}).build();
        DataQualityReport r = DataQuality.defaults().check(data.grouping(List.of("s")), null, null);
        assertThat(r.checked()).containsExactly(DataCheck.MIN_GROUP_SIZE);
        assertThat(r.findings()).extracting(Finding::severity).containsOnly(Severity.CRITICAL);
        assertThat(r.baseRates()).isEmpty();
        DataQualityReport withLabels = DataQuality.defaults().check(data, null, "s");
        assertThat(withLabels.findings(Severity.INFO)).extracting(Finding::message)
                .contains("not assessed: 0 groups have at least 30 rows; a gap needs two");
    }

    /** Labels, groups and two random features (one categorical, one numeric with missing values). */
    private static FeatureTable features(Case c, long seed) {
        Random random = new Random(seed);
        String[] cat = new String[c.rows()];
        double[] num = new double[c.rows()];
        for (int i = 0; i < c.rows(); i++) {
            cat[i] = random.nextInt(5) == 0 ? null : "v" + random.nextInt(3);
            num[i] = random.nextInt(6) == 0 ? Double.NaN : random.nextInt(5) + (c.labels()[i] == 1 ? 2 : 0);
        }
        return FeatureTable.builder().categorical("cat", cat).numeric("num", num).build();
    }

    private static DataQuality lenient() {
        return DataQuality.builder().minGroupSize(3, 1).build();
    }

    @Test
    void findingsAreInvariantUnderRowPermutation() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            int[] perm = permutation(c.rows(), seed);
            FeatureTable f = features(c, seed);
            FeatureTable shuffled = permuted(f, perm);
            DataQualityReport before = lenient().check(c.data(), f, c.groupBy().toArray(String[]::new));
            DataQualityReport after = lenient().check(c.permuted(perm).data(), shuffled,
                    c.groupBy().toArray(String[]::new));
            assertThat(after.findings()).hasSameSizeAs(before.findings());
            for (int k = 0; k < before.findings().size(); k++) {
                Finding a = after.findings().get(k);
                Finding b = before.findings().get(k);
                assertThat(List.of(a.check(), a.severity(), a.group(), a.feature()))
                        .isEqualTo(List.of(b.check(), b.severity(), b.group(), b.feature()));
                if (b.measured().isPresent()) {
                    assertThat(a.measured().getAsDouble()).isCloseTo(b.measured().getAsDouble(), within(1e-12));
                }
            }
        });
    }


    /**
     * The case CI shrank to: η of 'num' is exactly 0.5, the critical threshold. Summed in row order it came out
     * 0.49999… for one order and 0.5 for another, so the same data gave a WARNING or a CRITICAL proxy finding.
     */
    @Test
    void aProxyExactlyAtTheThresholdHasOneSeverityForEveryRowOrder() {
        double u = 0x1p-20;
        Case c = new Case(new int[15], new int[15], new double[] {u, u, 0, 0, 0, u, 0, 5 * u, u, 0, u, 0, u, u, u},
                List.of("f1", "f2"), List.of("b,A,A,A,A,A,A,A,A,A,A,A,A,c-2,b".split(","),
                        "c-2,b,b,b,A,10,b,A,A,b,10,b,b,b,10".split(",")),
                List.of(List.of("b", "A", "c-2", "Z"), List.of("b", "A", "c-2", "Z", "é", "10")), List.of("f2"));
        long seed = 3860997876669499987L;
        int[] perm = permutation(c.rows(), seed);
        FeatureTable f = features(c, seed);
        FeatureTable shuffled = permuted(f, perm);
        DataQualityReport before = lenient().check(c.data(), f, "f2");
        DataQualityReport after = lenient().check(c.permuted(perm).data(), shuffled, "f2");
        assertThat(before.findings()).filteredOn(x -> x.check() == DataCheck.PROXY)
                .extracting(Finding::severity, x -> x.measured().getAsDouble())
                .containsExactly(tuple(Severity.CRITICAL, 0.5));
        assertThat(after.findings()).extracting(Finding::toString)
                .containsExactlyElementsOf(before.findings().stream().map(Finding::toString).toList());
    }

    /** @return a seeded random order of {@code rows} rows */
    private static int[] permutation(int rows, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the features of {@link #features} with their rows in the order {@code perm} */
    private static FeatureTable permuted(FeatureTable f, int[] perm) {
        return FeatureTable.builder()
                .categorical("cat", Arrays.stream(perm).mapToObj(i -> cat(f, i)).toArray(String[]::new))
                .numeric("num", Arrays.stream(perm).mapToDouble(i -> f.values("num")[i]).toArray()).build();
    }

    private static String cat(FeatureTable f, int i) {
        int code = f.codes("cat")[i];
        return code < 0 ? null : f.levels("cat").get(code);
    }

    @Test
    void findingsFollowTheirGroupsUnderRelabeling() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            Map<String, String> rename = new HashMap<>();
            List<String> levels = new ArrayList<>();
            c.features().forEach(f -> Arrays.stream(f).filter(l -> !levels.contains(l)).forEach(levels::add));
            if (c.declaredLevels() != null) {
                c.declaredLevels().forEach(l -> l.stream().filter(x -> !levels.contains(x)).forEach(levels::add));
            }
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                fresh.add("g" + i);
            }
            Collections.shuffle(fresh, new Random(seed));
            for (int i = 0; i < levels.size(); i++) {
                rename.put(levels.get(i), fresh.get(i));
            }
            FeatureTable f = features(c, seed);
            String[] by = c.groupBy().toArray(String[]::new);
            DataQualityReport before = lenient().check(c.data(), f, by);
            DataQualityReport after = lenient().check(c.relabeled(rename::get).data(), f, by);
            Map<Object, Double> expected = new TreeMap<>();
            Map<Object, Double> actual = new TreeMap<>();
            before.findings().forEach(x -> expected.put(key(x, rename), x.measured().orElse(Double.NaN)));
            after.findings().forEach(x -> actual.put(key(x, null), x.measured().orElse(Double.NaN)));
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((k, v) -> {
                if (!v.isNaN()) {
                    assertThat(actual.get(k)).isCloseTo(v, within(1e-12));
                }
            });
        });
    }

    private static String key(Finding f, Map<String, String> rename) {
        String group = f.group().map(g -> g.levels().stream().map(l -> rename == null ? l : rename.get(l)).toList()
                .toString()).orElse("-");
        // A gap names the group with the highest rate; with equal rates that choice may differ, so gaps are keyed
        // without the group.
        boolean gap = f.check() == DataCheck.MISSING_VALUES || f.check() == DataCheck.BASE_RATE_GAP;
        return f.check() + " " + f.severity() + " " + (gap ? "" : group) + " " + f.feature().orElse("-");
    }

    @Test
    void groupSizeAndBaseRateFindingsEqualBruteForce() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            DataQuality dq = DataQuality.builder().minGroupSize(4, 2).baseRateGap(0.1, 0.3).build();
            DataQualityReport r = dq.check(c.data(), null, c.groupBy().toArray(String[]::new));
            Map<List<String>, List<Integer>> groups = c.groups();
            List<String> expected = new ArrayList<>();
            groups.forEach((k, rows) -> {
                if (rows.size() < 2) {
                    expected.add(k + " CRITICAL");
                } else if (rows.size() < 4) {
                    expected.add(k + " WARNING");
                }
            });
            assertThat(r.findings().stream().filter(f -> f.check() == DataCheck.MIN_GROUP_SIZE)
                    .map(f -> f.group().orElseThrow().levels() + " " + f.severity()).toList())
                    .containsExactlyInAnyOrderElementsOf(expected);
            // The base rates as exact fractions pos / n, and the gap against 1/10 and 3/10 by cross-multiplication:
            // a gap that is exactly a threshold (7/10 − 5/10) reaches it, though 0.7 − 0.5 = 0.19999999999999996.
            long[] max = null;
            long[] min = null;
            int eligible = 0;
            for (List<Integer> rows : groups.values()) {
                if (rows.size() >= 4) {
                    long[] rate = {rows.stream().mapToInt(i -> c.labels()[i]).sum(), rows.size()};
                    max = max == null || rate[0] * max[1] > max[0] * rate[1] ? rate : max;
                    min = min == null || rate[0] * min[1] < min[0] * rate[1] ? rate : min;
                    eligible++;
                }
            }
            List<Finding> gap = r.findings().stream().filter(f -> f.check() == DataCheck.BASE_RATE_GAP).toList();
            long tenTimesGap = eligible < 2 ? 0 : 10 * (max[0] * min[1] - min[0] * max[1]);
            long denominator = eligible < 2 ? 1 : max[1] * min[1];
            if (eligible < 2) {
                assertThat(gap).singleElement().extracting(Finding::severity).isEqualTo(Severity.INFO);
            } else if (tenTimesGap >= denominator) {
                double spread = (double) max[0] / max[1] - (double) min[0] / min[1];
                Severity severity = tenTimesGap >= 3 * denominator ? Severity.CRITICAL : Severity.WARNING;
                assertThat(gap).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(severity);
                    assertThat(f.measured().getAsDouble()).isCloseTo(spread, within(1e-15));
                });
            } else {
                assertThat(gap).isEmpty();
            }
        });
    }

    /** 70 of 100 against 50 of 100 positive is a gap of exactly 0.2, though 0.7 − 0.5 = 0.19999999999999996. */
    @Test
    void aGapOfExactlyTheCriticalThresholdIsCritical() {
        int[] y = new int[200];
        String[] g = new String[200];
        for (int i = 0; i < 200; i++) {
            g[i] = i < 100 ? "A" : "B";
            y[i] = i < 70 || (i >= 100 && i < 150) ? 1 : 0;
        }
        FairnessData data = FairnessData.builder().labels(y).predictions(y).sensitive("g", g).build();
        assertThat(DataQuality.defaults().check(data, null, "g").findings())
                .filteredOn(f -> f.check() == DataCheck.BASE_RATE_GAP)
                .extracting(Finding::severity, f -> f.measured().getAsDouble())
                .containsExactly(tuple(Severity.CRITICAL, 0.7 - 0.5));
        assertThat(0.7 - 0.5).isLessThan(0.2);
    }

    @Test
    void compasByRaceFlagsTheSmallGroupsAndTheBaseRateGap() {
        CsvTable csv = SharedFiles.data("compas-predictions.csv");
        String[] race = csv.strings("race");
        FairnessData data = FairnessData.builder().labels(csv.ints("y_true")).predictions(csv.ints("y_pred"))
                .sensitive("race", race).build();
        FeatureTable features = FeatureTable.builder().numeric("age", csv.doubles("age"))
                .numeric("priors_count", csv.doubles("priors_count")).categorical("sex", csv.strings("sex")).build();
        DataQualityReport r = DataQuality.defaults().check(data, features, "race");
        Map<String, Integer> counts = new TreeMap<>();
        for (String x : race) {
            counts.merge(x, 1, Integer::sum);
        }
        List<String> small = counts.entrySet().stream().filter(e -> e.getValue() < 30).map(Map.Entry::getKey).toList();
        assertThat(small).isNotEmpty();
        assertThat(r.findings().stream().filter(f -> f.check() == DataCheck.MIN_GROUP_SIZE)
                .map(f -> f.group().orElseThrow().label()).toList()).containsExactlyInAnyOrderElementsOf(small);
        Finding gap = r.findings().stream().filter(f -> f.check() == DataCheck.BASE_RATE_GAP).findFirst().orElseThrow();
        assertThat(gap.severity()).isNotEqualTo(Severity.INFO);
        assertThat(r.missingValues().orElseThrow().patterns()).extracting(MissingProfile.Pattern::missing)
                .containsExactly(List.of());
        assertThat(r.proxies()).extracting(ProxyScore::feature).containsExactly("age", "priors_count", "sex");
        r.proxies().forEach(p -> assertThat(p.association().value()).isBetween(0.0, 1.0));
    }

    @Test
    void settingsAreValidatedAndSetOnce() {
        assertThatThrownBy(() -> DataQuality.builder().minGroupSize(10, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minGroupSize must be a critical threshold <= the warning threshold, got (10, 30)");
        assertThatThrownBy(() -> DataQuality.builder().proxyAssociation(0.5, 0.3))
                .hasMessage("proxyAssociation must be a critical threshold >= the warning threshold, got (0.5, 0.3)");
        assertThatThrownBy(() -> DataQuality.builder().baseRateGap(-0.1, 0.2))
                .hasMessage("baseRateGap must be finite thresholds >= 0, got (-0.1, 0.2)");
        assertThatThrownBy(() -> DataQuality.builder().missingRateGap(0.1, 0.2).missingRateGap(0.1, 0.2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("missingRateGap is already set; each setting is set once");
        assertThatThrownBy(() -> DataQuality.builder().representation(Map.of("a", -1.0)))
                .hasMessage("representation share of 'a' must be a finite share >= 0, got -1.0");
        assertThatThrownBy(() -> DataQuality.builder().representation(Map.of("a", 0.0)))
                .hasMessage("representation must be shares with a positive total, got {a=0.0}");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("x", new double[] {1, Double.NEGATIVE_INFINITY}))
                .hasMessage("column 'x', row 1: got -Infinity; expected a finite number, or NaN for a missing value");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("x", new double[] {1}).categorical("y",
                new String[] {"a", "b"})).hasMessage("column 'y' has 2 rows; expected 1 (the length of 'x')");
        FairnessData data = FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 1})
                .sensitive("s", new String[] {"a", "b"}).build();
        FeatureTable three = FeatureTable.builder().numeric("x", new double[] {1, 2, 3}).build();
        assertThatThrownBy(() -> DataQuality.defaults().check(data, three, "s"))
                .hasMessage("column 'features' has 3 rows; expected 2 (the length of 'grouping [s]')");
        assertThatThrownBy(() -> DataQuality.defaults().check(data.grouping(List.of("s")), null, new int[] {0, 3}))
                .hasMessage("column 'labels', row 1: got 3; expected 0 or 1");
        assertThatThrownBy(() -> DataQuality.defaults().check(data, null))
                .hasMessage("groupBy needs at least one sensitive feature; the data has [s]");
        assertThat(DataQuality.defaults()).hasToString("DataQuality[group size warning < 30, critical < 10; "
                + "representation not checked; missing-rate gap warning >= 0.05, critical >= 0.2; base-rate gap "
                + "warning >= 0.1, critical >= 0.2; proxy Cramér's V / η warning >= 0.3, critical >= 0.5]");
    }
}
