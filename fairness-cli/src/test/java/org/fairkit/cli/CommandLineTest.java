package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.Provenance;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: help, version, no command, unknown commands, and the error handler's contract. */
class CommandLineTest {
    private static final String NL = System.lineSeparator();

    @Test
    void versionIsTheLibraryVersion() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("fairkit " + Provenance.currentLibraryVersion() + NL + "Java ");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("audit").contains("check").contains("plan").contains("calibrate")
                .contains("trail").contains("demo").contains("Exit codes: 0 done");
        assertThat(Cli.run("audit", "--help").out()).contains("--data=FILE").contains("--bootstrap=N");
        assertThat(Cli.run("help", "check").out()).contains("--policy=FILE");
    }

    @Test
    void aCommandLineNamingASubcommandBuildsOnlyThatOneAndAnyOtherBuildsAll() {
        PrintWriter w = new PrintWriter(new StringWriter());
        java.util.Set<String> all = FairkitCommand.commandLine(w, w).getSubcommands().keySet();
        assertThat(all).hasSize(14).contains("audit", "check-data", "help", "tradeoff");
        assertThat(FairkitCommand.commandLine(w, w, new String[] {"audit", "--data", "x.csv"}).getSubcommands())
                .containsOnlyKeys("audit");
        assertThat(FairkitCommand.commandLine(w, w, new String[] {"mitigate", "reduce"}).getSubcommands()
                .get("mitigate").getSubcommands()).containsKey("reduce");
        for (String[] args : new String[][] {{}, {"--version"}, {"help", "audit"}, {"audti"}, {"Audit"}}) {
            assertThat(FairkitCommand.commandLine(w, w, args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(all);
        }
    }

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: fairkit");
    }

    @Test
    void anUnknownCommandIsOneLine() {
        Cli.Result r = Cli.run("audti");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("fairkit: error: Unmatched argument at index 0: 'audti'");
    }

    @Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void aBugExitsSeventyWithItsStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom());
        ErrorHandler h = new ErrorHandler();
        cl.setExecutionExceptionHandler(h).setParameterExceptionHandler(h).setErr(new PrintWriter(err, true));
        assertThat(cl.execute()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("boom: error: internal error: java.lang.IllegalStateException: a bug "
                + "(this is a bug in FairKit; please report it with the stack trace below)" + NL)
                .contains("\tat org.fairkit.cli.CommandLineTest$Boom.call");
    }

    @Test
    void messagesAreFoldedOntoOneLine() {
        assertThat(ErrorHandler.oneLine("first\n  second\r\nthird ")).isEqualTo("first second third");
    }

    @Test
    void progressLinesNameThePhaseTheCountAndTheTime() {
        assertThat(Progress.line("reading in.csv", "1,200,000 rows", 3_449_000_000L))
                .isEqualTo("fairkit: reading in.csv: 1,200,000 rows (3.4 s)");
        assertThat(Progress.line("auditing", "", 500_000_000L)).isEqualTo("fairkit: auditing (0.5 s)");
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(new PrintWriter(err), false)) {
            p.phase("work");
            assertThat(p.enabled()).isFalse();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void forcedProgressDrawsOnStderrAndErasesItsLine() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(new PrintWriter(err), true)) {
            p.phase("counting", () -> "7 rows");
            // wait for the first draw (due after half a second) rather than sleeping a fixed time: a busy CI
            // machine may run the drawer late
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (err.toString().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        String s = err.toString();
        assertThat(s).startsWith("\rfairkit: counting: 7 rows (").endsWith("\r");
        assertThat(s.strip()).doesNotContain("\n");
    }

    @Test
    void durationsParseInBothForms() {
        assertThat(TimeArguments.duration("--x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeArguments.duration("--x", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TimeArguments.duration("--x", "2d")).isEqualTo(Duration.ofDays(2));
        assertThat(TimeArguments.duration("--x", "0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeArguments.duration("--x", "PT15M")).isEqualTo(Duration.ofMinutes(15));
    }
}
