package org.fairkit.stats.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DriftTest {
    /** Bin counts with deliberate empty bins. */
    private static final Gen<long[]> COUNTS = lists().of(integers().between(0, 3).zip(integers().between(0, 500),
            (kind, c) -> kind == 0 ? 0L : (long) c)).ofSizeBetween(2, 12)
            .map(l -> l.stream().mapToLong(Long::longValue).toArray());

    @Test
    void psiIsNonNegativeSymmetricAndZeroForIdenticalDistributions() {
        qt().withFixedSeed(61).withExamples(1000).forAll(COUNTS, COUNTS, integers().between(1, 5))
                .checkAssert((e, a0, scale) -> {
                    long[] a = java.util.Arrays.copyOf(a0, e.length);
                    for (PsiSmoothing s : PsiSmoothing.values()) {
                        MetricValue v = DistributionDrift.populationStabilityIndex(e, a, s);
                        MetricValue back = DistributionDrift.populationStabilityIndex(a, e, s);
                        if (!v.isDefined()) {
                            assertThat(v.reason()).get().asString().contains("has no counts");
                            continue;
                        }
                        assertThat(v.value()).as(s.name()).isGreaterThanOrEqualTo(0);
                        assertThat(back.value()).as(s + " symmetric").isCloseTo(v.value(),
                                org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, v.value())));
                        long[] scaled = e.clone();
                        for (int i = 0; i < scaled.length; i++) {
                            scaled[i] *= scale;
                        }
                        MetricValue same = DistributionDrift.populationStabilityIndex(e, scaled, s);
                        if (s != PsiSmoothing.LAPLACE_HALF || scale == 1) {
                            assertThat(same.isDefined() ? same.value() : 0.0).as(s + " identical proportions")
                                    .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-15));
                        }
                    }
                });
    }

    @Test
    void psiWithoutSmoothingIsInfiniteForABinEmptyInOneDistributionOnly() {
        assertThat(DistributionDrift.populationStabilityIndex(new long[] {5, 0, 5}, new long[] {5, 1, 5},
                PsiSmoothing.NONE).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DistributionDrift.populationStabilityIndex(new long[] {5, 0, 5}, new long[] {5, 0, 5},
                PsiSmoothing.NONE).value()).isZero();
        assertThatThrownBy(() -> DistributionDrift.populationStabilityIndex(new long[] {1, 2}, new long[] {1},
                PsiSmoothing.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actualCounts.length must be 2 (the number of bins of expectedCounts), got 1");
    }

    @Test
    void chiSquaredHomogeneityIsUndefinedForABinEmptyInBoth() {
        assertThat(DistributionDrift.chiSquaredHomogeneity(new long[] {3, 0, 4}, new long[] {5, 0, 2})
                .pValue().isDefined()).isFalse();
    }

    @Test
    void ksDetectsAShiftAndRejectsNonFiniteData() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(71L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < 300; i++) {
            x[i] = g.sample();
            y[i] = g.sample() + 0.5;
        }
        assertThat(DistributionDrift.kolmogorovSmirnov(x, y, DistributionDrift.KsMethod.AUTO).pValue().value())
                .isLessThan(1e-4);
        assertThatThrownBy(() -> DistributionDrift.kolmogorovSmirnov(new double[] {1, Double.NaN}, x,
                DistributionDrift.KsMethod.EXACT)).hasMessage("column 'reference', row 1: got NaN; expected a finite number");
    }

    @Test
    void mmdDetectsAChangeInSpreadThatLeavesTheMeanAlone() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(72L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] ref = new double[150];
        double[] same = new double[150];
        double[] wide = new double[150];
        for (int i = 0; i < 150; i++) {
            ref[i] = g.sample();
            same[i] = g.sample();
            wide[i] = 3 * g.sample();
        }
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.of(499, 5);
        MaximumMeanDiscrepancy.Result changed = mmd.test(ref, wide);
        assertThat(changed.pValue().value()).isEqualTo(1.0 / 500);
        MaximumMeanDiscrepancy.Result unchanged = mmd.test(ref, same);
        assertThat(unchanged.pValue().value()).isGreaterThan(0.05);
        assertThat(unchanged.mmdSquared()).isLessThan(changed.mmdSquared()).isGreaterThanOrEqualTo(0);
        assertThat(mmd.test(ref, same)).isEqualTo(unchanged);
    }

    @Test
    void mmdGivesTheSameResultOnOneThread() throws Exception {
        double[] a = {0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.55, 0.6, 0.05, 0.7};
        double[] b = {0.5, 0.65, 0.9, 0.95, 0.75, 0.85, 0.6, 0.99};
        MaximumMeanDiscrepancy mmd = MaximumMeanDiscrepancy.of(2000, 11);
        MaximumMeanDiscrepancy.Result common = mmd.test(a, b);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertThat(one.submit(() -> mmd.test(a, b)).get()).isEqualTo(common);
        } finally {
            one.shutdown();
        }
        assertThat(MaximumMeanDiscrepancy.of(2000, 12).test(a, b).exceedances()).isNotEqualTo(common.exceedances());
    }

    @Test
    void mmdBandwidthIsTheMedianPairwiseDistance() {
        // Pooled {0, 1, 3}: distances 1, 3, 2 -> median 2. Identical points: bandwidth 0, statistic 0, p = 1.
        MaximumMeanDiscrepancy.Result r = MaximumMeanDiscrepancy.of(9, 1).test(new double[] {0, 1}, new double[] {3});
        assertThat(r.bandwidth()).isEqualTo(2.0);
        MaximumMeanDiscrepancy.Result flat = MaximumMeanDiscrepancy.of(9, 1).test(new double[] {4, 4},
                new double[] {4});
        assertThat(flat.bandwidth()).isZero();
        assertThat(flat.mmdSquared()).isZero();
        assertThat(flat.pValue().value()).isEqualTo(1.0);
    }

    @Test
    void mmdPermutationPValueIsInZeroOne() {
        qt().withFixedSeed(73).withExamples(40)
                .forAll(lists().of(integers().between(-5, 5)).ofSizeBetween(1, 15),
                        lists().of(integers().between(-5, 5)).ofSizeBetween(1, 15), integers().all())
                .checkAssert((a, b, seed) -> {
                    MaximumMeanDiscrepancy.Result r = MaximumMeanDiscrepancy.of(99, seed).test(toArray(a), toArray(b));
                    assertThat(r.pValue().value()).isGreaterThan(0).isLessThanOrEqualTo(1);
                });
    }

    private static double[] toArray(List<Integer> l) {
        return l.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    @Test
    void cusumFindsAKnownUpwardChangePointWithTheTabulatedDelay() {
        // 1.5 sigma shift at t = 120. Montgomery (Table 9.3, k = 0.5, h = 5): out-of-control ARL 5.75.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(74L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        Cusum chart = Cusum.standard(0.30, 0.02);
        double delay = 0;
        int runs = 0;
        int[] changeErrors = new int[1000];
        for (int r = 0; r < 1000; r++) {
            double[] series = new double[200];
            for (int t = 0; t < 200; t++) {
                series[t] = 0.30 + 0.02 * g.sample() + (t >= 120 ? 0.03 : 0);
            }
            Cusum.Alarm alarm = chart.detect(series).orElseThrow();
            if (alarm.alarmIndex() < 120) {
                continue; // a false alarm before the change (in-control ARL 465): not a detection delay
            }
            assertThat(alarm.direction()).isEqualTo(Cusum.Direction.INCREASE);
            delay += alarm.alarmIndex() - 120 + 1;
            changeErrors[runs++] = Math.abs(alarm.changeIndex() - 120);
        }
        assertThat(runs).isGreaterThan(700);
        assertThat(delay / runs).isBetween(5.2, 6.3);
        int[] errors = java.util.Arrays.copyOf(changeErrors, runs);
        java.util.Arrays.sort(errors);
        assertThat(errors[runs / 2]).as("median |estimated - true change point|").isLessThanOrEqualTo(2);
    }

    @Test
    void cusumInControlAverageRunLengthMatchesTheTabulatedValue() {
        // Montgomery (Table 9.3, two-sided, k = 0.5, h = 5): in-control ARL 465 (Siegmund's approximation 469).
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(76L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        Cusum chart = Cusum.standard(0, 1);
        double total = 0;
        int runs = 600;
        double[] series = new double[20000];
        for (int r = 0; r < runs; r++) {
            for (int t = 0; t < series.length; t++) {
                series[t] = g.sample();
            }
            total += chart.detect(series).orElseThrow().alarmIndex() + 1;
        }
        assertThat(total / runs).isBetween(420.0, 520.0);
    }

    @Test
    void cusumFindsADownwardChangeOnANoiselessSeriesExactly() {
        double[] series = new double[60];
        for (int t = 0; t < 60; t++) {
            series[t] = t < 40 ? 10 : 8;
        }
        // z = -2 per step after the change; S⁻ grows by 1.5 per step: 1.5, 3.0, 4.5, 6.0 > 5 at t = 43.
        Cusum.Alarm alarm = Cusum.of(10, 1, 0.5, 5).detect(series).orElseThrow();
        assertThat(alarm).isEqualTo(new Cusum.Alarm(43, 40, Cusum.Direction.DECREASE, 6.0));
    }

    @Test
    void cusumLearnsTargetAndSigmaFromABaseline() {
        double[] baseline = {4, 6, 4, 6};
        // mean 5, sd sqrt(4/3); a jump to 9 is z = 3.46 per step: S+ = 2.96, 5.93 > 5 at the second step.
        Cusum.Alarm alarm = Cusum.fromBaseline(baseline, 0.5, 5).detect(new double[] {5, 5, 9, 9}).orElseThrow();
        assertThat(alarm.alarmIndex()).isEqualTo(3);
        assertThat(alarm.changeIndex()).isEqualTo(2);
        assertThat(alarm.cusum()).isCloseTo(2 * (4 / Math.sqrt(4.0 / 3) - 0.5),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> Cusum.fromBaseline(new double[] {1, 1, 1}, 0.5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline must be a series with positive variance, got a constant series");
        assertThatThrownBy(() -> Cusum.of(0, 0, 0.5, 5)).hasMessage("sigma must be finite and > 0, got 0.0");
    }

    @Test
    void sprtRejectsBadParametersAndOutcomes() {
        assertThatThrownBy(() -> Sprt.of(0.1, 0.1, 0.05, 0.2)).hasMessage("p1 must be different from p0 = 0.1, got 0.1");
        assertThatThrownBy(() -> Sprt.of(0.1, 0.2, 0.05, 0.2).run(new int[] {0, 2}))
                .hasMessage("column 'outcomes', row 1: got 2; expected 0 or 1");
        assertThat(Sprt.of(0.1, 0.2, 0.05, 0.2).run(new int[0]).decision()).isEqualTo(Sprt.Decision.CONTINUE);
    }
}
