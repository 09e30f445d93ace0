package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fairkit.core.Severity;
import org.fairkit.core.checks.DataQuality;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.FeatureTable;
import org.fairkit.core.checks.Finding;
import org.fairkit.core.checks.ProxyScore;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.PolicyRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit check-data}: the data gate. Runs fairness-core's data quality checks ({@code DataQuality}: group
 * sizes, missing values by group, proxies of the sensitive columns) on a CSV file, per sensitive column (and per
 * intersection a policy rule names), and exits {@value ExitCode#OK} when the gate passes, {@value ExitCode#FINDING}
 * when it fails, {@value ExitCode#BAD_INPUT} on bad input, as {@code check} does.
 *
 * <p>The gate: with {@code --policy}, the policy's data rules ({@code min_group_size}, {@code max_missing_rate},
 * {@code max_proxy_strength}, {@code representation_ratio}; orchestration's {@code Policy.evaluateData}) must pass
 * (a failed or inconclusive rule of severity {@code error} fails it; its fairness-metric rules are left to
 * {@code check}). Without {@code --policy}, the gate fails on any CRITICAL finding of the checks' default thresholds
 * (a group below 10 rows, a missing-rate gap of 0.20, an association of 0.5).
 *
 * <p>Feature columns: a cell is missing when it is empty or {@code NA}, {@code NaN} or {@code null} (any case); a
 * column is numeric when every other cell is a finite number, categorical otherwise.
 */
@Command(name = "check-data", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The data gate: data quality checks on a CSV file: exit 0 pass, 1 failed gate, 2 bad input.")
final class CheckDataCommand implements Callable<Integer> {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV file.")
    Path data;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
            description = "Sensitive columns, comma-separated; each is checked as a grouping.")
    List<String> sensitive;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "Feature columns to check for missing values and proxies, comma-separated.")
    List<String> features;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy (YAML) whose data rules are the gate; without it, any CRITICAL finding fails.")
    Path policyFile;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: one document, schema fairkit.cli.check-data/1.")
    Format format;

    @Override
    public Integer call() throws Exception {
        Optional<Policy> policy = policyFile == null ? Optional.empty()
                : Optional.of(Plans.policy("--policy", policyFile));
        List<String> sens = distinct("--sensitive", sensitive);
        List<String> feats = features == null ? List.of() : distinct("--features", features);
        for (String f : feats) {
            if (sens.contains(f)) {
                throw CliException.badInput("--features: '" + f + "' is a sensitive column; a feature is checked "
                        + "against the sensitive columns, so it cannot be one of them");
            }
        }
        CsvTable table = Inputs.table("--data", data);
        int[] sCol = new int[sens.size()];
        for (int i = 0; i < sCol.length; i++) {
            sCol[i] = table.column(sens.get(i), "sensitive");
        }
        int[] fCol = new int[feats.size()];
        for (int i = 0; i < fCol.length; i++) {
            fCol[i] = table.column(feats.get(i), "feature");
        }
        List<List<String>> levels = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        sens.forEach(s -> levels.add(new ArrayList<>()));
        feats.forEach(f -> cells.add(new ArrayList<>()));
        table.forEach(r -> {
            for (int i = 0; i < sCol.length; i++) {
                levels.get(i).add(r.level(sCol[i]));
            }
            for (int i = 0; i < fCol.length; i++) {
                String c = r.cell(fCol[i]).trim();
                cells.get(i).add(MISSING.contains(c.toLowerCase(Locale.ROOT)) ? null : c);
            }
        });
        int rows = levels.get(0).size();
        FeatureTable featureTable = feats.isEmpty() ? null : features(feats, cells);
        List<List<String>> groupings = groupings(sens, policy);
        List<DataQualityReport> reports = new ArrayList<>();
        DataQuality checks = DataQuality.defaults();
        for (List<String> g : groupings) {
            List<SensitiveFeature> sf = new ArrayList<>();
            for (String c : g) {
                sf.add(SensitiveFeature.of(c, levels.get(sens.indexOf(c)).toArray(new String[0])));
            }
            reports.add(checks.check(Grouping.of(sf), featureTable, null));
        }
        Optional<PolicyResult> result = policy.map(p -> p.evaluateData(reports));
        long critical = reports.stream().mapToLong(r -> r.findings(Severity.CRITICAL).size()).sum();
        boolean pass = result.map(r -> r.outcome() == Outcome.PASS).orElse(critical == 0);
        int code = pass ? ExitCode.OK : ExitCode.FINDING;

        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            w.print(CliJson.write(json(rows, feats, featureTable, groupings, reports, result, critical, pass, code)));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                w.println("Grouping " + String.join(" x ", groupings.get(i)) + ": " + reports.get(i).toString().strip());
                for (ProxyScore s : reports.get(i).proxies()) {
                    w.println(String.format(Locale.ROOT, "  proxy %s: %s = %s (%d rows)", s.feature(),
                            s.measure().info().id(), s.association().isDefined()
                                    ? String.format(Locale.ROOT, "%.4f", s.association().value())
                                    : "undefined (" + s.association().reason().orElse("") + ")", s.rows()));
                }
            }
            w.println();
            if (result.isPresent()) {
                w.println(result.get());
                w.println();
                w.println("Data gate: " + CheckCommand.verdictLine(result.get(), code));
            } else {
                w.println("Data gate (default thresholds): " + (pass ? "PASS" : "FAIL") + " (exit " + code + ")"
                        + (pass ? "" : ": " + critical + " critical " + (critical == 1 ? "finding" : "findings")));
            }
        }
        w.flush();
        return code;
    }

    private static List<String> distinct(String option, List<String> given) {
        List<String> out = new ArrayList<>();
        for (String s : given) {
            out.add(s.strip());
        }
        if (new LinkedHashSet<>(out).size() != out.size()) {
            throw CliException.badInput(option + ": a column is named twice: " + out);
        }
        return out;
    }

    private static FeatureTable features(List<String> names, List<List<String>> cells) {
        FeatureTable.Builder b = FeatureTable.builder();
        for (int i = 0; i < names.size(); i++) {
            List<String> col = cells.get(i);
            double[] x = new double[col.size()];
            boolean numeric = true;
            for (int r = 0; r < x.length && numeric; r++) {
                String c = col.get(r);
                if (c == null) {
                    x[r] = Double.NaN;
                    continue;
                }
                try {
                    x[r] = Double.parseDouble(c);
                    numeric = Double.isFinite(x[r]);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (numeric) {
                b.numeric(names.get(i), x);
            } else {
                b.categorical(names.get(i), col.toArray(new String[0]));
            }
        }
        return b.build();
    }

    /** Each sensitive column, then each intersection a policy's data rule names with {@code for}. */
    private static List<List<String>> groupings(List<String> sens, Optional<Policy> policy) {
        List<List<String>> out = new ArrayList<>();
        sens.forEach(s -> out.add(List.of(s)));
        if (policy.isPresent()) {
            for (PolicyRule rule : policy.get().dataRules()) {
                for (String f : rule.grouping()) {
                    if (!sens.contains(f)) {
                        throw CliException.badInput(CliErrors.policyGrouping(rule.name(), f, sens));
                    }
                }
                if (!rule.grouping().isEmpty()
                        && out.stream().noneMatch(g -> Set.copyOf(g).equals(Set.copyOf(rule.grouping())))) {
                    out.add(rule.grouping());
                }
            }
        }
        return out;
    }

    private ObjectNode json(int rows, List<String> feats, FeatureTable table, List<List<String>> groupings,
            List<DataQualityReport> reports, Optional<PolicyResult> result, long critical, boolean pass, int code) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.check-data/1");
        root.put("task", "data");
        root.put("source", data.toString());
        root.put("rows", rows);
        ArrayNode fs = root.putArray("features");
        for (String f : feats) {
            fs.addObject().put("name", f).put("kind", table.kind(f).name().toLowerCase(Locale.ROOT));
        }
        ArrayNode gs = root.putArray("groupings");
        for (int i = 0; i < reports.size(); i++) {
            DataQualityReport r = reports.get(i);
            ObjectNode g = gs.addObject();
            ArrayNode by = g.putArray("grouping");
            groupings.get(i).forEach(by::add);
            ArrayNode checked = g.putArray("checked");
            r.checked().forEach(c -> checked.add(c.id()));
            ArrayNode groups = g.putArray("groups");
            for (int k = 0; k < r.groups().size(); k++) {
                ObjectNode o = groups.addObject();
                o.put("label", r.groups().get(k).label());
                o.put("rows", r.size(k));
                if (r.missingValues().isPresent()) {
                    ObjectNode m = o.putObject("missing_rate");
                    for (String f : feats) {
                        m.put(f, r.missingValues().get().missingRate(f, k));
                    }
                }
            }
            ArrayNode proxies = g.putArray("proxies");
            for (ProxyScore s : r.proxies()) {
                ObjectNode o = proxies.addObject();
                o.put("feature", s.feature());
                o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
                o.put("measure", s.measure().info().id());
                o.set("association", CliJson.value(s.association(), Optional.empty()));
                o.set("mutual_information_nats", CliJson.value(s.mutualInformationNats(), Optional.empty()));
                o.put("rows", s.rows());
            }
            ArrayNode findings = g.putArray("findings");
            for (Finding f : r.findings()) {
                ObjectNode o = findings.addObject();
                o.put("check", f.check().id());
                o.put("severity", f.severity().name());
                o.put("group", f.group().map(GroupKey::label).orElse(null));
                o.put("feature", f.feature().orElse(null));
                if (f.measured().isPresent()) {
                    o.put("measured", f.measured().getAsDouble());
                } else {
                    o.putNull("measured");
                }
                if (f.threshold().isPresent()) {
                    o.put("threshold", f.threshold().getAsDouble());
                } else {
                    o.putNull("threshold");
                }
                o.put("message", f.message());
            }
        }
        root.put("critical_findings", critical);
        root.set("policy", result.<com.fasterxml.jackson.databind.JsonNode>map(p -> CliJson.check(p, code))
                .orElse(F.nullNode()));
        root.put("outcome", pass ? Outcome.PASS.name() : result.map(p -> p.outcome().name()).orElse("FAIL"));
        root.put("exit_code", code);
        return root;
    }
}
