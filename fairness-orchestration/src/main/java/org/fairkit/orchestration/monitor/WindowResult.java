package org.fairkit.orchestration.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.stats.FairnessComparison;

/**
 * Everything a {@link Monitor} computed for one window.
 *
 * @param index 0-based index among the windows emitted (windows without rows are not emitted)
 * @param firstBatch 0-based index of the window's first batch
 * @param lastBatch 0-based index of the window's last batch (inclusive)
 * @param start the window's start in event time (time windows; inclusive), empty for count windows
 * @param end the window's end in event time (time windows; exclusive), empty for count windows
 * @param rows the window's row count
 * @param report the window's report, derived from the merged counts
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
        Optional<Instant> end, long rows, FairnessReport report, List<DriftResult> drift, List<WindowFinding> findings,
        List<Alert> alerts, List<String> notes, Optional<FairnessComparison> sincePrevious,
        Optional<FairnessComparison> sinceReference) {

    /** Validates and copies. */
    public WindowResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(report, "report");
        drift = List.copyOf(drift);
        findings = List.copyOf(findings);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        Objects.requireNonNull(sincePrevious, "sincePrevious");
        Objects.requireNonNull(sinceReference, "sinceReference");
    }

    /** @return this result with the checks' findings and the resulting alerts */
    WindowResult with(List<WindowFinding> f, List<Alert> a) {
        return new WindowResult(index, firstBatch, lastBatch, start, end, rows, report, drift, f, a, notes,
                sincePrevious, sinceReference);
    }

    @Override
    public String toString() {
        return "WindowResult[" + index + ", batches " + firstBatch + ".." + lastBatch
                + start.map(s -> ", [" + s + ", " + end.orElseThrow() + ")").orElse("") + ", " + rows + " rows, "
                + findings.size() + " findings, " + alerts.size() + " alerts]";
    }
}
