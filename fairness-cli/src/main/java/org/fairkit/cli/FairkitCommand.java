package org.fairkit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit}: the command line of FairKit. Each subcommand is a class of this package; run
 * {@code fairkit <command> --help} for its options.
 *
 * <pre>
 * fairkit audit    --data FILE.csv --label COL --prediction COL --sensitive COL[,COL...] [...]
 * fairkit check    --policy policy.yml --data FILE.csv ...          exit 0 pass, 1 violation, 2 bad input
 * fairkit plan     --sensitive-count N --days N --outputs ID,... [--time-limit 5m --strict-sla]
 * fairkit mitigate reweigh|threshold --data FILE.csv --label COL --sensitive COL --write OUT.csv [...]
 * fairkit calibrate --data FILE.csv --label COL --score COL --sensitive COL [--method isotonic]
 * fairkit trail verify DIR/audit-trail.jsonl
 * fairkit demo     [--out DIR]
 * </pre>
 *
 * <p>Build one with {@link #commandLine(PrintWriter, PrintWriter)}: it installs the {@link ErrorHandler} that turns
 * every failure into one line on stderr and an {@link ExitCode}.
 */
@Command(name = "fairkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure, gate on and fix the fairness of a model's decisions.",
        subcommands = {AuditCommand.class, CheckCommand.class, PlanCommand.class, CalibrateCommand.class,
            MitigateCommand.class, TrailCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done (check: passed; plan: feasible; trail verify: intact), 1 a negative verdict "
                + "(check: violated or inconclusive; plan: not feasible; trail: not intact), 2 bad input, 70 a bug."})
public final class FairkitCommand implements Callable<Integer> {
    private final Clock clock;

    @Spec
    CommandSpec spec;

    /** The command with the system UTC clock. */
    public FairkitCommand() {
        this(Clock.systemUTC());
    }

    /** The command with a clock for report provenance, run start times and plan deadlines (tests pass a fixed one). */
    public FairkitCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the clock */
    Clock clock() {
        return clock;
    }

    /**
     * The configured command line: output to {@code out}, messages and errors to {@code err}, one-line errors.
     *
     * @param out standard output
     * @param err standard error
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new FairkitCommand(), out, err);
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter)}, for a given command (with its clock). */
    public static CommandLine commandLine(FairkitCommand command, PrintWriter out, PrintWriter err) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Without a subcommand: the usage on stderr, and a bad-input exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }
}
