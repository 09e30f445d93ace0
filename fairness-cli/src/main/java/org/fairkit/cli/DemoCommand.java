package org.fairkit.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.calibration.Binning;
import org.fairkit.mitigation.calibration.Calibration;
import org.fairkit.mitigation.calibration.CalibrationMetrics;
import org.fairkit.mitigation.calibration.CalibrationReport;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.orchestration.FairDecisions;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit demo}: the main job on the embedded default. Generates core's seeded {@link SyntheticLending} data
 * (whose model lowers Group B's scores by a known 0.8 logits while true repayment rates are equal), writes it as
 * {@value #DATA_FILE}, audits it by ethnicity (reference Group A), by sex and by their intersection with BCa
 * bootstrap intervals, writes every available output with the run record and an audit-trail entry, judges the
 * result by the demo policy (the repository's {@code .fairness-lint.yml}), and measures per-group calibration
 * before and after a per-group isotonic calibration fitted on a second sample. The flagged cases also name the rows
 * whose decision an equalized-odds threshold optimizer (fitted on a third sample) would change.
 *
 * <p>Everything is seeded: the same {@code --rows} and {@code --seed} give the same numbers (file hashes differ
 * only by the run id and times in the run record, the detailed report and the trail).
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Audit the embedded synthetic lending data (known bias against Group B) and write the full "
                + "report set to a directory.")
final class DemoCommand implements Callable<Integer> {
    /** The demo data's file name in the output directory. */
    static final String DATA_FILE = "lending.csv";
    /** The demo policy's file name in the output directory. */
    static final String POLICY_FILE = "policy.yml";
    /** The policy verdicts' file name. */
    static final String POLICY_RESULT_FILE = "policy-result.txt";
    /** The calibration measurement's file name. */
    static final String CALIBRATION_FILE = "calibration.txt";

    @ParentCommand
    FairkitCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fairkit-demo",
            description = "Where to write the reports (default ${DEFAULT-VALUE}); created if needed, files replaced.")
    Path out;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "50000",
            description = "Applicants to generate (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Data and bootstrap seed.")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "BCa bootstrap resamples (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--task", paramLabel = "binary|regression|ranking|multiclass", defaultValue = "binary",
            description = "The kind of model (default ${DEFAULT-VALUE}: the full lending audit). regression, ranking "
                    + "(--rows / 20 queries of 20 items) and multiclass write that task's seeded data set with a known "
                    + "disparity and print the audit command for it.")
    TaskDemo.Task task;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        Inputs.range("--rows", rows, 1, Inputs.MAX_DEMO_ROWS, "rows");
        Inputs.range("--bootstrap", bootstrap, 1, Inputs.MAX_BOOTSTRAP, "resamples");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.badInput(CliErrors.notADirectory(out));
        }
        Files.createDirectories(out);
        PrintWriter w = spec.commandLine().getOut();
        if (task != TaskDemo.Task.BINARY) {
            return TaskDemo.run(task, out, rows, seed, w);
        }
        Policy policy = Policy.parse(demoPolicy());
        FairnessData data = SyntheticLending.generate(rows, seed);
        w.printf(Locale.ROOT, "Synthetic lending data: %s applicants (seed %d). The model lowers %s's scores by %.1f "
                + "logits;%ntrue repayment rates are the same in every group. Does the audit find the bias?%n%n",
                Progress.count(data.rows()), seed, SyntheticLending.PENALISED_GROUP, SyntheticLending.DEFAULT_PENALTY);

        Path csv = out.resolve(DATA_FILE);
        Audits.Run run;
        CalibrationReport before;
        CalibrationReport after;
        Calibration.Fitted calibrator;
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            p.phase("writing " + csv);
            writeData(data, csv);
            AtomicFiles.writeString(out.resolve(POLICY_FILE), demoPolicy());
            p.phase("fitting the threshold optimizer");
            ThresholdOptimizer.Fitted fair = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).seed(seed)
                    .groupBy(SyntheticLending.ETHNICITY).fit(SyntheticLending.generate(rows, seed + 2));
            Outputs outputs = Outputs.with(Optional.of(policy)).withDecisionChange(FairDecisions.of(fair));
            AuditPlan plan = AuditPlan.builder("lending-demo")
                    .source(AuditSource.csv(csv, columns()))
                    .groupings(AuditGrouping.of(SyntheticLending.ETHNICITY).reference("Group A"),
                            AuditGrouping.of(SyntheticLending.SEX).reference("Male"),
                            AuditGrouping.of(SyntheticLending.ETHNICITY, SyntheticLending.SEX))
                    .metrics(Metrics.COUNT, Metrics.BASE_RATE, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                            Metrics.FALSE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY)
                    .scoreMetrics(MetricSelection.DEFAULT_SCORE_METRICS.toArray(new org.fairkit.core.scores
                            .ScoreMetric[0]))
                    .minGroupSize(30)
                    .intervals(Bootstrap.bca(bootstrap).seed(seed))
                    .outputs(outputs.available().toArray(new String[0]))
                    .build();
            run = Audits.run(plan, outputs.runner(parent.clock()), out, p);

            p.phase("calibrating");
            FairnessData fresh = SyntheticLending.generate(rows, seed + 1);
            calibrator = Calibration.isotonic().groupBy(SyntheticLending.ETHNICITY).fit(fresh);
            CalibrationMetrics metrics = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH).minGroupSize(30);
            before = metrics.evaluate(data, SyntheticLending.ETHNICITY);
            String[] groups = new String[data.rows()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = data.sensitive(SyntheticLending.ETHNICITY).level(i);
            }
            after = metrics.evaluate(calibrator.apply(data), labels(data), groups);
        }
        List<FairnessReport> reports = run.result().reports();
        PolicyResult verdict = policy.evaluate(reports);
        AtomicFiles.writeString(out.resolve(POLICY_RESULT_FILE), verdict + "\n\n" + CheckCommand.verdictLine(verdict,
                verdict.passed() ? ExitCode.OK : ExitCode.FINDING) + "\n");
        AtomicFiles.writeString(out.resolve(CALIBRATION_FILE), "Per-group calibration of the demo scores by "
                + "ethnicity\n\nBefore:\n" + before + "\n" + calibrator + "\nAfter (isotonic per group, fitted on a "
                + "second sample, seed " + (seed + 1) + "):\n" + after);

        FairnessReport byEthnicity = reports.get(0);
        w.println(byEthnicity);
        w.println(fourFifthsLine(byEthnicity));
        w.println();
        w.println(verdict);
        w.println();
        w.printf(Locale.ROOT, "Calibration: ECE gap between ethnicities %s before, %s after per-group isotonic "
                + "calibration (%s)%n%n", value(before.eceDifference()), value(after.eceDifference()),
                CALIBRATION_FILE);
        AuditCommand.printTable(w, List.of(), Optional.empty(), Optional.of(run));
        w.printf(Locale.ROOT, "Also written: %s (the data), %s (the policy), %s, %s%n%n", DATA_FILE, POLICY_FILE,
                POLICY_RESULT_FILE, CALIBRATION_FILE);
        w.printf(Locale.ROOT, "Reports written to %s%n", out);
        w.println("Next: fairkit audit --data " + csv + " --label repaid --prediction approved --score score "
                + "--sensitive ethnicity,sex --reference ethnicity='Group A' --intersect");
        w.println("      fairkit check --policy .fairness-lint.yml --data " + csv + " --label repaid --prediction "
                + "approved --sensitive ethnicity,sex --reference ethnicity='Group A'");
        w.flush();
        return ExitCode.OK;
    }

    /** {@code Four-fifths rule: disparate impact 0.6116 for Group B against Group A -> BELOW 0.8 ...}. */
    static String fourFifthsLine(FairnessReport report) {
        Disparity di = report.fairness(FairnessMetric.DISPARATE_IMPACT);
        String group = di.groups().isEmpty() ? "-" : di.groups().get(0).label();
        String ref = report.reference().map(g -> g.label()).orElse("-");
        if (!di.isDefined()) {
            return "Four-fifths rule: disparate impact undefined (" + di.value().reason().orElse("") + ")";
        }
        return String.format(Locale.ROOT, "Four-fifths rule: disparate impact %.4f for %s against %s%s -> %s",
                di.asDouble(), group, ref, di.interval().map(i -> String.format(Locale.ROOT,
                        " (95%% interval %.4f to %.4f)", i.lower(), i.upper())).orElse(""),
                di.asDouble() < 0.8 ? "BELOW 0.8: evidence of adverse impact" : "not below 0.8");
    }

    private static String value(Disparity d) {
        return d.isDefined() ? String.format(Locale.ROOT, "%.4f", d.asDouble()) : "undefined";
    }

    private static int[] labels(FairnessData data) {
        int[] y = new int[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.label(i);
        }
        return y;
    }

    /** The demo data's column mapping. */
    static CsvColumns columns() {
        return CsvColumns.builder().id("id").label("repaid").prediction("approved").score("score")
                .sensitive(SyntheticLending.ETHNICITY, SyntheticLending.SEX).build();
    }

    /** Writes the data: {@code id, ethnicity, sex, repaid, score, approved}. */
    static void writeData(FairnessData data, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (SequenceWriter csv = CsvTable.writer(new java.io.BufferedWriter(out, 1 << 16), List.of("id",
                    SyntheticLending.ETHNICITY, SyntheticLending.SEX, "repaid", "score", "approved"))) {
                for (int i = 0; i < data.rows(); i++) {
                    csv.write(new String[] {"A" + (i + 1), data.sensitive(SyntheticLending.ETHNICITY).level(i),
                        data.sensitive(SyntheticLending.SEX).level(i), Integer.toString(data.label(i)),
                        Double.toString(data.score(i)), Integer.toString(data.prediction(i))});
                }
            }
        });
    }

    /** @return the demo policy, the same text as the repository's {@code .fairness-lint.yml} */
    static String demoPolicy() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo-policy.yml")) {
            if (in == null) {
                throw new IllegalStateException("the demo policy resource is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
