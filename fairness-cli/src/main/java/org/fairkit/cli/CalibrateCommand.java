package org.fairkit.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.mitigation.calibration.Binning;
import org.fairkit.mitigation.calibration.Calibration;
import org.fairkit.mitigation.calibration.CalibrationMetrics;
import org.fairkit.mitigation.calibration.CalibrationReport;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit calibrate}: measures per-group calibration of a model's scores (Brier, log loss, ECE, MCE per group
 * and their gaps), fits a calibration map per group (or one for all rows with {@code --global}) with
 * fairness-mitigation's {@link Calibration}, and measures again. With {@code --test FILE} the maps are fitted on
 * {@code --data} and measured on the test file (as they should be: an isotonic fit measured on its own training
 * rows is optimistic); without it both measurements are in-sample and the output says so. {@code --write FILE}
 * writes the measured file's rows with the calibrated score appended.
 */
@Command(name = "calibrate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Measure per-group calibration, fit calibration maps (per group by default) and measure again.")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV to fit on.")
    Path data;

    @Option(names = "--test", paramLabel = "FILE",
            description = "A CSV with the same columns to measure on (default: in-sample, on --data).")
    Path test;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column.")
    String label;

    @Option(names = "--score", required = true, paramLabel = "COLUMN", description = "The score's column, in [0, 1].")
    String score;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
            description = "The group columns (several: their intersection).")
    List<String> sensitive;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "A row weight's column.")
    String weight;

    @Mixin
    LabelValueOptions labelCells;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "isotonic",
            description = "isotonic (default), platt, beta, temperature or histogram.")
    String method;

    @Option(names = "--global", description = "One map for all rows instead of one per group.")
    boolean global;

    @Option(names = "--min-group-size", paramLabel = "N", defaultValue = "" + Calibration.DEFAULT_MIN_GROUP_SIZE,
            description = "Smaller groups use the all-rows map (default ${DEFAULT-VALUE}); also the smallest group "
                    + "the calibration gaps compare.")
    int minGroupSize;

    @Option(names = "--bins", paramLabel = "K", defaultValue = "10",
            description = "Bins of ECE/MCE and of the histogram method (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--binning", paramLabel = "equal_width|equal_mass", defaultValue = "equal_width",
            description = "Bin edges (default ${DEFAULT-VALUE}).")
    String binning;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the measured file's rows with the calibrated score appended.")
    Path write;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "calibrated_score",
            description = "The appended column's name (default ${DEFAULT-VALUE}).")
    String column;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        Inputs.range("--bins", bins, 1, Inputs.MAX_BINS, "bins");
        Inputs.range("--min-group-size", minGroupSize, 0, Integer.MAX_VALUE, "rows");
        Binning b = binning();
        Calibration calibration = calibration(b);
        if (!global) {
            calibration = calibration.minGroupSize(minGroupSize);
        }
        BinaryValues values = labelCells.valuesOrZeroOne(label);
        List<String> groupsBy = sensitive.stream().map(String::strip).toList();
        CsvTable fitTable = Inputs.table("--data", data);
        CsvTable measureTable = test == null ? fitTable : Inputs.table("--test", test);
        if (write != null && measureTable.header().contains(column)) {
            throw CliException.badInput(CliErrors.columnExists(column, measureTable.file()));
        }
        LabeledRows fit;
        LabeledRows measure;
        Calibration.Fitted calibrator;
        CalibrationReport before;
        CalibrationReport after;
        double[] calibrated;
        CalibrationMetrics metrics = CalibrationMetrics.bins(bins, b).minGroupSize(minGroupSize);
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            fit = LabeledRows.read(fitTable, label, values, score, groupsBy, weight, p);
            measure = test == null ? fit : LabeledRows.read(measureTable, label, values, score, groupsBy, weight, p);
            p.phase("fitting " + calibration + (global ? ", global" : ", per group"));
            double[] fitScores = fit.scores().orElseThrow();
            calibrator = global
                    ? fit.weights().map(w -> calibration(b).fit(fitScores, fit.labels(), w))
                            .orElseGet(() -> calibration(b).fit(fitScores, fit.labels()))
                    : fitPerGroup(calibration, fit);
            double[] scores = measure.scores().orElseThrow();
            calibrated = global ? calibrator.apply(scores) : calibrator.apply(scores, measure.groups());
            p.phase("measuring");
            before = evaluate(metrics, scores, measure);
            after = evaluate(metrics, calibrated, measure);
        }
        PrintWriter w = spec.commandLine().getOut();
        String where = test == null ? "in-sample, on " + data + " (optimistic: pass --test FILE to measure on rows "
                + "the maps were not fitted on)" : "on " + test;
        w.printf(Locale.ROOT, "Calibration of '%s' by %s, measured %s%n%n", score, String.join(" x ", groupsBy),
                where);
        w.println("Before:");
        w.println(before);
        w.println(calibrator);
        w.println("After:");
        w.println(after);
        w.printf(Locale.ROOT, "ECE gap between groups: %s before, %s after%n", cell(before.eceDifference().value()),
                cell(after.eceDifference().value()));
        if (write != null) {
            write(measureTable, calibrated);
            w.printf(Locale.ROOT, "Wrote %s: the rows of %s with '%s' appended%n", write, measureTable.file(),
                    column);
        }
        w.flush();
        return ExitCode.OK;
    }

    private static String cell(org.fairkit.core.metrics.MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined (" + v.reason().orElse("")
                + ")";
    }

    private static Calibration.Fitted fitPerGroup(Calibration c, LabeledRows fit) {
        double[] s = fit.scores().orElseThrow();
        return fit.weights().map(w -> c.fit(s, fit.labels(), fit.groups(), w))
                .orElseGet(() -> c.fit(s, fit.labels(), fit.groups()));
    }

    private static CalibrationReport evaluate(CalibrationMetrics m, double[] scores, LabeledRows rows) {
        return rows.weights().map(w -> m.evaluate(scores, rows.labels(), rows.groups(), w))
                .orElseGet(() -> m.evaluate(scores, rows.labels(), rows.groups()));
    }

    private Binning binning() {
        switch (binning.strip().toLowerCase(Locale.ROOT)) {
            case "equal_width":
                return Binning.EQUAL_WIDTH;
            case "equal_mass":
                return Binning.EQUAL_MASS;
            default:
                throw CliException.badInput("--binning: unknown binning '" + binning
                        + "'; valid: equal_width, equal_mass");
        }
    }

    private Calibration calibration(Binning b) {
        switch (method.strip().toLowerCase(Locale.ROOT)) {
            case "isotonic":
                return Calibration.isotonic();
            case "platt":
                return Calibration.platt();
            case "beta":
                return Calibration.beta();
            case "temperature":
                return Calibration.temperature();
            case "histogram":
                return Calibration.histogram(bins, b);
            default:
                throw CliException.badInput("--method: unknown calibration method '" + method
                        + "'; valid: isotonic, platt, beta, temperature, histogram");
        }
    }

    private void write(CsvTable table, double[] calibrated) throws java.io.IOException {
        List<String> columns = new java.util.ArrayList<>(table.header());
        columns.add(column);
        AtomicFiles.write(write, out -> {
            try (SequenceWriter csv = CsvTable.writer(out, columns)) {
                table.forEach(r -> csv.write(r.cellsWith(Double.toString(calibrated[(int) r.dataRow() - 1]))));
            }
        });
    }
}
