package org.fairkit.orchestration.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.orchestration.io.ReportJson;

/**
 * What an audit run did, for the record: which plan, when, how long it took against the estimate and the timeline,
 * and every file it wrote with its SHA-256.
 *
 * @param runId the run's identifier
 * @param planId the plan's id
 * @param source the source's description
 * @param startedAt when the run started (from the runner's clock)
 * @param duration the measured duration (from the runner's ticker)
 * @param estimate the estimator's estimate, if it gave one
 * @param timeline the plan's timeline, if set
 * @param outputs every file written, in output order
 */
public record RunRecord(String runId, String planId, String source, Instant startedAt, Duration duration,
        Optional<Duration> estimate, Optional<Duration> timeline, List<OutputFile> outputs) {

    /** Validates and copies. */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(timeline, "timeline");
        outputs = List.copyOf(outputs);
    }

    /** @return whether the measured duration fits the timeline (true when there is none) */
    public boolean withinTimeline() {
        return timeline.map(t -> duration.compareTo(t) <= 0).orElse(true);
    }

    /** @return measured / estimated duration, or empty without an estimate (or a zero estimate) */
    public Optional<Double> estimateRatio() {
        return estimate.filter(e -> !e.isZero()).map(e -> (double) duration.toNanos() / e.toNanos());
    }

    /**
     * The record as JSON ({@code fairkit.run-record/1}): {@code run_id, plan_id, source, started_at,
     * duration_nanos, estimate_nanos (or null), timeline_nanos (or null), within_timeline, outputs: [{output,
     * path, bytes, sha256}]}.
     */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("schema", "fairkit.run-record/1");
        o.put("run_id", runId);
        o.put("plan_id", planId);
        o.put("source", source);
        o.put("started_at", startedAt.toString());
        o.put("duration_nanos", duration.toNanos());
        if (estimate.isPresent()) {
            o.put("estimate_nanos", estimate.get().toNanos());
        } else {
            o.putNull("estimate_nanos");
        }
        if (timeline.isPresent()) {
            o.put("timeline_nanos", timeline.get().toNanos());
        } else {
            o.putNull("timeline_nanos");
        }
        o.put("within_timeline", withinTimeline());
        var files = o.putArray("outputs");
        for (OutputFile file : outputs) {
            ObjectNode n = files.addObject();
            n.put("output", file.outputId());
            n.put("path", file.path());
            n.put("bytes", file.bytes());
            n.put("sha256", file.sha256());
        }
        return ReportJson.write(o);
    }

    @Override
    public String toString() {
        return "RunRecord[" + runId + ", plan " + planId + ", started " + startedAt + ", took " + duration
                + estimate.map(e -> " (estimate " + e + ")").orElse("") + ", " + outputs.size() + " files]";
    }
}
