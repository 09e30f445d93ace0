package org.fairkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditSource;

/** Builds the {@link AuditPlan} a command describes, and reads policy files. */
final class Plans {
    private Plans() {
    }

    /** The plan of an audit of a CSV source. */
    static AuditPlan plan(String id, AuditSource source, List<AuditGrouping> groupings, MetricSelection metrics,
            int minGroupSize, Optional<IntervalEstimator> intervals, List<String> outputs) {
        AuditPlan.Builder b = AuditPlan.builder(id).source(source)
                .groupings(groupings.toArray(new AuditGrouping[0]))
                .metrics(metrics.groupMetrics().toArray(new GroupMetric[0]))
                .minGroupSize(minGroupSize)
                .outputs(outputs.toArray(new String[0]));
        if (!metrics.scoreMetrics().isEmpty()) {
            b.scoreMetrics(metrics.scoreMetrics().toArray(new ScoreMetric[0]));
        }
        metrics.fairnessMetrics().ifPresent(f -> b.fairnessMetrics(f.toArray(new FairnessMetric[0])));
        intervals.ifPresent(b::intervals);
        return b.build();
    }

    /**
     * The evaluation of each grouping, as {@link AuditPlan.Builder#build()} makes them (shared settings, each grouping
     * adding its features and reference): for sources that are not an {@link AuditSource} (fairness-sql).
     */
    static List<EvaluationSpec> specs(List<AuditGrouping> groupings, MetricSelection metrics, int minGroupSize,
            Optional<IntervalEstimator> intervals) {
        EvaluationSpec.Builder settings = EvaluationSpec.builder()
                .metrics(metrics.groupMetrics().toArray(new GroupMetric[0])).minGroupSize(minGroupSize);
        if (!metrics.scoreMetrics().isEmpty()) {
            settings.scoreMetrics(metrics.scoreMetrics().toArray(new ScoreMetric[0]));
        }
        metrics.fairnessMetrics().ifPresent(f -> settings.fairnessMetrics(f.toArray(new FairnessMetric[0])));
        intervals.ifPresent(settings::intervals);
        List<EvaluationSpec> out = new java.util.ArrayList<>();
        for (AuditGrouping g : groupings) {
            EvaluationSpec.Builder b = settings.copy().groupBy(g.features().toArray(new String[0]));
            g.reference().ifPresent(r -> b.reference(r.toArray(new String[0])));
            out.add(b.build());
        }
        return out;
    }

    /**
     * Reads a policy file.
     *
     * @throws CliException if it does not exist
     * @throws IllegalArgumentException naming the line and column of a problem in it
     */
    static Policy policy(String option, Path file) {
        Inputs.file(option, file, "a policy file (YAML)");
        try {
            return Policy.read(file);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("policy '" + file + "': " + e.getMessage());
        }
    }
}
