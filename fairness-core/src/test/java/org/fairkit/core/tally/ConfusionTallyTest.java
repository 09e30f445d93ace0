package org.fairkit.core.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.fairkit.core.DataGen;
import org.fairkit.core.tally.Rows.Weighting;
import org.junit.jupiter.api.Test;
import org.fairkit.core.internal.TallyKernel;

/**
 * Merge laws of {@link ConfusionTally}: chunked tallies combine to the one-pass tally, {@code combine} is associative
 * and commutative with {@code create} as identity, the collector works on parallel streams, and {@code combine}
 * checks compatibility before it changes anything.
 *
 * <p>Bit-identity is asserted for row counts and for integer weights, whose partial sums are exact in any order.
 * Arbitrary real weights are only guaranteed bit-identical through {@link TallyKernel}'s fixed chunks (see the
 * {@link ConfusionTally} javadoc: combining in another order can change the last bit of a compensated sum); for
 * them these tests assert exact counts and weight sums within {@value #RELATIVE_TOLERANCE} relative.
 */
class ConfusionTallyTest {
    static final double RELATIVE_TOLERANCE = 1e-13;

    @Test
    void combiningTalliesOfRandomChunkCutsEqualsOnePassBitForBitForCountsAndIntegerWeights() {
        qt().withExamples(300).forAll(Rows.small(Weighting.NONE).mix(Rows.small(Weighting.INTEGER)), longs().all())
                .checkAssert((rows, seed) -> {
                    int[] cuts = DataGen.cuts(rows.size(), new Random(seed));
                    assertThat(combined(rows, cuts)).as("cuts %s", Arrays.toString(cuts))
                            .isEqualTo(rows.tally().snapshot());
                });
    }

    @Test
    void combiningTalliesOfRandomChunkCutsWithRealWeightsEqualsOnePassWithinRounding() {
        qt().withExamples(300).forAll(Rows.small(Weighting.REAL), longs().all()).checkAssert((rows, seed) -> {
            int[] cuts = DataGen.cuts(rows.size(), new Random(seed));
            assertCloseTo(combined(rows, cuts), rows.tally().snapshot());
        });
    }

    @Test
    void combineIsAssociative() {
        qt().withExamples(300).forAll(Rows.small(Weighting.NONE).mix(Rows.small(Weighting.INTEGER)), longs().all())
                .checkAssert((rows, seed) -> {
                    int[] c = threeParts(rows.size(), new Random(seed));
                    GroupConfusion left = rows.tally(0, c[0]).combine(rows.tally(c[0], c[1]))
                            .combine(rows.tally(c[1], rows.size())).snapshot();
                    GroupConfusion right = rows.tally(0, c[0])
                            .combine(rows.tally(c[0], c[1]).combine(rows.tally(c[1], rows.size()))).snapshot();
                    assertThat(left).isEqualTo(right);
                });
    }

    @Test
    void combineIsCommutative() {
        qt().withExamples(300).forAll(Rows.small(Weighting.NONE).mix(Rows.small(Weighting.INTEGER)), longs().all())
                .checkAssert((rows, seed) -> {
                    int cut = new Random(seed).nextInt(rows.size() + 1);
                    GroupConfusion ab = rows.tally(0, cut).combine(rows.tally(cut, rows.size())).snapshot();
                    GroupConfusion ba = rows.tally(cut, rows.size()).combine(rows.tally(0, cut)).snapshot();
                    assertThat(ab).isEqualTo(ba);
                });
    }

    /** Holds bit for bit even for real weights: adding 0 and adding to 0 are exact. */
    @Test
    void anEmptyTallyIsTheIdentityOfCombineOnBothSides() {
        qt().withExamples(300).forAll(Rows.small(Weighting.NONE).mix(Rows.small(Weighting.REAL))).checkAssert(rows -> {
            GroupConfusion alone = rows.tally().snapshot();
            boolean weighted = rows.weights() != null;
            assertThat(ConfusionTally.create(rows.groupCount(), weighted).combine(rows.tally()).snapshot())
                    .isEqualTo(alone);
            assertThat(rows.tally().combine(ConfusionTally.create(rows.groupCount(), weighted)).snapshot())
                    .isEqualTo(alone);
            assertThat(ConfusionTally.create(rows.groupCount(), weighted).snapshot())
                    .isEqualTo(GroupConfusion.empty(rows.groupCount(), weighted));
        });
    }

    @Test
    void collectorOnAParallelStreamEqualsTheSequentialTally() {
        qt().withExamples(40).forAll(longs().all(), integers().between(0, 20_000)).checkAssert((seed, n) -> {
            for (Weighting w : Weighting.values()) {
                Rows rows = Rows.random(seed, n, 1 + (int) Math.floorMod(seed, 6L), w);
                GroupConfusion parallel = IntStream.range(0, rows.size()).boxed().parallel()
                        .collect(collector(rows));
                GroupConfusion sequential = rows.tally().snapshot();
                if (w == Weighting.REAL) {
                    assertCloseTo(parallel, sequential);
                } else {
                    assertThat(parallel).as("%s weights", w).isEqualTo(sequential);
                }
            }
        });
    }

    @Test
    void collectorOnASequentialStreamEqualsAcceptingRowByRowBitForBit() {
        qt().withExamples(200).forAll(Rows.small(Weighting.REAL).mix(Rows.small(Weighting.NONE))).checkAssert(rows ->
                assertThat(IntStream.range(0, rows.size()).boxed().collect(collector(rows)))
                        .isEqualTo(rows.tally().snapshot()));
    }

    @Test
    void combineThrowsBeforeChangingAnythingWhenGroupCountsDiffer() {
        ConfusionTally a = Rows.random(1, 50, 3, Weighting.NONE).tally();
        GroupConfusion before = a.snapshot();
        ConfusionTally b = Rows.random(2, 50, 4, Weighting.NONE).tally();
        assertThatThrownBy(() -> a.combine(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine tallies of 3 and 4 groups");
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(b.snapshot()).isEqualTo(Rows.random(2, 50, 4, Weighting.NONE).tally().snapshot());
    }

    @Test
    void combineThrowsBeforeChangingAnythingWhenOnlyOneIsWeighted() {
        ConfusionTally unweighted = Rows.random(1, 50, 3, Weighting.NONE).tally();
        ConfusionTally weighted = Rows.random(2, 50, 3, Weighting.REAL).tally();
        GroupConfusion unweightedBefore = unweighted.snapshot();
        GroupConfusion weightedBefore = weighted.snapshot();
        assertThatThrownBy(() -> unweighted.combine(weighted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine a weighted and an unweighted tally");
        assertThatThrownBy(() -> weighted.combine(unweighted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine a weighted and an unweighted tally");
        assertThat(unweighted.snapshot()).isEqualTo(unweightedBefore);
        assertThat(weighted.snapshot()).isEqualTo(weightedBefore);
    }

    @Test
    void acceptRejectsAGroupOutsideTheTallyWithoutCountingIt() {
        ConfusionTally t = ConfusionTally.create(3, false);
        assertThatThrownBy(() -> t.accept(3, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group must be in [0, 3), got 3");
        assertThatThrownBy(() -> t.accept(-1, 1, 1)).hasMessage("group must be in [0, 3), got -1");
        assertThat(t.snapshot()).isEqualTo(GroupConfusion.empty(3, false));
    }

    @Test
    void acceptRejectsALabelOrPredictionOutsideZeroOrOne() {
        ConfusionTally t = ConfusionTally.create(2, false);
        assertThatThrownBy(() -> t.accept(0, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label and prediction must be 0 or 1, got label 2 and prediction 0");
        assertThatThrownBy(() -> t.accept(0, 1, -1))
                .hasMessage("label and prediction must be 0 or 1, got label 1 and prediction -1");
        assertThat(t.snapshot()).isEqualTo(GroupConfusion.empty(2, false));
    }

    @Test
    void acceptRejectsANegativeNanOrInfiniteWeightWithoutCountingTheRow() {
        ConfusionTally t = ConfusionTally.create(2, true);
        assertThatThrownBy(() -> t.accept(0, 1, 1, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> t.accept(0, 1, 1, Double.NaN)).hasMessage("weight must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> t.accept(0, 1, 1, Double.POSITIVE_INFINITY))
                .hasMessage("weight must be finite and >= 0, got Infinity");
        assertThat(t.snapshot()).isEqualTo(GroupConfusion.empty(2, true));
    }

    @Test
    void acceptRejectsAMissingOrUnexpectedWeight() {
        assertThatThrownBy(() -> ConfusionTally.create(2, true).accept(0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this tally is weighted: pass a weight with every row");
        assertThatThrownBy(() -> ConfusionTally.create(2, false).accept(0, 1, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this tally is unweighted: create it with weighted = true");
    }

    @Test
    void createRejectsFewerThanOneGroup() {
        assertThatThrownBy(() -> ConfusionTally.create(0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupCount must be >= 1, got 0");
    }

    private static java.util.stream.Collector<Integer, ConfusionTally, GroupConfusion> collector(Rows rows) {
        return ConfusionTally.collector(rows.groupCount(), i -> rows.groups()[i], i -> rows.labels()[i],
                i -> rows.predictions()[i], rows.weights() == null ? null : i -> rows.weights()[i]);
    }

    /** Tallies each chunk separately and combines them left to right. */
    private static GroupConfusion combined(Rows rows, int[] cuts) {
        List<ConfusionTally> chunks = new ArrayList<>();
        for (int k = 0; k + 1 < cuts.length; k++) {
            chunks.add(rows.tally(cuts[k], cuts[k + 1]));
        }
        ConfusionTally total = chunks.get(0);
        for (ConfusionTally c : chunks.subList(1, chunks.size())) {
            total.combine(c);
        }
        return total.snapshot();
    }

    private static int[] threeParts(int n, Random r) {
        int a = r.nextInt(n + 1);
        int b = r.nextInt(n + 1);
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }

    /**
     * ulp(1e16) is 2, so a plain double sum of 1e16, 1 and 1 gives 1e16: each 1 rounds away. The accumulator,
     * {@code combine} and {@code overall} keep the weights with compensation.
     */
    @Test
    void weightSumsKeepSmallWeightsThatAPlainSumWouldRoundAway() {
        double exact = 1e16 + 2;
        ConfusionTally rowByRow = ConfusionTally.create(1, true);
        rowByRow.accept(0, 1, 1, 1e16);
        rowByRow.accept(0, 1, 1, 1.0);
        rowByRow.accept(0, 1, 1, 1.0);
        assertThat(rowByRow.snapshot().group(0).mass(Cell.TP)).as("accept").isEqualTo(exact);

        ConfusionTally[] parts = new ConfusionTally[3];
        double[] weights = {1e16, 1.0, 1.0};
        for (int i = 0; i < 3; i++) {
            parts[i] = ConfusionTally.create(1, true);
            parts[i].accept(0, 1, 1, weights[i]);
        }
        assertThat(parts[0].combine(parts[1]).combine(parts[2]).snapshot().group(0).mass(Cell.TP))
                .as("combine").isEqualTo(exact);

        ConfusionTally threeGroups = ConfusionTally.create(3, true);
        for (int g = 0; g < 3; g++) {
            threeGroups.accept(g, 1, 1, weights[g]);
        }
        assertThat(threeGroups.snapshot().overall().mass(Cell.TP)).as("overall").isEqualTo(exact);
    }

    /** Counts exactly equal, weight sums within {@link #RELATIVE_TOLERANCE}. */
    static void assertCloseTo(GroupConfusion actual, GroupConfusion expected) {
        assertThat(actual.countsArray()).isEqualTo(expected.countsArray());
        assertThat(actual.isWeighted()).isEqualTo(expected.isWeighted());
        if (expected.isWeighted()) {
            double[] a = actual.weightsArray();
            double[] e = expected.weightsArray();
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).as("weight sum %d", i).isCloseTo(e[i], within(RELATIVE_TOLERANCE * Math.abs(e[i])));
            }
        }
    }
}
