package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate calibrated-eo}: Pleiss et al.'s calibrated equalized odds (fairness-mitigation's
 * {@link CalibratedEqualizedOdds}, AIF360's {@code CalibratedEqOddsPostprocessing} with mixing rates clipped to
 * [0, 1]), fitted on the {@code --fit-where} rows (default all), applied to every row: prints the mixing rates and
 * the expected per-group rates on the fitting and evaluation rows; {@code --write} appends {@code fair_probability}
 * ({@code P(yhat = 1)}) and {@code fair_prediction} (seeded draw) to every input row.
 */
@Command(name = "calibrated-eo", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Calibrated equalized odds: mix one group's scores with its base rate to equalize a "
                + "generalized error rate (Pleiss et al. 2017).")
final class CalibratedEoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PostprocessRows.Input input;

    @Option(names = "--cost", paramLabel = "fnr|fpr|weighted", defaultValue = "weighted",
            description = "The generalized rate to equalize (default ${DEFAULT-VALUE}, AIF360's default).")
    String cost;

    @Mixin
    FitWhere fitWhere;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the randomized decisions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write every input row with fair_probability and fair_prediction appended.")
    Path write;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json (fairkit.cli.mitigate/1).")
    Format format;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        Cost c;
        try {
            c = Cost.byId(cost.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--cost: " + e.getMessage());
        }
        PostprocessRows rows;
        CalibratedEqualizedOdds.Fitted fitted;
        double[] probability;
        int[] fair;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            rows = input.read(fitWhere, p);
            p.phase("fitting calibrated equalized odds (" + c + ")");
            fitted = CalibratedEqualizedOdds.cost(c).privileged(input.privileged).seed(seed)
                    .fit(rows.fitScores(), rows.fitLabels(), rows.fitGroups());
            probability = fitted.probabilityOfPositive(rows.scores(), rows.rows.groups());
            fair = fitted.predict(rows.scores(), rows.rows.groups());
            if (write != null) {
                p.phase("writing " + write);
                MitigateCommand.write(rows.table, write, List.of("fair_probability", "fair_prediction"),
                        i -> new String[] {Double.toString(probability[i]), Integer.toString(fair[i])});
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            ObjectNode doc = rows.document("calibrated_eo", probability);
            ObjectNode m = doc.putObject("model");
            m.put("cost", c.id());
            m.put("threshold", fitted.threshold());
            m.put("seed", seed);
            m.put("privileged", fitted.privilegedGroup());
            fitted.unprivilegedGroups().forEach(m.putArray("unprivileged")::add);
            for (boolean priv : new boolean[] {true, false}) {
                ObjectNode r = m.putObject(priv ? "privileged_role" : "unprivileged_role");
                r.put("base_rate", fitted.baseRate(priv));
                r.put("cost_before", fitted.costBefore(priv));
                r.put("trivial_cost", fitted.trivialCost(priv));
                r.put("mix_rate", fitted.mixRate(priv));
                if (fitted.aif360MixRate(priv).isDefined()) {
                    r.put("aif360_mix_rate", fitted.aif360MixRate(priv).value());
                } else {
                    r.putNull("aif360_mix_rate");
                }
                r.put("cost_after", fitted.costAfter(priv));
            }
            m.put("equalized", fitted.equalized());
            w.print(CliJson.write(doc));
        } else {
            w.println(fitted);
            rows.printRates(w, probability, "expected values of the randomized decisions");
            if (write != null) {
                w.printf(Locale.ROOT, "Wrote %s: the rows of %s with 'fair_probability' and 'fair_prediction' "
                        + "(seed %d) appended%n", write, rows.table.file(), seed);
            }
        }
        w.flush();
        return ExitCode.OK;
    }
}
