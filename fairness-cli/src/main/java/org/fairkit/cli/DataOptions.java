package org.fairkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvColumns;
import picocli.CommandLine.Option;

/**
 * The input of {@code audit} and {@code check}: a CSV file of decisions and which columns hold what. Label and
 * prediction cells are {@code 1}/{@code 0} unless mapped with {@code --positive-label}/{@code --negative-label}
 * (and the same for predictions), e.g. {@code --positive-label '>50K' --negative-label '<=50K'}.
 */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The CSV file: a header line, one row per decision (RFC 4180, UTF-8).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column.")
    String label;

    @Option(names = "--prediction", required = true, paramLabel = "COLUMN",
            description = "The model's decision's column.")
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
        return Inputs.file("--data", data, "a CSV file");
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
