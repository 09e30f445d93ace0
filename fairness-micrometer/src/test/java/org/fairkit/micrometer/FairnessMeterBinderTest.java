package org.fairkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;

/** The binder's gauges, against Micrometer's simple registry. */
class FairnessMeterBinderTest {

    static FairnessReport lending(int rows, long seed, String... groupBy) {
        return Fairness.of(SyntheticLending.generate(rows, seed)).groupBy(groupBy)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
                .evaluate();
    }

    static double gauge(MeterRegistry r, String name, String... tags) {
        Gauge g = r.find(name).tags(tags).gauge();
        assertThat(g).as(name + " " + String.join(",", tags)).isNotNull();
        return g.value();
    }

    @Test
    void publishesTheLatestFairnessMetricsAndGroupValuesWithTags() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).groupMetrics(Metrics.SELECTION_RATE)
                .tags("model", "credit-v7").build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);
        FairnessReport first = lending(2000, 1, SyntheticLending.ETHNICITY);

        binder.update(first);

        double dpr = first.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble();
        assertThat(gauge(registry, "fairkit.fairness", "metric", "demographic_parity_ratio", "grouping", "ethnicity",
                "model", "credit-v7")).isEqualTo(dpr);
        assertThat(gauge(registry, "fairkit.fairness.defined", "metric", "demographic_parity_ratio")).isEqualTo(1.0);
        assertThat(gauge(registry, "fairkit.fairness.lower", "metric", "demographic_parity_ratio")).isNaN();
        assertThat(gauge(registry, "fairkit.group.value", "metric", "selection_rate", "group", "Group B"))
                .isEqualTo(first.value(Metrics.SELECTION_RATE,
                        org.fairkit.core.group.GroupKey.of("ethnicity", "Group B")).value());
        assertThat(gauge(registry, "fairkit.fairness.updated", "grouping", "ethnicity"))
                .isEqualTo(first.provenance().evaluatedAt().toEpochMilli() / 1000.0);
        long rowsB = first.byGroup().stream().filter(r -> r.group().label().equals("Group B")).findFirst()
                .orElseThrow().rows();
        assertThat(gauge(registry, "fairkit.group.rows", "group", "Group B")).isEqualTo(rowsB);

        FairnessReport second = lending(3000, 2, SyntheticLending.ETHNICITY);
        binder.update(second);
        assertThat(gauge(registry, "fairkit.fairness", "metric", "demographic_parity_ratio"))
                .isEqualTo(second.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble())
                .isNotEqualTo(dpr);
        assertThat(registry.find("fairkit.fairness").gauges()).hasSize(1);
    }

    @Test
    void intervalsAreTheLowerAndUpperGauges() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);
        FairnessReport r = Fairness.of(SyntheticLending.generate(1500, 4)).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE).fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .intervals(Bootstrap.percentile(200).seed(3)).evaluate();

        binder.update(r);

        var interval = r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).interval().orElseThrow();
        assertThat(gauge(registry, "fairkit.fairness.lower")).isEqualTo(interval.lower());
        assertThat(gauge(registry, "fairkit.fairness.upper")).isEqualTo(interval.upper());
    }

    @Test
    void undefinedMetricsAndNotComputedOnesReadNaNAndDefinedZero() {
        // group "b" has no positive label: its true positive rate is undefined, so is the difference
        FairnessData data = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 0, 0})
                .predictions(new int[] {1, 0, 0, 1, 0, 1})
                .sensitive("g", new String[] {"a", "a", "a", "b", "b", "b"}).build();
        FairnessReport r = Fairness.of(data).groupBy("g").metrics(Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).minGroupSize(1).evaluate();
        assertThat(r.fairness(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).isDefined()).isFalse();
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .groupMetrics(Metrics.TRUE_POSITIVE_RATE, Metrics.SELECTION_RATE).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);

        binder.update(r);

        assertThat(gauge(registry, "fairkit.fairness", "metric", "equal_opportunity_difference")).isNaN();
        assertThat(gauge(registry, "fairkit.fairness.defined", "metric", "equal_opportunity_difference"))
                .isEqualTo(0.0);
        assertThat(gauge(registry, "fairkit.fairness", "metric", "demographic_parity_ratio")).isNaN();
        assertThat(gauge(registry, "fairkit.fairness.defined", "metric", "demographic_parity_ratio")).isNaN();
        assertThat(gauge(registry, "fairkit.group.value", "metric", "true_positive_rate", "group", "b")).isNaN();
        assertThat(gauge(registry, "fairkit.group.value", "metric", "true_positive_rate", "group", "a"))
                .isEqualTo(0.5);
        assertThat(gauge(registry, "fairkit.group.value", "metric", "selection_rate", "group", "a")).isNaN();
    }

    @Test
    void groupsBeyondTheBoundAreCountedNotPublishedAndSeriesNeverChurn() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).groupMetrics(Metrics.SELECTION_RATE)
                .maxGroups(2).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);
        FairnessData data = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 1, 1, 0})
                .predictions(new int[] {1, 0, 1, 1, 0, 0, 1, 0, 1})
                .sensitive("g", new String[] {"big", "big", "big", "big", "mid", "mid", "mid", "small", "small"})
                .build();
        FairnessReport r = Fairness.of(data).groupBy("g").metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).minGroupSize(1).evaluate();

        binder.update(r);
        binder.update(r);

        assertThat(registry.find("fairkit.group.rows").gauges()).extracting(g -> g.getId().getTag("group"))
                .containsExactlyInAnyOrder("big", "mid");
        assertThat(gauge(registry, "fairkit.groups.dropped", "grouping", "g")).isEqualTo(1.0);
        int series = binder.seriesCount();

        FairnessData withoutMid = FairnessData.builder().labels(new int[] {1, 0, 1, 0})
                .predictions(new int[] {1, 0, 1, 1}).sensitive("g", new String[] {"big", "big", "other", "other"})
                .build();
        binder.update(Fairness.of(withoutMid).groupBy("g").metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).minGroupSize(1).evaluate());

        assertThat(binder.seriesCount()).isEqualTo(series);
        assertThat(gauge(registry, "fairkit.group.rows", "group", "mid")).isNaN();
        assertThat(gauge(registry, "fairkit.group.rows", "group", "big")).isEqualTo(2.0);
        assertThat(gauge(registry, "fairkit.groups.dropped", "grouping", "g")).isEqualTo(2.0);
    }

    @Test
    void groupingsBeyondTheBoundAreCountedAndEachGroupingHasItsOwnSeries() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).maxGroupings(2).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.update(lending(1000, 1, SyntheticLending.ETHNICITY));
        binder.update(lending(1000, 1, SyntheticLending.ETHNICITY, SyntheticLending.SEX));
        binder.update(lending(1000, 1, SyntheticLending.SEX));
        binder.update(lending(1000, 2, SyntheticLending.SEX));
        binder.bindTo(registry);   // binding late registers every series made so far

        assertThat(registry.find("fairkit.fairness").gauges()).extracting(g -> g.getId().getTag("grouping"))
                .containsExactlyInAnyOrder("ethnicity", "ethnicity & sex");
        assertThat(gauge(registry, "fairkit.groupings.dropped")).isEqualTo(1.0);
        assertThat(binder.toString()).isEqualTo(
                "FairnessMeterBinder[1 fairness metrics, 0 group metrics, maxGroups 50, maxGroupings 2]");
    }

    @Test
    void everyBoundRegistryCarriesTheSameSeries() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).build();
        SimpleMeterRegistry a = new SimpleMeterRegistry();
        SimpleMeterRegistry b = new SimpleMeterRegistry();
        binder.bindTo(a);
        binder.bindTo(b);
        FairnessReport r = lending(1000, 5, SyntheticLending.ETHNICITY);
        binder.update(r);
        assertThat(gauge(b, "fairkit.fairness")).isEqualTo(gauge(a, "fairkit.fairness"))
                .isEqualTo(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble());
        assertThat(a.getMeters()).hasSameSizeAs(b.getMeters()).hasSize(binder.seriesCount());
    }

    @Test
    void builderNamesBadSettings() {
        assertThatThrownBy(() -> FairnessMeterBinder.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("fairnessMetrics is required: which named fairness metrics to publish");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().fairnessMetrics())
                .hasMessage("fairnessMetrics: expected at least one metric, got none");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().maxGroups(0))
                .hasMessage("maxGroups must be in 1..10000, got 0");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().maxGroupings(1001))
                .hasMessage("maxGroupings must be in 1..1000, got 1001");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().tags("a"))
                .hasMessage("tags: expected key-value pairs, got an odd number (1) of strings");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().tags("group", "x"))
                .hasMessage("tags: 'group' is set by the binder; expected another key");
        assertThatThrownBy(() -> FairnessMeterBinder.builder().maxGroups(3).maxGroups(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxGroups is already set; each setting is set once");
    }
    @Test
    void publishesAnyTasksReportById() {
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .disparities("mean_absolute_error.difference", "bounded_group_loss_absolute", "exposure_ratio")
                .groupMetricIds("mean_absolute_error").tags("model", "limit-v2").build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);
        org.fairkit.core.regression.RegressionData data = org.fairkit.core.regression.RegressionData.builder()
                .targets(new double[] {1, 2, 3, 4}).predictions(new double[] {1, 2, 5, 7})
                .sensitive("sex", new String[] {"F", "F", "M", "M"}).build();
        org.fairkit.core.TaskReport report = org.fairkit.core.regression.RegressionFairness.of(data).groupBy("sex")
                .evaluate().asTaskReport();

        binder.update(report);

        assertThat(gauge(registry, "fairkit.fairness", "metric", "mean_absolute_error.difference", "grouping", "sex",
                "model", "limit-v2")).isEqualTo(2.5);
        assertThat(gauge(registry, "fairkit.fairness", "metric", "bounded_group_loss_absolute")).isEqualTo(2.5);
        assertThat(gauge(registry, "fairkit.fairness.defined", "metric", "mean_absolute_error.difference"))
                .isEqualTo(1.0);
        assertThat(gauge(registry, "fairkit.fairness", "metric", "exposure_ratio")).isNaN();
        assertThat(gauge(registry, "fairkit.group.value", "metric", "mean_absolute_error", "group", "M"))
                .isEqualTo(2.5);
        assertThat(gauge(registry, "fairkit.group.rows", "group", "F")).isEqualTo(2.0);
        assertThat(gauge(registry, "fairkit.fairness.updated", "grouping", "sex")).isEqualTo(
                report.provenance().orElseThrow().evaluatedAt().toEpochMilli() / 1000.0);
    }
}
