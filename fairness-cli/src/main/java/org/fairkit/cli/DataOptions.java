package org.fairkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.sql.BinaryCoding;
import org.fairkit.sql.SqlColumns;
import picocli.CommandLine.Option;

/**
 * The input of {@code audit} and {@code check}: a CSV file of decisions and which columns hold what. Label and
 * prediction cells are {@code 1}/{@code 0} unless mapped with {@code --positive-label}/{@code --negative-label}
 * (and the same for predictions), e.g. {@code --positive-label '>50K' --negative-label '<=50K'}.
 */
final class DataOptions {
    @Option(names = "--data", paramLabel = "FILE",
            description = "The decisions: a CSV file (a header line, one row per decision; RFC 4180, UTF-8), or a "
                    + ".parquet, .json, .ndjson or .csv.gz file, or a quoted glob of them (data/*.parquet), read by "
                    + "the embedded DuckDB. Or use --jdbc.")
    Path data;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "Audit a database table in place, e.g. jdbc:postgresql://host/db, with --table or --query; "
                    + "the tally runs in the database.")
    String jdbc;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --jdbc: the table (or view) to audit.")
    String table;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "With --jdbc --table: the table's schema.")
    String schema;

    @Option(names = "--query", paramLabel = "SELECT",
            description = "With --jdbc: a read-only query to audit instead of a table (run read-only, rolled back). "
                    + "A ranking audit of a file: the query column (one ranking per value).")
    String query;

    @Option(names = "--user", paramLabel = "USER", description = "With --jdbc: the database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "With --jdbc: the environment variable holding the password (never on the command line).")
    String passwordEnv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The true outcome's column (the true class "
            + "with --task multiclass).")
    String label;

    @Option(names = "--prediction", paramLabel = "COLUMN",
            description = "The model's decision's column (the predicted value or class with --task regression or "
                    + "multiclass).")
    String prediction;

    @Option(names = "--score", paramLabel = "COLUMN",
            description = "The model's score's column (in [0, 1]); enables the score metrics.")
    String score;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "A row weight's column (finite, >= 0).")
    String weight;

    @Option(names = "--id", paramLabel = "COLUMN", description = "A row id's column, for the flagged cases file.")
    String id;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
            description = "The sensitive columns, comma separated; each is a grouping.")
    List<String> sensitive;

    @Option(names = "--positive-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 1 (default 1); needs --negative-label.")
    List<String> positiveLabel;

    @Option(names = "--negative-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 0 (default 0); needs --positive-label.")
    List<String> negativeLabel;

    @Option(names = "--positive-prediction", split = ",", paramLabel = "VALUE",
            description = "Prediction cells that mean 1 (default 1); needs --negative-prediction.")
    List<String> positivePrediction;

    @Option(names = "--negative-prediction", split = ",", paramLabel = "VALUE",
            description = "Prediction cells that mean 0 (default 0); needs --positive-prediction.")
    List<String> negativePrediction;

    /**
     * @return the data file
     * @throws CliException if it does not exist
     */
    Path file() {
        requireOneInput();
        return Inputs.file("--data", data, "a CSV file");
    }

    /**
     * @return whether the input goes through fairness-sql ({@link SqlInput}): {@code --jdbc}, or a {@code --data}
     *     file that is not plain CSV
     * @throws CliException for neither or both of --data and --jdbc, or a --jdbc option without --jdbc
     */
    boolean viaSql() {
        requireOneInput();
        return jdbc != null || SqlInput.readsFile(data);
    }

    private void requireOneInput() {
        if ((data == null) == (jdbc == null)) {
            throw CliException.badInput(CliErrors.dataOrJdbc());
        }
        if (jdbc == null) {
            for (String[] o : new String[][] {{"--table", table}, {"--schema", schema}, {"--query", query},
                    {"--user", user}, {"--password-env", passwordEnv}}) {
                if (o[1] != null) {
                    throw CliException.badInput(CliErrors.needsJdbc(o[0]));
                }
            }
        }
    }

    /** @return the source's name for documents: the file, or the URL and table */
    String sourceName() {
        return jdbc == null ? data.toString() : jdbc + " (" + (table != null ? "table " + table : "query") + ")";
    }

    /**
     * @return the column mapping for fairness-sql (the same options as {@link #columns()}; no --id)
     * @throws CliException for a half value mapping
     */
    SqlColumns sqlColumns() {
        requireBinaryColumns();
        SqlColumns.Builder b = SqlColumns.builder().label(label).prediction(prediction)
                .sensitive(sensitive().toArray(new String[0]));
        values(positiveLabel, negativeLabel, "--positive-label", "--negative-label", label)
                .ifPresent(v -> b.labelValues(BinaryCoding.of(List.copyOf(v.positives()), List.copyOf(v.negatives()))));
        values(positivePrediction, negativePrediction, "--positive-prediction", "--negative-prediction", prediction)
                .ifPresent(v -> b.predictionValues(BinaryCoding.of(List.copyOf(v.positives()),
                        List.copyOf(v.negatives()))));
        if (score != null) {
            b.score(score);
        }
        if (weight != null) {
            b.weight(weight);
        }
        return b.build();
    }

    /** A binary audit's label and prediction, required of it alone (other tasks check their own columns). */
    private void requireBinaryColumns() {
        if (label == null || prediction == null) {
            throw CliException.badInput("Missing required option: '" + (label == null ? "--label" : "--prediction")
                    + "=COLUMN'");
        }
    }

    /** @return the sensitive columns, distinct */
    List<String> sensitive() {
        List<String> s = new ArrayList<>();
        for (String c : sensitive) {
            s.add(c.strip());
        }
        if (new LinkedHashSet<>(s).size() != s.size()) {
            throw CliException.badInput(CliErrors.duplicateSensitive(s));
        }
        return s;
    }

    /** @return whether a score column is mapped */
    boolean hasScores() {
        return score != null;
    }

    /**
     * @return the column mapping
     * @throws CliException for a half value mapping
     * @throws IllegalArgumentException for a column with two roles
     */
    CsvColumns columns() {
        requireBinaryColumns();
        CsvColumns.Builder b = CsvColumns.builder().label(label).prediction(prediction)
                .sensitive(sensitive().toArray(new String[0]));
        values(positiveLabel, negativeLabel, "--positive-label", "--negative-label", label).ifPresent(b::labelValues);
        values(positivePrediction, negativePrediction, "--positive-prediction", "--negative-prediction", prediction)
                .ifPresent(b::predictionValues);
        if (score != null) {
            b.score(score);
        }
        if (weight != null) {
            b.weight(weight);
        }
        if (id != null) {
            b.id(id);
        }
        return b.build();
    }

    /** A value mapping from its two options, both or neither. */
    static Optional<BinaryValues> values(List<String> positives, List<String> negatives, String posOption,
            String negOption, String column) {
        if (positives == null && negatives == null) {
            return Optional.empty();
        }
        if (negatives == null) {
            throw CliException.badInput(CliErrors.halfMapping(posOption, negOption, column));
        }
        if (positives == null) {
            throw CliException.badInput(CliErrors.halfMapping(negOption, posOption, column));
        }
        return Optional.of(BinaryValues.of(positives.stream().map(String::strip).toList(),
                negatives.stream().map(String::strip).toList()));
    }
}
