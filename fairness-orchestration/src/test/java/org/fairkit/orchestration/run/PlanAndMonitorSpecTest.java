package org.fairkit.orchestration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.Windowing;
import org.junit.jupiter.api.Test;

/** The audit plan and the monitor hold {@link EvaluationSpec}s, with its defaults, rules and wording. */
class PlanAndMonitorSpecTest {
    private static final AuditSource SOURCE = AuditSource.of(SyntheticLending.generate(200, 1));

    @Test
    void aPlanHoldsOneSpecPerGroupingSharingEveryOtherSetting() {
        AuditPlan plan = AuditPlan.builder("p").source(SOURCE)
                .groupings(AuditGrouping.of("ethnicity").reference("Group A"), AuditGrouping.of("ethnicity", "sex"))
                .metrics(Metrics.SELECTION_RATE).minGroupSize(7).outputs(StandardOutputs.METRICS_EXPORT).build();
        assertThat(plan.specs()).hasSize(2);
        assertThat(plan.specs().get(0)).isEqualTo(EvaluationSpec.builder().groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.SELECTION_RATE).minGroupSize(7).build());
        assertThat(plan.specs().get(1)).isEqualTo(EvaluationSpec.builder().groupBy("ethnicity", "sex")
                .metrics(Metrics.SELECTION_RATE).minGroupSize(7).build());
        assertThat(plan.specs().get(0).fairnessMetrics()).isEqualTo(EvaluationSpec.defaultFairnessMetrics(true));
        assertThat(plan.specs().get(1).fairnessMetrics()).isEqualTo(EvaluationSpec.defaultFairnessMetrics(false));
        assertThat(plan.groupings()).containsExactly(AuditGrouping.of("ethnicity").reference("Group A"),
                AuditGrouping.of("ethnicity", "sex"));
        assertThat(plan.spec(plan.groupings().get(1))).isSameAs(plan.specs().get(1));
        assertThatThrownBy(() -> plan.spec(AuditGrouping.of("sex"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grouping sex is not one of the plan's [ethnicity (reference Group A), ethnicity x sex]");
    }

    @Test
    void aPlanBuilderFollowsTheOneSetOnceRuleAndWording() {
        AuditPlan.Builder b = AuditPlan.builder("p").minGroupSize(1);
        assertThatThrownBy(() -> b.minGroupSize(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("minGroupSize is already set; each setting is set once");
        assertThatThrownBy(() -> AuditPlan.builder("p").minGroupSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minGroupSize must be >= 0, got -1");
        assertThatThrownBy(() -> AuditPlan.builder("p").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("source(...) is required: a plan reads its rows from a source");
        assertThatThrownBy(() -> AuditGrouping.of("sex").reference("F").reference("M"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference is already set; each setting is set once");
    }

    @Test
    void aMonitorHoldsTheSpecWithCoresDefaultsAndThrowsLikeEveryBuilder() {
        Monitor m = Monitor.builder().groupBy("race").reference("A").windowing(Windowing.tumblingBatches(1)).build();
        assertThat(m.spec()).isEqualTo(EvaluationSpec.builder().groupBy("race").reference("A").build());
        assertThat(m.spec().fairnessMetrics()).contains(FairnessMetric.values());
        assertThat(m.spec().reference()).isEqualTo(Optional.of(List.of("A")));
        assertThatThrownBy(() -> Monitor.builder().windowing(Windowing.tumblingBatches(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) is required: an evaluation groups by at least one sensitive feature");
        assertThatThrownBy(() -> Monitor.builder().groupBy("race").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("windowing(...) is required: a monitor evaluates windows of batches");
        assertThatThrownBy(() -> Monitor.builder().groupBy("race").groupBy("sex"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy is already set; each setting is set once");
        assertThatThrownBy(() -> Monitor.builder().minGroupSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minGroupSize must be >= 0, got -1");
        assertThatThrownBy(() -> Monitor.builder().scoreBins(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scoreBins must be >= 2, got 1");
        assertThatThrownBy(() -> Monitor.builder().groupBy("race").reference("A", "F")
                .windowing(Windowing.tumblingBatches(1)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference needs one level per grouping feature [race], got [A, F]");
    }
}
