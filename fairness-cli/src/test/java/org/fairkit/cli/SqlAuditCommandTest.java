package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit audit} and {@code check} on Parquet, JSON, gzip CSV, globs and a PostgreSQL table (fairness-sql):
 * the same reports as the CSV reader over the same rows, the README's commands run for real, and the input errors.
 */
class SqlAuditCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("fairkit.root", ".."));

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        SqlInput.environment = System.getenv();
    }

    private static void duck(String sql, String... binds) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                st.setString(i + 1, binds[i]);
            }
            st.execute();
        }
    }

    private static String lit(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    /** Writes a CSV file as another format with DuckDB's COPY (the CSV path a bind parameter). */
    private static void copy(Path csv, Path target, String options) throws SQLException {
        duck("COPY (SELECT * FROM read_csv(?, header = true)) TO " + lit(target) + " (" + options + ")",
                csv.toString());
    }

    /** The reports of a JSON audit without their provenance (which names the input). */
    private static JsonNode reports(Cli.Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
        ArrayNode rs = (ArrayNode) r.json().get("reports").deepCopy();
        rs.forEach(n -> ((ObjectNode) n).remove("provenance"));
        return rs;
    }

    private static String[] args(String data, String... more) {
        List<String> a = new ArrayList<>(List.of("audit", "--data", data, "--label", "repaid", "--prediction",
                "approved", "--sensitive", "ethnicity,sex", "--intersect", "--format", "json"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void parquetJsonGzipCsvAndGlobsGiveTheReportsOfTheCsvReader() throws Exception {
        Path csv = Cli.lending(dir, 3000, 7);
        JsonNode expected = reports(Cli.run(args(csv.toString())));
        Path parquet = dir.resolve("lending.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        Path ndjson = dir.resolve("lending.ndjson");
        copy(csv, ndjson, "FORMAT JSON");
        Path gz = dir.resolve("lending.csv.gz");
        copy(csv, gz, "FORMAT CSV, HEADER, COMPRESSION GZIP");
        Files.createDirectories(dir.resolve("parts"));
        duck("COPY (SELECT * FROM read_csv(?, header = true) WHERE repaid = 1) TO "
                + lit(dir.resolve("parts/a.parquet")) + " (FORMAT PARQUET)", csv.toString());
        duck("COPY (SELECT * FROM read_csv(?, header = true) WHERE repaid <> 1) TO "
                + lit(dir.resolve("parts/b.parquet")) + " (FORMAT PARQUET)", csv.toString());
        for (String data : List.of(parquet.toString(), ndjson.toString(), gz.toString(),
                dir.resolve("parts").toString() + "/*.parquet")) {
            Cli.Result r = Cli.run(args(data));
            assertThat(reports(r)).as(data).isEqualTo(expected);
            assertThat(r.json().get("source").asText()).isEqualTo(data);
        }
    }

    @Test
    void scoreMetricsAndIntervalsStreamTheRowsFromTheParquetFile() throws Exception {
        Path csv = Cli.lending(dir, 2000, 3);
        Path parquet = dir.resolve("lending.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        String[] more = {"--score", "score", "--bootstrap", "200", "--seed", "5"};
        JsonNode expected = reports(Cli.run(args(csv.toString(), more)));
        assertThat(reports(Cli.run(args(parquet.toString(), more)))).isEqualTo(expected);
        assertThat(expected.get(0).get("groups").get(0).get("metrics").get("roc_auc").get("value").isNumber())
                .isTrue();
    }

    @Test
    void intervalsWithoutScoresComeFromTheDatabasesCountsAndEqualTheCsvReadersIntervals() throws Exception {
        Path csv = Cli.lending(dir, 2000, 6);
        Path parquet = dir.resolve("lending-counts.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        String[] more = {"--bootstrap", "300", "--seed", "8"};
        JsonNode expected = reports(Cli.run(args(csv.toString(), more)));
        Cli.Result r = Cli.run(args(parquet.toString(), more));
        assertThat(reports(r)).isEqualTo(expected);
        assertThat(expected.toString()).contains("\"interval\"");
        // The count path: the provenance fingerprints the database's counts, not the rows.
        assertThat(r.json().get("reports").get(0).get("provenance").toString()).contains("SQL ");
    }

    @Test
    void aParquetAuditWritesItsOutputsWithOut() throws Exception {
        Path csv = Cli.lending(dir, 1000, 4);
        Path parquet = dir.resolve("lending.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run(args(parquet.toString(), "--out", out.toString(), "--outputs",
                "metrics_export,detailed_report"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(out.resolve("metrics.csv")).isRegularFile();
        assertThat(out.resolve("audit-trail.jsonl")).isRegularFile();
        assertThat(r.json().get("run").get("plan_id").asText()).isEqualTo("lending");
    }

    @Test
    void aBadValueInAParquetFileIsNamedByFileRowColumnAndValue() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "repaid,approved,ethnicity,sex\n1,1,A,F\n0,1,B,M\n2,0,A,F\n7,1,B,F\n");
        Path parquet = dir.resolve("bad.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        Cli.Result csvRun = Cli.run(args(csv.toString()));
        Cli.Result r = Cli.run(args(parquet.toString()));
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(csvRun.err()).isEqualTo("fairkit audit: error: file '" + csv + "', line 4 (data row 3), column "
                + "'repaid': got '2'; expected 1 for [1] or 0 for [0]\n");
        assertThat(r.err()).isEqualTo("fairkit audit: error: file '" + parquet + "' (data row 3), column 'repaid': "
                + "got '2'; expected 1 for [1] or 0 for [0]; 2 rows are outside that domain\n");
    }

    @Test
    void optionMistakesAreOneLineWithExitTwo() throws Exception {
        Path csv = Cli.lending(dir, 100, 1);
        Cli.Result both = Cli.run("audit", "--data", csv.toString(), "--jdbc", "jdbc:duckdb:", "--table", "t",
                "--label", "repaid", "--prediction", "approved", "--sensitive", "sex");
        assertThat(both.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).isEqualTo("fairkit audit: error: name the decisions with exactly one of --data FILE "
                + "and --jdbc URL (with --table or --query)\n");
        Cli.Result none = Cli.run("audit", "--label", "repaid", "--prediction", "approved", "--sensitive", "sex");
        assertThat(none.err()).contains("exactly one of --data FILE and --jdbc URL");
        Cli.Result tableOnly = Cli.run("audit", "--data", csv.toString(), "--table", "t", "--label", "repaid",
                "--prediction", "approved", "--sensitive", "sex");
        assertThat(tableOnly.err()).isEqualTo("fairkit audit: error: --table needs --jdbc URL\n");
        Cli.Result pw = Cli.run("audit", "--jdbc", "jdbc:postgresql://localhost/db?password=x", "--table", "t",
                "--label", "repaid", "--prediction", "approved", "--sensitive", "sex");
        assertThat(pw.err()).startsWith("fairkit audit: error: --jdbc: the URL holds a password; pass it through an "
                + "environment variable with --password-env VAR");
        Cli.Result noVar = Cli.run("audit", "--jdbc", "jdbc:postgresql://localhost/db", "--table", "t",
                "--password-env", "FAIRKIT_TEST_UNSET_VARIABLE", "--label", "repaid", "--prediction", "approved",
                "--sensitive", "sex");
        assertThat(noVar.err()).isEqualTo("fairkit audit: error: --password-env: the environment variable "
                + "'FAIRKIT_TEST_UNSET_VARIABLE' is not set; expected it to hold the database password\n");
        Cli.Result missing = Cli.run(args(dir.resolve("nope.parquet").toString()));
        assertThat(missing.err()).isEqualTo("fairkit audit: error: --data: file '" + dir.resolve("nope.parquet")
                + "' does not exist\n");
    }

    /** The README's commands that name a .parquet file or --jdbc, on the COMPAS rows. */
    private static List<List<String>> readmeCommands(String marker) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (String c : ReadmeCommandsTest.commands(ROOT.resolve("fairness-cli/README.md"))) {
            if (c.contains(marker)) {
                out.add(ReadmeCommandsTest.tokens(c));
            }
        }
        assertThat(out).as("README commands with %s", marker).isNotEmpty();
        return out;
    }

    @Test
    void theReadmesParquetAuditRunsAndGivesTheCsvReport() throws Exception {
        Path compas = SharedFiles.dataFile("compas-predictions.csv");
        Path parquet = dir.resolve("decisions.parquet");
        copy(compas, parquet, "FORMAT PARQUET");
        for (List<String> cmd : readmeCommands("decisions.parquet")) {
            List<String> a = new ArrayList<>(cmd.stream().map(t -> t.equals("decisions.parquet") ? parquet.toString()
                    : t).toList());
            a.addAll(List.of("--format", "json"));
            JsonNode viaParquet = reports(Cli.run(a.toArray(new String[0])));
            a.set(a.indexOf(parquet.toString()), compas.toString());
            assertThat(viaParquet).isEqualTo(reports(Cli.run(a.toArray(new String[0]))));
        }
    }

    @Test
    void theReadmesPostgresAuditRunsOnARealServer() throws Exception {
        Path compas = SharedFiles.dataFile("compas-predictions.csv");
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException | IllegalStateException e) {
            assumeTrue(false, "embedded PostgreSQL did not start (" + e.getMessage() + "); as root it needs "
                    + "'unshare -U': PostgreSQL CLI test skipped");
            return;
        }
        try (pg) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE auditor LOGIN PASSWORD 'secret-from-env'");
                st.execute("CREATE TABLE decisions (y_true INTEGER, y_pred INTEGER, race TEXT, sex TEXT)");
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO decisions VALUES (?, ?, ?, ?)")) {
                    var t = SharedFiles.data("compas-predictions.csv");
                    int[] y = t.ints("y_true");
                    int[] p = t.ints("y_pred");
                    String[] race = t.strings("race");
                    String[] sex = t.strings("sex");
                    for (int i = 0; i < y.length; i++) {
                        ins.setInt(1, y[i]);
                        ins.setInt(2, p[i]);
                        ins.setString(3, race[i]);
                        ins.setString(4, sex[i]);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
                st.execute("GRANT SELECT ON decisions TO auditor");
            }
            // zonky's server trusts local connections: the password is passed (from the environment) but not checked.
            SqlInput.environment = Map.of("AUDIT_DB_PASSWORD", "secret-from-env");
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            for (List<String> cmd : readmeCommands("--jdbc")) {
                List<String> a = new ArrayList<>(cmd.stream().map(t -> t.startsWith("jdbc:postgresql:") ? url : t)
                        .toList());
                a.addAll(List.of("--format", "json"));
                Cli.Result r = Cli.run(a.toArray(new String[0]));
                JsonNode viaPostgres = reports(r);
                assertThat(r.json().get("source").asText()).isEqualTo(url + " (table decisions)");
                List<String> csvArgs = new ArrayList<>(List.of("audit", "--data", compas.toString(), "--label",
                        "y_true", "--prediction", "y_pred", "--sensitive", "race,sex", "--format", "json"));
                assertThat(viaPostgres).isEqualTo(reports(Cli.run(csvArgs.toArray(new String[0]))));
            }
        }
    }

    @Test
    void checkGatesAParquetFileAndADuckDbQueryAsItGatesTheCsv() throws Exception {
        Path csv = Cli.lending(dir, 3000, 9);
        Path parquet = dir.resolve("lending.parquet");
        copy(csv, parquet, "FORMAT PARQUET");
        Path policy = dir.resolve("fail.yml");
        Files.writeString(policy, "policy: four-fifths\nrules:\n  - disparate_impact >= 0.8 for ethnicity\n");
        String[] common = {"--label", "repaid", "--prediction", "approved", "--sensitive", "ethnicity"};
        Cli.Result viaCsv = Cli.run(concat(new String[] {"check", "--policy", policy.toString(), "--data",
            csv.toString()}, common));
        Cli.Result viaParquet = Cli.run(concat(new String[] {"check", "--policy", policy.toString(), "--data",
            parquet.toString()}, common));
        assertThat(viaCsv.code()).isEqualTo(ExitCode.FINDING);
        assertThat(viaParquet.code()).isEqualTo(ExitCode.FINDING);
        assertThat(viaParquet.out()).isEqualTo(viaCsv.out());
        Path db = dir.resolve("lending.duckdb");
        duck("ATTACH " + lit(db) + " AS f; CREATE TABLE f.decisions AS SELECT * FROM read_parquet(?)",
                parquet.toString());
        Cli.Result viaQuery = Cli.run(concat(new String[] {"check", "--policy", policy.toString(), "--jdbc",
            "jdbc:duckdb:" + db, "--query", "SELECT * FROM decisions WHERE ethnicity <> ''"}, common));
        assertThat(viaQuery.code()).as(viaQuery.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(viaQuery.out()).isEqualTo(viaCsv.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
