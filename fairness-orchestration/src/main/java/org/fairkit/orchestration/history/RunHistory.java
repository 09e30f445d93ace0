package org.fairkit.orchestration.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.trail.TrailEntry;

/**
 * Records an {@code AuditRunner} run in a {@link History}: one entry per report, under the run's id, with the
 * audit-trail entry the run was written to ({@link #trailReference}), so the history points at the trail and
 * {@code fairkit trail verify} still proves the files.
 *
 * <pre>{@code
 * AuditResult result = AuditRunner.standard().run(plan, dir);
 * TrailEntry entry = RunTrail.record(trail, result);
 * RunHistory.record(history, result, Optional.of("credit-model 2.1"),
 *         Optional.of(RunHistory.trailReference(dir.resolve("audit-trail.jsonl"), entry)));
 * }</pre>
 */
public final class RunHistory {
    /** The kind of entries recorded from an {@code AuditRunner} run. */
    public static final String KIND = "run";

    private RunHistory() {
    }

    /** @return how a history entry names its trail entry: {@code FILE#SEQ SHA256} */
    public static String trailReference(Path trail, TrailEntry entry) {
        return trail + "#" + entry.seq() + " " + entry.hash();
    }

    /**
     * Records every report of a run.
     *
     * @return the entries, one per report, in report order
     */
    public static List<HistoryEntry> record(History history, AuditResult result, Optional<String> modelVersion,
            Optional<String> trailEntry) {
        Objects.requireNonNull(history, "history");
        List<HistoryEntry> out = new ArrayList<>();
        for (FairnessReport r : result.reports()) {
            History.Recording rec = History.Recording.of(result.record().runId(), KIND, ReportJson.toJson(r))
                    .withSettings(Map.of("plan_id", result.record().planId(), "source", result.record().source()));
            if (modelVersion.isPresent()) {
                rec = rec.withModelVersion(modelVersion.get());
            }
            if (trailEntry.isPresent()) {
                rec = rec.withTrailEntry(trailEntry.get());
            }
            out.add(history.record(rec));
        }
        return out;
    }
}
