package org.fairkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fairkit.orchestration.load.DurationFormat;
import org.fairkit.orchestration.load.ExecutionMode;
import org.fairkit.orchestration.load.Feasibility;
import org.fairkit.orchestration.load.InputProfile;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.load.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit plan}: the audit load model's estimate for a planned audit (orchestration's {@link LoadModel} with
 * its default rates): the input load {@code I = 100 + 20 × sensitive attributes + 5 × days + 10 × filters} (or
 * {@code --estimated-size}), the output load (the selected outputs' weights), the estimated time, the feasibility
 * within the timeline, and the specification's message, warnings and suggestions.
 *
 * <p>Exit {@value ExitCode#OK} when the audit is feasible (also with warnings), {@value ExitCode#FINDING} when it is
 * not feasible, {@value ExitCode#BAD_INPUT} on bad input.
 */
@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Estimate an audit's load and time, and whether it fits its timeline: exit 0 feasible, "
                + "1 not feasible.")
final class PlanCommand implements Callable<Integer> {
    /** The outputs of a plan without {@code --outputs}: what {@code audit --out} writes by default. */
    static final List<OutputKind> DEFAULT_OUTPUTS = List.of(OutputKind.METRICS_EXPORT, OutputKind.FLAGGED_CASES_CSV,
            OutputKind.DETAILED_REPORT_JSON);

    @ParentCommand
    FairkitCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--sensitive", split = ",", paramLabel = "NAME",
            description = "The sensitive attributes the audit groups by (their number counts).")
    List<String> sensitive;

    @Option(names = "--sensitive-count", paramLabel = "N", description = "How many sensitive attributes.")
    Integer sensitiveCount;

    @Option(names = "--days", paramLabel = "N", description = "Days of data in the audited date range.")
    Integer days;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the date range (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the date range, inclusive.")
    String to;

    @Option(names = "--filters", paramLabel = "N", defaultValue = "0", description = "Row filters applied first.")
    int filters;

    @Option(names = "--estimated-size", paramLabel = "UNITS",
            description = "A pre-calculated input load, replacing the formula.")
    Double estimatedSize;

    @Option(names = "--outputs", split = ",", paramLabel = "ID",
            description = "Outputs by id (default metrics_export, flagged_cases, detailed_report): "
                    + "fairness_audit_pdf, metrics_export, flagged_cases, executive_summary_slides, detailed_report, "
                    + "alert_configuration, dashboard_export, compliance_report, or all.")
    List<String> outputs;

    @Option(names = "--mode", paramLabel = "now|scheduled|continuous", defaultValue = "now",
            description = "When it runs (default now).")
    ExecutionMode mode;

    @Option(names = "--start", paramLabel = "DATE-TIME", description = "The start of a scheduled run (ISO-8601).")
    String start;

    @Option(names = "--period", paramLabel = "DURATION", description = "The period of continuous runs, e.g. 1h.")
    String period;

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "The SLA: longest a run may take, e.g. 5m.")
    String timeLimit;

    @Option(names = "--deadline", paramLabel = "DATE-TIME", description = "When a run must be done (ISO-8601).")
    String deadline;

    @Option(names = "--strict-sla", description = "Add the 20%% safety buffer before comparing with the limits.")
    boolean strictSla;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: schema fairkit.cli.plan/1.")
    Format format;

    @Override
    public Integer call() {
        LoadModel model = LoadModel.builder().clock(parent.clock()).build();
        InputProfile input = input();
        Set<OutputKind> kinds = outputKinds();
        Timeline timeline = timeline();
        LoadEstimate estimate;
        try {
            estimate = model.estimate(input, kinds, timeline);
        } catch (ArithmeticException e) {
            throw CliException.badInput("the timeline is too far from now to compute with (" + e.getMessage()
                    + "); give a deadline or start within 100 years");
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            w.print(CliJson.write(CliJson.plan(estimate)));
        } else {
            printTable(w, estimate);
        }
        w.flush();
        return estimate.feasibility() == Feasibility.NOT_FEASIBLE ? ExitCode.FINDING : ExitCode.OK;
    }

    /** The message, then the numbers behind it, the warnings and the suggestions. */
    static void printTable(PrintWriter w, LoadEstimate e) {
        w.println(e.message());
        w.println();
        w.printf(Locale.ROOT, "input load (I)     %s units%n", DurationFormat.units(e.inputLoad()));
        w.printf(Locale.ROOT, "output load (O)    %s units (recommended at most %s = 1.2 x I)%s%n",
                DurationFormat.units(e.outputLoad()), DurationFormat.units(e.recommendedOutputLoad()),
                e.outputs().isEmpty() ? "" : ": " + e.outputs().stream()
                        .map(o -> o.id() + " " + DurationFormat.units(o.defaultWeight())).collect(Collectors.joining(", ")));
        w.printf(Locale.ROOT, "total load         %s units (O + 2 x I; design target %s = 3.2 x I)%n",
                DurationFormat.units(e.totalLoad()), DurationFormat.units(e.designTargetLoad()));
        w.printf(Locale.ROOT, "estimated time     %s%s%n", DurationFormat.seconds(e.estimatedSeconds()),
                e.timeline().strictSla() ? " (" + DurationFormat.seconds(e.bufferedSeconds())
                        + " with the strict-SLA buffer)" : "");
        w.printf(Locale.ROOT, "time available     %s%n", e.availableSeconds().isPresent()
                ? DurationFormat.seconds(Math.max(0, e.availableSeconds().getAsDouble())) : "no limit");
        w.printf(Locale.ROOT, "feasibility        %s%n", e.feasibility());
        for (String warning : e.warnings()) {
            w.println("warning: " + warning);
        }
        for (String suggestion : e.suggestions()) {
            w.println("suggestion: " + suggestion);
        }
    }

    private InputProfile input() {
        if (sensitive != null && sensitiveCount != null) {
            throw CliException.badInput(CliErrors.exclusive("--sensitive", "--sensitive-count"));
        }
        int attributes = sensitive != null ? (int) sensitive.stream().map(String::strip).distinct().count()
                : sensitiveCount != null ? sensitiveCount : 0;
        if (days != null && (from != null || to != null)) {
            throw CliException.badInput(CliErrors.exclusive("--days", "--from/--to"));
        }
        int d = days != null ? days : 0;
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw CliException.badInput("--from and --to give the date range together; give both");
            }
            java.time.LocalDate first = TimeArguments.date("--from", from);
            java.time.LocalDate last = TimeArguments.date("--to", to);
            if (java.time.temporal.ChronoUnit.DAYS.between(first, last) >= TimeArguments.MAX_DURATION.toDays()) {
                throw CliException.badInput("--from " + from + " --to " + to + ": the date range is longer than "
                        + TimeArguments.MAX_DURATION.toDays() + " days (100 years); expected a shorter range");
            }
            d = InputProfile.daysInclusive(first, last);
        }
        InputProfile profile = InputProfile.of(attributes, d, filters);
        return estimatedSize == null ? profile : profile.withEstimatedSize(estimatedSize);
    }

    private Set<OutputKind> outputKinds() {
        if (outputs == null) {
            return EnumSet.copyOf(DEFAULT_OUTPUTS);
        }
        if (outputs.size() == 1 && outputs.get(0).strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(OutputKind.class);
        }
        return OutputKind.byIds(outputs.stream().map(String::strip).toList());
    }

    private Timeline timeline() {
        if (start != null && mode != ExecutionMode.SCHEDULED) {
            throw CliException.badInput(CliErrors.wrongMode("--start", "scheduled"));
        }
        if (period != null && mode != ExecutionMode.CONTINUOUS) {
            throw CliException.badInput(CliErrors.wrongMode("--period", "continuous"));
        }
        Timeline t;
        switch (mode) {
            case SCHEDULED:
                if (start == null) {
                    throw CliException.badInput(CliErrors.modeNeeds("scheduled", "--start DATE-TIME"));
                }
                t = Timeline.scheduled(TimeArguments.instant("--start", start));
                break;
            case CONTINUOUS:
                if (period == null) {
                    throw CliException.badInput(CliErrors.modeNeeds("continuous", "--period DURATION"));
                }
                t = Timeline.continuous(positive("--period", period));
                break;
            default:
                t = Timeline.now();
        }
        if (timeLimit != null) {
            t = t.withTimeLimit(positive("--time-limit", timeLimit));
        }
        if (deadline != null) {
            t = t.withDeadline(TimeArguments.instant("--deadline", deadline));
        }
        return strictSla ? t.withStrictSla() : t;
    }

    private static Duration positive(String option, String text) {
        Duration d = TimeArguments.duration(option, text);
        if (d.isZero() || d.isNegative()) {
            throw CliException.badInput(option + ": '" + text + "' must be a positive duration");
        }
        return d;
    }
}
