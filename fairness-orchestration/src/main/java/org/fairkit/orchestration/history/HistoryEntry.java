package org.fairkit.orchestration.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.StoredReport;

/**
 * One recorded report: what {@link History#record} stores and {@link History#list} / {@link History#get} give back.
 * A run that audits several groupings records one entry per grouping, all with its run id.
 *
 * @param id the entry's number in the store (increasing in recording order)
 * @param runId the audit run's id (several entries share it when the run had several groupings)
 * @param kind what recorded it: {@code audit}, {@code check}, {@code monitor}, {@code run} (an {@code AuditRunner}
 *     plan) or any label a caller chooses
 * @param recordedAt when it was recorded
 * @param modelVersion the model or version label the caller gave, when any
 * @param grouping the report's sensitive features joined by {@code ","}
 * @param dataFingerprint the input fingerprint ({@code provenance.input_sha256})
 * @param configuration the evaluation's configuration ({@code provenance.configuration}) plus the caller's settings
 * @param reportJson the full {@code fairkit.report/1} document, byte for byte as written
 * @param trailEntry the audit-trail entry this run corresponds to ({@code trail-file#sequence sha256}), when the run
 *     was written to a trail
 */
public record HistoryEntry(long id, String runId, String kind, Instant recordedAt, Optional<String> modelVersion,
        String grouping, String dataFingerprint, Map<String, String> configuration, String reportJson,
        Optional<String> trailEntry) {

    /** Checks that every part is present and copies the configuration, keeping its order. */
    public HistoryEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(trailEntry, "trailEntry");
    }

    /** @return the report read back */
    public StoredReport report() {
        return ReportJson.read(reportJson);
    }
}
