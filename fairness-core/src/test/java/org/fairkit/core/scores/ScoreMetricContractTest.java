package org.fairkit.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of the foundation's {@code MetricContractTest}, applied to every {@link ScoreMetrics} constant
 * through the front door ({@code Fairness...scoreMetrics(m).evaluate()}), against {@link ScoreBruteForce}.
 *
 * <p>Tolerances: ROC AUC is exact (bit for bit) without weights or with integer weights, where the Mann–Whitney
 * sums are exact in any order; every other comparison allows {@value #RELATIVE} relative to max(1, |value|)
 * (compensated sums in the kernel against plain row-order sums in the reference, and scikit-learn's
 * renormalization of the two class probabilities in the log loss, a difference of at most an ulp).
 *
 * <p>Not applicable: merge equivalence over chunk cuts. Score metrics need the rows sorted by score
 * ({@code Requirement.ROWS} for AUC and AP); no partial tally of a chunk determines them.
 */
class ScoreMetricContractTest {
    static final double RELATIVE = 1e-12;
    private static final int EXAMPLES = 150;

    /** One score metric as the report gives it, by group levels, and over all rows. */
    record Evaluated(Map<List<String>, MetricValue> byGroup, MetricValue overall, FairnessReport report) {
        static Evaluated of(ScoreMetrics metric, ScoredCase c) {
            FairnessReport report = Fairness.of(c.data()).groupBy(c.c().groupBy().toArray(new String[0]))
                    .metrics(Metrics.COUNT).fairnessMetrics().scoreMetrics(metric).evaluate();
            Map<List<String>, MetricValue> values = new LinkedHashMap<>();
            for (GroupKey g : report.groups()) {
                values.put(g.levels(), report.value(metric, g));
            }
            return new Evaluated(values, report.overall(metric), report);
        }
    }

    static boolean integerWeights(ScoredCase c) {
        return c.c().weights() == null || Arrays.stream(c.c().weights()).allMatch(w -> w == Math.rint(w));
    }

    static boolean exact(ScoreMetrics metric, ScoredCase c) {
        return metric == ScoreMetrics.ROC_AUC && integerWeights(c);
    }

    static void assertClose(MetricValue actual, OptionalDouble expected, boolean exact, String what) {
        if (expected.isEmpty()) {
            assertThat(actual.isDefined()).as("%s is undefined, got %s", what, actual).isFalse();
            assertThat(actual.reason()).as(what).hasValueSatisfying(r -> assertThat(r).isNotBlank());
            return;
        }
        assertThat(actual.isDefined()).as("%s is defined, got %s", what, actual).isTrue();
        double e = expected.getAsDouble();
        if (exact) {
            assertThat(actual.value()).as(what).isEqualTo(e);
        } else {
            assertThat(Math.abs(actual.value() - e)).as("%s: %s vs %s", what, actual.value(), e)
                    .isLessThanOrEqualTo(RELATIVE * Math.max(1, Math.abs(e)));
        }
    }

    static void assertSame(MetricValue actual, MetricValue expected, boolean exact, String what) {
        assertClose(actual, expected.isDefined() ? OptionalDouble.of(expected.value()) : OptionalDouble.empty(),
                exact, what);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void definedValuesLieWithinTheDeclaredBounds(ScoreMetrics metric) {
        double lo = metric.info().lowerBound();
        double hi = metric.info().upperBound();
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(metric, c);
            List<MetricValue> all = new ArrayList<>(e.byGroup().values());
            all.add(e.overall());
            for (MetricValue v : all) {
                if (v.isDefined()) {
                    // a weighted mean of values at the bound may round one ulp past it
                    assertThat(v.value()).as("%s of %s", metric, c).isBetween(lo, hi + RELATIVE * Math.abs(hi));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void valuesEqualTheBruteForceReferenceAndAreUndefinedExactlyWhenItIs(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(metric, c);
            assertThat(e.byGroup().keySet()).containsExactlyInAnyOrderElementsOf(c.groups().keySet());
            c.groups().forEach((key, rows) -> assertClose(e.byGroup().get(key),
                    ScoreBruteForce.value(metric, c, rows), exact(metric, c), metric + " of group " + key + " in " + c));
            List<Integer> all = IntStream.range(0, c.rows()).boxed().toList();
            assertClose(e.overall(), ScoreBruteForce.value(metric, c, all), exact(metric, c), metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void valuesAreInvariantUnderRowPermutation(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(), longs().all()).checkAssert((c, seed) -> {
            List<Integer> order = new ArrayList<>(IntStream.range(0, c.rows()).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            ScoredCase shuffled = c.permuted(order.stream().mapToInt(Integer::intValue).toArray());
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, shuffled);
            assertThat(after.byGroup().keySet()).containsExactlyElementsOf(before.byGroup().keySet());
            before.byGroup().forEach((key, v) -> assertSame(after.byGroup().get(key), v, exact(metric, c),
                    metric + " of group " + key));
            assertSame(after.overall(), before.overall(), exact(metric, c), metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void valuesAreInvariantUnderGroupRelabeling(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(), longs().all()).checkAssert((c, seed) -> {
            List<String> levels = new ArrayList<>();
            c.c().features().forEach(f -> Arrays.stream(f).distinct().filter(l -> !levels.contains(l))
                    .forEach(levels::add));
            if (c.c().declaredLevels() != null) {
                c.c().declaredLevels().forEach(l -> l.stream().filter(x -> !levels.contains(x)).forEach(levels::add));
            }
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                fresh.add("g" + i);
            }
            Collections.shuffle(fresh, new Random(seed));
            Map<String, String> rename = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) {
                rename.put(levels.get(i), fresh.get(i));
            }
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, c.relabeled(rename::get));
            before.byGroup().forEach((key, v) -> assertSame(after.byGroup().get(key.stream().map(rename::get).toList()),
                    v, true, metric + " of group " + key));
            assertSame(after.overall(), before.overall(), true, metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void unitWeightsGiveExactlyTheValuesOfNoWeights(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(Weights.NONE)).checkAssert(c -> {
            double[] ones = new double[c.rows()];
            Arrays.fill(ones, 1.0);
            Evaluated unweighted = Evaluated.of(metric, c);
            Evaluated unit = Evaluated.of(metric, c.withWeights(ones));
            assertThat(unit.byGroup()).isEqualTo(unweighted.byGroup());
            assertThat(unit.overall()).isEqualTo(unweighted.overall());
        });
    }

    /** Weights 1..3 so that no row disappears when duplicated. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void integerWeightsGiveTheValuesOfDuplicatedRows(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(Weights.POSITIVE_INTEGER)).checkAssert(c -> {
            Evaluated weighted = Evaluated.of(metric, c);
            Evaluated duplicated = Evaluated.of(metric, c.duplicatedByWeight());
            assertThat(duplicated.byGroup().keySet()).containsExactlyElementsOf(weighted.byGroup().keySet());
            weighted.byGroup().forEach((key, v) -> assertSame(duplicated.byGroup().get(key), v, exact(metric, c),
                    metric + " of group " + key));
            assertSame(duplicated.overall(), weighted.overall(), exact(metric, c), metric + " overall");
        });
    }
}
