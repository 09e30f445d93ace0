package org.fairkit.orchestration.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.orchestration.io.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite history store: recording, reading back, concurrent appends (threads and processes), schema versions. */
class HistoryTest {
    @TempDir
    Path dir;

    static FairnessReport report(long seed) {
        return Fairness.of(SyntheticLending.generate(1000, seed)).groupBy(SyntheticLending.ETHNICITY)
                .reference("Group A").evaluate();
    }

    @Test
    void aRecordedReportReadsBackWithItsCellsAndLabels() {
        History h = History.open(dir.resolve("h.db").toString())
                .withClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        assertThat(h.schemaVersion()).isEqualTo(HistorySchema.LATEST);
        FairnessReport r = report(1);
        String json = ReportJson.toJson(r);
        HistoryEntry e = h.record(History.Recording.of("run-1", "audit", json).withModelVersion("v1")
                .withTrailEntry("trail.jsonl#3 abc").withSettings(Map.of("policy", "p.yml")));
        HistoryEntry back = h.get(e.id()).orElseThrow();
        assertThat(back).isEqualTo(e);
        assertThat(back.reportJson()).isEqualTo(json);
        assertThat(back.report()).isEqualTo(ReportJson.read(json));
        assertThat(back.recordedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(back.dataFingerprint()).isEqualTo(r.provenance().inputSha256());
        assertThat(back.configuration()).containsEntry("policy", "p.yml").containsEntry("groupBy", "ethnicity");
        assertThat(back.trailEntry()).contains("trail.jsonl#3 abc");
        Map<String, CellCounts> cells = h.cells(e.id());
        assertThat(cells).hasSize(r.groups().size());
        r.groups().forEach(g -> assertThat(cells.get(g.label())).isEqualTo(r.results().counts(g)));

        h.record(History.Recording.of("run-2", "check", ReportJson.toJson(report(2))).withModelVersion("v2"));
        assertThat(h.list()).extracting(HistoryEntry::runId).containsExactly("run-1", "run-2");
        assertThat(h.list("v2")).extracting(HistoryEntry::runId).containsExactly("run-2");
        assertThat(h.resolve("latest").runId()).isEqualTo("run-2");
        assertThat(h.resolve("latest:v1").runId()).isEqualTo("run-1");
        assertThat(h.resolve("run-1").id()).isEqualTo(e.id());
        assertThat(h.resolve(Long.toString(e.id())).runId()).isEqualTo("run-1");
        assertThat(h.resolve("run-2#ethnicity").runId()).isEqualTo("run-2");
        assertThatThrownBy(() -> h.resolve("nope")).hasMessageContaining("has no entry \"nope\"")
                .hasMessageContaining("2 entries recorded");
        // a second open of the same file sees the same entries and does not migrate again
        assertThat(History.open(dir.resolve("h.db").toString()).list()).hasSize(2);
    }

    @Test
    void manyThreadsAppendWithoutLosingAnEntry() throws Exception {
        History h = History.open(dir.resolve("threads.db").toString());
        String json = ReportJson.toJson(report(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HistoryEntry>> fs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String id = "t-" + i;
            fs.add(pool.submit(() -> h.record(History.Recording.of(id, "test", json))));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<HistoryEntry> f : fs) {
            ids.add(f.get(120, TimeUnit.SECONDS).id());
        }
        pool.shutdown();
        assertThat(ids).hasSize(80);
        assertThat(h.list()).hasSize(80);
        assertThat(h.list().stream().map(HistoryEntry::runId).distinct().count()).isEqualTo(80);
    }

    @Test
    void twoSeparateProcessesAppendConcurrentlyToOneFile() throws Exception {
        Path db = dir.resolve("procs.db");
        Path report = dir.resolve("report.json");
        Files.writeString(report, ReportJson.toJson(report(4)), StandardCharsets.UTF_8);
        History.open(db.toString()).record(History.Recording.of("parent", "test", Files.readString(report)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<Process> ps = new ArrayList<>();
        for (String label : List.of("p1", "p2", "p3")) {
            ps.add(new ProcessBuilder(java, "-cp", cp, HistoryAppender.class.getName(), db.toString(),
                    report.toString(), label, "25").redirectErrorStream(true)
                    .redirectOutput(dir.resolve(label + ".log").toFile()).start());
        }
        // this JVM appends at the same time
        History h = History.open(db.toString());
        for (int i = 0; i < 25; i++) {
            h.record(History.Recording.of("here-" + i, "test", Files.readString(report)));
        }
        for (int i = 0; i < ps.size(); i++) {
            assertThat(ps.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(ps.get(i).exitValue()).as(Files.readString(dir.resolve("p" + (i + 1) + ".log"))).isZero();
        }
        List<HistoryEntry> all = h.list();
        assertThat(all).hasSize(1 + 4 * 25);
        assertThat(h.list("p2")).hasSize(25);
        assertThat(all.stream().map(HistoryEntry::id).distinct().count()).isEqualTo(all.size());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            var n = s.executeQuery("SELECT COUNT(*) FROM fairkit_group_cells");
            n.next();
            assertThat(n.getLong(1)).isEqualTo(all.size() * (long) report(4).groups().size());
        }
    }

    @Test
    void aNewerSchemaIsRefusedNeverDowngraded() throws Exception {
        Path db = dir.resolve("newer.db");
        History.open(db.toString()).record(History.Recording.of("r", "test", ReportJson.toJson(report(5))));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fairkit_schema (version, description, applied_at) VALUES ("
                    + (HistorySchema.LATEST + 1) + ", 'from the future', '2030-01-01T00:00:00Z')");
        }
        assertThatThrownBy(() -> History.open(db.toString())).isInstanceOf(HistoryException.class)
                .hasMessageContaining("has schema version " + (HistorySchema.LATEST + 1))
                .hasMessageContaining("never downgraded");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT MAX(version), COUNT(*) FROM fairkit_schema");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(HistorySchema.LATEST + 1);
            var n = s.executeQuery("SELECT COUNT(*) FROM fairkit_history");
            n.next();
            assertThat(n.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        History h = History.open(dir.resolve("bad.db").toString());
        assertThatThrownBy(() -> h.record(History.Recording.of("r", "test", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$ has no member \"schema\"");
        assertThat(h.list()).isEmpty();
        assertThatThrownBy(() -> History.open(" ")).hasMessageContaining("file path or a jdbc: URL");
        assertThatThrownBy(() -> History.open(dir.resolve("no/such/dir/x.db").toString()))
                .isInstanceOf(HistoryException.class);
    }
}
