package org.fairkit.orchestration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.TaskReport;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.TaskReportJson;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.OutputFile;
import org.fairkit.orchestration.run.RunRecord;
import org.fairkit.orchestration.trail.AuditEvent;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;

/**
 * Records audit runs in an {@link AuditTrail}, so an auditor can later show which reports a run produced and that
 * neither the trail nor the files were changed since.
 *
 * <p>The entry's event has type {@value #EVENT_TYPE} and the details {@code run_id, plan_id, source, started_at,
 * duration_nanos, estimate_nanos} (when estimated) and {@code outputs}: one object {@code {output, path, bytes,
 * sha256}} per file written. Its report fingerprint is {@link #fingerprint(List)}: the SHA-256 of the UTF-8 bytes
 * of every report's {@link ReportJson} document, in the run's grouping order, each followed by a newline, so
 * anyone holding the reports can recompute it.
 */
public final class RunTrail {
    /** The event type of an audit run's entry. */
    public static final String EVENT_TYPE = "audit.run";

    private RunTrail() {
    }

    /**
     * Appends one entry for the run, durably.
     *
     * @return the stored entry
     */
    public static TrailEntry record(AuditTrail trail, AuditResult result) {
        return record(trail, result.record(), fingerprint(result.reports()));
    }

    /**
     * Appends one entry for a run whose reports are fingerprinted by the caller: a run of any task
     * ({@code TaskRun}, fingerprinted by {@link #taskFingerprint(List)}). The entry's details are those of
     * {@link #record(AuditTrail, AuditResult)}.
     *
     * @return the stored entry
     */
    public static TrailEntry record(AuditTrail trail, RunRecord r, String reportFingerprint) {
        Objects.requireNonNull(trail, "trail");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run_id", r.runId());
        details.put("plan_id", r.planId());
        details.put("source", r.source());
        details.put("started_at", r.startedAt().toString());
        details.put("duration_nanos", r.duration().toNanos());
        r.estimate().ifPresent(e -> details.put("estimate_nanos", e.toNanos()));
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (OutputFile f : r.outputs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("output", f.outputId());
            m.put("path", f.path());
            m.put("bytes", f.bytes());
            m.put("sha256", f.sha256());
            outputs.add(m);
        }
        details.put("outputs", outputs);
        return trail.append(AuditEvent.of(EVENT_TYPE, details), reportFingerprint);
    }

    /**
     * @return the fingerprint of a run's reports of any task: the SHA-256 of the UTF-8 bytes of every report's
     *     {@link TaskReportJson} document, in grouping order, each followed by a newline
     */
    public static String taskFingerprint(List<TaskReport> reports) {
        StringBuilder all = new StringBuilder();
        for (TaskReport report : reports) {
            all.append(TaskReportJson.toJson(report)).append('\n');
        }
        return AuditTrail.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the fingerprint of a run's reports (see the class documentation) */
    public static String fingerprint(List<FairnessReport> reports) {
        StringBuilder all = new StringBuilder();
        for (FairnessReport report : reports) {
            all.append(ReportJson.toJson(report)).append('\n');
        }
        return AuditTrail.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
