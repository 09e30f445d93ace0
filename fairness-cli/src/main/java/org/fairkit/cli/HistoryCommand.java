package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit history list|show}: reads the run history that {@code audit}, {@code check} and the monitor record
 * with {@code --history}.
 *
 * <p>{@code list --format json}, schema {@code fairkit.cli.history/1}: {@code { "schema", "history": URL, "entries":
 * [ { "id", "run_id", "kind", "recorded_at", "model_version", "grouping", "data_fingerprint", "trail_entry" } ] }}.
 * {@code show REF} prints the recorded {@code fairkit.report/1} document byte for byte.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the recorded runs of a history, or show one's report.",
        subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.Show.class})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and a bad-input exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** {@code fairkit history list --history DB [--model-version LABEL] [--format table|json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded runs, oldest first.")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--history", required = true, paramLabel = "DB",
                description = "The history: an SQLite file or a jdbc: URL.")
        String history;

        @Option(names = "--model-version", paramLabel = "LABEL", description = "Only the runs of this label.")
        String modelVersion;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "table (default) or json: one document, schema fairkit.cli.history/1.")
        Format format;

        @Override
        public Integer call() {
            History h = HistoryOptions.open(history);
            List<HistoryEntry> entries = modelVersion == null ? h.list() : h.list(modelVersion);
            PrintWriter w = spec.commandLine().getOut();
            if (format == Format.JSON) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                doc.put("schema", "fairkit.cli.history/1");
                doc.put("history", h.url());
                ArrayNode arr = doc.putArray("entries");
                for (HistoryEntry e : entries) {
                    ObjectNode o = arr.addObject();
                    o.put("id", e.id());
                    o.put("run_id", e.runId());
                    o.put("kind", e.kind());
                    o.put("recorded_at", e.recordedAt().toString());
                    if (e.modelVersion().isPresent()) {
                        o.put("model_version", e.modelVersion().get());
                    } else {
                        o.putNull("model_version");
                    }
                    o.put("grouping", e.grouping());
                    o.put("data_fingerprint", e.dataFingerprint());
                    if (e.trailEntry().isPresent()) {
                        o.put("trail_entry", e.trailEntry().get());
                    } else {
                        o.putNull("trail_entry");
                    }
                }
                w.print(CliJson.write(doc));
            } else {
                w.printf(Locale.ROOT, "%5s  %-36s  %-8s  %-24s  %-16s  %-20s  %s%n", "id", "run", "kind", "recorded at",
                        "model version", "grouping", "data sha256");
                for (HistoryEntry e : entries) {
                    w.printf(Locale.ROOT, "%5d  %-36s  %-8s  %-24s  %-16s  %-20s  %s%n", e.id(), e.runId(), e.kind(),
                            e.recordedAt(), e.modelVersion().orElse("-"), e.grouping(),
                            e.dataFingerprint().substring(0, Math.min(12, e.dataFingerprint().length())));
                }
                w.printf(Locale.ROOT, "%d %s in %s%n", entries.size(), entries.size() == 1 ? "entry" : "entries",
                        h.url());
            }
            w.flush();
            return ExitCode.OK;
        }
    }

    /** {@code fairkit history show REF --history DB}: the recorded report. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a recorded run's fairkit.report/1 document (its first grouping, or RUN#GROUPING).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "REF", description = "An entry id, a run id, RUN#GROUPING, latest or "
                + "latest:MODEL_VERSION.")
        String reference;

        @Option(names = "--history", required = true, paramLabel = "DB",
                description = "The history: an SQLite file or a jdbc: URL.")
        String history;

        @Override
        public Integer call() {
            History h = HistoryOptions.open(history);
            HistoryEntry e;
            try {
                e = h.resolve(reference);
            } catch (IllegalArgumentException ex) {
                throw CliException.badInput(ex.getMessage());
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(e.reportJson());
            w.flush();
            return ExitCode.OK;
        }
    }
}
