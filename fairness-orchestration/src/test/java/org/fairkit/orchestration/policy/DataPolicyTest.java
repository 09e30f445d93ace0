package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkit.core.checks.DataQuality;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.FeatureTable;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.junit.jupiter.api.Test;

class DataPolicyTest {
    static final String GATE = """
            policy: data-gate
            rules:
              - min_group_size >= 30
              - max_missing_rate <= 0.1
              - max_proxy_strength <= 0.3
              - representation_ratio >= 0.2
              - demographic_parity_ratio >= 0.8
            """;

    /** Seeded rows: groups, a numeric feature, a categorical one and a clean one, with the problems asked for. */
    record Rows(String[] group, double[] income, String[] zip, double[] age) {
        static Rows make(long seed, boolean problems) {
            Random r = new Random(seed);
            int n = 2000;
            String[] group = new String[n];
            double[] income = new double[n];
            String[] zip = new String[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                group[i] = problems && i < 20 ? "C" : i % 2 == 0 ? "A" : "B";
                boolean b = group[i].equals("B");
                double missing = problems && b ? 0.4 : 0.02;
                income[i] = r.nextDouble() < missing ? Double.NaN : 30 + 40 * r.nextDouble();
                boolean proxy = problems && r.nextDouble() < 0.9;
                zip[i] = proxy ? "z" + group[i] : "z" + r.nextInt(5);
                age[i] = 18 + 60 * r.nextDouble();
            }
            return new Rows(group, income, zip, age);
        }

        DataQualityReport check() {
            return check(group);
        }

        DataQualityReport check(String[] groups) {
            Grouping g = Grouping.of(List.of(SensitiveFeature.of("race", groups)));
            FeatureTable f = FeatureTable.builder().numeric("income", income).categorical("zip", zip)
                    .numeric("age", age).build();
            return DataQuality.defaults().check(g, f, null);
        }

        Rows permuted(long seed) {
            int n = group.length;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new Random(seed));
            String[] g = new String[n];
            double[] in = new double[n];
            String[] z = new String[n];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                int j = order.get(i);
                g[i] = group[j];
                in[i] = income[j];
                z[i] = zip[j];
                a[i] = age[j];
            }
            return new Rows(g, in, z, a);
        }
    }

    private static RuleVerdict verdict(PolicyResult result, String rule) {
        return result.verdicts().stream().filter(v -> v.rule().name().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theGateFindsATinyGroupAFeatureMissingInOneGroupAndAProxy() {
        PolicyResult result = Policy.parse(GATE).evaluateData(List.of(Rows.make(7, true).check()));
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.verdicts()).hasSize(4); // the fairness-metric rule is not a data rule
        RuleVerdict size = verdict(result, "min_group_size >= 30");
        assertThat(size.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(size.value().value()).isEqualTo(20);
        assertThat(size.groups()).extracting(k -> k.label()).containsExactly("C");
        RuleVerdict missing = verdict(result, "max_missing_rate <= 0.1");
        assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(missing.groups()).extracting(k -> k.label()).containsExactly("B");
        assertThat(missing.message()).contains("'income' in B").doesNotContain("'age' in");
        assertThat(missing.value().value()).isBetween(0.35, 0.45);
        assertThat(missing.interval()).isPresent();
        RuleVerdict proxy = verdict(result, "max_proxy_strength <= 0.3");
        assertThat(proxy.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(proxy.message()).contains("'zip' (cramers_v").doesNotContain("'age' (");
        RuleVerdict representation = verdict(result, "representation_ratio >= 0.2");
        assertThat(representation.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(representation.value().value()).isEqualTo(20.0 / 990);
        assertThat(representation.groups()).extracting(k -> k.label()).containsExactly("C");
    }

    @Test
    void cleanDataPassesTheGate() {
        PolicyResult result = Policy.parse(GATE).evaluateData(List.of(Rows.make(7, false).check()));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.PASS);
        assertThat(result.verdicts()).hasSize(4).allMatch(v -> v.outcome() == Outcome.PASS);
    }

    @Test
    void theModelGateLeavesDataRulesOutAndKeepsMinGroupSize() {
        Policy p = Policy.parse(GATE);
        assertThat(p.dataRules()).extracting(PolicyRule::name).containsExactly("min_group_size >= 30",
                "max_missing_rate <= 0.1", "max_proxy_strength <= 0.3", "representation_ratio >= 0.2");
        assertThat(Measure.byId("max_missing_rate.Income")).isEqualTo(DataMeasure.maxMissingRate()
                .forColumn("Income"));
        assertThat(p.toYaml()).contains("rule: max_missing_rate <= 0.1");
        assertThat(Policy.parse(p.toYaml())).isEqualTo(p);
    }

    @Test
    void aColumnRuleJudgesThatColumnOnly() {
        DataQualityReport report = Rows.make(7, true).check();
        PolicyResult result = Policy.parse("""
                policy: p
                rules:
                  - max_missing_rate.age <= 0.1
                  - max_missing_rate.income <= 0.1
                  - max_proxy_strength.age <= 0.3
                  - max_missing_rate.nothere <= 0.1
                """).evaluateData(List.of(report));
        assertThat(result.verdicts()).extracting(RuleVerdict::outcome).containsExactly(Outcome.PASS, Outcome.FAIL,
                Outcome.PASS, Outcome.INCONCLUSIVE);
        assertThat(result.verdicts().get(3).message()).isEqualTo("max_missing_rate.nothere: feature 'nothere' was "
                + "not checked; checked: [income, zip, age]");
    }

    @Test
    void intervalEvidenceJudgesProportionsOnWilsonIntervalsAndProxiesAreInconclusive() {
        // 2 of 10 rows missing in B: the point 0.2 exceeds 0.1, but its Wilson interval [0.057, 0.510] does not lie
        // entirely above it, so a violation is not demonstrated; under pass_if_interval_satisfies it fails.
        String[] group = new String[40];
        double[] x = new double[40];
        for (int i = 0; i < 40; i++) {
            group[i] = i < 30 ? "A" : "B";
            x[i] = i == 30 || i == 31 ? Double.NaN : i % 7;
        }
        DataQualityReport report = DataQuality.defaults().check(Grouping.of(List.of(SensitiveFeature.of("g",
                group))), FeatureTable.builder().numeric("x", x).build(), null);
        String rules = """
                rules:
                  - max_missing_rate <= 0.1
                  - max_proxy_strength <= 0.99
                """;
        PolicyResult lenient = Policy.parse("policy: p\nevidence: fail_if_interval_violates\n" + rules)
                .evaluateData(List.of(report));
        assertThat(lenient.verdicts().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(lenient.verdicts().get(0).message()).contains("straddles <= 0.1: violation not demonstrated");
        assertThat(lenient.verdicts().get(0).interval().orElseThrow().toString()).isEqualTo("[0.0567, 0.5098]");
        assertThat(lenient.verdicts().get(1).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(lenient.verdicts().get(1).message()).contains("has no interval (point estimates: no interval is "
                + "computed for Cramér's V or η), and evidence fail_if_interval_violates needs one");
        PolicyResult strict = Policy.parse("policy: p\nevidence: pass_if_interval_satisfies\n" + rules)
                .evaluateData(List.of(report));
        assertThat(strict.verdicts().get(0).outcome()).isEqualTo(Outcome.FAIL);
        PolicyResult point = Policy.parse("policy: p\n" + rules).evaluateData(List.of(report));
        assertThat(point.verdicts().get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(point.verdicts().get(1).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void representationAgainstReferenceShares() {
        String[] group = new String[100];
        for (int i = 0; i < 100; i++) {
            group[i] = i < 80 ? "A" : "B";
        }
        DataQualityReport report = DataQuality.defaults().check(Grouping.of(List.of(SensitiveFeature.of("g",
                group))), null, null);
        PolicyRule rule = PolicyRule.of(DataMeasure.representationRatio(Map.of("A", 1.0, "B", 1.0, "D", 0.0)),
                org.fairkit.core.Threshold.atLeast(0.8));
        RuleVerdict v = Policy.of("p", rule).evaluateData(List.of(report)).verdicts().get(0);
        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(v.value().value()).isEqualTo(0.4); // (20 / 100) / 0.5
        assertThat(v.groups()).extracting(k -> k.label()).containsExactly("B");
        RuleVerdict ok = Policy.of("p", PolicyRule.of(DataMeasure.representationRatio(Map.of("A", 0.8, "B", 0.2)),
                org.fairkit.core.Threshold.atLeast(0.8))).evaluateData(List.of(report)).verdicts().get(0);
        assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
        assertThatThrownBy(() -> DataMeasure.representationRatio().forColumn("x"))
                .hasMessage("representation_ratio is about groups, not a column; got 'representation_ratio.x'");
    }

    @Test
    void verdictsAreInvariantUnderRowOrderAndGroupRelabeling() {
        Policy gate = Policy.parse(GATE);
        qt().withFixedSeed(18).withExamples(12).forAll(integers().between(1, 10_000), integers().between(0, 1))
                .checkAssert((seed, problems) -> {
                    Rows rows = Rows.make(seed, problems == 1);
                    PolicyResult base = gate.evaluateData(List.of(rows.check()));
                    Rows shuffled = rows.permuted(seed * 31L);
                    PolicyResult permuted = gate.evaluateData(List.of(shuffled.check()));
                    String[] relabeled = new String[rows.group().length];
                    for (int i = 0; i < relabeled.length; i++) {
                        relabeled[i] = "g-" + rows.group()[i];
                    }
                    PolicyResult renamed = gate.evaluateData(List.of(rows.check(relabeled)));
                    for (PolicyResult other : List.of(permuted, renamed)) {
                        assertThat(other.outcome()).isEqualTo(base.outcome());
                        for (int i = 0; i < base.verdicts().size(); i++) {
                            RuleVerdict a = base.verdicts().get(i);
                            RuleVerdict b = other.verdicts().get(i);
                            assertThat(b.outcome()).isEqualTo(a.outcome());
                            assertThat(b.value()).isEqualTo(a.value());
                            assertThat(b.interval()).isEqualTo(a.interval());
                        }
                    }
                });
    }
}
