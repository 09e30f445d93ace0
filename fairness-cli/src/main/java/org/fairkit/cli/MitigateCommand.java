package org.fairkit.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.Objective;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.preprocessing.Reweighing;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate reweigh|threshold}: fairness-mitigation's pre- and post-processing on a CSV file, writing
 * the file's rows with the result appended (row weights, or fair decisions), and printing what was learned and the
 * evidence that it worked on the same rows.
 */
@Command(name = "mitigate", mixinStandardHelpOptions = true,
        description = "Reweigh rows, decorrelate or repair features, train under a fairness constraint, or post-process "
                + "scores into group-fair decisions; write them to CSV.",
        subcommands = {MitigateCommand.Reweigh.class, MitigateCommand.Threshold.class,
                CalibratedEoCommand.class,
                RejectOptionCommand.class,
                ReduceCommand.class,
                DecorrelateCommand.class,
                RepairCommand.class})
final class MitigateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and a bad-input exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** The columns both subcommands read. */
    static final class Columns {
        @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV to fit on.")
        Path data;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column.")
        String label;

        @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
                description = "The group columns (several: their intersection).")
        List<String> sensitive;

        @Option(names = "--weight", paramLabel = "COLUMN", description = "A row weight's column.")
        String weight;

        @Mixin
        LabelValueOptions labelCells;

        @Option(names = "--write", required = true, paramLabel = "FILE",
                description = "The output CSV: the input rows with the result appended.")
        Path write;

        BinaryValues labelValues() {
            return labelCells.valuesOrZeroOne(label);
        }

        List<String> groupColumns() {
            return sensitive.stream().map(String::strip).toList();
        }
    }

    /**
     * Writes the table's rows with the given cells appended per row, atomically ({@link AtomicFiles}): the file
     * appears whole or not at all, so {@code --write} may even name the {@code --data} file, which then gets the new
     * column; a symbolic link is refused.
     */
    static void write(CsvTable table, Path file, List<String> added, RowCells cells) throws IOException {
        for (String c : added) {
            if (table.header().contains(c)) {
                throw CliException.badInput(CliErrors.columnExists(c, table.file()));
            }
        }
        List<String> columns = new ArrayList<>(table.header());
        columns.addAll(added);
        AtomicFiles.write(file, out -> {
            try (SequenceWriter csv = CsvTable.writer(out, columns)) {
                table.forEach(r -> csv.write(r.cellsWith(cells.of((int) r.dataRow() - 1))));
            }
        });
    }

    /** The cells appended to row {@code i} (0-based). */
    @FunctionalInterface
    interface RowCells {
        String[] of(int i);
    }

    /** The fairness of decisions by group, as core computes it, on a single grouping column. */
    static FairnessReport report(int[] labels, int[] predictions, String[] groups, double[] weights) {
        FairnessData.Builder b = FairnessData.builder().labels(labels).predictions(predictions)
                .sensitive("group", groups);
        if (weights != null) {
            b.weights(weights);
        }
        return Fairness.of(b.build()).metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                Metrics.FALSE_POSITIVE_RATE, Metrics.ACCURACY).evaluate();
    }

    private static String value(Disparity d) {
        return d.isDefined() ? String.format(Locale.ROOT, "%.4f", d.asDouble()) : "undefined";
    }

    /**
     * {@code fairkit mitigate reweigh}: Kamiran and Calders' reweighing (fairness-mitigation's {@link Reweighing}):
     * the weight {@code P(g) P(y) / P(g, y)} per (group, label) cell, times the row's input weight, appended as a
     * column; the weighted base rate of every group then equals the overall base rate, which is printed as evidence.
     */
    @Command(name = "reweigh", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Reweigh rows so that the label is independent of the group (Kamiran & Calders 2012).")
    static final class Reweigh implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Columns columns;

        @Option(names = "--column", paramLabel = "NAME", defaultValue = "fairkit_weight",
                description = "The appended column (default ${DEFAULT-VALUE}).")
        String column;

        @Mixin
        ProgressOption progress;

        @Override
        public Integer call() throws Exception {
            CsvTable table = Inputs.table("--data", columns.data);
            if (table.header().contains(column)) {
                throw CliException.badInput(CliErrors.columnExists(column, table.file()));
            }
            LabeledRows rows;
            double[] weights;
            Reweighing.Fitted fitted;
            try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
                rows = LabeledRows.read(table, columns.label, columns.labelValues(), null, columns.groupColumns(),
                        columns.weight, p);
                p.phase("reweighing");
                double[] input = rows.weights().orElse(null);
                fitted = Reweighing.byGroupColumn().fit(rows.labels(), rows.groups(), input);
                weights = fitted.weights(rows.labels(), rows.groups(), input);
                p.phase("writing " + columns.write);
                write(table, columns.write, List.of(column), i -> new String[] {Double.toString(weights[i])});
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println(fitted);
            w.println("Weighted base rate by group, before -> after:");
            Map<String, double[]> sums = new LinkedHashMap<>();
            double[] input = rows.weights().orElse(null);
            for (int i = 0; i < rows.rows(); i++) {
                double[] s = sums.computeIfAbsent(rows.groups()[i], g -> new double[4]);
                double before = input == null ? 1 : input[i];
                s[0] += before;
                s[1] += before * rows.labels()[i];
                s[2] += weights[i];
                s[3] += weights[i] * rows.labels()[i];
            }
            sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> w.printf(Locale.ROOT,
                    "  %-20s %.4f -> %s%n", e.getKey(), e.getValue()[1] / e.getValue()[0], e.getValue()[2] == 0
                            ? "undefined (no weight)" : String.format(Locale.ROOT, "%.4f",
                                    e.getValue()[3] / e.getValue()[2])));
            w.printf(Locale.ROOT, "Wrote %s: the rows of %s with '%s' appended%n", columns.write, table.file(), column);
            w.flush();
            return ExitCode.OK;
        }
    }

    /**
     * {@code fairkit mitigate threshold}: Hardt, Price and Srebro's group-specific (randomized) thresholds on a score
     * (fairness-mitigation's {@link ThresholdOptimizer}), fitted on {@code --data} under a constraint, written as
     * the probability of a positive decision and a seeded fair decision per row; prints the rules learned and the
     * demographic parity and equalized odds differences before (with {@code --prediction}) and after.
     */
    @Command(name = "threshold", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Post-process scores into group-fair decisions (Hardt, Price & Srebro 2016).")
    static final class Threshold implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Columns columns;

        @Option(names = "--score", required = true, paramLabel = "COLUMN", description = "The score's column, in [0, 1].")
        String score;

        @Option(names = "--prediction", paramLabel = "COLUMN",
                description = "The model's current decisions, to compare with (1/0).")
        String prediction;

        @Option(names = "--constraint", paramLabel = "ID", defaultValue = "equalized_odds",
                description = "demographic_parity, equalized_odds (default), true_positive_rate_parity or "
                        + "false_positive_rate_parity.")
        String constraint;

        @Option(names = "--objective", paramLabel = "ID", defaultValue = "accuracy",
                description = "accuracy (default) or balanced_accuracy.")
        String objective;

        @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0",
                description = "Largest allowed difference between two groups' constrained rates (default 0).")
        double tolerance;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "Seed of the randomized decisions (default ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        ProgressOption progress;

        @Override
        public Integer call() throws Exception {
            Constraint c = Constraint.byId(constraint.strip().toLowerCase(Locale.ROOT));
            Objective o = objective(objective);
            CsvTable table = Inputs.table("--data", columns.data);
            LabeledRows rows;
            ThresholdOptimizer.Fitted fitted;
            double[] probability;
            int[] fair;
            try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
                rows = LabeledRows.read(table, columns.label, columns.labelValues(), prediction, BinaryValues.ZERO_ONE,
                        score, columns.groupColumns(), columns.weight, p);
                p.phase("fitting thresholds (" + c + ")");
                ThresholdOptimizer optimizer = ThresholdOptimizer.constraint(c).objective(o).tolerance(tolerance)
                        .seed(seed);
                double[] s = rows.scores().orElseThrow();
                fitted = optimizer.fit(s, rows.labels(), rows.groups(), rows.weights().orElse(null));
                probability = fitted.probabilityOfPositive(s, rows.groups());
                fair = fitted.predict(s, rows.groups());
                p.phase("writing " + columns.write);
                write(table, columns.write, List.of("fair_probability", "fair_prediction"),
                        i -> new String[] {Double.toString(probability[i]), Integer.toString(fair[i])});
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println(fitted);
            FairnessReport after = report(rows.labels(), fair, rows.groups(), rows.weights().orElse(null));
            w.printf(Locale.ROOT, "%-32s %10s %10s%n", "on the fitting rows", "before", "after");
            FairnessReport before = rows.predictions().map(pr -> report(rows.labels(), pr, rows.groups(),
                    rows.weights().orElse(null))).orElse(null);
            for (FairnessMetric m : List.of(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                    FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)) {
                w.printf(Locale.ROOT, "%-32s %10s %10s%n", m.id(), before == null ? "-" : value(before.fairness(m)),
                        value(after.fairness(m)));
            }
            w.printf(Locale.ROOT, "%-32s %10s %10s%n", "accuracy", before == null ? "-" : String.format(Locale.ROOT,
                    "%.4f", before.overall(Metrics.ACCURACY).value()), String.format(Locale.ROOT, "%.4f",
                            after.overall(Metrics.ACCURACY).value()));
            w.printf(Locale.ROOT, "Wrote %s: the rows of %s with 'fair_probability' and 'fair_prediction' (seed %d) "
                    + "appended%n", columns.write, table.file(), seed);
            w.flush();
            return ExitCode.OK;
        }

        /** {@code accuracy} or {@code balanced_accuracy} (also Fairlearn's {@code accuracy_score} ids). */
        private static Objective objective(String id) {
            return Objective.byId(id.strip().toLowerCase(Locale.ROOT));
        }
    }
}
