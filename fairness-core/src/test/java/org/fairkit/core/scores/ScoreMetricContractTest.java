package org.fairkit.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.MetricValueContract;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.testkit.contract.Perturbations;
import org.fairkit.testkit.contract.Tolerance;
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
class ScoreMetricContractTest extends MetricValueContract {
    static final double RELATIVE = 1e-12;

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

    /** Exact for ROC AUC with integer weights (or none), else {@value #RELATIVE} relative. */
    static Tolerance tolerance(ScoreMetrics metric, ScoredCase c) {
        return exact(metric, c) ? Tolerance.exact() : Tolerance.relative(RELATIVE);
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
                    ScoreBruteForce.value(metric, c, rows), tolerance(metric, c), metric + " of group " + key + " in " + c));
            List<Integer> all = IntStream.range(0, c.rows()).boxed().toList();
            assertClose(e.overall(), ScoreBruteForce.value(metric, c, all), tolerance(metric, c), metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void valuesAreInvariantUnderRowPermutation(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(), longs().all()).checkAssert((c, seed) -> {
            ScoredCase shuffled = c.permuted(Perturbations.shuffledOrder(c.rows(), seed));
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, shuffled);
            assertThat(after.byGroup().keySet()).containsExactlyElementsOf(before.byGroup().keySet());
            before.byGroup().forEach((key, v) -> assertSame(after.byGroup().get(key), v, tolerance(metric, c),
                    metric + " of group " + key));
            assertSame(after.overall(), before.overall(), tolerance(metric, c), metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void valuesAreInvariantUnderGroupRelabeling(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(), longs().all()).checkAssert((c, seed) -> {
            Map<String, String> rename = Perturbations.randomRelabeling(levels(c.c()), seed);
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, c.relabeled(rename::get));
            before.byGroup().forEach((key, v) -> assertSame(after.byGroup().get(key.stream().map(rename::get).toList()),
                    v, Tolerance.exact(), metric + " of group " + key));
            assertSame(after.overall(), before.overall(), Tolerance.exact(), metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScoreMetrics.class)
    void unitWeightsGiveExactlyTheValuesOfNoWeights(ScoreMetrics metric) {
        qt().withExamples(EXAMPLES).forAll(ScoredCase.cases(Weights.NONE)).checkAssert(c -> {
            Evaluated unweighted = Evaluated.of(metric, c);
            Evaluated unit = Evaluated.of(metric, c.withWeights(Perturbations.ones(c.rows())));
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
            weighted.byGroup().forEach((key, v) -> assertSame(duplicated.byGroup().get(key), v,
                    tolerance(metric, c), metric + " of group " + key));
            assertSame(duplicated.overall(), weighted.overall(), tolerance(metric, c), metric + " overall");
        });
    }
}
