package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.mitigation.preprocessing.CorrelationRemover;
import org.fairkit.mitigation.preprocessing.FeatureTable;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate decorrelate}: fairness-mitigation's {@link CorrelationRemover} on a CSV file. Fits on the
 * {@code --fit-where} rows (default: all), removes from every {@code --features} column its linear dependence on
 * the indicators of the {@code --sensitive} groups (every group but the first), mixed with the original by
 * {@code --alpha}, and writes every input row and column with the features replaced in place. Prints the model and,
 * on the fitting and the evaluation rows, each feature's mean and its Pearson correlation with each group's
 * indicator, before and after.
 *
 * <pre>
 * fairkit.cli.mitigate/1 (method "decorrelate")
 *   { "schema", "method", "source", "write",
 *     "fit" | "evaluate": { "rows", "features": { FEATURE: { "mean_before", "mean_after",
 *                           "correlation_before": { GROUP: VALUE }, "correlation_after": { GROUP: VALUE } } } },
 *     "model": { "centering", "alpha", "sensitive", "groups", "indicators", "means",
 *                "beta": { INDICATOR: { FEATURE: b } } } }
 * </pre>
 * A correlation is undefined (VALUE {@code {"value": null, "undefined": reason}}) when the feature is constant on
 * the rows, or the group has none or all of them.
 */
@Command(name = "decorrelate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Remove the features' linear correlation with the groups (Fairlearn's CorrelationRemover).")
final class DecorrelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FeatureRows.Options options;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1.0",
            description = "How much of the projection to apply, in [0, 1] (default ${DEFAULT-VALUE}: all).")
    double alpha;

    @Option(names = "--centering", paramLabel = "ID", defaultValue = "per-column",
            description = "per-column (default: each indicator by its own mean, the output is uncorrelated) or "
                    + "fairlearn-scalar (Fairlearn 0.13's one mean over all indicators; the same with two groups).")
    String centering;

    @Mixin
    FitWhere fitWhere;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        CorrelationRemover remover = switch (centering.strip().toLowerCase(Locale.ROOT)) {
            case "per-column" -> CorrelationRemover.perColumnMean();
            case "fairlearn-scalar" -> CorrelationRemover.fairlearnScalarMean();
            default -> throw CliException.badInput("--centering: got '" + centering
                    + "'; expected per-column or fairlearn-scalar");
        };
        if (!(alpha >= 0 && alpha <= 1)) {
            throw CliException.badInput("--alpha: got " + alpha + "; expected a number in [0, 1]");
        }
        List<String> features = options.featureColumns();
        CsvTable csv = Inputs.table("--data", options.data);
        FeatureRows rows;
        CorrelationRemover.Fitted fitted;
        FeatureTable out;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            rows = FeatureRows.read(csv, features, options.sensitiveColumns(), fitWhere, p);
            p.phase("decorrelating");
            fitted = remover.alpha(alpha).groupBy(rows.group()).fit(rows.rows(rows.table(), true));
            out = fitted.transform(rows.table());
            p.phase("writing " + options.write);
            rows.write(csv, options.write, out);
        }
        ObjectNode fit = rows.summary(out, true, DecorrelateCommand::feature);
        ObjectNode evaluate = rows.summary(out, false, DecorrelateCommand::feature);
        PrintWriter w = spec.commandLine().getOut();
        if (options.format == Format.JSON) {
            ObjectNode root = FeatureRows.document("decorrelate", csv, options.write);
            root.set("fit", fit);
            root.set("evaluate", evaluate);
            root.set("model", model(fitted, rows));
            w.print(CliJson.write(root));
        } else {
            w.print(fitted);
            rows.printTables((what, s) -> table(w, what, s), fit, evaluate);
            w.printf(Locale.ROOT, "Wrote %s: the rows of %s with %s decorrelated in place%n", options.write,
                    csv.file(), String.join(", ", features));
        }
        w.flush();
        return ExitCode.OK;
    }

    private static void feature(ObjectNode x, double[] b, double[] a, String[] groups, List<String> levels) {
        x.put("mean_before", FeatureRows.mean(b));
        x.put("mean_after", FeatureRows.mean(a));
        ObjectNode cb = x.putObject("correlation_before");
        ObjectNode ca = x.putObject("correlation_after");
        for (String level : levels) {
            cb.set(level, correlation(b, groups, level));
            ca.set(level, correlation(a, groups, level));
        }
    }

    /** Pearson's r between a feature and the 0/1 indicator of {@code level}, with its undefined cases. */
    static ObjectNode correlation(double[] x, String[] groups, String level) {
        int n = x.length;
        double mx = FeatureRows.mean(x);
        long in = 0;
        for (String g : groups) {
            in += g.equals(level) ? 1 : 0;
        }
        double ms = (double) in / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            sxy += dx * ((groups[i].equals(level) ? 1 : 0) - ms);
            sxx += dx * dx;
        }
        double sss = in * (1 - ms) * (1 - ms) + (n - in) * ms * ms;
        if (in == 0 || in == n) {
            return FeatureRows.value(0, "group '" + level + "' has " + (in == 0 ? "no" : "every") + " row");
        }
        if (!(sxx > 0)) {
            return FeatureRows.value(0, "the feature is constant on these rows");
        }
        return FeatureRows.value(sxy / Math.sqrt(sxx * sss), null);
    }

    private static ObjectNode model(CorrelationRemover.Fitted f, FeatureRows rows) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("centering", f.centering() == CorrelationRemover.Centering.PER_COLUMN_MEAN ? "per-column"
                : "fairlearn-scalar");
        m.put("alpha", f.alpha());
        m.put("sensitive", rows.group());
        ArrayNode groups = m.putArray("groups");
        f.groups().orElseThrow().groups().forEach(g -> groups.add(g.label()));
        ArrayNode ind = m.putArray("indicators");
        f.sensitiveColumns().forEach(ind::add);
        ArrayNode means = m.putArray("means");
        for (double v : f.means()) {
            means.add(v);
        }
        ObjectNode beta = m.putObject("beta");
        double[][] b = f.beta();
        for (int k = 0; k < b.length; k++) {
            ObjectNode row = beta.putObject(f.sensitiveColumns().get(k));
            for (int j = 0; j < f.features().size(); j++) {
                row.put(f.features().get(j), b[k][j]);
            }
        }
        return m;
    }

    private static void table(PrintWriter w, String what, ObjectNode s) {
        w.printf(Locale.ROOT, "Correlation with each group's indicator on the %s (%d), before -> after:%n", what,
                s.path("rows").asInt());
        s.path("features").fields().forEachRemaining(f -> {
            f.getValue().path("correlation_before").fields().forEachRemaining(g -> w.printf(Locale.ROOT,
                    "  %-20s %-20s %10s -> %s%n", f.getKey(), g.getKey(), text(g.getValue()),
                    text(f.getValue().path("correlation_after").path(g.getKey()))));
        });
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.path("value").isNull()) {
            return "undefined";
        }
        double x = v.path("value").asDouble();
        // no "-0.0000" for a correlation that rounding left at -1e-17
        return String.format(Locale.ROOT, "%.4f", Math.abs(x) < 5e-5 ? 0.0 : x);
    }
}
