package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqlSource} on embedded DuckDB: the COMPAS golden values through a table and a Parquet file, and the rules. */
class DuckDbSourceTest {
    private Connection c;

    @TempDir
    Path dir;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void compasGoldenValuesHoldThroughADuckDbTable() throws SQLException {
        Compas.loadIntoDuckDb(c, "compas");
        Compas.assertGolden(SqlSource.table(c, Compas.columns(false), "compas"),
                SqlSource.table(c, Compas.columns(true), "compas"));
    }

    @Test
    void aDuckDbTableGivesTheInMemoryReportBitForBit() throws SQLException {
        Compas.loadIntoDuckDb(c, "compas");
        Compas.assertSameAsInMemory(SqlSource.table(c, Compas.columns(false), "compas"), false);
        Compas.assertSameAsInMemory(SqlSource.table(c, Compas.columns(true), "compas"), true);
    }

    @Test
    void compasGoldenValuesHoldThroughAParquetFileWrittenByDuckDb() throws SQLException {
        Compas.loadIntoDuckDb(c, "compas");
        Path parquet = dir.resolve("compas.parquet");
        exec("COPY compas TO '" + parquet.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        SqlSource unweighted = DuckDbFiles.source(c, Compas.columns(false), parquet.toString());
        SqlSource weighted = DuckDbFiles.source(c, Compas.columns(true), parquet.toString());
        Compas.assertGolden(unweighted, weighted);
        Compas.assertSameAsInMemory(weighted, true);
        assertThat(unweighted.describe()).isEqualTo("file '" + parquet + "'");
    }

    @Test
    void compasGoldenValuesHoldThroughTheCsvReadByDuckDbAndAQuery() throws SQLException {
        SqlSource csv = DuckDbFiles.source(c, Compas.columns(true), Compas.csv().toString());
        Compas.assertSameAsInMemory(csv, true);
        Compas.loadIntoDuckDb(c, "compas");
        Compas.assertGolden(SqlSource.query(c, Compas.columns(false), "SELECT * FROM compas"),
                SqlSource.query(c, Compas.columns(true), "SELECT y_true, y_pred, race, sex, weight FROM compas"));
    }

    @Test
    void scoreMetricsStreamTheRowsAndEqualTheInMemoryAuc() throws SQLException {
        Compas.loadIntoDuckDb(c, "compas");
        SqlColumns cols = SqlColumns.builder().label("y_true").prediction("y_pred").sensitive("race", "sex")
                .score("score").build();
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("race").scoreMetrics(ScoreMetrics.ROC_AUC)
                .buildFor(List.of("race", "sex"));
        FairnessReport viaSql = SqlSource.table(c, cols, "compas").evaluate(spec, Compas.CLOCK);
        org.fairkit.testkit.CsvTable t = org.fairkit.testkit.SharedFiles.data(Compas.CSV);
        FairnessData data = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .scores(t.doubles("score")).sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"))
                .build();
        FairnessReport inMemory = Fairness.of(data, spec).clock(Compas.CLOCK).evaluate();
        for (GroupKey g : inMemory.groups()) {
            assertThat(viaSql.value(ScoreMetrics.ROC_AUC, g)).as("AUC of %s", g)
                    .isEqualTo(inMemory.value(ScoreMetrics.ROC_AUC, g));
        }
        assertThat(viaSql.value(ScoreMetrics.ROC_AUC, GroupKey.of("race", "Caucasian")).isDefined()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ identifiers

    @Test
    void hostileTableAndColumnNamesAreQuotedNotConcatenated() throws SQLException {
        String table = "de\"cisions; DROP TABLE keep; --";
        String label = "y \"true\"";
        String prediction = "y'pred; --";
        String race = "räce 人種";
        String weight = "w\"; DELETE FROM keep; --";
        exec("CREATE TABLE keep (x INTEGER)");
        exec("INSERT INTO keep VALUES (1)");
        exec("CREATE TABLE \"de\"\"cisions; DROP TABLE keep; --\" (\"y \"\"true\"\"\" INTEGER, \"y'pred; --\" "
                + "INTEGER, \"räce 人種\" VARCHAR, \"w\"\"; DELETE FROM keep; --\" DOUBLE)");
        exec("INSERT INTO \"de\"\"cisions; DROP TABLE keep; --\" VALUES (1, 1, 'a', 2.0), (0, 1, 'a', 1.0), "
                + "(1, 0, 'b''; DROP TABLE keep; --', 1.0)");
        SqlColumns cols = SqlColumns.builder().label(label).prediction(prediction).sensitive(race).weight(weight)
                .build();
        SqlTally t = SqlSource.table(c, cols, table).tally();
        assertThat(t.rows()).isEqualTo(3);
        CellCounts a = t.confusion(List.of(race)).group(0);
        assertThat(a.rows(Cell.TP)).isEqualTo(1);
        assertThat(a.mass(Cell.TP)).isEqualTo(2.0);
        assertThat(a.rows(Cell.FP)).isEqualTo(1);
        assertThat(t.grouping(List.of(race)).groups()).extracting(g -> g.levels().get(0))
                .containsExactly("a", "b'; DROP TABLE keep; --");
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM keep")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aColumnNameThatDoesNotExistIsNamedWithTheColumnsThereAre() throws SQLException {
        exec("CREATE TABLE t (y INTEGER, p INTEGER, s VARCHAR)");
        SqlColumns cols = SqlColumns.builder().label("y\"; --").prediction("p").sensitive("s").build();
        assertThatThrownBy(() -> SqlSource.table(c, cols, "t").tally()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table 't': column 'y\"; --' (label) is missing; the columns are [y, p, s]");
    }

    @Test
    void namesThatCannotBeQuotedAreRefused() {
        SqlIdentifiers ids = SqlIdentifiers.withQuote("\"");
        assertThat(ids.quote("column", "a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(ids.quote("column", "räce 人種; --")).isEqualTo("\"räce 人種; --\"");
        assertThatThrownBy(() -> ids.quote("column", "a\u0000b")).hasMessage("column 'a\u0000b' cannot be used as an "
                + "SQL identifier: it holds a control character at index 1; expected a name the database can quote");
        assertThatThrownBy(() -> ids.quote("table", "")).hasMessageContaining("it holds an empty name");
        SqlIdentifiers none = SqlIdentifiers.withQuote(" ");
        assertThat(none.quote("column", "plain_name1")).isEqualTo("plain_name1");
        assertThatThrownBy(() -> none.quote("column", "a b")).hasMessage("column 'a b' cannot be used as an SQL "
                + "identifier: it holds characters the driver cannot quote (it reports no identifier quote string); "
                + "expected a name the database can quote");
    }

    @Test
    void aQueryWithASemicolonIsRefusedAndAQueryCannotWrite() throws SQLException {
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s").build();
        assertThatThrownBy(() -> SqlSource.query(c, cols, "SELECT 1; DROP TABLE t"))
                .hasMessage("query 'SELECT 1; DROP TABLE t' holds a ';'; expected one read-only SELECT statement "
                        + "without ';'");
        exec("CREATE TABLE t (y INTEGER, p INTEGER, s VARCHAR)");
        exec("INSERT INTO t VALUES (1, 1, 'a')");
        assertThatThrownBy(() -> SqlSource.query(c, cols, "DELETE FROM t RETURNING *").tally())
                .isInstanceOf(SQLException.class);
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ validation

    private SqlSource bad(String type, String values, SqlColumns cols) throws SQLException {
        exec("CREATE TABLE d (y " + type + ", p INTEGER, s VARCHAR, w DOUBLE, sc DOUBLE)");
        exec("INSERT INTO d VALUES " + values);
        return SqlSource.table(c, cols, "d");
    }

    private static SqlColumns all() {
        return SqlColumns.builder().label("y").prediction("p").sensitive("s").weight("w").score("sc").build();
    }

    @Test
    void labelsOutsideTheirDomainAreCountedAndTheFirstIsNamedByRow() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, 'a', 1, 0.5), (2, 1, 'a', 1, 0.5), (1, 0, 'b', 1, 0.5), "
                + "(7, 0, 'b', 1, 0.5)", all());
        assertThatThrownBy(s::tally).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table 'd' (data row 2), column 'y': got '2'; expected 1 for [1] or 0 for [0]; 2 rows "
                        + "are outside that domain");
    }

    @Test
    void aNullLabelIsReportedAsNull() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, 'a', 1, 0.5), (NULL, 1, 'a', 1, 0.5)", all());
        assertThatThrownBy(s::tally).hasMessage("table 'd' (data row 2), column 'y': got NULL; expected 1 for [1] "
                + "or 0 for [0]; 1 row is outside that domain");
    }

    @Test
    void aBadValueInAViewIsNamedWithoutARowSinceViewsHaveNone() throws SQLException {
        bad("INTEGER", "(1, 1, 'a', 1, 0.5), (5, 1, 'a', 1, 0.5)", all());
        exec("CREATE VIEW v AS SELECT * FROM d");
        assertThatThrownBy(() -> SqlSource.table(c, all(), "v").tally()).hasMessage("table 'v', column 'y': got '5'; "
                + "expected 1 for [1] or 0 for [0]; 1 row is outside that domain");
    }

    @Test
    void mappedTextLabelsUseTheMappingAndNameItWhenAValueIsOutside() throws SQLException {
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s")
                .labelValues(BinaryCoding.of(">50K", "<=50K")).build();
        SqlSource ok = bad("VARCHAR", "('>50K', 1, 'a', 1, 0.5), (' <=50K ', 0, 'a', 1, 0.5)", cols);
        CellCounts a = ok.tally().confusion(List.of("s")).group(0);
        assertThat(a.rows(Cell.TP)).isEqualTo(1);
        assertThat(a.rows(Cell.TN)).isEqualTo(1);
        exec("INSERT INTO d VALUES ('>50k', 0, 'a', 1, 0.5)");
        assertThatThrownBy(ok::tally).hasMessage("table 'd' (data row 3), column 'y': got '>50k'; expected 1 for "
                + "[>50K] or 0 for [<=50K]; 1 row is outside that domain");
    }

    @Test
    void predictionsOutsideTheirDomainAreReported() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, 'a', 1, 0.5), (1, -1, 'a', 1, 0.5)", all());
        assertThatThrownBy(s::tally).hasMessage("table 'd' (data row 2), column 'p': got '-1'; expected 1 for [1] "
                + "or 0 for [0]; 1 row is outside that domain");
    }

    @Test
    void emptyOrNullSensitiveValuesAreReported() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, '  ', 1, 0.5), (1, 1, NULL, 1, 0.5), (1, 1, 'a', 1, 0.5)", all());
        assertThatThrownBy(s::tally).hasMessage("table 'd' (data row 1), column 's': got '  '; expected a non-empty "
                + "level; 2 rows are outside that domain");
    }

    @Test
    void negativeNonFiniteAndNullWeightsAreReported() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, 'a', 1, 0.5), (1, 1, 'a', 'NaN', 0.5), (0, 1, 'a', -1, 0.5), "
                + "(0, 0, 'b', 'Infinity', 0.5), (0, 0, 'b', NULL, 0.5)", all());
        assertThatThrownBy(s::tally).hasMessage("table 'd' (data row 2), column 'w': got 'nan'; expected a finite "
                + "weight >= 0; 4 rows are outside that domain");
    }

    @Test
    void scoresOutsideTheUnitIntervalAreReported() throws SQLException {
        SqlSource s = bad("INTEGER", "(1, 1, 'a', 1, 0.5), (1, 1, 'a', 1, 1.5), (0, 1, 'a', 1, NULL)", all());
        assertThatThrownBy(s::tally).hasMessage("table 'd' (data row 2), column 'sc': got '1.5'; expected a number "
                + "in [0, 1]; 2 rows are outside that domain");
    }

    @Test
    void aTextWeightColumnAndAnEmptyTableAreRefused() throws SQLException {
        exec("CREATE TABLE e (y INTEGER, p INTEGER, s VARCHAR, w VARCHAR)");
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s").weight("w").build();
        assertThatThrownBy(() -> SqlSource.table(c, cols, "e").tally())
                .hasMessage("table 'e': column 'w' (weight) has type VARCHAR; expected a numeric column");
        SqlColumns plain = SqlColumns.builder().label("y").prediction("p").sensitive("s").build();
        assertThatThrownBy(() -> SqlSource.table(c, plain, "e").tally())
                .hasMessage("table 'e' has no rows; expected at least one row");
    }

    // ------------------------------------------------------------------------------------------------ weights

    /**
     * The database's plain SUM and FairKit's compensated sums agree within the bound of {@link SqlTally}: a relative
     * {@code n u} per cell, here with 200,000 real weights spanning six orders of magnitude.
     */
    @Test
    void weightSumsAgreeWithTheCompensatedInMemorySumsWithinNTimesTheUnitRoundoff() throws SQLException {
        int n = 200_000;
        Random r = new Random(42);
        int[] y = new int[n];
        int[] p = new int[n];
        double[] w = new double[n];
        String[] s = new String[n];
        exec("CREATE TABLE wt (y INTEGER, p INTEGER, s VARCHAR, w DOUBLE)");
        try (var app = ((org.duckdb.DuckDBConnection) c).createAppender("main", "wt")) {
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                p[i] = r.nextInt(2);
                w[i] = Math.exp(r.nextDouble() * 14 - 7);
                s[i] = "g" + r.nextInt(3);
                app.beginRow();
                app.append(y[i]);
                app.append(p[i]);
                app.append(s[i]);
                app.append(w[i]);
                app.endRow();
            }
        }
        SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("s").weight("w").build();
        SqlTally t = SqlSource.table(c, cols, "wt").tally();
        FairnessData data = FairnessData.builder().labels(y).predictions(p).sensitive("s", s).weights(w).build();
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("s").metrics(Metrics.SELECTION_RATE)
                .buildFor(List.of("s"));
        var expected = Fairness.of(data, spec).evaluate().results().tally();
        var actual = t.confusion(List.of("s"));
        double u = Math.ulp(1.0) / 2;
        for (int g = 0; g < 3; g++) {
            for (Cell cell : Cell.values()) {
                double e = expected.group(g).mass(cell);
                double a = actual.group(g).mass(cell);
                long rows = expected.group(g).rows(cell);
                assertThat(actual.group(g).rows(cell)).isEqualTo(rows);
                assertThat(Math.abs(a - e)).as("group %d %s", g, cell).isLessThanOrEqualTo(rows * u * e);
            }
        }
    }
}
