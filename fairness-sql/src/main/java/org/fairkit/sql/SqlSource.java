package org.fairkit.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;

/**
 * The front door of fairness-sql: decisions that live in a database (a table, a read-only query, or a file an
 * embedded engine reads), audited where they are.
 *
 * <pre>{@code
 * SqlSource source = SqlSource.table(dataSource, columns, "decisions");     // or SqlSource.query(...)
 * EvaluationSpec spec = EvaluationSpec.builder().groupBy("race").buildFor(columns.sensitive());
 * FairnessReport report = source.evaluate(spec);
 * SqlTally tally = source.tally();                                           // the counts alone
 * }</pre>
 *
 * <p><b>What runs in the database.</b> {@link #tally()} is one query: the label and prediction mapped to codes
 * ({@link BinaryCoding}), the sensitive columns as text, then {@code GROUP BY} sensitive columns, label code,
 * prediction code with {@code COUNT(*)} and {@code SUM(weight)}, plus counts of invalid weights and scores in the same
 * pass. What comes back is one row per (group, cell): a few hundred rows at most for the usual groupings, whatever
 * the table's size. The counts are exactly those the in-memory tally builds ({@code long}s); see {@link SqlTally} for
 * the weight sums.
 *
 * <p><b>Validation in the same pass.</b> Labels and predictions outside their mapping (and NULLs), empty or NULL
 * sensitive values, negative, non-finite or NULL weights and scores outside [0, 1] (or NULL) are counted by the
 * query; if any, a second query fetches the first offending value (by data row where the engine numbers rows:
 * DuckDB tables by {@code rowid}, files by their row number) and the error names the source, row, column, value,
 * the expected domain and the number of offending rows. Nothing is dropped silently.
 *
 * <p><b>Identifiers and values.</b> Table and column names are quoted with {@link SqlIdentifiers} (the driver's
 * quote string); every value (label mappings, bounds, file paths) is a bind parameter.
 *
 * <p><b>Queries</b> run as a subquery ({@code SELECT ... FROM (query) AS fk_src}), which no engine lets hold a
 * data-modifying statement, in a transaction of their own that is set read-only where the driver allows it
 * ({@link Connection#setReadOnly}; PostgreSQL then refuses writes, {@code nextval} included) and always rolled back;
 * a query holding a {@code ;} is refused.
 *
 * <p><b>Rows, when needed.</b> Score metrics (exact AUC and the rest) and intervals need the rows: {@link #load()}
 * streams {@code (label, prediction, sensitive..., weight, score)} ordered by score from the database into a
 * {@link FairnessData} (in memory: about 17 bytes per row plus the levels' codes), and {@link #evaluate} takes that
 * path when the spec asks for either. Nothing else is pushed down for them.
 */
public final class SqlSource {
    private static final String ALIAS = "fk_src";

    private final ConnectionSupplier connections;
    private final SqlColumns columns;
    private final Relation relation;

    /** Opens a connection for one call; {@code owned} says whether the call closes it. */
    @FunctionalInterface
    interface ConnectionSupplier {
        Connection open() throws SQLException;

        default boolean owned() {
            return true;
        }
    }

    /**
     * What the rows are read from: a FROM item built once the database's quoting is known.
     */
    interface Relation {
        /** Appends the FROM item (without alias) and its binds. */
        void from(Sql sql, SqlIdentifiers ids);

        /** @return the source as error messages name it, e.g. {@code table "decisions"} */
        String describe();

        /** @return a 1-based row number expression over {@code fk_src}, if the engine has one */
        default Optional<String> rowNumber(Connection c) throws SQLException {
            return Optional.empty();
        }

        /** @return whether the FROM item is a user query (run read-only) */
        default boolean isQuery() {
            return false;
        }
    }

    private SqlSource(ConnectionSupplier connections, SqlColumns columns, Relation relation) {
        this.connections = connections;
        this.columns = Objects.requireNonNull(columns, "columns");
        this.relation = relation;
    }

    /**
     * A table (or view), by its possibly qualified name ({@code "schema", "table"}); each part is quoted.
     *
     * @throws IllegalArgumentException if no name part is given
     */
    public static SqlSource table(DataSource dataSource, SqlColumns columns, String... qualifiedName) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new SqlSource(dataSource::getConnection, columns, new Table(qualifiedName));
    }

    /** As {@link #table(DataSource, SqlColumns, String...)} on a connection the caller keeps open (and closes). */
    public static SqlSource table(Connection connection, SqlColumns columns, String... qualifiedName) {
        return new SqlSource(borrowed(connection), columns, new Table(qualifiedName));
    }

    /**
     * A read-only query, e.g. {@code SELECT * FROM decisions WHERE month = '2026-11'}.
     *
     * @throws IllegalArgumentException if the query holds a {@code ;}
     */
    public static SqlSource query(DataSource dataSource, SqlColumns columns, String query) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new SqlSource(dataSource::getConnection, columns, new Query(query));
    }

    /** As {@link #query(DataSource, SqlColumns, String)} on a connection the caller keeps open (and closes). */
    public static SqlSource query(Connection connection, SqlColumns columns, String query) {
        return new SqlSource(borrowed(connection), columns, new Query(query));
    }

    /** A source over another FROM item (the CLI's DuckDB file readers), on a borrowed connection. */
    static SqlSource relation(Connection connection, SqlColumns columns, Relation relation) {
        return new SqlSource(borrowed(connection), columns, relation);
    }

    private static ConnectionSupplier borrowed(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return new ConnectionSupplier() {
            @Override
            public Connection open() {
                return connection;
            }

            @Override
            public boolean owned() {
                return false;
            }
        };
    }

    /** @return the column mapping */
    public SqlColumns columns() {
        return columns;
    }

    /** @return the source as messages and provenance name it, e.g. {@code table "decisions"} */
    public String describe() {
        return relation.describe();
    }

    /**
     * Tallies every row in the database (one {@code GROUP BY} of all sensitive columns, label and prediction),
     * validating every value in the same pass.
     *
     * @throws IllegalArgumentException for a missing column, an invalid value (see the class comment) or no rows
     * @throws SQLException if the database fails
     */
    public SqlTally tally() throws SQLException {
        return withConnection(c -> {
            Plan p = plan(c);
            Sql sql = new Sql();
            sql.append("SELECT ");
            int k = columns.sensitive().size();
            for (int j = 0; j < k; j++) {
                sql.append("fk_g" + j + ", ");
            }
            sql.append("fk_y, fk_p, COUNT(*) AS fk_n, SUM(fk_w) AS fk_ws, SUM(fk_wbad) AS fk_wbad, "
                    + "SUM(fk_sbad) AS fk_sbad FROM (SELECT ");
            for (int j = 0; j < k; j++) {
                sql.append(p.level(j)).append(" AS fk_g" + j + ", ");
            }
            p.code(sql, p.label, columns.labelValues(), p.labelNumeric);
            sql.append(" AS fk_y, ");
            p.code(sql, p.prediction, columns.predictionValues(), p.predictionNumeric);
            sql.append(" AS fk_p, ");
            if (p.weight != null) {
                sql.append("CASE WHEN ");
                p.weightOk(sql);
                sql.append(" THEN CAST(" + p.weight + " AS FLOAT8) END AS fk_w, CASE WHEN ");
                p.weightOk(sql);
                sql.append(" THEN 0 ELSE 1 END AS fk_wbad, ");
            } else {
                sql.append("CAST(NULL AS FLOAT8) AS fk_w, 0 AS fk_wbad, ");
            }
            if (p.score != null) {
                sql.append("CASE WHEN ").append(p.scoreOk()).append(" THEN 0 ELSE 1 END AS fk_sbad");
            } else {
                sql.append("0 AS fk_sbad");
            }
            sql.append(" FROM ");
            p.from(sql);
            sql.append(") fk_rows GROUP BY ");
            for (int j = 0; j < k; j++) {
                sql.append("fk_g" + j + ", ");
            }
            sql.append("fk_y, fk_p");

            SqlTally.Builder tally = SqlTally.builder(columns.sensitive(), p.weight != null, describe());
            long badLabel = 0;
            long badPrediction = 0;
            long[] badLevel = new long[k];
            long badWeight = 0;
            long badScore = 0;
            try (PreparedStatement st = sql.prepare(c); ResultSet rs = st.executeQuery()) {
                String[] levels = new String[k];
                while (rs.next()) {
                    boolean ok = true;
                    for (int j = 0; j < k; j++) {
                        levels[j] = rs.getString(j + 1);
                        if (levels[j] == null || levels[j].isEmpty()) {
                            ok = false;
                        }
                    }
                    int y = rs.getInt(k + 1);
                    int pr = rs.getInt(k + 2);
                    long n = rs.getLong(k + 3);
                    double ws = rs.getDouble(k + 4);
                    long wbad = rs.getLong(k + 5);
                    long sbad = rs.getLong(k + 6);
                    badWeight += wbad;
                    badScore += sbad;
                    if (y < 0) {
                        badLabel += n;
                        ok = false;
                    }
                    if (pr < 0) {
                        badPrediction += n;
                        ok = false;
                    }
                    for (int j = 0; j < k; j++) {
                        if (levels[j] == null || levels[j].isEmpty()) {
                            badLevel[j] += n;
                        }
                    }
                    if (ok && wbad == 0) {
                        tally.add(levels, y, pr, n, ws);
                    }
                }
            }
            if (badLabel > 0) {
                throw p.firstBad(c, columns.label(), columns.labelValues().expected(), badLabel,
                        s -> {
                            s.append("(");
                            p.code(s, p.label, columns.labelValues(), p.labelNumeric);
                            s.append(") < 0");
                        });
            }
            if (badPrediction > 0) {
                throw p.firstBad(c, columns.prediction(), columns.predictionValues().expected(),
                        badPrediction, s -> {
                            s.append("(");
                            p.code(s, p.prediction, columns.predictionValues(), p.predictionNumeric);
                            s.append(") < 0");
                        });
            }
            for (int j = 0; j < k; j++) {
                if (badLevel[j] > 0) {
                    String level = p.level(j);
                    throw p.firstBad(c, columns.sensitive().get(j), SqlErrors.LEVEL, badLevel[j],
                            s -> s.append(level + " IS NULL OR " + level + " = ''"));
                }
            }
            if (badWeight > 0) {
                throw p.firstBad(c, columns.weight().orElseThrow(), SqlErrors.WEIGHT, badWeight, s -> {
                    s.append("NOT COALESCE(");
                    p.weightOk(s);
                    s.append(", FALSE)");
                });
            }
            if (badScore > 0) {
                throw p.firstBad(c, columns.score().orElseThrow(), SqlErrors.SCORE, badScore,
                        s -> s.append("NOT COALESCE(" + p.scoreOk() + ", FALSE)"));
            }
            if (tally.rows() == 0) {
                throw SqlErrors.noRows(describe());
            }
            return tally.build();
        });
    }

    /**
     * Streams the rows into memory, ordered by score when there is one (for score metrics and intervals, which need
     * the rows). The values are validated by {@link #tally()} first, with its messages.
     *
     * @throws IllegalArgumentException for a missing column, an invalid value or no rows
     * @throws SQLException if the database fails
     */
    public FairnessData load() throws SQLException {
        tally();
        return withConnection(c -> {
            Plan p = plan(c);
            Sql sql = new Sql();
            sql.append("SELECT ");
            p.code(sql, p.label, columns.labelValues(), p.labelNumeric);
            sql.append(", ");
            p.code(sql, p.prediction, columns.predictionValues(), p.predictionNumeric);
            int k = columns.sensitive().size();
            for (int j = 0; j < k; j++) {
                sql.append(", ").append(p.level(j));
            }
            sql.append(p.weight != null ? ", CAST(" + p.weight + " AS FLOAT8)" : ", 0");
            sql.append(p.score != null ? ", CAST(" + p.score + " AS FLOAT8) AS fk_s" : ", 0");
            sql.append(" FROM ");
            p.from(sql);
            if (p.score != null) {
                sql.append(" ORDER BY fk_s");
            }
            Rows rows = new Rows(k);
            try (PreparedStatement st = sql.prepare(c)) {
                st.setFetchSize(65_536);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs, k);
                    }
                }
            }
            return rows.build(columns, p.weight != null, p.score != null);
        });
    }

    /**
     * The report of {@code spec}: from the database's counts ({@link #tally()}, then {@link SqlTally#report}, with
     * intervals on the count path when the spec asks for them), or from the rows ({@link #load()}) when the spec asks
     * for score metrics or its interval estimator needs the rows ({@link IntervalEstimator#needsRows}: a bootstrap of
     * weighted data). Both give the numbers {@code Fairness.of(data, spec)} gives over the same rows (unweighted
     * counts bit for bit, intervals included for the same seed; weight sums see the note on {@link SqlTally}).
     *
     * @throws IllegalArgumentException for an invalid value, or a grouping of columns not mapped as sensitive
     * @throws SQLException if the database fails
     */
    public FairnessReport evaluate(EvaluationSpec spec, Clock clock) throws SQLException {
        if (!columns.sensitive().containsAll(spec.groupBy())) {
            throw SqlErrors.notSensitive(spec.groupBy(), columns.sensitive());
        }
        if (needsRows(spec, columns.weight().isPresent())) {
            return Fairness.of(load(), spec).clock(clock).evaluate();
        }
        return tally().report(spec, clock);
    }

    /**
     * Whether {@code spec} needs the rows rather than the database's counts: score metrics, or an interval estimator
     * that resamples rows for data of this kind.
     *
     * @param spec what to compute
     * @param weighted whether the data has weights
     * @return whether to load the rows
     */
    public static boolean needsRows(EvaluationSpec spec, boolean weighted) {
        return !spec.scoreMetrics().isEmpty() || spec.intervals().map(i -> i.needsRows(weighted)).orElse(false);
    }

    /** As {@link #evaluate(EvaluationSpec, Clock)} with the system UTC clock. */
    public FairnessReport evaluate(EvaluationSpec spec) throws SQLException {
        return evaluate(spec, Clock.systemUTC());
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) throws SQLException {
        Connection c = connections.open();
        try {
            if (!relation.isQuery()) {
                return work.run(c);
            }
            // A query runs in its own transaction, read-only where the driver can switch (PostgreSQL applies it to
            // transactions, not to auto-commit), and rolled back whatever it did.
            boolean autoCommit = c.getAutoCommit();
            boolean readOnly = c.isReadOnly();
            c.setAutoCommit(false);
            try {
                setReadOnly(c, true);
                return work.run(c);
            } finally {
                c.rollback();
                setReadOnly(c, readOnly);
                c.setAutoCommit(autoCommit);
            }
        } finally {
            if (connections.owned()) {
                c.close();
            }
        }
    }

    private static void setReadOnly(Connection c, boolean readOnly) {
        try {
            if (c.isReadOnly() != readOnly) {
                c.setReadOnly(readOnly);
            }
        } catch (SQLException e) {
            // The driver cannot switch on an open connection (DuckDB fixes it when connecting): the subquery still
            // admits no data-modifying statement, and the transaction is rolled back.
        }
    }

    private Plan plan(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        SqlIdentifiers ids = SqlIdentifiers.of(md);
        Plan p = new Plan(ids, c);
        // The relation's columns and types, from a query that returns no row.
        Sql probe = new Sql().append("SELECT * FROM ");
        p.from(probe);
        probe.append(" WHERE 1 = 0");
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        try (PreparedStatement st = probe.prepare(c); ResultSet rs = st.executeQuery()) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                types.put(m.getColumnLabel(i), m.getColumnType(i));
                typeNames.put(m.getColumnLabel(i), m.getColumnTypeName(i));
            }
        }
        List<String> names = List.copyOf(types.keySet());
        p.label = p.column(names, columns.label(), "label");
        p.prediction = p.column(names, columns.prediction(), "prediction");
        for (String s : columns.sensitive()) {
            p.sensitive.add(p.column(names, s, "sensitive"));
        }
        p.labelNumeric = isNumeric(types.get(columns.label()));
        p.predictionNumeric = isNumeric(types.get(columns.prediction()));
        if (columns.weight().isPresent()) {
            String w = columns.weight().get();
            p.weight = p.column(names, w, "weight");
            if (!isNumeric(types.get(w))) {
                throw SqlErrors.notNumeric(describe(), w, "weight", typeNames.get(w));
            }
        }
        if (columns.score().isPresent()) {
            String s = columns.score().get();
            p.score = p.column(names, s, "score");
            if (!isNumeric(types.get(s))) {
                throw SqlErrors.notNumeric(describe(), s, "score", typeNames.get(s));
            }
        }
        return p;
    }

    private static boolean isNumeric(int type) {
        switch (type) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.FLOAT:
            case Types.REAL:
            case Types.DOUBLE:
            case Types.NUMERIC:
            case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }

    /** The quoted names and expressions of one call. */
    private final class Plan {
        final SqlIdentifiers ids;
        final Connection connection;
        String label;
        String prediction;
        final List<String> sensitive = new ArrayList<>();
        String weight;
        String score;
        boolean labelNumeric;
        boolean predictionNumeric;

        Plan(SqlIdentifiers ids, Connection connection) {
            this.ids = ids;
            this.connection = connection;
        }

        String column(List<String> names, String name, String role) {
            if (!names.contains(name)) {
                throw SqlErrors.missingColumn(describe(), name, role, names);
            }
            return ALIAS + "." + ids.quote("column", name);
        }

        void from(Sql sql) {
            relation.from(sql, ids);
            sql.append(" " + ALIAS);
        }

        String level(int j) {
            return "TRIM(CAST(" + sensitive.get(j) + " AS VARCHAR))";
        }

        /** 1 or 0 for a mapped value, -1 for any other value, -2 for NULL. */
        void code(Sql sql, String column, BinaryCoding coding, boolean numeric) {
            sql.append("CASE WHEN " + column + " IS NULL THEN -2");
            if (numeric && coding.isZeroOne()) {
                sql.append(" WHEN " + column + " = 1 THEN 1 WHEN " + column + " = 0 THEN 0");
            } else {
                String text = "TRIM(CAST(" + column + " AS VARCHAR))";
                sql.append(" WHEN " + text + " IN (");
                sql.binds(coding.positives().stream().sorted().toList());
                sql.append(") THEN 1 WHEN " + text + " IN (");
                sql.binds(coding.negatives().stream().sorted().toList());
                sql.append(") THEN 0");
            }
            sql.append(" ELSE -1 END");
        }

        /** Finite and {@code >= 0}; NULL for NULL (NaN sorts above every number in DuckDB and PostgreSQL). */
        void weightOk(Sql sql) {
            String w = "CAST(" + weight + " AS FLOAT8)";
            sql.append("(" + w + " >= 0 AND " + w + " <= ").bind(Double.MAX_VALUE).append(")");
        }

        String scoreOk() {
            String s = "CAST(" + score + " AS FLOAT8)";
            return "(" + s + " >= 0 AND " + s + " <= 1)";
        }

        /** Fetches the first offending row and builds the error. */
        IllegalArgumentException firstBad(Connection c, String column, String expected, long count,
                java.util.function.Consumer<Sql> condition) throws SQLException {
            Optional<String> row = relation.rowNumber(c);
            if (row.isPresent()) {
                try {
                    return firstBad(c, column, expected, count, condition, row);
                } catch (SQLException e) {
                    // No row number after all (a DuckDB view has no rowid): name the value without its row.
                    return firstBad(c, column, expected, count, condition, Optional.empty());
                }
            }
            return firstBad(c, column, expected, count, condition, row);
        }

        private IllegalArgumentException firstBad(Connection c, String column, String expected, long count,
                java.util.function.Consumer<Sql> condition, Optional<String> row) throws SQLException {
            Sql sql = new Sql().append("SELECT ");
            sql.append(row.map(r -> r + " AS fk_row, ").orElse("CAST(NULL AS BIGINT) AS fk_row, "));
            sql.append("CAST(" + ALIAS + "." + ids.quote("column", column) + " AS VARCHAR) FROM ");
            from(sql);
            sql.append(" WHERE ");
            condition.accept(sql);
            if (row.isPresent()) {
                sql.append(" ORDER BY fk_row");
            }
            sql.append(" FETCH FIRST 1 ROWS ONLY");
            long dataRow = 0;
            String value = null;
            try (PreparedStatement st = sql.prepare(c); ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    dataRow = rs.getLong(1);
                    value = rs.getString(2);
                }
            }
            return SqlErrors.badValue(describe(), dataRow, column, value, expected, count);
        }
    }

    /** The rows of {@link #load()}, in growable primitive columns. */
    private static final class Rows {
        int n;
        int[] y = new int[1024];
        int[] p = new int[1024];
        double[] w = new double[1024];
        double[] s = new double[1024];
        final String[][] levels;

        Rows(int k) {
            levels = new String[k][1024];
        }

        void add(ResultSet rs, int k) throws SQLException {
            if (n == y.length) {
                int m = Math.max(1024, n * 2);
                y = Arrays.copyOf(y, m);
                p = Arrays.copyOf(p, m);
                w = Arrays.copyOf(w, m);
                s = Arrays.copyOf(s, m);
                for (int j = 0; j < k; j++) {
                    levels[j] = Arrays.copyOf(levels[j], m);
                }
            }
            y[n] = rs.getInt(1);
            p[n] = rs.getInt(2);
            for (int j = 0; j < k; j++) {
                levels[j][n] = rs.getString(3 + j);
            }
            w[n] = rs.getDouble(3 + k);
            s[n] = rs.getDouble(4 + k);
            n++;
        }

        FairnessData build(SqlColumns columns, boolean weighted, boolean scored) {
            FairnessData.Builder b = FairnessData.builder().labels(Arrays.copyOf(y, n))
                    .predictions(Arrays.copyOf(p, n));
            for (int j = 0; j < levels.length; j++) {
                b.sensitive(columns.sensitive().get(j), Arrays.copyOf(levels[j], n));
            }
            if (weighted) {
                b.weights(Arrays.copyOf(w, n));
            }
            if (scored) {
                b.scores(Arrays.copyOf(s, n));
            }
            return b.build();
        }
    }

    /** A table by its qualified name. */
    private static final class Table implements Relation {
        private final List<String> name;

        Table(String... qualifiedName) {
            if (qualifiedName.length == 0) {
                throw new IllegalArgumentException("qualifiedName must hold at least the table's name");
            }
            name = List.of(qualifiedName);
        }

        @Override
        public void from(Sql sql, SqlIdentifiers ids) {
            List<String> parts = new ArrayList<>();
            for (String n : name) {
                parts.add(ids.quote("table", n));
            }
            sql.append(String.join(".", parts));
        }

        @Override
        public String describe() {
            return "table '" + String.join(".", name) + "'";
        }

        @Override
        public Optional<String> rowNumber(Connection c) throws SQLException {
            // DuckDB numbers a table's rows (rowid, from 0, in insertion order); PostgreSQL has no row order.
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("duckdb")
                    ? Optional.of("(" + ALIAS + ".rowid + 1)") : Optional.empty();
        }
    }

    /** A read-only query. */
    private static final class Query implements Relation {
        private final String query;

        Query(String query) {
            Objects.requireNonNull(query, "query");
            if (query.indexOf(';') >= 0) {
                throw SqlErrors.notOneQuery(query);
            }
            if (query.isBlank()) {
                throw new IllegalArgumentException("query must be a SELECT statement, got a blank string");
            }
            this.query = query;
        }

        @Override
        public void from(Sql sql, SqlIdentifiers ids) {
            sql.append("(" + query + ")");
        }

        @Override
        public String describe() {
            return "query '" + query + "'";
        }

        @Override
        public boolean isQuery() {
            return true;
        }
    }
}
