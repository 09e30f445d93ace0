package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.StoredReport;

/**
 * Reads the reports a {@code --baseline} or {@code --candidate} names: a file (a {@code fairkit.report/1} document,
 * or a {@code fairkit.cli.audit/1} document with one report per grouping), or a run of the history (an entry id, a
 * run id, {@code RUN#GROUPING}, {@code latest} or {@code latest:MODEL_VERSION}; every grouping of the run unless one
 * is named).
 */
final class ReportRefs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRefs() {
    }

    /** What a reference names: its reports and a description for the output. */
    record Resolved(String reference, String description, List<StoredReport> reports) {
    }

    static Resolved resolve(String option, String reference, Optional<History> history) {
        Path file = Path.of(reference);
        if (Files.isRegularFile(file)) {
            return new Resolved(reference, "file " + reference, readFile(option, file));
        }
        if (history.isEmpty()) {
            throw CliException.badInput(option + " " + reference + ": no such file, and no --history to look a run "
                    + "up in (give a fairkit.report/1 or fairkit.cli.audit/1 file, or --history DB with a run)");
        }
        HistoryEntry e;
        try {
            e = history.get().resolve(reference);
        } catch (IllegalArgumentException ex) {
            throw CliException.badInput(option + " " + reference + ": " + ex.getMessage());
        }
        boolean single = reference.contains("#")
                || reference.matches("\\d{1,18}") && history.get().get(Long.parseLong(reference)).isPresent();
        List<HistoryEntry> entries = single ? List.of(e) : history.get().run(e.runId());
        List<StoredReport> reports = new ArrayList<>();
        for (HistoryEntry x : entries) {
            reports.add(x.report());
        }
        return new Resolved(reference, "run " + e.runId() + e.modelVersion().map(v -> " (model " + v + ")").orElse("")
                + " of " + e.recordedAt(), reports);
    }

    private static List<StoredReport> readFile(String option, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode root = JSON.readTree(text);
            if (root != null && root.isObject() && "fairkit.cli.audit/1".equals(root.path("schema").asText())) {
                List<StoredReport> out = new ArrayList<>();
                for (JsonNode r : root.path("reports")) {
                    out.add(ReportJson.read(ReportJson.write(r)));
                }
                return out;
            }
            return List.of(ReportJson.read(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(option + " " + file + ": " + e.getMessage());
        }
    }
}
