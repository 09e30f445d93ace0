package org.fairkit.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.sql.DuckDbFiles;
import org.fairkit.sql.SqlColumns;
import org.fairkit.sql.SqlSource;
import org.fairkit.sql.SqlTally;

/**
 * The input of {@code audit} and {@code check} when it is not a plain CSV file: files read by an embedded DuckDB
 * ({@code --data x.parquet}, {@code .json}, {@code .ndjson}, {@code .csv.gz}, or a glob of them) or a database table
 * or read-only query ({@code --jdbc URL --table T | --query Q}), through fairness-sql. The tally runs in the engine
 * (one {@code GROUP BY}); score metrics and intervals, and the outputs of {@code --out}, stream the rows from the
 * same source into memory. The password of {@code --jdbc} comes from the environment variable named by
 * {@code --password-env}, never from the command line (a URL holding {@code password=} is refused).
 */
final class SqlInput implements AutoCloseable {
    /** The environment {@code --password-env} reads (tests put a variable here). */
    static Map<String, String> environment = System.getenv();

    private final Connection connection;
    private final SqlSource source;
    private final String name;
    private final String id;
    private FairnessData rows;

    private SqlInput(Connection connection, SqlSource source, String name, String id) {
        this.connection = connection;
        this.source = source;
        this.name = name;
        this.id = id;
    }

    /** @return whether {@code --data} names a file this class reads rather than the CSV reader */
    static boolean readsFile(Path data) {
        String s = data.toString();
        if (DuckDbFiles.isGlob(s)) {
            return true;
        }
        return DuckDbFiles.supports(s) && !s.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Opens DuckDB on files, or the database of {@code --jdbc}.
     *
     * @param environment the process environment, for {@code --password-env}
     * @throws CliException for a bad combination of options, a missing file or variable, or a connection failure
     */
    static SqlInput open(DataOptions d, SqlColumns columns, Map<String, String> environment) {
        try {
            if (d.jdbc == null) {
                String path = d.data.toString();
                if (!DuckDbFiles.isGlob(path)) {
                    Inputs.file("--data", d.data, "a data file");
                }
                Connection c = DriverManager.getConnection("jdbc:duckdb:");
                return new SqlInput(c, DuckDbFiles.source(c, columns, path), path, Audits.planId(d.data));
            }
            if (d.jdbc.toLowerCase(Locale.ROOT).contains("password=")) {
                throw CliException.badInput(CliErrors.passwordInUrl());
            }
            if ((d.table == null) == (d.query == null)) {
                throw CliException.badInput(CliErrors.tableOrQuery());
            }
            Properties p = new Properties();
            if (d.user != null) {
                p.setProperty("user", d.user);
            }
            if (d.passwordEnv != null) {
                String pw = environment.get(d.passwordEnv);
                if (pw == null) {
                    throw CliException.badInput(CliErrors.noPasswordVariable(d.passwordEnv));
                }
                p.setProperty("password", pw);
            }
            if (d.jdbc.startsWith("jdbc:duckdb:") && d.jdbc.length() > "jdbc:duckdb:".length()) {
                p.setProperty("duckdb.read_only", "true");
            }
            Connection c = DriverManager.getConnection(d.jdbc, p);
            String what = d.table != null ? "table " + d.table : "query";
            SqlSource s = d.table != null
                    ? (d.schema != null ? SqlSource.table(c, columns, d.schema, d.table)
                            : SqlSource.table(c, columns, d.table))
                    : SqlSource.query(c, columns, d.query);
            String planId = Audits.planId(Path.of((d.table != null ? d.table : "query") + ".sql"));
            return new SqlInput(c, s, d.jdbc + " (" + what + ")", planId);
        } catch (SQLException e) {
            throw CliException.badInput(CliErrors.database(e.getMessage()));
        }
    }

    /** @return the source as the JSON document and messages name it */
    String name() {
        return name;
    }

    /** @return a plan id for run records */
    String planId() {
        return id;
    }

    /**
     * The report of each spec: from the engine's counts (intervals on the count path included), or from the rows when
     * a spec needs them (score metrics, a bootstrap of weighted data: {@link SqlSource#needsRows}); the rows are read
     * once.
     *
     * @throws CliException when a grouping has more than {@code maxGroups} groups, or the database fails
     */
    List<FairnessReport> evaluate(List<EvaluationSpec> specs, Clock clock, Progress progress, int maxGroups) {
        try {
            SqlTally tally = checkGroups(specs, progress, maxGroups);
            List<FairnessReport> out = new ArrayList<>();
            for (EvaluationSpec s : specs) {
                if (SqlSource.needsRows(s, tally.isWeighted())) {
                    progress.phase(s.intervals().map(i -> "intervals (" + i.description() + ") for " + s.groupBy())
                            .orElse("evaluating " + s.groupBy()));
                    out.add(Fairness.of(load(), s).clock(clock).evaluate());
                } else {
                    out.add(tally.report(s, clock));
                }
            }
            return out;
        } catch (SQLException e) {
            throw CliException.badInput(CliErrors.database(e.getMessage()));
        }
    }

    /**
     * Tallies the source in the engine (validating every value) and checks each spec's group count.
     *
     * @throws CliException when a grouping has more than {@code maxGroups} groups
     */
    SqlTally checkGroups(List<EvaluationSpec> specs, Progress progress, int maxGroups) throws SQLException {
        progress.phase("tallying " + source.describe() + " in the database");
        SqlTally tally = source.tally();
        for (EvaluationSpec s : specs) {
            int groups = tally.grouping(s.groupBy()).groupCount();
            if (groups > maxGroups) {
                throw CliException.badInput(CliErrors.tooManyGroupsInTally(s.groupBy(), maxGroups, groups));
            }
        }
        return tally;
    }

    /** @return the rows, streamed from the source once (validated with the tally's messages) */
    FairnessData load() {
        if (rows == null) {
            try {
                rows = source.load();
            } catch (SQLException e) {
                throw CliException.badInput(CliErrors.database(e.getMessage()));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a connection we only read from: nothing to recover, the results are already out.
            return;
        }
    }
}
