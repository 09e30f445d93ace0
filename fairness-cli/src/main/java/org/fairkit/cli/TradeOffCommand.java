package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.Objective;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.GridSearch;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.fairkit.mitigation.reductions.ParityConstraint;
import org.fairkit.mitigation.tradeoff.Frontier;
import org.fairkit.mitigation.tradeoff.Sweep;
import org.fairkit.mitigation.tradeoff.Sweeps;
import org.fairkit.mitigation.tradeoff.TradeOff;
import org.fairkit.mitigation.tradeoff.TradeOffPoint;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ReportContent;
import org.fairkit.reports.TradeOffView;
import org.fairkit.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit tradeoff}: the fairness–accuracy trade-off of one mitigator's knob (fairness-mitigation's
 * {@link TradeOff}): the threshold optimizer's tolerance ({@code --method threshold}), exponentiated gradient's
 * {@code eps} ({@code exponentiated_gradient}) or grid search's grid points ({@code grid_search}, fitted once; each
 * point's JSON gains its {@code lambda}). It fits the mitigator at each value on the {@code --fit-where} rows and measures the performance
 * metric and the disparity, with intervals, on the other rows; marks the Pareto-optimal points and recommends one
 * with the reason. {@code --format json} prints {@code fairkit.cli.tradeoff/1}:
 *
 * <pre>
 * { "schema": "fairkit.cli.tradeoff/1", "source": FILE, "method", "constraint", "knob", "metric", "disparity",
 *   "bound", "seed", "fit_rows", "evaluate_rows", "intervals": "how they were computed",
 *   "points": [ { "index", "knob", "metric": VALUE, "disparity": VALUE, "distance_from_parity",
 *                 "distance_upper", "realized_metric": VALUE, "realized_disparity": VALUE, "randomized",
 *                 "pareto", "lambda": [...] (grid_search only) } ],
 *   "pareto": [indices], "recommended": index | null, "reason": "..." }
 * </pre>
 * VALUE as in {@code fairkit.report/1} ({@code {"value": x, "interval": {...}}} or {@code {"value": null,
 * "undefined": reason}}); {@code distance_upper} is null without an interval. {@code --dashboard FILE} writes the
 * fairness dashboard of the recommended point's (seeded) decisions on the evaluation rows, with the trade-off section.
 */
@Command(name = "tradeoff", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Sweep a mitigator's knob; show accuracy against disparity with intervals on held-out rows, "
                + "the Pareto-optimal points and the one to pick.")
final class TradeOffCommand implements Callable<Integer> {
    /** The threshold optimizer's tolerances swept without {@code --values}. */
    static final double[] THRESHOLD_VALUES = {0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3};
    /** Exponentiated gradient's eps values swept without {@code --values}. */
    static final double[] EPS_VALUES = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1};

    @Spec
    CommandSpec spec;

    @ParentCommand
    FairkitCommand parent;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV to fit and evaluate on.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column.")
    String label;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
            description = "The group columns (several: their intersection).")
    List<String> sensitive;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "threshold",
            description = "threshold (the threshold optimizer's tolerance; default), exponentiated_gradient (its "
                    + "eps) or grid_search (its grid points).")
    String method;

    @Option(names = "--score", paramLabel = "COLUMN", description = "The score's column, in [0, 1] (threshold).")
    String score;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "The numeric feature columns of the classifier (exponentiated_gradient, grid_search).")
    List<String> features;

    @Option(names = "--constraint", paramLabel = "ID", defaultValue = "demographic_parity",
            description = "demographic_parity (default), equalized_odds, true_positive_rate_parity, "
                    + "false_positive_rate_parity (or, for the reductions, error_rate_parity).")
    String constraint;

    @Option(names = "--difference-bound", paramLabel = "B",
            description = "Reductions: the constraint's difference bound (default 0.01).")
    Double differenceBound;

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

    @Option(names = "--C", paramLabel = "C", defaultValue = "1.0",
            description = "Logistic regression: inverse L2 strength, scikit-learn's C (default ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--no-standardize",
            description = "Do not standardize the features (default: mean and population std of the fitting rows).")
    boolean noStandardize;

    @Option(names = "--objective", paramLabel = "ID", defaultValue = "accuracy",
            description = "What the threshold optimizer maximizes: accuracy (default) or balanced_accuracy.")
    String objective;

    @Mixin
    FitWhere fitWhere;

    @Option(names = "--values", split = ",", paramLabel = "V",
            description = "The knob values (defaults: threshold 0,0.01,0.02,0.05,0.1,0.15,0.2,0.3; "
                    + "exponentiated_gradient 0.002,0.005,0.01,0.02,0.05,0.1; grid_search every grid point).")
    List<Double> values;

    @Option(names = "--metric", paramLabel = "ID", defaultValue = "accuracy",
            description = "The performance metric, any catalog metric where higher or lower is better "
                    + "(default ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--disparity", paramLabel = "ID",
            description = "The fairness metric (default: the constraint's: demographic_parity_difference, "
                    + "equalized_odds_difference or equal_opportunity_difference).")
    String disparity;

    @Option(names = "--bound", paramLabel = "B",
            description = "Largest acceptable distance from parity for the recommendation (default 0.05 for "
                    + "differences, 0.2 for ratios).")
    Double bound;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples of the intervals (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Interval level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the randomized decisions and the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "A row weight's column.")
    String weight;

    @Option(names = "--positive-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 1 (default 1); needs --negative-label.")
    List<String> positiveLabel;

    @Option(names = "--negative-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 0 (default 0); needs --positive-label.")
    List<String> negativeLabel;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: table (default) or json (fairkit.cli.tradeoff/1).")
    Format format;

    @Option(names = "--dashboard", paramLabel = "FILE",
            description = "Write the fairness dashboard of the recommended point, with the trade-off chart.")
    Path dashboard;

    @Mixin
    ProgressOption progress;

    /** What a method sweeps: the knob's name, its default values, a title and the sweep itself. */
    record Plan(String knob, double[] defaults, String title, Sweep sweep, List<double[]> lambdas) {
    }

    /** Fitting and evaluation rows, split by {@code --fit-where}, with their features when a method needs them. */
    record Split(LabeledRows fit, LabeledRows evaluate, FeatureMatrix fitX, FeatureMatrix evaluateX) {
    }

    @Override
    public Integer call() throws Exception {
        Inputs.range("--resamples", resamples, 1, 1_000_000, "resamples");
        if (!(level > 0 && level < 1)) {
            throw CliException.badInput("--level: expected a number in (0, 1), got " + level);
        }
        String m = method.strip().toLowerCase(Locale.ROOT);
        boolean threshold = needsScore(m);
        if (!threshold && !m.equals("exponentiated_gradient") && !m.equals("grid_search")) {
            throw CliException.badInput("--method: unknown method '" + method + "'; valid: threshold, "
                    + "exponentiated_gradient, grid_search");
        }
        if (!threshold && (features == null || features.isEmpty())) {
            throw CliException.badInput("--method " + m + " needs --features COLUMN,... (the classifier's inputs)");
        }
        String constraintId = constraint.strip().toLowerCase(Locale.ROOT);
        GroupMetric performance = Metrics.byId(metric.strip().toLowerCase(Locale.ROOT));
        FairnessMetric fairness = disparity == null ? defaultDisparity(constraintId)
                : FairnessMetric.byId(disparity.strip().toLowerCase(Locale.ROOT));
        CsvTable table = Inputs.table("--data", data);
        List<String> groupsBy = sensitive.stream().map(String::strip).toList();
        BinaryValues labels = DataOptions.values(positiveLabel, negativeLabel, "--positive-label", "--negative-label",
                label).orElse(BinaryValues.ZERO_ONE);
        Frontier frontier;
        Split split;
        Plan plan;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            boolean[] fitRows = fitWhere.fitRows(table);
            LabeledRows all = LabeledRows.read(table, label, labels, threshold ? requireScore(m) : null,
                    groupsBy, weight, p);
            FeatureMatrix x = threshold ? null : ReduceCommand.features(table, features);
            boolean[] evalRows = new boolean[fitRows.length];
            for (int i = 0; i < evalRows.length; i++) {
                evalRows[i] = !fitWhere.present() || !fitRows[i];
            }
            split = new Split(subset(all, fitRows, true), subset(all, evalRows, true),
                    x == null ? null : x.select(fitRows), x == null ? null : x.select(evalRows));
            p.phase("fitting (" + m + ")");
            plan = plan(m, constraintId, split);
            TradeOff t = TradeOff.sweep(plan.knob(), plan.sweep())
                    .values(values == null ? plan.defaults() : values.stream().mapToDouble(Double::doubleValue)
                            .toArray())
                    .metric(performance).disparity(fairness).seed(seed)
                    .intervals(Bootstrap.percentile(resamples).level(level).seed(seed));
            if (bound != null) {
                t = t.bound(bound);
            }
            p.phase("sweeping " + plan.knob() + " (" + plan.title() + ")");
            LabeledRows e = split.evaluate();
            frontier = t.evaluate(e.labels(), e.groups(), e.weights().orElse(null));
            if (dashboard != null) {
                p.phase("writing " + dashboard);
                writeDashboard(frontier, plan, split, groupsBy);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            w.print(CliJson.write(json(frontier, plan, constraintId, split)));
        } else {
            w.printf(Locale.ROOT, "%s on %s: fitted on %d rows%s, evaluated on %d%n", plan.title(), data,
                    split.fit().rows(), fitWhere.present() ? " (--fit-where " + fitWhere.condition + ")"
                            : " (all rows, so the evaluation is in-sample and optimistic; pass --fit-where COLUMN=VALUE to "
                            + "evaluate on held-out rows)",
                    split.evaluate().rows());
            w.print(frontier);
            if (dashboard != null) {
                w.printf(Locale.ROOT, "Wrote %s: the dashboard of the recommended point, with the trade-off%n",
                        dashboard);
            }
        }
        w.flush();
        return ExitCode.OK;
    }

    private static boolean needsScore(String method) {
        return method.equals("threshold") || method.equals("threshold_optimizer");
    }

    private String requireScore(String m) {
        if (score == null) {
            throw CliException.badInput("--method " + m + " needs --score COLUMN (the score the thresholds are set "
                    + "on)");
        }
        return score;
    }

    /**
     * The disparity a constraint bounds: its between-groups fairness metric (false positive rate parity: equalized
     * odds difference, whose larger part it bounds).
     */
    static FairnessMetric defaultDisparity(String constraintId) {
        return switch (constraintId) {
            case "demographic_parity" -> FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE;
            case "true_positive_rate_parity" -> FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE;
            case "false_positive_rate_parity", "equalized_odds" -> FairnessMetric.EQUALIZED_ODDS_DIFFERENCE;
            case "error_rate_parity" -> throw CliException.badInput("--constraint error_rate_parity: the catalog has "
                    + "no between-groups error rate metric; pass --disparity ID (e.g. equalized_odds_difference)");
            default -> throw CliException.badInput("--constraint: unknown constraint '" + constraintId
                    + "'; expected one of demographic_parity, equalized_odds, true_positive_rate_parity, "
                    + "false_positive_rate_parity, error_rate_parity");
        };
    }

    private Plan plan(String m, String constraintId, Split s) {
        switch (m) {
            case "threshold":
            case "threshold_optimizer": {
                Constraint c = Constraint.byId(constraintId);
                Objective o = Objective.byId(objective.strip().toLowerCase(Locale.ROOT));
                ThresholdOptimizer to = ThresholdOptimizer.constraint(c).objective(o).seed(seed);
                LabeledRows f = s.fit();
                LabeledRows e = s.evaluate();
                return new Plan("tolerance", THRESHOLD_VALUES, "threshold optimizer (" + c.id() + ", maximizing "
                        + o + ")", Sweeps.thresholdTolerance(to, f.scores().orElseThrow(), f.labels(),
                                f.groups(), f.weights().orElse(null), e.scores().orElseThrow(), e.groups()), null);
            }
            case "exponentiated_gradient": {
                ParityConstraint pc = parityConstraint(constraintId);
                ExponentiatedGradient eg = ExponentiatedGradient.constraint(pc).learner(learner()).maxIter(maxIter)
                        .eta0(eta0).seed(seed);
                return new Plan("eps", EPS_VALUES, "exponentiated gradient (" + pc + ")",
                        Sweeps.exponentiatedGradientEps(eg, s.fitX(), s.fit().labels(), s.fit().groups(),
                                s.fit().weights().orElse(null), s.evaluateX()), null);
            }
            default: {
                ParityConstraint pc = parityConstraint(constraintId);
                GridSearch.Fitted gs = GridSearch.constraint(pc).learner(learner()).gridSize(gridSize)
                        .gridLimit(gridLimit).fit(s.fitX(), s.fit().labels(), s.fit().groups(),
                                s.fit().weights().orElse(null));
                double[] points = new double[gs.grid().size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = i;
                }
                return new Plan("grid_point", points, "grid search (" + pc + ", " + points.length + " points)",
                        Sweeps.gridSearchPoints(gs, s.evaluateX()), gs.grid());
            }
        }
    }

    private LogisticRegression learner() {
        return LogisticRegression.l2(c).standardize(!noStandardize);
    }

    private ParityConstraint parityConstraint(String id) {
        ParityConstraint pc = ParityConstraint.of(ParityConstraint.Kind.byId(id));
        return differenceBound == null ? pc : pc.differenceBound(differenceBound);
    }

    /** The rows whose flag equals {@code want}. */
    static LabeledRows subset(LabeledRows rows, boolean[] flags, boolean want) {
        int n = 0;
        for (boolean b : flags) {
            n += b == want ? 1 : 0;
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == want) {
                idx[k++] = i;
            }
        }
        int[] y = Arrays.stream(idx).map(i -> rows.labels()[i]).toArray();
        String[] g = Arrays.stream(idx).mapToObj(i -> rows.groups()[i]).toArray(String[]::new);
        return new LabeledRows(y, rows.predictions().map(a -> Arrays.stream(idx).map(i -> a[i]).toArray()),
                rows.scores().map(a -> Arrays.stream(idx).mapToDouble(i -> a[i]).toArray()), g,
                rows.weights().map(a -> Arrays.stream(idx).mapToDouble(i -> a[i]).toArray()));
    }

    private ObjectNode json(Frontier f, Plan plan, String constraintId, Split s) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        root.put("schema", "fairkit.cli.tradeoff/1");
        root.put("source", data.toString());
        root.put("method", method.strip().toLowerCase(Locale.ROOT));
        root.put("constraint", constraintId);
        root.put("knob", f.knob());
        root.put("metric", f.metric().info().id());
        root.put("disparity", f.disparity().id());
        root.put("bound", f.bound());
        root.put("seed", seed);
        root.put("fit_rows", s.fit().rows());
        root.put("evaluate_rows", s.evaluate().rows());
        root.put("intervals", f.intervalMethod());
        ArrayNode points = root.putArray("points");
        ArrayNode pareto = nf.arrayNode();
        for (int i = 0; i < f.points().size(); i++) {
            TradeOffPoint p = f.points().get(i);
            ObjectNode o = points.addObject();
            o.put("index", i);
            o.put("knob", p.knob());
            o.set("metric", CliJson.value(p.metric(), p.metricInterval()));
            o.set("disparity", CliJson.value(p.disparity().value(), p.disparityInterval()));
            number(o, "distance_from_parity", p.distance());
            number(o, "distance_upper", p.distanceUpper());
            o.set("realized_metric", CliJson.value(p.realizedMetric(), Optional.empty()));
            o.set("realized_disparity", CliJson.value(p.realizedDisparity(), Optional.empty()));
            o.put("randomized", p.randomized());
            o.put("pareto", p.pareto());
            if (plan.lambdas() != null) {
                ArrayNode lambda = o.putArray("lambda");
                for (double v : plan.lambdas().get((int) p.knob())) {
                    lambda.add(v);
                }
            }
            if (p.pareto()) {
                pareto.add(i);
            }
        }
        root.set("pareto", pareto);
        if (f.recommendedIndex().isPresent()) {
            root.put("recommended", f.recommendedIndex().getAsInt());
        } else {
            root.putNull("recommended");
        }
        root.put("reason", f.reason());
        return root;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** The frontier as the documents show it. */
    static TradeOffView view(Frontier f, String title) {
        List<TradeOffView.Point> points = new ArrayList<>();
        for (TradeOffPoint p : f.points()) {
            points.add(new TradeOffView.Point(p.knob(), p.metric(), p.metricInterval(), p.disparity().value(),
                    p.disparityInterval(), p.pareto()));
        }
        double parity = f.disparity().info().direction() == org.fairkit.core.metrics.Direction.ONE_IS_PARITY ? 1 : 0;
        return new TradeOffView(title, f.knob(), f.metric().info().id(), f.disparity().id(), parity, f.bound(),
                f.rows(), f.intervalMethod(), points, f.recommendedIndex(), f.reason());
    }

    private void writeDashboard(Frontier f, Plan plan, Split s, List<String> groupsBy) throws java.io.IOException {
        LabeledRows e = s.evaluate();
        TradeOffPoint rec = f.recommended().orElse(f.points().get(0));
        int[] decisions = TradeOff.realize(plan.sweep().probabilityOfPositive(rec.knob()), seed);
        String feature = String.join(" x ", groupsBy);
        FairnessData.Builder b = FairnessData.builder().labels(e.labels()).predictions(decisions)
                .sensitive(feature, e.groups());
        e.weights().ifPresent(b::weights);
        FairnessReport report = Fairness.of(b.build()).groupBy(feature)
                .intervals(Bootstrap.percentile(resamples).level(level).seed(seed)).clock(parent.clock()).evaluate();
        ReportContent content = ReportContent.builder(report, AuditContext.of("Trade-off: " + plan.title(),
                data.getFileName() + ", " + e.rows() + " evaluation rows; decisions of " + f.knob() + " = "
                        + rec.knob() + (f.recommended().isPresent() ? " (recommended)" : ""), parent.clock()))
                .tradeOff(view(f, plan.title())).build();
        AtomicFiles.writeBytes(dashboard, out -> DashboardHtml.of(content).writeTo(out));
    }
}
