package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairkit.mitigation.reductions.Classifier;
import org.fairkit.mitigation.reductions.ConstraintEvaluation;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.GridSearch;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.fairkit.mitigation.reductions.ParetoFront;
import org.fairkit.mitigation.reductions.ParityConstraint;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.orchestration.io.Decimals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit mitigate reduce}: train a classifier under a parity constraint with fairness-mitigation's
 * reductions ({@link ExponentiatedGradient} or {@link GridSearch}, Agarwal et al. 2018) and its built-in L2 logistic
 * regression, on the feature columns of a CSV file; print what was learned and the accuracy and disparity on the
 * fitting and the evaluation rows; optionally write the rows with {@code fair_prediction} (seeded) and
 * {@code fair_probability} (the expected prediction) appended.
 *
 * <pre>
 * fairkit.cli.mitigate/1 { "schema", "method", "constraint", "bound", "fit": EVAL, "evaluate": EVAL,
 *                          "model": { method-specific }, "grid": [ { "lambda", "fit", "evaluate" } ],
 *                          "best_index", "pareto" }          (grid, best_index, pareto: grid search only)
 * EVAL                   { "rows", "accuracy", "disparity", "disparity_between_groups",
 *                          "selection_rate": { level: r }, "rates": { event: { "overall", level: r } } }
 * </pre>
 * Accuracy and rates of exponentiated gradient's randomized mixture are expected values (the mean of each row's
 * probability of a positive prediction); {@code disparity} is the largest constraint violation as Fairlearn's
 * moments define it, {@code disparity_between_groups} the largest difference between two groups. The Pareto
 * indices are those of the grid points that no other point beats on both accuracy and {@code disparity} on the
 * evaluation rows (exact comparisons).
 */
@Command(name = "reduce", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Train a classifier under a fairness constraint (exponentiated gradient or grid search, "
                + "Agarwal et al. 2018).")
final class ReduceCommand implements Callable<Integer> {
    static final String SCHEMA = "fairkit.cli.mitigate/1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV to fit on.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column.")
    String label;

    @Option(names = "--features", required = true, split = ",", paramLabel = "COLUMN",
            description = "The numeric feature columns of the classifier.")
    List<String> features;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
            description = "The group columns (several: their intersection).")
    List<String> sensitive;

    @Option(names = "--method", required = true, paramLabel = "ID",
            description = "exponentiated_gradient or grid_search.")
    String method;

    @Option(names = "--constraint", required = true, paramLabel = "ID",
            description = "demographic_parity, equalized_odds, true_positive_rate_parity, "
                    + "false_positive_rate_parity or error_rate_parity.")
    String constraint;

    @Option(names = "--difference-bound", paramLabel = "B",
            description = "The constraint's difference bound (default 0.01).")
    Double differenceBound;

    @Option(names = "--ratio-bound", paramLabel = "R", description = "A ratio bound in (0, 1] instead.")
    Double ratioBound;

    @Option(names = "--eps", paramLabel = "EPS", defaultValue = "0.01",
            description = "Exponentiated gradient: the multipliers' bound is 1/EPS (default ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "50",
            description = "Exponentiated gradient: most iterations (default ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--eta0", paramLabel = "ETA", defaultValue = "2.0",
            description = "Exponentiated gradient: initial learning rate (default ${DEFAULT-VALUE}).")
    double eta0;

    @Option(names = "--grid-size", paramLabel = "N", defaultValue = "11",
            description = "Grid search: number of grid points (default ${DEFAULT-VALUE}).")
    int gridSize;

    @Option(names = "--grid-limit", paramLabel = "L", defaultValue = "2.0",
            description = "Grid search: largest L1 norm of a multiplier vector (default ${DEFAULT-VALUE}).")
    double gridLimit;

    @Option(names = "--constraint-weight", paramLabel = "W", defaultValue = "0.5",
            description = "Grid search: weight of the disparity when picking the best point (default "
                    + "${DEFAULT-VALUE}).")
    double constraintWeight;

    @Option(names = "--C", paramLabel = "C", defaultValue = "1.0",
            description = "Logistic regression: inverse L2 strength, scikit-learn's C (default ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--no-standardize",
            description = "Do not standardize the features (default: mean and population std of the fitting rows).")
    boolean noStandardize;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "A row weight's column.")
    String weight;

    @Mixin
    LabelValueOptions labelCells;

    @Mixin
    FitWhere fitWhere;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the randomized fair_prediction (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the rows with fair_prediction and fair_probability appended.")
    Path write;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: one document, schema " + SCHEMA + ".")
    Format format;

    @Override
    public Integer call() throws Exception {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("exponentiated_gradient") && !m.equals("grid_search")) {
            throw CliException.badInput(String.format(Locale.ROOT,
                    "--method: got '%s'; expected exponentiated_gradient or grid_search", method));
        }
        ParityConstraint pc = constraint();
        CsvTable table = Inputs.table("--data", data);
        BinaryValues labelValues = labelCells.valuesOrZeroOne(label);
        LabeledRows rows;
        try (Progress p = Progress.start(spec.commandLine().getErr(), false)) {
            rows = LabeledRows.read(table, label, labelValues, null, sensitive.stream().map(String::strip).toList(),
                    weight, p);
        }
        FeatureMatrix x = features(table, features);
        boolean[] fit = fitWhere.fitRows(table);
        boolean[] eval = new boolean[fit.length];
        for (int i = 0; i < fit.length; i++) {
            eval[i] = !fitWhere.present() || !fit[i];
        }
        double[] w = rows.weights().orElse(null);
        Subset fitRows = Subset.of(x, rows, w, fit);
        Subset evalRows = Subset.of(x, rows, w, eval);
        LogisticRegression learner = LogisticRegression.l2(c).standardize(!noStandardize);

        ObjectNode doc = F.objectNode();
        doc.put("schema", SCHEMA);
        doc.put("method", m);
        doc.put("constraint", pc.kind().id());
        doc.put("bound", pc.toString());
        double[] probability;
        int[] fair;
        String summary;
        if (m.equals("exponentiated_gradient")) {
            ExponentiatedGradient.Fitted eg = ExponentiatedGradient.constraint(pc).learner(learner).eps(eps)
                    .maxIter(maxIter).eta0(eta0).seed(seed)
                    .fit(fitRows.x, fitRows.labels, fitRows.groups, fitRows.weights);
            probability = eg.probabilityOfPositive(x);
            fair = eg.predict(x);
            doc.set("fit", evaluation(pc, probability, rows, w, fit));
            doc.set("evaluate", evaluation(pc, probability, rows, w, eval));
            doc.set("model", egModel(eg));
            summary = eg.toString();
        } else {
            GridSearch.Fitted gs = GridSearch.constraint(pc).learner(learner).gridSize(gridSize).gridLimit(gridLimit)
                    .constraintWeight(constraintWeight).fit(fitRows.x, fitRows.labels, fitRows.groups,
                            fitRows.weights);
            probability = gs.probabilityOfPositive(x);
            fair = gs.predict(x);
            doc.set("fit", evaluation(pc, probability, rows, w, fit));
            doc.set("evaluate", evaluation(pc, probability, rows, w, eval));
            doc.set("model", gsModel(gs));
            ArrayNode grid = doc.putArray("grid");
            double[] acc = new double[gs.grid().size()];
            double[] disp = new double[acc.length];
            for (int i = 0; i < acc.length; i++) {
                double[] p = asDoubles(gs.predictors().get(i).predict(x));
                ObjectNode point = grid.addObject();
                ArrayNode lam = point.putArray("lambda");
                for (double v : gs.grid().get(i)) {
                    lam.add(v);
                }
                point.set("fit", evaluation(pc, p, rows, w, fit));
                ObjectNode ev = evaluation(pc, p, rows, w, eval);
                point.set("evaluate", ev);
                acc[i] = ev.get("accuracy").asDouble();
                disp[i] = ev.get("disparity").asDouble();
            }
            doc.put("best_index", gs.bestIndex());
            ArrayNode pareto = doc.putArray("pareto");
            for (int i : ParetoFront.optimal(acc, disp)) {
                pareto.add(i);
            }
            summary = gs.toString();
        }
        if (write != null) {
            MitigateCommand.write(table, write, List.of("fair_prediction", "fair_probability"),
                    i -> new String[] {Integer.toString(fair[i]), Double.toString(probability[i])});
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.print(CliJson.write(doc));
        } else {
            out.println(summary);
            out.printf(Locale.ROOT, "%-26s %12s %12s%n", "", "fit", "evaluate");
            out.printf(Locale.ROOT, "%-26s %12d %12d%n", "rows", doc.get("fit").get("rows").asInt(),
                    doc.get("evaluate").get("rows").asInt());
            for (String k : List.of("accuracy", "disparity", "disparity_between_groups")) {
                out.printf(Locale.ROOT, "%-26s %12.4f %12.4f%n", k, doc.get("fit").get(k).asDouble(),
                        doc.get("evaluate").get(k).asDouble());
            }
            doc.get("fit").get("selection_rate").fieldNames().forEachRemaining(g -> out.printf(Locale.ROOT,
                    "%-26s %12s %12s%n", "selection rate " + g, rate(doc.get("fit").get("selection_rate").get(g)),
                    rate(doc.get("evaluate").get("selection_rate").get(g))));
            if (doc.has("best_index")) {
                out.printf(Locale.ROOT, "best grid point %d; Pareto-optimal on the evaluation rows: %s%n",
                        doc.get("best_index").asInt(), doc.get("pareto"));
            }
            if (write != null) {
                out.printf(Locale.ROOT, "Wrote %s: the rows of %s with 'fair_prediction' (seed %d) and "
                        + "'fair_probability' appended%n", write, table.file(), seed);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String rate(com.fasterxml.jackson.databind.JsonNode v) {
        return v == null || v.isNull() ? "-" : String.format(Locale.ROOT, "%.4f", v.asDouble());
    }

    private ParityConstraint constraint() {
        ParityConstraint pc;
        try {
            pc = ParityConstraint.of(ParityConstraint.Kind.byId(constraint.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--constraint: " + e.getMessage());
        }
        if (differenceBound != null && ratioBound != null) {
            throw CliException.badInput("--difference-bound and --ratio-bound exclude each other; give one");
        }
        if (differenceBound != null) {
            return pc.differenceBound(differenceBound);
        }
        return ratioBound == null ? pc : pc.ratioBound(ratioBound, 0.0);
    }

    /** The numeric feature columns of every row (also read by {@code fairkit tradeoff}). */
    static FeatureMatrix features(CsvTable table, List<String> columns) throws IOException {
        List<String> names = columns.stream().map(String::strip).toList();
        int[] idx = new int[names.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = table.column(names.get(j), "feature");
        }
        List<double[]> rowsOut = new java.util.ArrayList<>();
        table.forEach(r -> {
            double[] v = new double[idx.length];
            for (int j = 0; j < idx.length; j++) {
                String cell = r.cell(idx[j]).trim();
                double d;
                try {
                    d = Decimals.parse(cell);
                } catch (NumberFormatException e) {
                    d = Double.NaN;
                }
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "file '%s', line %d (data row %d), column '%s': got '%s'; expected a finite number",
                            table.file(), r.line(), r.dataRow(), names.get(j), cell));
                }
                v[j] = d;
            }
            rowsOut.add(v);
        });
        double[][] cols = new double[idx.length][rowsOut.size()];
        for (int i = 0; i < rowsOut.size(); i++) {
            for (int j = 0; j < idx.length; j++) {
                cols[j][i] = rowsOut.get(i)[j];
            }
        }
        return FeatureMatrix.ofColumns(names, cols);
    }

    private static double[] asDoubles(int[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i];
        }
        return out;
    }

    /** The rows selected by a mask. */
    private static final class Subset {
        FeatureMatrix x;
        int[] labels;
        String[] groups;
        double[] weights;

        static Subset of(FeatureMatrix x, LabeledRows rows, double[] w, boolean[] keep) {
            Subset s = new Subset();
            s.x = x.select(keep);
            int n = s.x.rows();
            s.labels = new int[n];
            s.groups = new String[n];
            s.weights = w == null ? null : new double[n];
            int o = 0;
            for (int i = 0; i < keep.length; i++) {
                if (keep[i]) {
                    s.labels[o] = rows.labels()[i];
                    s.groups[o] = rows.groups()[i];
                    if (w != null) {
                        s.weights[o] = w[i];
                    }
                    o++;
                }
            }
            return s;
        }
    }

    private static ObjectNode evaluation(ParityConstraint pc, double[] p, LabeledRows rows, double[] w,
            boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] pp = new double[n];
        int[] y = new int[n];
        String[] g = new String[n];
        double[] ww = w == null ? null : new double[n];
        int o = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                pp[o] = p[i];
                y[o] = rows.labels()[i];
                g[o] = rows.groups()[i];
                if (ww != null) {
                    ww[o] = w[i];
                }
                o++;
            }
        }
        ConstraintEvaluation e = ConstraintEvaluation.of(pc, pp, y, g, ww);
        ObjectNode out = F.objectNode();
        out.put("rows", e.rows());
        out.put("accuracy", e.accuracy());
        out.put("disparity", e.disparity());
        out.put("disparity_between_groups", e.disparityBetweenGroups());
        ObjectNode sel = out.putObject("selection_rate");
        e.selectionRate().forEach((k, v) -> {
            if (Double.isNaN(v)) {
                sel.putNull(k);
            } else {
                sel.put(k, v);
            }
        });
        ObjectNode rates = out.putObject("rates");
        for (Map.Entry<String, Map<String, Double>> ev : e.rates().entrySet()) {
            ObjectNode r = rates.putObject(ev.getKey());
            ev.getValue().forEach(r::put);
        }
        return out;
    }

    private static ObjectNode predictor(Classifier c) {
        ObjectNode o = F.objectNode();
        if (c instanceof LogisticRegression.Model) {
            LogisticRegression.Model m = (LogisticRegression.Model) c;
            o.put("type", "logistic_regression");
            ArrayNode coef = o.putArray("coef");
            for (double v : m.coefficients()) {
                coef.add(v);
            }
            o.put("intercept", m.intercept());
            o.put("standardized", m.scales().isPresent());
            ArrayNode raw = o.putArray("raw_coef");
            for (double v : m.rawCoefficients()) {
                raw.add(v);
            }
            o.put("raw_intercept", m.rawIntercept());
        } else {
            int[] one = c.predict(FeatureMatrix.ofColumns(new double[1]));
            o.put("type", "constant");
            o.put("value", one[0]);
        }
        return o;
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = F.arrayNode();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    private static ObjectNode egModel(ExponentiatedGradient.Fitted eg) {
        ObjectNode m = F.objectNode();
        ArrayNode index = m.putArray("constraint_index");
        eg.constraintIndex().forEach(index::add);
        ArrayNode preds = m.putArray("predictors");
        double[] weights = eg.weights();
        for (int j = 0; j < weights.length; j++) {
            ObjectNode p = predictor(eg.predictors().get(j));
            p.put("weight", weights[j]);
            p.set("lambda", vector(eg.predictorLambdas().get(j)));
            p.put("train_error", eg.predictorErrors()[j]);
            preds.add(p);
        }
        m.set("weights", vector(weights));
        m.set("multipliers", vector(eg.lastLambda()));
        m.put("best_gap", eg.bestGap());
        m.put("best_iter", eg.bestIteration());
        m.put("last_iter", eg.lastIteration());
        m.put("oracle_calls", eg.oracleCalls());
        m.put("constant_oracle_calls", eg.constantOracleCalls());
        m.put("nu", eg.nu());
        m.put("from_linear_program", eg.fromLinearProgram());
        m.put("mixture_source", eg.mixtureSource());
        return m;
    }

    private static ObjectNode gsModel(GridSearch.Fitted gs) {
        ObjectNode m = F.objectNode();
        ArrayNode index = m.putArray("constraint_index");
        gs.constraintIndex().forEach(index::add);
        ArrayNode basis = m.putArray("basis");
        gs.basis().forEach(basis::add);
        ArrayNode preds = m.putArray("predictors");
        for (int i = 0; i < gs.predictors().size(); i++) {
            ObjectNode p = predictor(gs.predictors().get(i));
            p.put("objective", gs.objectives()[i]);
            p.put("tradeoff_loss", gs.losses()[i]);
            preds.add(p);
        }
        m.put("best_index", gs.bestIndex());
        m.put("oracle_calls", gs.oracleCalls());
        m.put("constant_oracle_calls", gs.constantOracleCalls());
        return m;
    }
}
