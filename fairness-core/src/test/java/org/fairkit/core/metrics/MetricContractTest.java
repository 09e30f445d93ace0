package org.fairkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.DataGen;
import org.fairkit.core.FairnessData;
import org.fairkit.core.MetricValueContract;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.tally.ConfusionTally;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.testkit.contract.Perturbations;
import org.fairkit.testkit.contract.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every group metric of {@link Metrics} keeps, written once and run for each constant.
 *
 * <p>The reference is {@link BruteForce}: each metric recomputed by looping over the rows. Tolerance: exact
 * (bit for bit) for unweighted data and integer weights, whose sums are exact in any order;
 * {@value #REAL_WEIGHTS_TOLERANCE} absolute for real weights, whose sums the kernel takes in another order (four
 * lanes per chunk, chunks compensated) than the row-order loop of the reference. Rates lie in [0, 1] and
 * {@code COUNT} is never weighted, so this is thousands of ulps above rounding and far below any real error.
 */
class MetricContractTest extends MetricValueContract {
    static final double REAL_WEIGHTS_TOLERANCE = 1e-12;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void definedValuesLieWithinTheDeclaredBounds(Metrics metric) {
        double lo = metric.info().lowerBound();
        double hi = metric.info().upperBound();
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(metric, c);
            List<MetricValue> all = new ArrayList<>(e.byGroup().values());
            all.add(e.overall());
            for (MetricValue v : all) {
                if (v.isDefined()) {
                    assertThat(v.value()).as("%s of %s", metric, c).isBetween(lo, hi);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void valuesEqualTheBruteForceReference(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(metric, c);
            double tol = tolerance(c);
            Map<List<String>, List<Integer>> groups = c.groups();
            assertThat(e.byGroup().keySet()).containsExactlyInAnyOrderElementsOf(groups.keySet());
            groups.forEach((key, rows) -> assertMatches(e.byGroup().get(key), BruteForce.value(metric, c, rows), tol,
                    metric + " of group " + key));
            assertMatches(e.overall(), BruteForce.value(metric, c, BruteForce.allRows(c)), tol, metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void valueIsUndefinedWithAReasonExactlyWhenTheReferenceDenominatorIsZero(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(metric, c);
            c.groups().forEach((key, rows) -> {
                MetricValue v = e.byGroup().get(key);
                boolean zeroDenominator = BruteForce.value(metric, c, rows).isEmpty();
                assertThat(v.isDefined()).as("%s of group %s is defined, in %s", metric, key, c)
                        .isEqualTo(!zeroDenominator);
                assertThat(Double.isNaN(v.value())).isEqualTo(zeroDenominator);
                if (zeroDenominator) {
                    assertThat(v.reason()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
                } else {
                    assertThat(v.reason()).isEmpty();
                }
            });
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void valuesAreInvariantUnderRowPermutation(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            Case shuffled = c.permuted(Perturbations.shuffledOrder(c.rows(), seed));
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, shuffled);
            assertThat(after.byGroup().keySet()).containsExactlyElementsOf(before.byGroup().keySet());
            double tol = tolerance(c);
            before.byGroup().forEach((key, v) -> assertSameValue(after.byGroup().get(key), v, tol,
                    metric + " of group " + key));
            assertSameValue(after.overall(), before.overall(), tol, metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void valuesAreInvariantUnderGroupRelabeling(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            // A random bijection of every level onto fresh names, which also changes the sorted group order.
            Map<String, String> rename = Perturbations.randomRelabeling(levels(c), seed);
            Case renamed = c.relabeled(rename::get);
            Evaluated before = Evaluated.of(metric, c);
            Evaluated after = Evaluated.of(metric, renamed);

            List<List<String>> renamedKeys = before.byGroup().keySet().stream()
                    .map(k -> k.stream().map(rename::get).toList()).toList();
            assertThat(after.byGroup().keySet()).containsExactlyInAnyOrderElementsOf(renamedKeys);
            // Group sums are bit-identical; the overall row (and the predicted positive share, which divides by
            // it) adds the groups in group order, which changes, so real weights get the tolerance there.
            double tol = tolerance(c);
            before.byGroup().forEach((key, v) -> assertSameValue(
                    after.byGroup().get(key.stream().map(rename::get).toList()), v, tol, metric + " of group " + key));
            assertSameValue(after.overall(), before.overall(), tol, metric + " overall");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void unitWeightsGiveExactlyTheValuesOfNoWeights(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(Weights.NONE)).checkAssert(c -> {
            Evaluated unweighted = Evaluated.of(metric, c);
            Evaluated unit = Evaluated.of(metric, c.withWeights(Perturbations.ones(c.rows())));
            assertThat(unit.report().results().tally().isWeighted()).isTrue();
            assertThat(unit.byGroup()).isEqualTo(unweighted.byGroup());
            assertThat(unit.overall()).isEqualTo(unweighted.overall());
        });
    }

    /**
     * Weights 1..3 so that no row disappears when duplicated. {@code COUNT} is never weighted (as Fairlearn's
     * {@code count}), so for it the contract is the opposite: the weighted data counts its own rows.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void integerWeightsGiveExactlyTheValuesOfDuplicatedRows(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(Weights.POSITIVE_INTEGER)).checkAssert(c -> {
            Evaluated weighted = Evaluated.of(metric, c);
            Evaluated duplicated = Evaluated.of(metric, c.duplicatedByWeight());
            assertThat(duplicated.byGroup().keySet()).containsExactlyElementsOf(weighted.byGroup().keySet());
            if (metric == Metrics.COUNT) {
                c.groups().forEach((key, rows) -> assertThat(weighted.byGroup().get(key))
                        .isEqualTo(MetricValue.of(rows.size())));
                assertThat(weighted.overall()).isEqualTo(MetricValue.of(c.rows()));
                return;
            }
            assertThat(weighted.byGroup()).isEqualTo(duplicated.byGroup());
            assertThat(weighted.overall()).isEqualTo(duplicated.overall());
        });
    }

    /** The metric of a tally merged from random chunk cuts equals the metric of the one-pass evaluation. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Metrics.class)
    void valuesFromTalliesMergedOverRandomChunkCutsEqualOnePass(Metrics metric) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            FairnessData data = c.data();
            Grouping grouping = data.grouping(c.groupBy());
            int[] cuts = DataGen.cuts(c.rows(), new Random(seed));
            ConfusionTally merged = ConfusionTally.create(grouping.groupCount(), data.hasWeights());
            for (int k = 0; k + 1 < cuts.length; k++) {
                ConfusionTally chunk = ConfusionTally.create(grouping.groupCount(), data.hasWeights());
                for (int i = cuts[k]; i < cuts[k + 1]; i++) {
                    if (data.hasWeights()) {
                        chunk.accept(grouping.groupOf(i), data.label(i), data.prediction(i), data.weight(i));
                    } else {
                        chunk.accept(grouping.groupOf(i), data.label(i), data.prediction(i));
                    }
                }
                merged.combine(chunk);
            }
            GroupConfusion t = merged.snapshot();
            Evaluated onePass = Evaluated.of(metric, c);
            double tol = tolerance(c);
            for (int g = 0; g < grouping.groupCount(); g++) {
                List<String> key = grouping.groups().get(g).levels();
                assertSameValue(metric.compute(t.group(g), t.overall()), onePass.byGroup().get(key), tol,
                        metric + " of group " + key + " with cuts " + Arrays.toString(cuts));
            }
            assertSameValue(metric.compute(t.overall(), t.overall()), onePass.overall(), tol, metric + " overall");
        });
    }

    /** 0 (exact) when every weight is an integer, so that every sum is exact in any order. */
    static double tolerance(Case c) {
        if (c.weights() == null) {
            return 0;
        }
        for (double w : c.weights()) {
            if (w != Math.rint(w)) {
                return REAL_WEIGHTS_TOLERANCE;
            }
        }
        return 0;
    }

    static void assertMatches(MetricValue actual, OptionalDouble expected, double tol, String what) {
        if (expected.isEmpty()) {
            assertThat(actual.isDefined()).as("%s is undefined, got %s", what, actual).isFalse();
            return;
        }
        assertThat(actual.isDefined()).as("%s is defined, got %s", what, actual).isTrue();
        Tolerance.absolute(tol).assertClose(actual.value(), expected.getAsDouble(), what);
    }

    static void assertSameValue(MetricValue actual, MetricValue expected, double tol, String what) {
        if (tol == 0 || !expected.isDefined()) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual.isDefined()).as("%s is defined, got %s", what, actual).isTrue();
            Tolerance.absolute(tol).assertClose(actual.value(), expected.value(), what);
        }
    }
}
