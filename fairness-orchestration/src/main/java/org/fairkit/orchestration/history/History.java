package org.fairkit.orchestration.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.StoredReport;

/**
 * The run history store: audit reports recorded with their run id, time, model version label, data fingerprint,
 * configuration, full {@code fairkit.report/1} JSON, per-group confusion cells and audit-trail entry, in an embedded
 * SQLite file (the default) or any JDBC database.
 *
 * <pre>{@code
 * History history = History.open("fairkit-history.db");          // or "jdbc:postgresql://host/db?user=..."
 * HistoryEntry e = history.record(History.Recording.of("run-7", "audit", ReportJson.toJson(report))
 *         .withModelVersion("credit-model 2.1"));
 * List<HistoryEntry> all = history.list();
 * }</pre>
 *
 * <p><b>Concurrency.</b> Every call opens its own connection and writes one entry in one transaction, so one
 * {@code History} is safe to share between threads, and several processes (CI jobs, a monitor) may append to the
 * same SQLite file at once: the file is in write-ahead-log mode ({@code journal_mode=WAL}, readers never block the
 * writer), write transactions take the write lock when they begin ({@code BEGIN IMMEDIATE}) and wait for it up to
 * {@link #BUSY_TIMEOUT_MS} ({@code busy_timeout}) instead of failing. Tested with threads and with separate JVMs.
 *
 * <p><b>Schema.</b> Versioned by {@link HistorySchema}; migrations run at {@link #open} under the same lock; a
 * database whose schema is newer than this FairKit's is refused with a {@link HistoryException}, never downgraded.
 */
public final class History {
    /** How long a write waits for another process's write lock before failing, in milliseconds. */
    public static final int BUSY_TIMEOUT_MS = 60_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Cell[] CELLS = {Cell.TN, Cell.FP, Cell.FN, Cell.TP};
    private static final String COLUMNS = "id, run_id, kind, recorded_at, model_version, grouping_features, "
            + "data_fingerprint, configuration, report_json, trail_entry";

    private final String url;
    private final Properties properties;
    private final HistorySchema.Dialect dialect;
    private final Clock clock;

    private History(String url, Properties properties, Clock clock) {
        this.url = url;
        this.properties = properties;
        this.dialect = HistorySchema.Dialect.of(url);
        this.clock = clock;
    }

    /**
     * Opens (creating and migrating when needed) a history store.
     *
     * @param location an SQLite file path (created when absent), or a {@code jdbc:} URL of any database whose
     *     driver is on the class path (credentials in the URL or in {@code FAIRKIT_HISTORY_USER} /
     *     {@code FAIRKIT_HISTORY_PASSWORD} are the caller's business: pass them with {@link #open(String,
     *     Properties)})
     * @throws HistoryException if the database cannot be opened or its schema is newer than {@link
     *     HistorySchema#LATEST}
     */
    public static History open(String location) {
        return open(location, new Properties());
    }

    /**
     * Opens a history store with connection properties ({@code user}, {@code password}, ...).
     *
     * @see #open(String)
     */
    public static History open(String location, Properties properties) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("history location must be a file path or a jdbc: URL, got \"\"");
        }
        String url = location.startsWith("jdbc:") ? location
                : "jdbc:sqlite:" + Path.of(location).toAbsolutePath();
        Properties p = new Properties();
        p.putAll(properties);
        if (url.startsWith("jdbc:sqlite:")) {
            p.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
            p.setProperty("transaction_mode", "IMMEDIATE");
        }
        History h = new History(url, p, Clock.systemUTC());
        h.migrate();
        return h;
    }

    /** @return this store recording times from {@code c} (for tests and replays) */
    public History withClock(Clock c) {
        return new History(url, properties, Objects.requireNonNull(c, "clock"));
    }

    /** @return the JDBC URL of the store */
    public String url() {
        return url;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        if (dialect == HistorySchema.Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            }
        }
        return c;
    }

    private HistoryException failure(String what, SQLException e) {
        return new HistoryException("history " + url + ": " + what + " failed: " + e.getMessage(), e);
    }

    // ------------------------------------------------------------------ schema

    private void migrate() {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS fairkit_schema (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            } catch (SQLException e) {
                // another process created it at the same moment (PostgreSQL reports the race); it exists now
                if (!tableExists(c, "fairkit_schema")) {
                    throw e;
                }
            }
            c.setAutoCommit(false);
            try {
                if (dialect == HistorySchema.Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("LOCK TABLE fairkit_schema IN ACCESS EXCLUSIVE MODE");
                    }
                }
                int current = version(c);
                if (current > HistorySchema.LATEST) {
                    throw new HistoryException("history " + url + " has schema version " + current
                            + ", newer than this FairKit understands (" + HistorySchema.LATEST
                            + "): upgrade FairKit; the store is left unchanged (never downgraded)");
                }
                for (HistorySchema.Migration m : HistorySchema.migrations(dialect)) {
                    if (m.version() <= current) {
                        continue;
                    }
                    try (Statement s = c.createStatement()) {
                        for (String sql : m.statements()) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO fairkit_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, m.version());
                        ps.setString(2, m.description());
                        ps.setString(3, clock.instant().toString());
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("opening and migrating the schema", e);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM fairkit_schema")) {
            rs.next();
            int v = rs.getInt(1);
            return rs.wasNull() ? 0 : v;
        }
    }

    /** @return the store's schema version */
    public int schemaVersion() {
        try (Connection c = connect()) {
            return version(c);
        } catch (SQLException e) {
            throw failure("reading the schema version", e);
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * What to record: one report of one run.
     *
     * @param runId the run's id
     * @param kind what records it ({@code audit}, {@code check}, {@code monitor}, {@code run}, ...)
     * @param reportJson the {@code fairkit.report/1} document
     * @param modelVersion the model or version label, when known
     * @param trailEntry the audit-trail entry of this run, when it was written to a trail
     * @param settings the caller's settings beyond the evaluation's configuration (policy file, input path, ...),
     *     stored after the report's configuration under their own names
     */
    public record Recording(String runId, String kind, String reportJson, Optional<String> modelVersion,
            Optional<String> trailEntry, Map<String, String> settings) {
        /** Checks that every part is present. */
        public Recording {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reportJson, "reportJson");
            Objects.requireNonNull(modelVersion, "modelVersion");
            Objects.requireNonNull(trailEntry, "trailEntry");
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** @return a recording of a report with no model version, trail entry or extra settings */
        public static Recording of(String runId, String kind, String reportJson) {
            return new Recording(runId, kind, reportJson, Optional.empty(), Optional.empty(), Map.of());
        }

        /** @return a recording with a new random run id ({@link UUID}) */
        public static Recording of(String kind, String reportJson) {
            return of(UUID.randomUUID().toString(), kind, reportJson);
        }

        /** @return this recording with a model version label */
        public Recording withModelVersion(String label) {
            return new Recording(runId, kind, reportJson, Optional.ofNullable(label), trailEntry, settings);
        }

        /** @return this recording with its trail entry */
        public Recording withTrailEntry(String entry) {
            return new Recording(runId, kind, reportJson, modelVersion, Optional.ofNullable(entry), settings);
        }

        /** @return this recording with extra settings */
        public Recording withSettings(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.putAll(more);
            return new Recording(runId, kind, reportJson, modelVersion, trailEntry, all);
        }
    }

    /**
     * Records one report: the entry and its per-group cells in one transaction.
     *
     * @return the stored entry, with its id
     * @throws IllegalArgumentException if the report JSON is not a {@code fairkit.report/1} document
     * @throws HistoryException if the database refuses the write
     */
    public HistoryEntry record(Recording r) {
        StoredReport report = ReportJson.read(r.reportJson());
        Map<String, String> conf = new LinkedHashMap<>(report.provenance().configuration());
        conf.putAll(r.settings());
        Instant now = clock.instant();
        String grouping = String.join(",", report.grouping());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO fairkit_history (run_id, kind, "
                        + "recorded_at, model_version, grouping_features, data_fingerprint, configuration, "
                        + "report_json, trail_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, r.runId());
                    ps.setString(2, r.kind());
                    ps.setString(3, now.toString());
                    setOptional(ps, 4, r.modelVersion());
                    ps.setString(5, grouping);
                    ps.setString(6, report.provenance().inputSha256());
                    ps.setString(7, JSON.writeValueAsString(conf));
                    ps.setString(8, r.reportJson());
                    setOptional(ps, 9, r.trailEntry());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned no id for the new entry");
                        }
                        id = keys.getLong(1);
                    }
                }
                if (report.hasCells()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO fairkit_group_cells (entry_id, "
                            + "position, group_label, tn, fp, fn, tp, w_tn, w_fp, w_fn, w_tp) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        int pos = 0;
                        for (StoredReport.Group g : report.groups()) {
                            cellsRow(ps, id, pos++, g.label(), g.cells().orElseThrow());
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
                return new HistoryEntry(id, r.runId(), r.kind(), now, r.modelVersion(), grouping,
                        report.provenance().inputSha256(), conf, r.reportJson(), r.trailEntry());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("recording run " + r.runId(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void cellsRow(PreparedStatement ps, long id, int pos, String label, CellCounts c)
            throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, pos);
        ps.setString(3, label);
        for (int k = 0; k < 4; k++) {
            ps.setLong(4 + k, c.rows(CELLS[k]));
        }
        for (int k = 0; k < 4; k++) {
            if (c.isWeighted()) {
                ps.setDouble(8 + k, c.mass(CELLS[k]));
            } else {
                ps.setNull(8 + k, Types.DOUBLE);
            }
        }
        ps.addBatch();
    }

    private static void setOptional(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            ps.setString(i, v.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    // ------------------------------------------------------------------ reading

    /** @return every entry, oldest first */
    public List<HistoryEntry> list() {
        return query("SELECT " + COLUMNS + " FROM fairkit_history ORDER BY id", ps -> { });
    }

    /** @return the entries of one model version label, oldest first */
    public List<HistoryEntry> list(String modelVersion) {
        return query("SELECT " + COLUMNS + " FROM fairkit_history WHERE model_version = ? ORDER BY id",
                ps -> ps.setString(1, modelVersion));
    }

    /** @return the entries of one run (one per grouping), in recording order */
    public List<HistoryEntry> run(String runId) {
        return query("SELECT " + COLUMNS + " FROM fairkit_history WHERE run_id = ? ORDER BY id",
                ps -> ps.setString(1, runId));
    }

    /** @return the entry with this id */
    public Optional<HistoryEntry> get(long id) {
        List<HistoryEntry> l = query("SELECT " + COLUMNS + " FROM fairkit_history WHERE id = ?",
                ps -> ps.setLong(1, id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /**
     * Finds the entry a user names: {@code latest}, {@code latest:LABEL} (the newest entry of a model version),
     * an entry id ({@code 42}) or a run id (its first grouping's entry, or {@code RUN#GROUPING} for another
     * grouping, features joined by {@code ","}).
     *
     * @throws IllegalArgumentException if nothing matches, saying what the store has
     */
    public HistoryEntry resolve(String reference) {
        Objects.requireNonNull(reference, "reference");
        List<HistoryEntry> candidates;
        if (reference.equals("latest")) {
            candidates = list();
            candidates = candidates.isEmpty() ? candidates : List.of(candidates.get(candidates.size() - 1));
        } else if (reference.startsWith("latest:")) {
            candidates = list(reference.substring("latest:".length()));
            candidates = candidates.isEmpty() ? candidates : List.of(candidates.get(candidates.size() - 1));
        } else if (reference.matches("\\d{1,18}")) {
            candidates = get(Long.parseLong(reference)).map(List::of).orElse(List.of());
            if (candidates.isEmpty()) {
                candidates = run(reference);
            }
        } else {
            int hash = reference.lastIndexOf('#');
            if (hash > 0) {
                String grouping = reference.substring(hash + 1);
                candidates = run(reference.substring(0, hash)).stream().filter(e -> e.grouping().equals(grouping))
                        .toList();
            } else {
                candidates = run(reference);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("history " + url + " has no entry \"" + reference + "\" (use an entry "
                    + "id, a run id, RUN#GROUPING, latest or latest:MODEL_VERSION; " + list().size()
                    + " entries recorded, see fairkit history list)");
        }
        return candidates.get(0);
    }

    /**
     * @return the per-group confusion cells recorded with an entry, by group label in report order (empty when the
     *     report had none)
     */
    public Map<String, CellCounts> cells(long entryId) {
        Map<String, CellCounts> out = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT group_label, tn, fp, fn, tp, "
                + "w_tn, w_fp, w_fn, w_tp FROM fairkit_group_cells WHERE entry_id = ? ORDER BY position")) {
            ps.setLong(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long tn = rs.getLong(2);
                    long fp = rs.getLong(3);
                    long fn = rs.getLong(4);
                    long tp = rs.getLong(5);
                    String label = rs.getString(1);
                    double wtn = rs.getDouble(6);
                    boolean unweighted = rs.wasNull();
                    out.put(label, unweighted ? CellCounts.of(tn, fp, fn, tp)
                            : CellCounts.weighted(tn, fp, fn, tp, wtn, rs.getDouble(7), rs.getDouble(8),
                                    rs.getDouble(9)));
                }
            }
        } catch (SQLException e) {
            throw failure("reading the cells of entry " + entryId, e);
        }
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<HistoryEntry> query(String sql, Binder binder) {
        List<HistoryEntry> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), Optional.ofNullable(rs.getString(5)), rs.getString(6),
                            rs.getString(7), JSON.readValue(rs.getString(8),
                                    new TypeReference<LinkedHashMap<String, String>>() { }),
                            rs.getString(9), Optional.ofNullable(rs.getString(10))));
                }
            }
        } catch (SQLException e) {
            throw failure("reading entries", e);
        } catch (JsonProcessingException e) {
            throw new HistoryException("history " + url + ": an entry's configuration is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        return out;
    }
}
