package org.fairkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.history.HistoryException;
import org.fairkit.orchestration.io.ReportJson;
import picocli.CommandLine.Option;

/**
 * {@code --history DB} and {@code --model-version LABEL}: where {@code audit}, {@code check} and {@code compare}
 * record runs and read earlier ones (an SQLite file, created when absent, or a {@code jdbc:} URL), and the model
 * version label each recorded run carries.
 */
final class HistoryOptions {
    @Option(names = "--history", paramLabel = "DB",
            description = "Record the run in this history (an SQLite file, created when absent, or a jdbc: URL) "
                    + "and read RUN references from it.")
    String history;

    @Option(names = "--model-version", paramLabel = "LABEL",
            description = "The model or version label the recorded run carries (with --history).")
    String modelVersion;

    /** @return the history, when {@code --history} was given */
    Optional<History> open() {
        if (modelVersion != null && history == null) {
            throw CliException.badInput("--model-version labels a run recorded in a history: add --history DB");
        }
        return history == null ? Optional.empty() : Optional.of(open(history));
    }

    /** Opens a history, turning its failures into bad input (exit 2) with the store's own message. */
    static History open(String location) {
        try {
            return History.open(location);
        } catch (HistoryException e) {
            throw CliException.badInput("--history " + location + ": " + e.getMessage());
        }
    }

    /**
     * Records every report of a run.
     *
     * @return the stored entries (empty without {@code --history})
     */
    List<HistoryEntry> record(Optional<History> h, String kind, String runId, List<FairnessReport> reports,
            Optional<String> trailEntry, Map<String, String> settings) {
        List<HistoryEntry> out = new ArrayList<>();
        if (h.isEmpty()) {
            return out;
        }
        for (FairnessReport r : reports) {
            History.Recording rec = History.Recording.of(runId, kind, ReportJson.toJson(r)).withSettings(settings);
            if (modelVersion != null) {
                rec = rec.withModelVersion(modelVersion);
            }
            if (trailEntry.isPresent()) {
                rec = rec.withTrailEntry(trailEntry.get());
            }
            try {
                out.add(h.get().record(rec));
            } catch (HistoryException e) {
                throw CliException.badInput("--history " + history + ": " + e.getMessage());
            }
        }
        return out;
    }
}
