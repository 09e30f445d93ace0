package org.fairkit.core.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fairkit.core.tally.Rows.Weighting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.fairkit.core.internal.TallyInput;
import org.fairkit.core.internal.TallyKernel;

/**
 * The kernel's result does not depend on the number of threads, bit for bit, even for real weights (its chunk
 * boundaries and reduction order are fixed by row index), and it agrees with the row-by-row accumulator.
 */
class TallyKernelTest {
    /** Over nine chunks of {@link TallyKernel#chunkRows(int)} rows for 7 groups, and not a multiple of 4. */
    private static final int ROWS = 300_001;
    private static final int GROUPS = 7;
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void testDataSpansSeveralChunks() {
        assertThat(ROWS).isGreaterThan(5 * TallyKernel.chunkRows(GROUPS));
        assertThat(ROWS % TallyKernel.chunkRows(GROUPS)).isNotZero();
    }

    @ParameterizedTest(name = "{0} weights")
    @EnumSource(Weighting.class)
    void kernelGivesBitIdenticalTalliesForOneToFourThreads(Weighting weighting) {
        TallyInput input = Rows.random(42, ROWS, GROUPS, weighting).input();
        GroupConfusion one = TallyKernel.tally(input, 1);
        for (int threads = 2; threads <= 4; threads++) {
            assertThat(TallyKernel.tally(input, threads)).as("%d threads, common pool", threads).isEqualTo(one);
            assertThat(TallyKernel.tally(input, threads, pool)).as("%d threads, own pool", threads).isEqualTo(one);
        }
        assertThat(one.rows()).isEqualTo(ROWS);
    }

    @Test
    void kernelGivesBitIdenticalWeightSumsForAnyThreadCountOnManySeeds() {
        for (long seed = 1; seed <= 5; seed++) {
            Rows rows = Rows.random(seed, 150_000 + (int) seed * 7_919, 1 + (int) seed, Weighting.REAL);
            TallyInput input = rows.input();
            GroupConfusion one = TallyKernel.tally(input, 1);
            for (int threads = 2; threads <= 4; threads++) {
                assertThat(TallyKernel.tally(input, threads, pool)).as("seed %d, %d threads", seed, threads)
                        .isEqualTo(one);
            }
        }
    }

    @ParameterizedTest(name = "{0} weights")
    @EnumSource(value = Weighting.class, names = {"NONE", "INTEGER"})
    void kernelEqualsTheAccumulatorBitForBitForCountsAndIntegerWeightsOnLargeData(Weighting weighting) {
        Rows rows = Rows.random(7, ROWS, GROUPS, weighting);
        assertThat(TallyKernel.tally(rows.input(), 3, pool)).isEqualTo(rows.tally().snapshot());
    }

    @Test
    void kernelEqualsTheAccumulatorBitForBitForCountsAndIntegerWeightsOnSmallData() {
        qt().withExamples(300).forAll(Rows.small(Weighting.NONE).mix(Rows.small(Weighting.INTEGER)))
                .checkAssert(rows -> assertThat(TallyKernel.tally(rows.input())).isEqualTo(rows.tally().snapshot()));
    }

    @Test
    void kernelWithRealWeightsEqualsTheAccumulatorWithinRounding() {
        Rows rows = Rows.random(11, ROWS, GROUPS, Weighting.REAL);
        ConfusionTallyTest.assertCloseTo(TallyKernel.tally(rows.input(), 2, pool), rows.tally().snapshot());
        qt().withExamples(200).forAll(Rows.small(Weighting.REAL)).checkAssert(r ->
                ConfusionTallyTest.assertCloseTo(TallyKernel.tally(r.input()), r.tally().snapshot()));
    }

    /**
     * Above {@link TallyInput#MAX_PACKED_GROUPS} groups the rows are not packed into 16-bit keys and the kernel
     * reads the label, prediction and group columns instead: that path must count exactly as the accumulator.
     */
    @ParameterizedTest(name = "{0} weights")
    @EnumSource(Weighting.class)
    void kernelEqualsTheAccumulatorAboveThePackedGroupLimit(Weighting weighting) {
        Rows rows = Rows.random(13, 100_003, TallyInput.MAX_PACKED_GROUPS + 1, weighting);
        TallyInput input = rows.input();
        assertThat(input.keys()).as("rows above the packed-group limit have no keys").isNull();
        GroupConfusion kernel = TallyKernel.tally(input);
        if (weighting == Weighting.REAL) {
            ConfusionTallyTest.assertCloseTo(kernel, rows.tally().snapshot());
        } else {
            assertThat(kernel).isEqualTo(rows.tally().snapshot());
        }
    }

    /**
     * ulp(1e16) is 2, so a plain double sum of 1e16, 1 and 1 rounds each 1 away. Within a chunk the kernel adds
     * plainly; the chunk sums are folded with compensation, so weights in different chunks are not lost.
     */
    @Test
    void kernelFoldsChunkWeightSumsWithCompensation() {
        int chunk = TallyKernel.chunkRows(1);
        int n = 2 * chunk + 1;
        byte[] ones = new byte[n];
        Arrays.fill(ones, (byte) 1);
        double[] weights = new double[n];
        weights[0] = 1e16;
        weights[chunk] = 1.0;
        weights[2 * chunk] = 1.0;
        TallyInput input = TallyInput.of(ones, ones, new int[n], weights, 1);
        assertThat(TallyKernel.tally(input).group(0).mass(Cell.TP)).isEqualTo(1e16 + 2);
    }

    @Test
    void kernelOnNoRowsGivesTheEmptyTally() {
        Rows rows = Rows.random(1, 0, 3, Weighting.REAL);
        assertThat(TallyKernel.tally(rows.input(), 4)).isEqualTo(GroupConfusion.empty(3, true));
    }

    @Test
    void kernelRejectsFewerThanOneThread() {
        TallyInput input = Rows.random(1, 10, 2, Weighting.NONE).input();
        assertThatThrownBy(() -> TallyKernel.tally(input, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
    }

    @Test
    void chunkSizeIsAtLeastTwoToTheFifteenAndGrowsWithTheGroupCount() {
        assertThat(TallyKernel.chunkRows(1)).isEqualTo(1 << 15);
        assertThat(TallyKernel.chunkRows(128)).isEqualTo(1 << 15);
        assertThat(TallyKernel.chunkRows(129)).isEqualTo(1 << 16);
        assertThat(TallyKernel.chunkRows(1 << 20)).isEqualTo(1 << 24);
    }

    @Test
    void tallyInputNamesTheColumnAndRowOfALabelOutsideZeroOrOne() {
        assertThatThrownBy(() -> TallyInput.of(new byte[] {0, 2}, new byte[] {0, 0}, new int[] {0, 0}, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'labels', row 1: got 2; expected 0 or 1");
        assertThatThrownBy(() -> TallyInput.of(new byte[] {0, 1}, new byte[] {0, -1}, new int[] {0, 0}, null, 1))
                .hasMessage("column 'predictions', row 1: got -1; expected 0 or 1");
    }

    @Test
    void tallyInputNamesTheRowOfAGroupCodeOutsideTheGroups() {
        assertThatThrownBy(() -> TallyInput.of(new byte[] {0, 1}, new byte[] {0, 0}, new int[] {2, 0}, null, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'groups', row 0: got 2; expected a group code in [0, 2)");
    }

    @Test
    void tallyInputNamesTheRowOfABadWeightAndAColumnOfTheWrongLength() {
        assertThatThrownBy(() -> TallyInput.of(new byte[] {0, 1}, new byte[] {0, 0}, new int[] {0, 0},
                new double[] {1, Double.NaN}, 1)).hasMessage("column 'weights', row 1: got NaN; expected a finite weight >= 0");
        assertThatThrownBy(() -> TallyInput.of(new byte[] {0, 1}, new byte[] {0}, new int[] {0, 0}, null, 1))
                .hasMessage("column 'predictions' has 1 rows; expected 2 (the length of 'labels')");
    }
}
