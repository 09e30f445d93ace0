package org.fairkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/**
 * Aggregates across groups (difference, ratio, to-overall) against a brute-force recomputation over the eligible
 * groups: those with at least {@code minGroupSize} rows and a defined value. Exact for unweighted data and integer
 * weights; {@link MetricContractTest#REAL_WEIGHTS_TOLERANCE} for real weights.
 */
class AggregatesTest {
    private static final int EXAMPLES = 200;

    @Test
    void differenceIsNonNegativeAndRatioLiesInZeroToOne() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), integers().between(0, 5)).checkAssert((c, min) -> {
            FairnessReport r = evaluateAll(c, min);
            for (Metrics m : Metrics.values()) {
                Disparity d = r.difference(m);
                Disparity q = r.ratio(m);
                if (d.isDefined()) {
                    assertThat(d.asDouble()).as("%s difference", m).isGreaterThanOrEqualTo(0);
                }
                if (q.isDefined()) {
                    assertThat(q.asDouble()).as("%s ratio", m).isBetween(0.0, 1.0);
                }
                Disparity o = r.differenceToOverall(m);
                if (o.isDefined()) {
                    assertThat(o.asDouble()).as("%s difference to overall", m).isGreaterThanOrEqualTo(0);
                }
                Disparity p = r.ratioToOverall(m);
                if (p.isDefined()) {
                    assertThat(p.asDouble()).as("%s ratio to overall", m).isBetween(0.0, 1.0);
                }
            }
        });
    }

    @Test
    void differenceAndRatioEqualMaxMinusMinAndMinOverMaxOfTheEligibleGroupsByBruteForce() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), integers().between(0, 5)).checkAssert((c, min) -> {
            FairnessReport r = evaluateAll(c, min);
            double tol = MetricContractTest.tolerance(c);
            for (Metrics m : Metrics.values()) {
                Map<List<String>, Double> eligible = eligibleValues(c, m, min);
                Disparity d = r.difference(m);
                Disparity q = r.ratio(m);
                if (eligible.size() < 2) {
                    String reason = "needs at least two groups with a defined value, has " + eligible.size();
                    assertThat(d.value().reason()).as("%s difference", m).hasValue(reason);
                    assertThat(q.value().reason()).as("%s ratio", m).hasValue(reason);
                    assertThat(d.groups()).isEmpty();
                    continue;
                }
                double hi = eligible.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                double lo = eligible.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                assertThat(d.isDefined()).as("%s difference", m).isTrue();
                assertThat(d.asDouble()).as("%s difference", m).isCloseTo(hi - lo, within(2 * tol));
                // The named groups are eligible and attain the maximum and the minimum.
                assertThat(d.groups()).hasSize(2);
                assertThat(eligible.get(d.groups().get(0).levels())).isCloseTo(hi, within(tol));
                assertThat(eligible.get(d.groups().get(1).levels())).isCloseTo(lo, within(tol));
                if (hi == 0) {
                    assertThat(q.value().reason()).as("%s ratio", m).hasValue("every group has " + m.id() + " 0");
                } else {
                    assertThat(q.isDefined()).as("%s ratio", m).isTrue();
                    assertThat(q.asDouble()).as("%s ratio", m).isCloseTo(lo / hi, within(4 * tol / hi));
                    assertThat(q.groups()).containsExactly(d.groups().get(1), d.groups().get(0));
                }
            }
        });
    }

    @Test
    void differenceToOverallIsTheLargestDistanceOfAnEligibleGroupFromTheOverallValue() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), integers().between(0, 5)).checkAssert((c, min) -> {
            FairnessReport r = evaluateAll(c, min);
            double tol = MetricContractTest.tolerance(c);
            for (Metrics m : Metrics.values()) {
                Map<List<String>, Double> eligible = eligibleValues(c, m, min);
                OptionalDouble overall = BruteForce.value(m, c, BruteForce.allRows(c));
                Disparity d = r.differenceToOverall(m);
                if (overall.isEmpty() || eligible.isEmpty()) {
                    assertThat(d.isDefined()).as("%s difference to overall", m).isFalse();
                    continue;
                }
                double o = overall.getAsDouble();
                double expected = eligible.values().stream().mapToDouble(v -> Math.abs(v - o)).max().orElseThrow();
                assertThat(d.asDouble()).as("%s difference to overall", m).isCloseTo(expected, within(2 * tol));
            }
        });
    }

    @Test
    void disparitiesLeaveOutGroupsBelowMinGroupSizeAndListEveryLeftOutGroupWithItsReason() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), integers().between(0, 5)).checkAssert((c, min) -> {
            FairnessReport r = evaluateAll(c, min);
            Map<List<String>, List<Integer>> rows = c.groups();
            for (Metrics m : Metrics.values()) {
                List<Exclusion> expected = new ArrayList<>();
                for (GroupKey g : r.groups()) {
                    int n = rows.get(g.levels()).size();
                    if (n < min) {
                        expected.add(new Exclusion(g, "n = " + n + " is below minGroupSize " + min));
                    } else if (BruteForce.value(m, c, rows.get(g.levels())).isEmpty()) {
                        expected.add(new Exclusion(g, m.id() + " is undefined: "
                                + r.value(m, g).reason().orElseThrow()));
                    }
                }
                assertThat(r.difference(m).excluded()).as("%s", m).isEqualTo(expected);
                assertThat(r.ratio(m).excluded()).as("%s", m).isEqualTo(expected);
                assertThat(r.differenceToOverall(m).excluded()).as("%s", m).isEqualTo(expected);
                assertThat(r.ratioToOverall(m).excluded()).as("%s", m).isEqualTo(expected);
                // Small groups are still reported with their value.
                for (GroupKey g : r.groups()) {
                    assertThat(r.results().isSmall(g)).isEqualTo(rows.get(g.levels()).size() < min);
                }
            }
            long small = rows.values().stream().filter(g -> g.size() < min).count();
            assertThat(r.warnings().stream().filter(w -> w.kind() == ReportWarning.Kind.SMALL_GROUP))
                    .hasSize((int) small);
        });
    }

    @Test
    void betweenGroupFairnessMetricsEqualTheAggregatesTheyAreDefinedBy() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), integers().between(0, 5)).checkAssert((c, min) -> {
            FairnessReport r = evaluateAll(c, min);
            assertThat(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).value())
                    .isEqualTo(r.difference(Metrics.SELECTION_RATE).value());
            assertThat(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).value())
                    .isEqualTo(r.ratio(Metrics.SELECTION_RATE).value());
            assertThat(r.fairness(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).value())
                    .isEqualTo(r.difference(Metrics.TRUE_POSITIVE_RATE).value());
            assertThat(r.fairness(FairnessMetric.PREDICTIVE_PARITY_DIFFERENCE).value())
                    .isEqualTo(r.difference(Metrics.POSITIVE_PREDICTIVE_VALUE).value());
            Disparity tpr = r.difference(Metrics.TRUE_POSITIVE_RATE);
            Disparity fpr = r.difference(Metrics.FALSE_POSITIVE_RATE);
            Disparity eod = r.fairness(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE);
            assertThat(eod.isDefined()).isEqualTo(tpr.isDefined() && fpr.isDefined());
            if (eod.isDefined()) {
                assertThat(eod.asDouble()).isEqualTo(Math.max(tpr.asDouble(), fpr.asDouble()));
            }
        });
    }

    /** Each eligible group's brute-force value: at least {@code min} rows and a defined value. */
    private static Map<List<String>, Double> eligibleValues(Case c, Metrics m, int min) {
        Map<List<String>, Double> out = new java.util.LinkedHashMap<>();
        c.groups().forEach((key, rows) -> {
            OptionalDouble v = BruteForce.value(m, c, rows);
            if (rows.size() >= min && v.isPresent()) {
                out.put(key, v.getAsDouble());
            }
        });
        return out;
    }

    private static FairnessReport evaluateAll(Case c, int minGroupSize) {
        return Fairness.of(c.data()).groupBy(c.groupBy().toArray(new String[0])).metrics(Metrics.values())
                .minGroupSize(minGroupSize).evaluate();
    }
}
