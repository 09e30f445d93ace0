package org.fairkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TornTailRepair;
import org.fairkit.orchestration.trail.TrailAnchor;
import org.fairkit.orchestration.trail.TrailVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit trail verify|repair FILE}: checks a tamper-evident audit trail (orchestration's {@link AuditTrail}:
 * every line holds the SHA-256 of the previous one), or removes a torn last line left by a crash.
 */
@Command(name = "trail", mixinStandardHelpOptions = true,
        description = "Verify an audit trail (exit 0 intact, 1 not intact), or repair a torn last line.",
        subcommands = {TrailCommand.Verify.class, TrailCommand.Repair.class})
final class TrailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and a bad-input exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    private static Path existing(Path file) {
        if (Files.isDirectory(file)) {
            throw CliException.badInput(CliErrors.trailIsDirectory(file));
        }
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput(CliErrors.noTrail(file));
        }
        return file;
    }

    /**
     * {@code fairkit trail verify FILE [--entries N --head HASH]}: exit 0 when every line is intact and chained (and
     * the anchor, when given, still holds), 1 naming the first bad line otherwise.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every line's hash and the chain; exit 0 intact, 1 not intact, 2 bad input.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The trail, e.g. DIR/audit-trail.jsonl.")
        Path file;

        @Option(names = "--entries", paramLabel = "N",
                description = "Anchor: the number of entries the trail had when the head was recorded.")
        Long entries;

        @Option(names = "--head", paramLabel = "HASH", description = "Anchor: the hash of that last entry.")
        String head;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "table (default) or json: schema fairkit.cli.trail/1.")
        Format format;

        @Override
        public Integer call() {
            existing(file);
            if ((entries == null) != (head == null)) {
                throw CliException.badInput(CliErrors.halfAnchor());
            }
            TrailVerification v;
            try (AuditTrail trail = AuditTrail.open(file)) {
                v = entries == null ? trail.verify() : trail.verify(new TrailAnchor(entries, head));
            }
            PrintWriter w = spec.commandLine().getOut();
            if (format == Format.JSON) {
                w.print(CliJson.write(CliJson.trail(v)));
            } else if (v.valid()) {
                w.println(file + ": intact, " + v.goodEntries() + (v.goodEntries() == 1 ? " entry" : " entries")
                        + ", head " + v.headHash());
                w.println("Keep the anchor elsewhere and check against it later: fairkit trail verify " + file
                        + " --entries " + v.goodEntries() + " --head " + v.headHash());
            } else {
                w.println(file + ": NOT INTACT: " + v.goodEntries() + (v.goodEntries() == 1 ? " entry" : " entries")
                        + " good, then line " + v.problem().get().line() + ": " + v.problem().get().kind() + ": "
                        + v.problem().get().message());
                if (v.onlyTornTail()) {
                    w.println("The last line was torn by an interrupted append; repair it with: fairkit trail repair "
                            + file + " (it removes an incomplete line, or adds the newline a complete entry lacks)");
                }
            }
            w.flush();
            return v.valid() ? ExitCode.OK : ExitCode.FINDING;
        }
    }

    /** {@code fairkit trail repair FILE}: removes a torn last line, and nothing else. */
    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Remove a torn last line (an append interrupted by a crash); a complete entry that lacks only "
                    + "its newline gets it back, and is never removed.")
    static final class Repair implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The trail.")
        Path file;

        @Override
        public Integer call() {
            existing(file);
            TornTailRepair r;
            try (AuditTrail trail = AuditTrail.open(file)) {
                r = trail.repairTornTail();
            }
            PrintWriter w = spec.commandLine().getOut();
            if (r.completedEntry()) {
                w.println(file + ": completed the last entry (at byte " + r.offset() + "), whose final newline was "
                        + "missing; no entry removed");
            } else if (r.repaired()) {
                w.println(file + ": removed a torn last line of " + r.removedBytes() + " bytes at byte " + r.offset()
                        + ": " + r.preview());
            } else {
                w.println(file + ": no torn last line; nothing removed");
            }
            w.flush();
            return ExitCode.OK;
        }
    }
}
