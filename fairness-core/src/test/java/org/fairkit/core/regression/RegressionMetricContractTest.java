package org.fairkit.core.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.DataGen;
import org.fairkit.core.MetricValueContract;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.testkit.contract.Perturbations;
import org.fairkit.testkit.contract.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The foundation's metric contract applied to every {@link RegressionMetrics} constant, through the front door,
 * against two-pass textbook formulas in row order ({@link #reference}).
 *
 * <p>Tolerance {@value #RELATIVE} relative to max(1, |value|): the kernel keeps a running weighted mean and M2
 * (West 1979) and merges them (Chan et al. 1979), the reference takes the mean first and the deviations second,
 * so the two round differently; unit weights against no weights are compared exactly.
 */
class RegressionMetricContractTest extends MetricValueContract {
    static final double RELATIVE = 1e-9;
    private static final Tolerance TOLERANCE = Tolerance.relative(RELATIVE);

    /** Two passes over the group's rows: weighted mean target first, then every sum. */
    static OptionalDouble reference(RegressionMetrics m, RegressionCase c, List<Integer> rows) {
        double w = 0;
        double wy = 0;
        for (int i : rows) {
            w += c.weight(i);
            wy += c.weight(i) * c.targets()[i];
        }
        if (w == 0) {
            return OptionalDouble.empty();
        }
        double mean = wy / w;
        double pred = 0;
        double err = 0;
        double abs = 0;
        double sq = 0;
        double sst = 0;
        boolean varies = false;
        Double first = null;
        for (int i : rows) {
            double wi = c.weight(i);
            double y = c.targets()[i];
            double e = c.predictions()[i] - y;
            pred += wi * c.predictions()[i];
            err += wi * e;
            abs += wi * Math.abs(e);
            sq += wi * e * e;
            sst += wi * (y - mean) * (y - mean);
            if (wi > 0) {
                varies |= first != null && first != y;
                first = first == null ? y : first;
            }
        }
        return switch (m) {
            case MEAN_PREDICTION -> OptionalDouble.of(pred / w);
            case MEAN_TARGET -> OptionalDouble.of(mean);
            case MEAN_ERROR -> OptionalDouble.of(err / w);
            case MEAN_ABSOLUTE_ERROR -> OptionalDouble.of(abs / w);
            case MEAN_SQUARED_ERROR -> OptionalDouble.of(sq / w);
            case ROOT_MEAN_SQUARED_ERROR -> OptionalDouble.of(Math.sqrt(sq / w));
            case R2_SCORE -> varies ? OptionalDouble.of(1 - sq / sst) : OptionalDouble.empty();
        };
    }

    record Evaluated(Map<List<String>, MetricValue> byGroup, MetricValue overall) {
        static Evaluated of(RegressionMetrics m, RegressionCase c) {
            RegressionReport r = RegressionFairness.of(c.data()).groupBy(c.c().groupBy().toArray(new String[0]))
                    .metrics(m).fairnessMetrics().evaluate();
            Map<List<String>, MetricValue> values = new LinkedHashMap<>();
            for (GroupKey g : r.groups()) {
                values.put(g.levels(), r.value(m, g));
            }
            return new Evaluated(values, r.overall(m));
        }
    }

    private void assertClose(MetricValue actual, OptionalDouble expected, String what) {
        assertClose(actual, expected, TOLERANCE, what);
    }

    private void assertSame(MetricValue actual, MetricValue expected, String what) {
        assertSame(actual, expected, TOLERANCE, what);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RegressionMetrics.class)
    void valuesEqualTheTwoPassReferenceAndLieWithinTheBounds(RegressionMetrics m) {
        qt().withExamples(EXAMPLES).forAll(RegressionCase.cases()).checkAssert(c -> {
            Evaluated e = Evaluated.of(m, c);
            assertThat(e.byGroup().keySet()).containsExactlyInAnyOrderElementsOf(c.c().groups().keySet());
            c.c().groups().forEach((key, rows) -> assertClose(e.byGroup().get(key), reference(m, c, rows),
                    m + " of group " + key + " in " + c));
            assertClose(e.overall(), reference(m, c, IntStream.range(0, c.rows()).boxed().toList()), m + " overall");
            List<MetricValue> all = new ArrayList<>(e.byGroup().values());
            all.add(e.overall());
            all.stream().filter(MetricValue::isDefined).forEach(v -> assertThat(v.value())
                    .isBetween(m.info().lowerBound(), m.info().upperBound()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RegressionMetrics.class)
    void valuesAreInvariantUnderRowPermutationAndGroupRelabeling(RegressionMetrics m) {
        qt().withExamples(EXAMPLES).forAll(RegressionCase.cases(), longs().all()).checkAssert((c, seed) -> {
            Evaluated before = Evaluated.of(m, c);
            Evaluated shuffled = Evaluated.of(m, c.permuted(Perturbations.shuffledOrder(c.rows(), seed)));
            before.byGroup().forEach((k, v) -> assertSame(shuffled.byGroup().get(k), v, m + " of " + k));
            assertSame(shuffled.overall(), before.overall(), m + " overall");

            Map<String, String> rename = new HashMap<>();
            c.c().features().forEach(f -> Arrays.stream(f).forEach(l -> rename.putIfAbsent(l, "x" + l.hashCode())));
            if (c.c().declaredLevels() != null) {
                c.c().declaredLevels().forEach(l -> l.forEach(x -> rename.putIfAbsent(x, "x" + x.hashCode())));
            }
            Evaluated renamed = Evaluated.of(m, c.relabeled(rename::get));
            before.byGroup().forEach((k, v) -> assertThat(renamed.byGroup().get(k.stream().map(rename::get).toList()))
                    .as("%s of %s", m, k).isEqualTo(v));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RegressionMetrics.class)
    void unitWeightsGiveExactlyTheValuesOfNoWeights(RegressionMetrics m) {
        qt().withExamples(EXAMPLES).forAll(RegressionCase.cases(Weights.NONE)).checkAssert(c -> {
            Evaluated none = Evaluated.of(m, c);
            Evaluated unit = Evaluated.of(m, c.withWeights(Perturbations.ones(c.rows())));
            assertThat(unit.byGroup()).isEqualTo(none.byGroup());
            assertThat(unit.overall()).isEqualTo(none.overall());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RegressionMetrics.class)
    void integerWeightsGiveTheValuesOfDuplicatedRows(RegressionMetrics m) {
        qt().withExamples(EXAMPLES).forAll(RegressionCase.cases(Weights.POSITIVE_INTEGER)).checkAssert(c -> {
            Evaluated weighted = Evaluated.of(m, c);
            Evaluated duplicated = Evaluated.of(m, c.duplicatedByWeight());
            weighted.byGroup().forEach((k, v) -> assertSame(duplicated.byGroup().get(k), v, m + " of " + k));
            assertSame(duplicated.overall(), weighted.overall(), m + " overall");
        });
    }

    /** Tallies of random chunks, combined, give the values of one pass. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RegressionMetrics.class)
    void valuesFromTalliesMergedOverRandomChunkCutsEqualOnePass(RegressionMetrics m) {
        qt().withExamples(EXAMPLES).forAll(RegressionCase.cases(), longs().all()).checkAssert((c, seed) -> {
            RegressionData data = c.data();
            Grouping grouping = data.grouping(c.c().groupBy());
            int[] cuts = DataGen.cuts(c.rows(), new Random(seed));
            ErrorTally merged = ErrorTally.create(grouping.groupCount());
            for (int k = 0; k + 1 < cuts.length; k++) {
                ErrorTally chunk = ErrorTally.create(grouping.groupCount());
                for (int i = cuts[k]; i < cuts[k + 1]; i++) {
                    chunk.accept(grouping.groupOf(i), data.target(i), data.prediction(i), data.weight(i));
                }
                merged.combine(chunk);
            }
            GroupErrorSums t = merged.snapshot();
            GroupErrorSums onePass = data.tally(c.c().groupBy());
            for (int g = 0; g < grouping.groupCount(); g++) {
                assertSame(m.compute(t.group(g)), m.compute(onePass.group(g)), m + " of group " + g);
            }
            assertSame(m.compute(t.overall()), m.compute(onePass.overall()), m + " overall");
        });
    }
}
