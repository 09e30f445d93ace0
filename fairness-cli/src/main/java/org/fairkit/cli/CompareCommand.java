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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.io.StoredReport;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.stats.FairnessComparison;
import org.fairkit.stats.correction.MultipleTesting;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit compare}: how a candidate run differs from a baseline run, for every group metric in every group and
 * every named fairness metric: the change with its interval and whether it is beyond chance after a
 * multiple-comparison correction (fairness-stats' {@link FairnessComparison}; the runs are independent samples and
 * everything comes from their per-group counts). Each side is a report file, a run of the history, or (candidate
 * only) a CSV file evaluated with the baseline's settings. Exit 0 whatever changed: gate with
 * {@code fairkit check --baseline} and a {@code max_regression} rule.
 *
 * <p>JSON ({@code --format json}), schema {@code fairkit.cli.compare/1}:
 * <pre>
 * { "schema", "baseline": DESCRIPTION, "candidate": DESCRIPTION, "level", "correction",
 *   "comparisons": [ { "grouping": [features], "changes": [ { "kind": "group_value"|"overall_value"|"fairness_metric",
 *       "metric", "group": label|null, "baseline": VALUE, "candidate": VALUE, "change": VALUE (with "interval"),
 *       "p_value": VALUE, "adjusted_p_value": VALUE, "beyond_chance", "worsening": VALUE, "method" } ] } ],
 *   "unmatched": [ { "side": "baseline"|"candidate", "grouping": [features] } ] }
 * </pre>
 */
@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Compare a candidate run with a baseline run: every change with its interval and whether it is "
                + "beyond chance.")
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    FairkitCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "RUN|FILE",
            description = "The baseline: a fairkit.report/1 or fairkit.cli.audit/1 file, or a run of --history "
                    + "(entry id, run id, RUN#GROUPING, latest, latest:MODEL_VERSION).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "RUN|FILE",
            description = "The candidate, as --baseline; or give --data ... to evaluate a CSV file with the "
                    + "baseline's settings.")
    String candidate;

    @ArgGroup(exclusive = false, heading = "Candidate from a CSV file (instead of --candidate):%n")
    DataOptions data;

    @Option(names = "--history", paramLabel = "DB", description = "The history to look RUN references up in.")
    String history;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "The intervals' level (default ${DEFAULT-VALUE}); the correction runs at 1 - L.")
    double level;

    @Option(names = "--correction", paramLabel = "METHOD", defaultValue = "holm",
            description = "holm (default), bonferroni, benjamini_hochberg or benjamini_yekutieli.")
    String correction;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: one document, schema fairkit.cli.compare/1.")
    Format format;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        if ((candidate == null) == (data == null)) {
            throw CliException.badInput("give exactly one candidate: --candidate RUN|FILE, or --data FILE with its "
                    + "columns (--label, --prediction, --sensitive)");
        }
        if (!(level > 0 && level < 1)) {
            throw CliException.badInput("--level must be strictly between 0 and 1, got " + level);
        }
        MultipleTesting method = correction(correction);
        Optional<History> h = Optional.ofNullable(history).map(HistoryOptions::open);
        ReportRefs.Resolved base = ReportRefs.resolve("--baseline", baseline, h);
        List<GroupResults> baseResults = results("--baseline", base.reports());
        String candidateDescription;
        List<GroupResults> candResults;
        if (candidate != null) {
            ReportRefs.Resolved c = ReportRefs.resolve("--candidate", candidate, h);
            candidateDescription = c.description();
            candResults = results("--candidate", c.reports());
        } else {
            candidateDescription = "file " + data.file();
            candResults = evaluate(base.reports()).stream().map(FairnessReport::results).toList();
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("schema", "fairkit.cli.compare/1");
        doc.put("baseline", base.description());
        doc.put("candidate", candidateDescription);
        doc.put("level", level);
        doc.put("correction", method.name());
        ArrayNode comps = doc.putArray("comparisons");
        ArrayNode unmatched = doc.putArray("unmatched");
        StringBuilder table = new StringBuilder();
        for (GroupResults b : baseResults) {
            Optional<GroupResults> c = candResults.stream().filter(x -> x.spec().groupBy().equals(b.spec().groupBy()))
                    .findFirst();
            if (c.isEmpty()) {
                unmatched(unmatched, "baseline", b);
                table.append("Grouping ").append(String.join(" & ", b.spec().groupBy()))
                        .append(": the candidate has no report of this grouping\n\n");
                continue;
            }
            FairnessComparison fc = FairnessComparison.of(b, c.get(), level, method);
            ObjectNode o = comps.addObject();
            ArrayNode g = o.putArray("grouping");
            b.spec().groupBy().forEach(g::add);
            ArrayNode changes = o.putArray("changes");
            for (FairnessComparison.Change ch : fc.changes()) {
                changes.add(change(ch));
            }
            table.append("Grouping ").append(String.join(" & ", b.spec().groupBy())).append(": baseline ")
                    .append(base.description()).append(", candidate ").append(candidateDescription).append('\n')
                    .append(fc).append('\n');
            long worse = fc.changes().stream().filter(ch -> ch.kind() == FairnessComparison.Kind.FAIRNESS_METRIC
                    && ch.beyondChance() && ch.worsening().isDefined() && ch.worsening().value() > 0).count();
            table.append(String.format(Locale.ROOT, "%d fairness %s less fair beyond chance%n%n", worse,
                    worse == 1 ? "metric is" : "metrics are"));
        }
        for (GroupResults c : candResults) {
            if (baseResults.stream().noneMatch(b -> b.spec().groupBy().equals(c.spec().groupBy()))) {
                unmatched(unmatched, "candidate", c);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == Format.JSON ? CliJson.write(doc) : table.toString());
        w.flush();
        return ExitCode.OK;
    }

    private static void unmatched(ArrayNode unmatched, String side, GroupResults r) {
        ObjectNode u = unmatched.addObject();
        u.put("side", side);
        ArrayNode g = u.putArray("grouping");
        r.spec().groupBy().forEach(g::add);
    }

    static ObjectNode change(FairnessComparison.Change ch) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", ch.kind().name().toLowerCase(Locale.ROOT));
        o.put("metric", ch.metric());
        if (ch.group().isPresent()) {
            o.put("group", ch.group().get().label());
        } else {
            o.putNull("group");
        }
        o.set("baseline", CliJson.value(ch.baseline(), Optional.empty()));
        o.set("candidate", CliJson.value(ch.candidate(), Optional.empty()));
        o.set("change", CliJson.value(ch.change(), ch.interval()));
        o.set("p_value", CliJson.value(ch.pValue(), Optional.empty()));
        o.set("adjusted_p_value", CliJson.value(ch.adjustedPValue(), Optional.empty()));
        o.put("beyond_chance", ch.beyondChance());
        o.set("worsening", CliJson.value(ch.worsening(), ch.worseningInterval()));
        o.put("method", ch.method());
        return o;
    }

    static MultipleTesting correction(String id) {
        String key = id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MultipleTesting m : MultipleTesting.values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw CliException.badInput("--correction '" + id + "' is not one of " + Arrays.stream(MultipleTesting.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The core results of stored reports, refusing documents without cells. */
    static List<GroupResults> results(String option, List<StoredReport> reports) {
        List<GroupResults> out = new ArrayList<>();
        for (StoredReport r : reports) {
            try {
                out.add(r.results());
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw CliException.badInput(option + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The candidate CSV evaluated with each baseline report's grouping, reference, metrics and group size. */
    private List<FairnessReport> evaluate(List<StoredReport> baselines) throws Exception {
        Path file = data.file();
        List<FairnessReport> out = new ArrayList<>();
        for (StoredReport b : baselines) {
            AuditGrouping g = AuditGrouping.of(b.grouping().toArray(String[]::new));
            if (b.reference().isPresent()) {
                g = g.reference(b.reference().get().toArray(String[]::new));
            }
            List<GroupMetric> metrics = b.metrics().stream().map(id -> (GroupMetric) Metrics.byId(id)).toList();
            Map<String, String> conf = b.provenance().configuration();
            List<FairnessMetric> named = b.fairnessMetrics().keySet().stream().map(FairnessMetric::byId).toList();
            MetricSelection selection = new MetricSelection(metrics, List.of(), Optional.of(named));
            int minGroupSize = Integer.parseInt(conf.getOrDefault("minGroupSize", "30"));
            AuditPlan plan = Plans.plan(Audits.planId(file), Audits.source(file, data.columns(), false), List.of(g),
                    selection, minGroupSize, Optional.empty(), List.of(StandardOutputs.DETAILED_REPORT));
            try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
                out.addAll(Audits.evaluate(plan, p, parent.clock()));
            }
        }
        return out;
    }
}
