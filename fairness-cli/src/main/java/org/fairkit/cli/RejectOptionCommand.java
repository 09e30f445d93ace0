package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate reject-option}: Kamiran, Karim and Zhang's reject option classification
 * (fairness-mitigation's {@link RejectOptionClassification}): a classification threshold and a margin around it in
 * which the unprivileged rows get the favorable decision and the privileged rows the unfavorable one, chosen on the
 * {@code --fit-where} rows (default all) for the best balanced accuracy within {@code --bound} of parity; the exact
 * search by default, AIF360's grid with {@code --search aif360_grid}. {@code --write} appends {@code fair_prediction}.
 */
@Command(name = "reject-option", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Reject option classification: favor the unprivileged group near the decision boundary "
                + "(Kamiran, Karim & Zhang 2012).")
final class RejectOptionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PostprocessRows.Input input;

    @Option(names = "--metric", paramLabel = "ID", defaultValue = "statistical_parity",
            description = "statistical_parity (default), average_odds or equal_opportunity.")
    String metric;

    @Option(names = "--bound", paramLabel = "B", defaultValue = "0.05",
            description = "Largest allowed |metric| on the fitting rows (default ${DEFAULT-VALUE}).")
    double bound;

    @Option(names = "--search", paramLabel = "exact|aif360_grid", defaultValue = "exact",
            description = "exact (default: every distinct outcome) or aif360_grid (AIF360's 100 x 50 grid).")
    String search;

    @Mixin
    FitWhere fitWhere;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write every input row with fair_prediction appended.")
    Path write;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json (fairkit.cli.mitigate/1).")
    Format format;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        Metric m;
        try {
            m = Metric.byId(metric.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--metric: " + e.getMessage());
        }
        String mode = search.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("exact") && !mode.equals("aif360_grid")) {
            throw CliException.badInput("--search: unknown search '" + search + "'; valid: exact, aif360_grid");
        }
        if (!(bound >= 0 && bound <= 1)) {
            throw CliException.badInput("--bound: got " + bound + "; expected a number in [0, 1]");
        }
        PostprocessRows rows;
        RejectOptionClassification.Fitted fitted;
        int[] fair;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            rows = input.read(fitWhere, p);
            p.phase("searching threshold and margin (" + mode + ")");
            RejectOptionClassification roc = RejectOptionClassification.metric(m).bound(bound).privileged(input.privileged);
            if (mode.equals("aif360_grid")) {
                roc = roc.grid(Grid.aif360());
            }
            fitted = roc.fit(rows.fitScores(), rows.fitLabels(), rows.fitGroups());
            fair = fitted.predict(rows.scores(), rows.rows.groups());
            if (write != null) {
                p.phase("writing " + write);
                MitigateCommand.write(rows.table, write, List.of("fair_prediction"),
                        i -> new String[] {Integer.toString(fair[i])});
            }
        }
        double[] decisions = new double[fair.length];
        for (int i = 0; i < fair.length; i++) {
            decisions[i] = fair[i];
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            ObjectNode doc = rows.document("reject_option", decisions);
            ObjectNode o = doc.putObject("model");
            o.put("metric", m.id());
            o.put("bound", bound);
            o.put("search", mode);
            o.put("privileged", fitted.privilegedGroup());
            fitted.unprivilegedGroups().forEach(o.putArray("unprivileged")::add);
            o.put("classification_threshold", fitted.classificationThreshold());
            o.put("roc_margin", fitted.margin());
            o.put("unprivileged_threshold", fitted.unprivilegedThreshold());
            o.put("privileged_threshold", fitted.privilegedThreshold());
            o.put("fit_metric", fitted.metricValue());
            o.put("fit_balanced_accuracy", fitted.balancedAccuracy());
            o.put("feasible", fitted.feasible());
            fitted.gridReplay().ifPresentOrElse(r -> {
                ObjectNode g = o.putObject("grid_replay");
                g.put("points", r.points());
                g.put("feasible", r.feasible());
                g.put("tied", r.tied());
                g.put("threshold_index", r.thresholdIndex());
                g.put("margin_index", r.marginIndex());
            }, () -> o.putNull("grid_replay"));
            w.print(CliJson.write(doc));
        } else {
            w.println(fitted);
            rows.printRates(w, decisions, "decisions");
            if (write != null) {
                w.printf(Locale.ROOT, "Wrote %s: the rows of %s with 'fair_prediction' appended%n", write,
                        rows.table.file());
            }
        }
        w.flush();
        return ExitCode.OK;
    }
}
