package org.fairkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Severity;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.calibration.Binning;
import org.fairkit.mitigation.calibration.Calibration;
import org.fairkit.mitigation.calibration.CalibrationMetrics;
import org.fairkit.mitigation.calibration.CalibrationReport;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.Objective;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.preprocessing.Reweighing;
import org.fairkit.orchestration.PlanLoad;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.RuleVerdict;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.OutputFile;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.AuditPdf;
import org.fairkit.reports.CalibrationSeries;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ExecutiveSlides;
import org.fairkit.reports.MitigationSummary;
import org.fairkit.reports.PolicyVerdictView;
import org.fairkit.reports.ReportContent;
import org.fairkit.stats.Bootstrap;
import org.fairkit.stats.GroupComparisons;

/**
 * The end-to-end story on the embedded default, the seeded synthetic lending data set whose model lowers Group B's
 * scores by a known penalty while true repayment rates are equal in every group:
 *
 * <ol>
 *   <li>audit by ethnicity and by ethnicity × sex, with 95% bootstrap (BCa) intervals;</li>
 *   <li>test each group against the reference group (Holm-corrected z tests, with the detectable differences);</li>
 *   <li>reweigh the training half (Kamiran &amp; Calders): the weighted base rates become equal;</li>
 *   <li>fit group-specific thresholds for equalized odds (Hardt, Price &amp; Srebro) on the training half and
 *       audit the test half before and after, with the accuracy they cost;</li>
 *   <li>calibrate the scores per group (isotonic) on the training half and compare each group's expected
 *       calibration error on the test half before and after;</li>
 *   <li>check the audit against a small policy written inline;</li>
 *   <li>run the audit as a plan: the load model's estimate, then the report set written into a directory
 *       (metrics export, detailed report JSON, dashboard, audit PDF, executive slides, run record).</li>
 * </ol>
 *
 * <p>Each step is one short method: copy the one you need. Run after {@code mvn -B -ntp verify}:
 * {@code java -jar examples/target/fairkit-examples.jar [output-dir [rows [seed]]]} (defaults
 * {@code target/fairkit-quickstart}, 50,000 rows, seed 42).
 */
public final class QuickStart {
    /** Where the report set goes when no directory is given (relative to the working directory). */
    public static final Path DEFAULT_OUTPUT = Path.of("target", "fairkit-quickstart");

    private static final String REFERENCE = "Group A";
    private static final String POLICY = """
            policy: lending-quickstart
            description: Four-fifths rule, equal opportunity, and enough data per group
            evidence: point
            rules:
              - disparate_impact >= 0.8 for ethnicity
              - rule: equal_opportunity_difference <= 0.1 for ethnicity
                evidence: fail_if_interval_violates
              - min_group_size >= 30
            """;

    private QuickStart() {
    }

    /**
     * @param args optional: the output directory (default {@code target/fairkit-quickstart}), the number of rows
     *     (default 50000) and the seed (default 42)
     * @throws IOException if the reports cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        run(output, rows, seed, System.out);
    }

    /**
     * Runs every step and prints to {@code out}.
     *
     * @param output the directory the report set is written into (created if needed)
     * @param rows the number of applicants, at least 100 (half train the mitigations, half test them)
     * @param seed the seed of the data, the intervals and the randomized thresholds
     * @param out where the story is printed
     * @throws IOException if the reports cannot be written
     */
    public static void run(Path output, int rows, long seed, PrintStream out) throws IOException {
        if (rows < 100) {
            throw new IllegalArgumentException("rows must be >= 100 (half of them train the mitigations), got "
                    + rows);
        }
        FairnessData data = SyntheticLending.generate(rows, seed);
        out.printf(Locale.ROOT, "Synthetic lending data: %d applicants (seed %d). The model lowers %s's scores by %.1f logits;%n"
                + "true repayment rates are the same in every group. Does the audit find the bias?%n%n",
                data.rows(), seed, SyntheticLending.PENALISED_GROUP, SyntheticLending.DEFAULT_PENALTY);

        heading(out, "1. Audit with 95% bootstrap intervals");
        FairnessReport byEthnicity = audit(data, seed, out);
        auditIntersections(data, seed, out);

        heading(out, "2. Is each group's difference from " + REFERENCE + " significant?");
        out.println(GroupComparisons.of(byEthnicity).compute());

        FairnessData train = DataViews.rows(data, 0, rows / 2);
        FairnessData test = DataViews.rows(data, rows / 2, rows);
        heading(out, "3. Reweighing the training half (" + train.rows() + " rows)");
        reweigh(train, out);

        heading(out, "4. Equalized-odds thresholds: fitted on the training half, applied to the test half");
        MitigationSummary thresholds = equalizedOdds(train, test, seed, out);

        heading(out, "5. Per-group isotonic calibration: fitted on the training half, measured on the test half");
        calibrate(train, test, out);

        heading(out, "6. Policy check");
        Policy policy = Policy.parse(POLICY);
        out.println(policy.evaluate(byEthnicity));
        out.println();

        heading(out, "7. The audit as a plan: load estimate and report set");
        writeReports(data, seed, policy, thresholds, output, out);
    }

    /** Step 1: per-group rates with intervals, disparities against Group A, and the four-fifths rule. */
    static FairnessReport audit(FairnessData data, long seed, PrintStream out) {
        FairnessReport report = Fairness.of(data)
                .groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.COUNT, Metrics.BASE_RATE, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                        Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT,
                        FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .reference(REFERENCE)
                .minGroupSize(30)
                .intervals(intervals(seed))
                .evaluate();
        out.println(report);

        Disparity di = report.fairness(FairnessMetric.DISPARATE_IMPACT);
        out.printf(Locale.ROOT, "Four-fifths rule: disparate impact %s for %s -> %s%n%n", di.value(),
                di.groups().isEmpty() ? "-" : di.groups().get(0).label(),
                di.isDefined() && di.asDouble() < 0.8 ? "BELOW 0.8: evidence of adverse impact (read it with the "
                        + "group sizes and intervals)" : "not below 0.8");
        return report;
    }

    /** Step 1, intersections: the same model by ethnicity × sex. */
    static FairnessReport auditIntersections(FairnessData data, long seed, PrintStream out) {
        FairnessReport report = Fairness.of(data)
                .groupBy(SyntheticLending.ETHNICITY, SyntheticLending.SEX)
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .minGroupSize(30)
                .intervals(intervals(seed))
                .evaluate();
        out.println(report);
        return report;
    }

    /**
     * The interval estimator of every audit: bias-corrected and accelerated bootstrap, 2000 resamples, stratified by
     * group, seeded. For unweighted data it resamples cell counts, so its cost does not grow with the rows.
     */
    static Bootstrap intervals(long seed) {
        return Bootstrap.bca(2000).seed(seed);
    }

    /**
     * Step 3: Kamiran &amp; Calders reweighing gives each (group, label) cell the weight P(g) P(y) / P(g, y), so the
     * label is independent of the group in the weighted training data.
     */
    static void reweigh(FairnessData train, PrintStream out) {
        Reweighing.Fitted reweighing = Reweighing.groupBy(SyntheticLending.ETHNICITY).fit(train);
        out.println(reweighing);
        FairnessData weighted = DataViews.withWeights(train, reweighing.weights(train));
        out.println("base rate     " + ratesLine(train, Metrics.BASE_RATE) + "   (unweighted)");
        out.println("base rate     " + ratesLine(weighted, Metrics.BASE_RATE) + "   (reweighed: equal)");
        out.println("selection     " + ratesLine(weighted, Metrics.SELECTION_RATE) + "   (reweighed)");
        out.println("The labels were already independent of ethnicity here (equal base rates), so the weights stay");
        out.println("close to 1 and the decisions stay as unequal as before: the bias is in the scores, not the labels.");
        out.println("Reweighing corrects biased training labels before a model is trained; for biased scores,");
        out.println("post-process them (step 4).");
        out.println();
    }

    /**
     * Step 4: group-specific, possibly randomized thresholds on the model's score that maximize accuracy subject
     * to equal true and false positive rates across groups, fitted on one half and judged on the other.
     */
    static MitigationSummary equalizedOdds(FairnessData train, FairnessData test, long seed, PrintStream out) {
        ThresholdOptimizer.Fitted optimizer = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS)
                .objective(Objective.ACCURACY)
                .groupBy(SyntheticLending.ETHNICITY)
                .seed(seed)
                .fit(train);
        out.println(optimizer);

        FairnessReport before = mitigationAudit(test);
        FairnessReport after = mitigationAudit(DataViews.withPredictions(test, optimizer.predict(test)));
        out.printf(Locale.ROOT, "On the test half (%d rows):%n", test.rows());
        out.println("selection rate  before " + ratesLine(before, Metrics.SELECTION_RATE));
        out.println("                after  " + ratesLine(after, Metrics.SELECTION_RATE));
        for (FairnessMetric f : List.of(FairnessMetric.DISPARATE_IMPACT, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)) {
            out.printf(Locale.ROOT, "%-27s %s -> %s%n", f.id(), number(before.fairness(f).value()),
                    number(after.fairness(f).value()));
        }
        MetricValue accuracyBefore = before.overall(Metrics.ACCURACY);
        MetricValue accuracyAfter = after.overall(Metrics.ACCURACY);
        out.printf(Locale.ROOT, "%-27s %s -> %s (%s)%n%n", "accuracy", number(accuracyBefore), number(accuracyAfter),
                accuracyAfter.value() < accuracyBefore.value() ? "the cost of equalized odds"
                        : "no cost: the penalty had made the model less accurate, not more");
        return MitigationSummary.compare("ThresholdOptimizer (equalized odds)",
                "objective accuracy, tolerance 0, seed " + seed + "; fitted on " + train.rows()
                        + " training rows, judged on " + test.rows() + " test rows", before, after);
    }

    private static FairnessReport mitigationAudit(FairnessData data) {
        return Fairness.of(data)
                .groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.ACCURACY)
                .fairnessMetrics(FairnessMetric.DISPARATE_IMPACT, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .reference(REFERENCE)
                .evaluate();
    }

    /**
     * Step 5: a score is calibrated when, among rows scored 0.7, about 70% repay. Group B's scores were lowered at
     * equal merit, so they under-predict its repayment; a per-group isotonic map repairs that.
     */
    static void calibrate(FairnessData train, FairnessData test, PrintStream out) {
        Calibration.Fitted calibrator = Calibration.isotonic().groupBy(SyntheticLending.ETHNICITY).fit(train);
        CalibrationMetrics metrics = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH);
        CalibrationReport before = metrics.evaluate(test, SyntheticLending.ETHNICITY);
        CalibrationReport after = metrics.evaluate(DataViews.withScores(test, calibrator.apply(test)),
                SyntheticLending.ETHNICITY);
        out.println("expected calibration error (10 equal-width bins), test half:");
        out.printf(Locale.ROOT, "%-9s %8s %8s%n", "group", "before", "after");
        for (GroupKey group : before.groups()) {
            out.printf(Locale.ROOT, "%-9s %8s %8s%n", group.label(), number(before.group(group.label()).ece()),
                    number(after.group(group.label()).ece()));
        }
        out.printf(Locale.ROOT, "ECE gap   %8s %8s  (max - min over groups)%n%n", number(before.eceDifference().value()),
                number(after.eceDifference().value()));
    }

    /**
     * Step 7: the same audit as an {@link AuditPlan}, run by an {@link AuditRunner} with the load model as its
     * estimator: prints the estimate for the plan, writes the report set and prints where.
     */
    static AuditResult writeReports(FairnessData data, long seed, Policy policy, MitigationSummary mitigation,
            Path output, PrintStream out) throws IOException {
        AuditPlan plan = AuditPlan.builder("lending-quickstart")
                .source(AuditSource.of(data))
                .groupings(AuditGrouping.of(SyntheticLending.ETHNICITY).reference(REFERENCE),
                        AuditGrouping.of(SyntheticLending.ETHNICITY, SyntheticLending.SEX))
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                        Metrics.FALSE_POSITIVE_RATE)
                .minGroupSize(30)
                .intervals(intervals(seed))
                .outputs(StandardOutputs.METRICS_EXPORT, StandardOutputs.DETAILED_REPORT,
                        OutputKind.DASHBOARD_EXPORT.id(), OutputKind.FAIRNESS_AUDIT_PDF.id(),
                        OutputKind.EXECUTIVE_SUMMARY_SLIDES.id())
                .timeline(Duration.ofMinutes(1))
                .build();
        PlanLoad load = PlanLoad.of(LoadModel.defaults());
        LoadEstimate estimate = load.loadEstimate(plan);
        out.println("Load model: " + estimate.message());

        Function<FairnessReport, ReportContent> content = report -> content(report, data, seed, policy, mitigation);
        AuditRunner runner = AuditRunner.builder()
                .outputs(StandardOutputs.metricsExport(), StandardOutputs.detailedReport(),
                        DocumentOutput.of(OutputKind.DASHBOARD_EXPORT, DashboardHtml::of, content),
                        DocumentOutput.of(OutputKind.FAIRNESS_AUDIT_PDF, AuditPdf::of, content),
                        DocumentOutput.of(OutputKind.EXECUTIVE_SUMMARY_SLIDES, ExecutiveSlides::of, content))
                .estimator(load)
                .build();
        AuditResult result = runner.run(plan, output);

        out.printf(Locale.ROOT, "Measured: %.1f s against the estimate of %.1f s. The default rates are the "
                + "specification's design%nassumption; refit them from your run records with LoadModel.calibrate.%n",
                result.record().duration().toMillis() / 1000.0, estimate.estimatedTime().toMillis() / 1000.0);
        Path dir = output.toAbsolutePath().normalize();
        out.println("Report set in " + dir + ":");
        for (OutputFile file : result.record().outputs()) {
            out.printf(Locale.ROOT, "  %-26s %9d bytes  %s%n", file.path(), file.bytes(), file.outputId());
        }
        out.printf(Locale.ROOT, "  %-26s (durations, estimate and every file's SHA-256)%n", AuditRunner.RUN_RECORD_FILE);
        return result;
    }

    /** What the documents show besides the report: tests, calibration curves, policy verdicts, the mitigation. */
    static ReportContent content(FairnessReport report, FairnessData data, long seed, Policy policy,
            MitigationSummary mitigation) {
        AuditContext context = AuditContext.of("Synthetic lending model audit",
                String.format(Locale.ROOT, "%,d synthetic applications (SyntheticLending, seed %d)", data.rows(), seed),
                Clock.systemUTC());
        return ReportContent.builder(report, context)
                .comparisons(GroupComparisons.of(report).compute())
                .calibration(CalibrationSeries.uniformBins(data, 10, SyntheticLending.ETHNICITY))
                .verdicts(views(policy.evaluate(report)))
                .mitigations(List.of(mitigation))
                .build();
    }

    /** Policy verdicts as the documents show them: a failed warning-severity rule is a warning there. */
    static List<PolicyVerdictView> views(PolicyResult result) {
        return result.verdicts().stream().map(QuickStart::view).toList();
    }

    private static PolicyVerdictView view(RuleVerdict v) {
        PolicyVerdictView.Outcome outcome = switch (v.outcome()) {
            case PASS -> PolicyVerdictView.Outcome.PASS;
            case FAIL -> v.rule().severity() == Severity.WARNING ? PolicyVerdictView.Outcome.WARN
                    : PolicyVerdictView.Outcome.FAIL;
            case INCONCLUSIVE -> PolicyVerdictView.Outcome.INCONCLUSIVE;
        };
        return new PolicyVerdictView(v.rule().toString(), outcome, v.value(), v.interval(),
                v.groups().stream().map(GroupKey::label).toList(), v.message());
    }

    private static String ratesLine(FairnessData data, Metrics metric) {
        return ratesLine(Fairness.of(data).groupBy(SyntheticLending.ETHNICITY).metrics(metric).evaluate(), metric);
    }

    private static String ratesLine(FairnessReport report, Metrics metric) {
        StringBuilder b = new StringBuilder();
        for (GroupKey group : report.groups()) {
            b.append(String.format(Locale.ROOT, "%s %s  ", group.label(), number(report.value(metric, group))));
        }
        return b.toString().strip();
    }

    private static String number(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }

    private static void heading(PrintStream out, String title) {
        out.println("== " + title);
        out.println();
    }
}
