package org.fairkit.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.regression.RegressionReport;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.junit.jupiter.api.Test;

class RegressionIntervalsTest {
    private static final RegressionMetrics[] ALL = RegressionMetrics.values();

    static RegressionData sample(long seed, int[] sizes, double[] noise, boolean weighted) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        double[] y = new double[n];
        double[] p = new double[n];
        double[] w = new double[n];
        String[] g = new String[n];
        int i = 0;
        for (int k = 0; k < sizes.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                g[i] = String.valueOf((char) ('A' + k));
                y[i] = 10 + 3 * r.nextDouble();
                p[i] = y[i] + 0.2 * k + noise[k] * (r.nextDouble() - 0.5) * 3.4641016151377544;
                w[i] = 1 + r.nextInt(3);
            }
        }
        RegressionData.Builder b = RegressionData.builder().targets(y).predictions(p).sensitive("g", g);
        if (weighted) {
            b.weights(w);
        }
        return b.build();
    }

    @Test
    void closedFormOfOneGroupIsTheTextbookTInterval() {
        double[] y = {1, 2, 3, 4, 5, 6};
        double[] p = {1.5, 1.0, 3.9, 4.2, 6.5, 5.0};
        String[] g = {"a", "a", "a", "a", "a", "a"};
        RegressionData data = RegressionData.builder().targets(y).predictions(p).sensitive("g", g).build();
        MetricIntervals ci = RegressionIntervals.closedForm(data, List.of("g"),
                List.of(RegressionMetrics.MEAN_ABSOLUTE_ERROR, RegressionMetrics.MEAN_ERROR), 0.95);
        double[] abs = {0.5, 1.0, 0.9, 0.2, 1.5, 1.0};
        double mean = 5.1 / 6;
        double ss = 0;
        for (double a : abs) {
            ss += (a - mean) * (a - mean);
        }
        double se = Math.sqrt(ss / 5 / 6);
        double t = TDistribution.of(5).inverseCumulativeProbability(0.975);
        Interval i = ci.group("mean_absolute_error", GroupKey.of("g", "a")).orElseThrow();
        assertThat(i.lower()).isCloseTo(mean - t * se, within(1e-12));
        assertThat(i.upper()).isCloseTo(mean + t * se, within(1e-12));
        assertThat(i.method()).contains("t on 5.0 df");
        assertThat(ci.overall().get("mean_absolute_error")).isEqualTo(i);
        assertThat(ci.disparityReason("mean_absolute_error.difference").orElseThrow())
                .contains("needs at least two groups");
    }

    @Test
    void keysAreTheReportsIdsAndClosedFormsContainTheReportsValues() {
        qt().withExamples(25).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, w) -> {
            RegressionData data = sample(seed, new int[] {40, 30, 25}, new double[] {1, 2, 1.5}, w == 1);
            RegressionReport report = RegressionFairness.of(data).groupBy("g").metrics(ALL).evaluate();
            MetricIntervals ci = RegressionIntervals.of(data).groupBy("g").metrics(ALL).closedForm(0.95);
            for (RegressionMetric m : ALL) {
                GroupValues v = report.values(m);
                for (int g = 0; g < v.groups().size(); g++) {
                    double x = v.value(g).value();
                    GroupKey k = v.groups().get(g);
                    assertThat(ci.group(m.id(), k).isPresent() || ci.groupReason(m.id(), k).isPresent()).isTrue();
                    ci.group(m.id(), k).ifPresent(i -> assertThat(i.contains(x)).as(m.id()).isTrue());
                }
                for (Disparity d : List.of(v.difference(), v.ratio())) {
                    ci.disparity(d.id()).ifPresent(i -> assertThat(i.contains(d.asDouble())).as(d.id()).isTrue());
                }
            }
            for (Map.Entry<RegressionFairnessMetric, Disparity> f : report.fairnessMetrics().entrySet()) {
                Interval i = ci.disparity(f.getValue().id()).orElseThrow();
                assertThat(i.contains(f.getValue().asDouble())).as(f.getKey().id()).isTrue();
            }
            assertThat(ci.groupReason("r2_score", GroupKey.of("g", "A")).orElseThrow()).contains("no closed form");
        });
    }

    @Test
    void bootstrapCoversEveryQuantityKeyedAsTheReportAndIsDeterministic() {
        RegressionData data = sample(3, new int[] {60, 50}, new double[] {1, 2}, true);
        RegressionReport report = RegressionFairness.of(data).groupBy("g").metrics(ALL).evaluate();
        RegressionIntervals ri = RegressionIntervals.of(data).groupBy("g").metrics(ALL);
        MetricIntervals b = ri.bootstrap(RowBootstrap.bca(300).seed(5));
        assertThat(ri.bootstrap(RowBootstrap.bca(300).seed(5))).isEqualTo(b);
        for (RegressionMetric m : ALL) {
            GroupValues v = report.values(m);
            for (Disparity d : List.of(v.difference(), v.ratio(), v.differenceToOverall(), v.ratioToOverall())) {
                assertThat(b.disparity(d.id()).isPresent() || b.disparityReason(d.id()).isPresent()).as(d.id())
                        .isTrue();
            }
            assertThat(b.overall()).containsKey(m.id());
        }
        for (Disparity f : report.fairnessMetrics().values()) {
            assertThat(b.disparity(f.id())).as(f.id()).isPresent();
        }
        Interval mae = b.group("mean_absolute_error", GroupKey.of("g", "B")).orElseThrow();
        assertThat(mae.method()).contains("300 resamples, seed 5").contains("BCa").doesNotContain("acceleration 0");
        // B's errors are twice as wide as A's: the MAE difference excludes 0
        assertThat(b.disparity("mae_parity_difference").orElseThrow().lower()).isGreaterThan(0);
    }

    @Test
    void jackknifeRemovesOneRowExactly() {
        RegressionData data = sample(4, new int[] {12, 9}, new double[] {1, 2}, true);
        int n = data.rows();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = data.grouping(List.of("g")).groupOf(i);
        }
        RegressionStatistic stat = new RegressionStatistic(data, group, data.grouping(List.of("g")).groups(),
                List.of(ALL), List.of(RegressionFairnessMetric.values()), java.util.Arrays.asList(null, null));
        double[][] jack = stat.jackknife();
        double[] direct = new double[stat.size()];
        for (int i = 0; i < n; i += 5) {
            int[] mult = new int[n];
            java.util.Arrays.fill(mult, 1);
            mult[i] = 0;
            stat.evaluate(mult, direct);
            for (int q = 0; q < direct.length; q++) {
                if (Double.isNaN(direct[q])) {
                    assertThat(jack[q][i]).isNaN();
                } else {
                    assertThat(jack[q][i]).as("quantity " + q + " without row " + i)
                            .isCloseTo(direct[q], within(1e-9 * Math.max(1, Math.abs(direct[q]))));
                }
            }
        }
    }

    @Test
    void intervalsAreInvariantUnderRowOrderAndGroupRelabeling() {
        qt().withExamples(6).forAll(longs().all()).checkAssert(seed -> {
            RegressionData data = sample(seed, new int[] {30, 20}, new double[] {1, 2}, true);
            int n = data.rows();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = (int) ((i * 7L + 3) % n);
            }
            double[] y = new double[n];
            double[] p = new double[n];
            double[] w = new double[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                int k = perm[i];
                y[i] = data.target(k);
                p[i] = data.prediction(k);
                w[i] = data.weight(k);
                g[i] = data.sensitive("g").level(k).equals("A") ? "Z" : "Y";
            }
            RegressionData other = RegressionData.builder().targets(y).predictions(p).weights(w).sensitive("g", g)
                    .build();
            for (boolean boot : new boolean[] {false, true}) {
                MetricIntervals a = boot ? RegressionIntervals.bootstrap(data, List.of("g"), List.of(ALL),
                        RowBootstrap.percentile(100).seed(seed)) : RegressionIntervals.closedForm(data, List.of("g"),
                        List.of(ALL), 0.95);
                MetricIntervals b = boot ? RegressionIntervals.bootstrap(other, List.of("g"), List.of(ALL),
                        RowBootstrap.percentile(100).seed(seed)) : RegressionIntervals.closedForm(other, List.of("g"),
                        List.of(ALL), 0.95);
                for (String id : a.byGroup().keySet()) {
                    same(a.group(id, GroupKey.of("g", "A")).orElseThrow(), b.group(id, GroupKey.of("g", "Z")));
                    same(a.group(id, GroupKey.of("g", "B")).orElseThrow(), b.group(id, GroupKey.of("g", "Y")));
                }
                a.disparities().forEach((id, i) -> same(i, b.disparity(id)));
            }
        });
    }

    private static void same(Interval a, java.util.Optional<Interval> b) {
        assertThat(b.orElseThrow().lower()).isCloseTo(a.lower(), within(1e-9 * Math.max(1, Math.abs(a.lower()))));
        assertThat(b.orElseThrow().upper()).isCloseTo(a.upper(), within(1e-9 * Math.max(1, Math.abs(a.upper()))));
    }

    @Test
    void undefinedCasesSayWhy() {
        double[] y = {1, 2, 3, 4, 5};
        double[] p = {1.5, 2.5, 3.5, 4.5, 6};
        String[] g = {"a", "a", "b", "b", "c"};
        RegressionData data = RegressionData.builder().targets(y).predictions(p).sensitive("g", g).build();
        MetricIntervals ci = RegressionIntervals.closedForm(data, List.of("g"),
                List.of(RegressionMetrics.MEAN_ABSOLUTE_ERROR, RegressionMetrics.ROOT_MEAN_SQUARED_ERROR), 0.95);
        assertThat(ci.groupReason("mean_absolute_error", GroupKey.of("g", "c")).orElseThrow())
                .isEqualTo("a t interval needs at least 2 rows of positive weight, got 1");
        assertThat(ci.groupReason("mean_absolute_error", GroupKey.of("g", "a")).orElseThrow())
                .contains("does not vary");
        assertThat(ci.groupReason("root_mean_squared_error", GroupKey.of("g", "a")).orElseThrow())
                .contains("does not vary");
        assertThat(ci.disparityReason("bounded_group_loss_absolute").orElseThrow()).contains("has no interval");
        assertThat(ci.disparityReason("mean_absolute_error.difference_to_overall").orElseThrow())
                .contains("no closed form");
        assertThatThrownBy(() -> RegressionIntervals.of(data).closedForm(0.95)).hasMessageContaining("groupBy");
        assertThatThrownBy(() -> RegressionIntervals.of(data).groupBy("g").closedForm(0)).hasMessageContaining("level");
        assertThatThrownBy(() -> RegressionIntervals.of(data).minGroupSize(-2)).hasMessageContaining("minGroupSize");
        assertThatThrownBy(() -> RegressionIntervals.of(data).groupBy()).hasMessageContaining("groupBy");
        MetricIntervals small = RegressionIntervals.of(data).groupBy("g").minGroupSize(2).fairnessMetrics()
                .metrics(RegressionMetrics.MEAN_ERROR).closedForm(0.95);
        assertThat(small.disparities()).isEmpty();
        assertThat(small.undefinedDisparities()).containsKey("mean_error.difference");
    }
}
