package org.fairkit.orchestration.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.TaskReport;
import org.fairkit.stats.FairnessComparison;

/**
 * Everything a {@link Monitor} computed for one window.
 *
 * @param index 0-based index among the windows emitted (windows without rows are not emitted)
 * @param firstBatch 0-based index of the window's first batch
 * @param lastBatch 0-based index of the window's last batch (inclusive)
 * @param start the window's start in event time (time windows; inclusive), empty for count windows
 * @param end the window's end in event time (time windows; exclusive), empty for count windows
 * @param rows the window's row count (items over all rankings, for a ranking monitor)
 * @param taskReport the window's report in the shape every task shares, derived from the merged
 *     {@link WindowTally}: for a binary window, {@code binaryReport().asTaskReport()}
 * @param binaryReport the window's binary report (binary windows; empty for other tasks): see {@link #report()}
 * @param drift score drift of each group and of all rows against the baseline (empty without score bins, and for
 *     the window that is the baseline)
 * @param findings what the checks found
 * @param alerts the alert events after de-duplication
 * @param notes anything the reader must know (e.g. the reference group was absent)
 * @param sincePrevious the comparison with the previous window (with {@code compareWindows}; empty for the first)
 * @param sinceReference the comparison with the reference window (with {@code compareWindows}; empty up to and
 *     including the reference window)
 */
public record WindowResult(long index, long firstBatch, long lastBatch, Optional<Instant> start,
        Optional<Instant> end, long rows, TaskReport taskReport, Optional<FairnessReport> binaryReport,
        List<DriftResult> drift, List<WindowFinding> findings,
        List<Alert> alerts, List<String> notes, Optional<FairnessComparison> sincePrevious,
        Optional<FairnessComparison> sinceReference) {

    /** Validates and copies. */
    public WindowResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(taskReport, "taskReport");
        Objects.requireNonNull(binaryReport, "binaryReport");
        drift = List.copyOf(drift);
        findings = List.copyOf(findings);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        Objects.requireNonNull(sincePrevious, "sincePrevious");
        Objects.requireNonNull(sinceReference, "sinceReference");
    }

    /**
     * @return the binary report of a binary window, derived from the merged confusion counts
     * @throws IllegalStateException for a window of another task (read {@link #taskReport()} instead)
     */
    public FairnessReport report() {
        return binaryReport.orElseThrow(() -> new IllegalStateException("window " + index + " is a "
                + taskReport.task().id() + " window, which has no binary report; read taskReport()"));
    }

    /** @return this result with the checks' findings and the resulting alerts */
    WindowResult with(List<WindowFinding> f, List<Alert> a) {
        return new WindowResult(index, firstBatch, lastBatch, start, end, rows, taskReport, binaryReport, drift, f,
                a, notes, sincePrevious, sinceReference);
    }

    @Override
    public String toString() {
        return "WindowResult[" + index + (binaryReport.isPresent() ? "" : ", " + taskReport.task().id())
                + ", batches " + firstBatch + ".." + lastBatch
                + start.map(s -> ", [" + s + ", " + end.orElseThrow() + ")").orElse("") + ", " + rows + " rows, "
                + findings.size() + " findings, " + alerts.size() + " alerts]";
    }
}
