package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.internal.TallyInput;
import org.fairkit.core.internal.TallyKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every benchmarked variant computes the same answer, so the figures compare like with like. */
class BenchmarkVariantsAgreeTest {

    @ParameterizedTest(name = "groups={0}, weighted={1}")
    @CsvSource({"2,false", "16,false", "256,false", "2,true", "16,true", "256,true"})
    void kernelOnOneAndTwoThreadsMatchesThePlainLoop(int groups, boolean weighted) {
        BenchmarkData d = BenchmarkData.generate(200_000, groups, weighted, 42);
        TallyInput input = TallyInput.of(d.labels, d.predictions, d.groups, d.weights, groups);
        GroupConfusion one = TallyKernel.tally(input, 1);
        GroupConfusion two = TallyKernel.tally(input, 2);
        assertThat(two).isEqualTo(one);
        long[] counts = PlainLoopBenchmark.countLoop(d, groups);
        double[] sums = weighted ? PlainLoopBenchmark.weightedLoop(d, groups) : null;
        for (int g = 0; g < groups; g++) {
            for (Cell c : Cell.values()) {
                assertThat(one.group(g).rows(c)).isEqualTo(counts[4 * g + c.index()]);
                if (weighted) {
                    assertThat(one.group(g).mass(c)).isCloseTo(sums[4 * g + c.index()],
                            org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, sums[4 * g + c.index()])));
                }
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @CsvSource({"1", "2"})
    void evaluateGivesTheSameReportOnOneAndTwoThreads(int threads) {
        FairnessData data = EvaluateBenchmark.data(100_000);
        FairnessReport r = EvaluateBenchmark.evaluate(data, threads);
        FairnessReport single = EvaluateBenchmark.evaluate(data, 1);
        assertThat(r.results().tally()).isEqualTo(single.results().tally());
        GroupKey g1 = GroupKey.of("group", "g1");
        assertThat(r.value(Metrics.SELECTION_RATE, g1)).isEqualTo(single.value(Metrics.SELECTION_RATE, g1));
        assertThat(r.groups()).hasSize(5);
    }

    @ParameterizedTest(name = "groups={0}, weighted={1}, deciles={2}")
    @CsvSource({"2,false,false", "8,true,false", "2,true,true", "8,false,true"})
    void scoreKernelAucEqualsTheBoxedComparatorBaseline(int groups, boolean weighted, boolean deciles) {
        BenchmarkData d = BenchmarkData.generate(100_000, groups, weighted, 42);
        double[] s = ScoreMetricsBenchmark.scores(d, deciles, 7);
        double[] kernel = ScoreMetricsBenchmark.aucPerGroup(
                org.fairkit.core.internal.ScoreInput.of(s, d.labels, d.groups, d.weights, groups), groups);
        double[] baseline = ScoreMetricsBenchmark.boxedComparatorSort(d, s, groups);
        for (int g = 0; g < groups; g++) {
            assertThat(kernel[g]).isCloseTo(baseline[g], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(kernel[g]).isBetween(0.8, 0.97);
        }
    }
}
