package org.fairkit.core.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.fairkit.core.DataGen;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;

/**
 * {@link Benefits#of(GroupResults, boolean)}: the inequality indices of a tally equal those of the rows it counts,
 * weighted (FairKit) and unweighted (AIF360), for every index and α, including where they are undefined.
 */
class TallyBenefitsTest {
    private static final double[] ALPHAS = {0, 0.5, 1, 2, 3};

    @Test
    void indicesOfTheTallyEqualTheIndicesOfTheRows() {
        qt().withExamples(300).forAll(DataGen.cases()).checkAssert(c -> {
            FairnessData data = c.data();
            String[] groupBy = c.groupBy().toArray(String[]::new);
            GroupResults results = Fairness.of(data).groupBy(groupBy).evaluate().results();
            Benefits rows = Benefits.of(data, groupBy);
            same(Benefits.of(results, true), rows, c);
            same(Benefits.of(results, false), rows.unweighted(), c);
        });
    }

    private static void same(Benefits tally, Benefits rows, Object c) {
        List<Function<Benefits, MetricValue>> indices = new java.util.ArrayList<>(List.of(
                InequalityIndices::theil, InequalityIndices::coefficientOfVariation,
                InequalityIndices::betweenGroupTheil, InequalityIndices::betweenGroupCoefficientOfVariation));
        for (double a : ALPHAS) {
            indices.add(b -> InequalityIndices.generalizedEntropy(b, a));
            indices.add(b -> InequalityIndices.betweenGroup(b, a));
            indices.add(b -> InequalityIndices.withinGroup(b, a));
        }
        for (Function<Benefits, MetricValue> index : indices) {
            MetricValue t = index.apply(tally);
            MetricValue r = index.apply(rows);
            assertThat(t.isDefined()).as("%s vs %s for %s", t, r, c).isEqualTo(r.isDefined());
            if (r.isDefined()) {
                assertThat(t.value()).as("%s", c).isCloseTo(r.value(), within(1e-12 * Math.max(1, r.value())));
            }
        }
    }

    @Test
    void aZeroBenefitIsNamedByItsGroupAndRowMethodsAreRefused() {
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 1}).predictions(new int[] {0, 0, 1, 1})
                .sensitive("g", new String[] {"a", "a", "b", "b"}).build();
        Benefits b = Benefits.of(Fairness.of(d).groupBy("g").evaluate().results(), true);
        assertThat(InequalityIndices.generalizedEntropy(b, 0).reason())
                .contains("group g=a has false negatives (benefit 0), so GE(0.0) is infinite (α <= 0)");
        assertThat(InequalityIndices.generalizedEntropy(b, 2).value())
                .isCloseTo(InequalityIndices.generalizedEntropy(Benefits.of(d, "g"), 2).value(), within(1e-15));
        assertThatThrownBy(b::unweighted).isInstanceOf(IllegalStateException.class).hasMessageContaining("tally");
        assertThatThrownBy(() -> b.weighted(new double[b.rows()])).isInstanceOf(IllegalStateException.class);
    }
}
