package org.fairkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.fairkit.orchestration.io.Decimals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
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
 * fairkit tradeoff --data FILE.csv --label COL --score COL --sensitive COL [--fit-where COL=VALUE] [...]
 * fairkit trail verify DIR/audit-trail.jsonl
 * fairkit demo     [--out DIR]
 * </pre>
 *
 * <p>Build one with {@link #commandLine(PrintWriter, PrintWriter)}: it installs the {@link ErrorHandler} that turns
 * every failure into one line on stderr and an {@link ExitCode}.
 */
@Command(name = "fairkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure, gate on and fix the fairness of a model's decisions.",
        footer = {"", "Exit codes: 0 done (check: passed; plan: feasible; trail verify: intact), 1 a negative verdict "
                + "(check: violated or inconclusive; plan: not feasible; trail: not intact), 2 bad input, 70 a bug."})
public final class FairkitCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order the help lists them. They are added by {@link #commandLine} rather than declared
     * in the annotation, so that {@link #commandLine(PrintWriter, PrintWriter, String[])} can build only the one a
     * command line names: picocli's model of every subcommand and its options costs about 0.1-0.2 s of a start.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(AuditCommand.class, CheckCommand.class,
            PlanCommand.class, CalibrateCommand.class, MitigateCommand.class, TrailCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class, CompareCommand.class, HistoryCommand.class, ModelCardCommand.class,
            MonitorCommand.class, TradeOffCommand.class, CheckDataCommand.class);

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

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)}, for a given command (with its clock).
     *
     * <p>Both streams escape control characters ({@link TerminalText}); a path option or parameter must not be empty
     * (it would mean the working directory), and a number option must be in decimal notation ({@link Decimals}); an
     * {@link OutOfMemoryError} ends the command with one line and {@value ExitCode#BAD_INPUT}, never
     * {@value ExitCode#FINDING}, which only ever means a negative verdict.
     */
    public static CommandLine commandLine(FairkitCommand command, PrintWriter out, PrintWriter err) {
        return build(command, out, err, null);
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)} for one command line: when its first argument names a
     * subcommand (other than {@code help}), only that subcommand is built; otherwise (no argument, an option such as
     * {@code --version}, {@code help}, a misspelt command) every one is, so usage, help and suggestions are the same.
     *
     * @param args the command line the result will execute
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        return commandLine(new FairkitCommand(), out, err, args);
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter, String[])}, for a given command (with its clock). */
    public static CommandLine commandLine(FairkitCommand command, PrintWriter out, PrintWriter err, String[] args) {
        String only = null;
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                if (name(c).equals(args[0])) {
                    only = args[0];
                }
            }
        }
        return build(command, out, err, only);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static CommandLine build(FairkitCommand command, PrintWriter out, PrintWriter err, String only) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine cl = new CommandLine(command);
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || name(c).equals(only)) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(TerminalText.writer(out, false));
        cl.setErr(TerminalText.writer(err, true));
        cl.registerConverter(Path.class, FairkitCommand::path);
        cl.registerConverter(Double.class, FairkitCommand::decimal);
        cl.registerConverter(double.class, FairkitCommand::decimal);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(FairkitCommand::execute);
        return cl;
    }

    private static Path path(String text) {
        if (text.isBlank()) {
            throw new CommandLine.TypeConversionException(CliErrors.emptyPath());
        }
        return Path.of(text);
    }

    private static Double decimal(String text) {
        String t = text.strip();
        if (!Decimals.isDecimal(t)) {
            throw new CommandLine.TypeConversionException(CliErrors.notDecimal(text));
        }
        return Double.parseDouble(t);
    }

    /** Runs the last subcommand; running out of memory is one line on stderr and a bad-input exit. */
    private static int execute(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            return ErrorHandler.outOfMemory(last.commandSpec().commandLine(), e);
        }
    }

    /** Without a subcommand: the usage on stderr, and a bad-input exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }
}
