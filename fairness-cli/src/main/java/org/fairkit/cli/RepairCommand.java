package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.core.group.GroupKey;
import org.fairkit.mitigation.preprocessing.DisparateImpactRemover;
import org.fairkit.mitigation.preprocessing.FeatureTable;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate repair}: fairness-mitigation's {@link DisparateImpactRemover} (Feldman et al. 2015, as
 * AIF360) on a CSV file. Fits on the {@code --fit-where} rows (default: all), moves every {@code --features} column
 * of every {@code --sensitive} group toward the groups' median distribution by {@code --repair-level}, and writes
 * every input row and column with the features replaced in place. Prints the model and, on the fitting and the
 * evaluation rows, each group's quantiles of each feature (numpy's linear rule) and mean, before and after.
 *
 * <pre>
 * fairkit.cli.mitigate/1 (method "repair")
 *   { "schema", "method", "source", "write", "quantiles": [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1],
 *     "fit" | "evaluate": { "rows", "features": { FEATURE: { "values_changed",
 *         "groups": { GROUP: { "rows", "mean_before", "mean_after", "quantiles_before", "quantiles_after" } } } } },
 *     "model": { "repair_level", "sensitive", "groups",
 *                "features": { FEATURE: { "buckets", "distinct_per_group": { GROUP: k }, "target_min",
 *                                         "target_max" } } } }
 * </pre>
 * A group without evaluation rows is left out of that section.
 */
@Command(name = "repair", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Repair features toward the groups' median distribution (Feldman et al. 2015, as AIF360).")
final class RepairCommand implements Callable<Integer> {
    /** The quantiles reported per group. */
    static final double[] QUANTILES = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};

    @Spec
    CommandSpec spec;

    @Mixin
    FeatureRows.Options options;

    @Option(names = "--repair-level", paramLabel = "L", defaultValue = "1.0",
            description = "How far to repair, in [0, 1] (default ${DEFAULT-VALUE}: fully; 0 changes nothing).")
    double level;

    @Mixin
    FitWhere fitWhere;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        if (!(level >= 0 && level <= 1)) {
            throw CliException.badInput("--repair-level: got " + level + "; expected a number in [0, 1]");
        }
        List<String> features = options.featureColumns();
        CsvTable csv = Inputs.table("--data", options.data);
        FeatureRows rows;
        DisparateImpactRemover.Fitted fitted;
        FeatureTable out;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            rows = FeatureRows.read(csv, features, options.sensitiveColumns(), fitWhere, p);
            p.phase("repairing");
            fitted = DisparateImpactRemover.repairLevel(level).groupBy(rows.group())
                    .fit(rows.rows(rows.table(), true));
            out = fitted.transform(rows.table());
            p.phase("writing " + options.write);
            rows.write(csv, options.write, out);
        }
        ObjectNode fit = rows.summary(out, true, RepairCommand::feature);
        ObjectNode evaluate = rows.summary(out, false, RepairCommand::feature);
        PrintWriter w = spec.commandLine().getOut();
        if (options.format == Format.JSON) {
            ObjectNode root = FeatureRows.document("repair", csv, options.write);
            ArrayNode qs = root.putArray("quantiles");
            Arrays.stream(QUANTILES).forEach(qs::add);
            root.set("fit", fit);
            root.set("evaluate", evaluate);
            root.set("model", model(fitted, rows));
            w.print(CliJson.write(root));
        } else {
            w.print(fitted);
            rows.printTables((what, s) -> table(w, what, s), fit, evaluate);
            w.printf(Locale.ROOT, "Wrote %s: the rows of %s with %s repaired in place (repair level %s)%n",
                    options.write, csv.file(), String.join(", ", features), level);
        }
        w.flush();
        return ExitCode.OK;
    }

    private static void feature(ObjectNode x, double[] b, double[] a, String[] groups, List<String> levels) {
        long changed = 0;
        for (int i = 0; i < b.length; i++) {
            changed += b[i] != a[i] ? 1 : 0;
        }
        x.put("values_changed", changed);
        ObjectNode gs = x.putObject("groups");
        for (String level : levels) {
            double[] gb = subset(b, groups, level);
            double[] ga = subset(a, groups, level);
            ObjectNode g = gs.putObject(level);
            g.put("rows", gb.length);
            g.put("mean_before", FeatureRows.mean(gb));
            g.put("mean_after", FeatureRows.mean(ga));
            ArrayNode qb = g.putArray("quantiles_before");
            Arrays.stream(quantiles(gb)).forEach(qb::add);
            ArrayNode qa = g.putArray("quantiles_after");
            Arrays.stream(quantiles(ga)).forEach(qa::add);
        }
    }

    private static double[] subset(double[] v, String[] groups, String level) {
        int n = 0;
        for (String g : groups) {
            n += g.equals(level) ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (groups[i].equals(level)) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    /**
     * {@code numpy.quantile(v, q)} with its default linear rule, operation for operation (virtual index
     * {@code (n - 1) q}; from the upper value when the fraction is at least 1/2), at {@link #QUANTILES}.
     */
    static double[] quantiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double[] out = new double[QUANTILES.length];
        int n = s.length;
        for (int k = 0; k < out.length; k++) {
            double vi = (n - 1) * QUANTILES[k];
            double lo = Math.floor(vi);
            double gamma = vi - lo;
            int i = (int) lo;
            double a = s[i];
            double b = s[Math.min(i + 1, n - 1)];
            double diff = b - a;
            out[k] = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
        }
        return out;
    }

    private static ObjectNode model(DisparateImpactRemover.Fitted f, FeatureRows rows) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("repair_level", f.level());
        m.put("sensitive", rows.group());
        ArrayNode groups = m.putArray("groups");
        List<String> labels = new ArrayList<>();
        for (GroupKey g : f.groups().groups()) {
            groups.add(g.label());
            labels.add(g.label());
        }
        ObjectNode fs = m.putObject("features");
        for (String feature : f.features()) {
            ObjectNode x = fs.putObject(feature);
            x.put("buckets", f.buckets(feature));
            ObjectNode per = x.putObject("distinct_per_group");
            int[] d = f.distinctPerGroup(feature);
            for (int g = 0; g < d.length; g++) {
                per.put(labels.get(g), d[g]);
            }
            double[] t = f.targets(feature);
            x.put("target_min", t[0]);
            x.put("target_max", t[t.length - 1]);
        }
        return m;
    }

    private static void table(PrintWriter w, String what, ObjectNode s) {
        w.printf(Locale.ROOT, "Quantiles (0, .1, .25, .5, .75, .9, 1) by group on the %s (%d), before -> after:%n",
                what, s.path("rows").asInt());
        s.path("features").fields().forEachRemaining(f -> f.getValue().path("groups").fields()
                .forEachRemaining(g -> w.printf(Locale.ROOT, "  %-16s %-16s %s -> %s%n", f.getKey(), g.getKey(),
                        list(g.getValue().path("quantiles_before")), list(g.getValue().path("quantiles_after")))));
    }

    private static String list(com.fasterxml.jackson.databind.JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(FeatureRows.number(v.asDouble()).length() > 10
                ? String.format(Locale.ROOT, "%.6g", v.asDouble()) : FeatureRows.number(v.asDouble())));
        return "[" + String.join(", ", out) + "]";
    }
}
