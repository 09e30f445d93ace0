package org.fairkit.orchestration.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.GroupRow;
import org.fairkit.core.Provenance;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * A {@code fairkit.report/1} document read back: every member of the document as an immutable value, so that a
 * report from this run, from a file written months ago, from the history store or from another tool's export
 * compares alike. {@link ReportJson#read(String)} parses, {@link ReportJson#write(StoredReport)} writes the same
 * bytes back, and {@link #of(FairnessReport)} takes the same value from a live report: for every report {@code r},
 * {@code ReportJson.read(ReportJson.toJson(r)).equals(StoredReport.of(r))} and
 * {@code ReportJson.write(ReportJson.read(json)).equals(json)}.
 *
 * <p>Labels stay labels ({@link GroupKey#label()}); metric ids stay catalog ids, so a document naming a metric this
 * version does not know still reads. {@link #results()} re-derives the core {@link GroupResults} from the
 * per-group {@code cells} and the provenance's configuration, for comparisons that recompute intervals from counts.
 *
 * @param grouping the sensitive features, in order
 * @param reference the reference group's levels, when one was set
 * @param metrics the requested group metrics' ids
 * @param scoreMetrics the requested score metrics' ids (empty when none)
 * @param groups one entry per group, in report order
 * @param overall the values over all rows
 * @param aggregates each metric's difference, ratio and to-overall aggregates, by metric id
 * @param toReference each metric's comparisons with the reference group, when one was set
 * @param fairnessMetrics the named fairness metrics, by id
 * @param warnings the report's warnings
 * @param provenance where the numbers come from
 */
public record StoredReport(List<String> grouping, Optional<List<String>> reference, List<String> metrics,
        List<String> scoreMetrics, List<Group> groups, Overall overall, Map<String, Aggregates> aggregates,
        Optional<Map<String, List<ToReference>>> toReference, Map<String, StoredDisparity> fairnessMetrics,
        List<Warning> warnings, Provenance provenance) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Cell[] CELL_ORDER = {Cell.TN, Cell.FP, Cell.FN, Cell.TP};

    /** Copies every collection (keeping its order) and checks that every part is present. */
    public StoredReport {
        grouping = List.copyOf(grouping);
        reference = reference.map(List::copyOf);
        metrics = List.copyOf(metrics);
        scoreMetrics = List.copyOf(scoreMetrics);
        groups = List.copyOf(groups);
        Objects.requireNonNull(overall, "overall");
        aggregates = ordered(aggregates);
        toReference = toReference.map(StoredReport::ordered);
        fairnessMetrics = ordered(fairnessMetrics);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * One group's row.
     *
     * @param label the group's label (levels joined by {@code " & "})
     * @param levels each feature's level
     * @param count the group's rows (never weighted)
     * @param small whether the group is below the minimum group size
     * @param metrics each metric's value with its interval, by id (group metrics, then score metrics)
     * @param cells the confusion counts, when the document has them
     */
    public record Group(String label, Map<String, String> levels, long count, boolean small,
            Map<String, EstimatedValue> metrics, Optional<CellCounts> cells) {
        /** Copies the maps, keeping their order. */
        public Group {
            Objects.requireNonNull(label, "label");
            levels = ordered(levels);
            metrics = ordered(metrics);
            Objects.requireNonNull(cells, "cells");
        }

        /** @return the group's key */
        public GroupKey key() {
            return new GroupKey(List.copyOf(levels.keySet()), List.copyOf(levels.values()));
        }
    }

    /**
     * The values over all rows.
     *
     * @param count all rows
     * @param metrics each metric's overall value with its interval, by id
     * @param cells the confusion counts of all rows, when the document has them
     */
    public record Overall(long count, Map<String, EstimatedValue> metrics, Optional<CellCounts> cells) {
        /** Copies the map, keeping its order. */
        public Overall {
            metrics = ordered(metrics);
            Objects.requireNonNull(cells, "cells");
        }
    }

    /**
     * The four aggregates of one metric.
     *
     * @param difference max − min over eligible groups
     * @param ratio min / max
     * @param differenceToOverall max |group − overall|
     * @param ratioToOverall min of group / overall and its inverse
     */
    public record Aggregates(StoredDisparity difference, StoredDisparity ratio, StoredDisparity differenceToOverall,
            StoredDisparity ratioToOverall) {
        /** Checks that every part is present. */
        public Aggregates {
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(ratio, "ratio");
            Objects.requireNonNull(differenceToOverall, "differenceToOverall");
            Objects.requireNonNull(ratioToOverall, "ratioToOverall");
        }
    }

    /**
     * One group against the reference group.
     *
     * @param group the group's label
     * @param difference group − reference
     * @param ratio group / reference
     */
    public record ToReference(String group, EstimatedValue difference, EstimatedValue ratio) {
        /** Checks that every part is present. */
        public ToReference {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(ratio, "ratio");
        }
    }

    /**
     * A disparity as the document has it: DISPARITY in {@link ReportJson}.
     *
     * @param value the value with its interval
     * @param groups the labels of the groups producing the value
     * @param excluded the groups left out, each with the reason
     * @param byGroup for a reference fairness metric, its family (each other group against the reference); else empty
     */
    public record StoredDisparity(EstimatedValue value, List<String> groups, List<Excluded> excluded,
            List<StoredDisparity> byGroup) {
        /** Copies the lists. */
        public StoredDisparity {
            Objects.requireNonNull(value, "value");
            groups = List.copyOf(groups);
            excluded = List.copyOf(excluded);
            byGroup = List.copyOf(byGroup);
        }

        /** @return the disparity of a report, with the family of a reference fairness metric */
        static StoredDisparity of(Disparity d, List<Disparity> family) {
            return new StoredDisparity(EstimatedValue.of(d.value(), d.interval()),
                    d.groups().stream().map(GroupKey::label).toList(),
                    d.excluded().stream().map(x -> new Excluded(x.group().label(), x.reason())).toList(),
                    family.stream().map(c -> of(c, List.of())).toList());
        }
    }

    /**
     * A group left out of a disparity.
     *
     * @param group the group's label
     * @param reason why
     */
    public record Excluded(String group, String reason) {
        /** Checks that both parts are present. */
        public Excluded {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A warning of the report.
     *
     * @param kind the {@link ReportWarning.Kind} name (kept as text: a document may name a kind this version lacks)
     * @param message the text
     */
    public record Warning(String kind, String message) {
        /** Checks that both parts are present. */
        public Warning {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** @return the value a document of {@code report} reads back as */
    public static StoredReport of(FairnessReport report) {
        List<String> grouping = report.groups().get(0).features();
        Optional<List<String>> ref = report.reference().map(GroupKey::levels);
        List<String> metrics = report.metrics().stream().map(GroupMetric::id).toList();
        List<ScoreMetric> scoreMetrics = report.scoreMetrics();
        List<Group> groups = new ArrayList<>();
        for (GroupRow row : report.byGroup()) {
            Map<String, String> levels = new LinkedHashMap<>();
            for (int i = 0; i < row.group().features().size(); i++) {
                levels.put(row.group().features().get(i), row.group().levels().get(i));
            }
            Map<String, EstimatedValue> values = new LinkedHashMap<>();
            row.values().forEach((m, v) -> values.put(m.id(),
                    EstimatedValue.of(v, Optional.ofNullable(row.intervals().get(m)))));
            for (ScoreMetric m : scoreMetrics) {
                values.put(m.id(), EstimatedValue.of(report.value(m, row.group()), Optional.empty()));
            }
            groups.add(new Group(row.group().label(), levels, row.rows(), row.small(), values,
                    Optional.of(report.results().counts(row.group()))));
        }
        Map<String, EstimatedValue> overall = new LinkedHashMap<>();
        report.overall().forEach((m, v) -> overall.put(m.id(), EstimatedValue.of(v,
                report.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, m)))));
        for (ScoreMetric m : scoreMetrics) {
            overall.put(m.id(), EstimatedValue.of(report.overall(m), Optional.empty()));
        }
        Map<String, Aggregates> aggregates = new LinkedHashMap<>();
        for (GroupMetric m : report.metrics()) {
            aggregates.put(m.id(), new Aggregates(StoredDisparity.of(report.difference(m), List.of()),
                    StoredDisparity.of(report.ratio(m), List.of()),
                    StoredDisparity.of(report.differenceToOverall(m), List.of()),
                    StoredDisparity.of(report.ratioToOverall(m), List.of())));
        }
        for (ScoreMetric m : scoreMetrics) {
            aggregates.put(m.id(), new Aggregates(StoredDisparity.of(report.difference(m), List.of()),
                    StoredDisparity.of(report.ratio(m), List.of()),
                    StoredDisparity.of(report.differenceToOverall(m), List.of()),
                    StoredDisparity.of(report.ratioToOverall(m), List.of())));
        }
        Optional<Map<String, List<ToReference>>> toReference = Optional.empty();
        if (report.reference().isPresent()) {
            Map<String, List<ToReference>> tr = new LinkedHashMap<>();
            for (GroupMetric m : report.metrics()) {
                if (m == Metrics.COUNT) {
                    continue;
                }
                List<ToReference> list = new ArrayList<>();
                for (ReferenceComparison c : report.toReference(m)) {
                    list.add(new ToReference(c.group().label(), EstimatedValue.of(c.difference(), report.interval(
                            Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, m, c.group()))),
                            EstimatedValue.of(c.ratio(), report.interval(
                                    Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, m, c.group())))));
                }
                tr.put(m.id(), list);
            }
            for (ScoreMetric m : scoreMetrics) {
                List<ToReference> list = new ArrayList<>();
                for (ReferenceComparison c : report.toReference(m)) {
                    list.add(new ToReference(c.group().label(), EstimatedValue.of(c.difference(), Optional.empty()),
                            EstimatedValue.of(c.ratio(), Optional.empty())));
                }
                tr.put(m.id(), list);
            }
            toReference = Optional.of(tr);
        }
        Map<String, StoredDisparity> fairness = new LinkedHashMap<>();
        report.fairnessMetrics().forEach((f, d) -> fairness.put(f.id(),
                StoredDisparity.of(d, report.fairnessByGroup(f))));
        List<Warning> warnings = report.warnings().stream().map(w -> new Warning(w.kind().name(), w.message()))
                .toList();
        return new StoredReport(grouping, ref, metrics, scoreMetrics.stream().map(ScoreMetric::id).toList(), groups,
                new Overall(report.results().overallCounts().rows(), overall,
                        Optional.of(report.results().overallCounts())),
                aggregates, toReference, fairness, warnings, report.provenance());
    }

    /** @return whether every group and the overall row carry their confusion counts */
    public boolean hasCells() {
        return overall.cells().isPresent() && groups.stream().allMatch(g -> g.cells().isPresent());
    }

    /** @return the group with this label */
    public Optional<Group> group(String label) {
        return groups.stream().filter(g -> g.label().equals(label)).findFirst();
    }

    /**
     * Re-derives the core results from the counts: the same group metrics and named fairness metrics (score metrics
     * need the scores and are left out), reference group, minimum group size and zero-division policy as the
     * provenance's configuration records.
     *
     * @throws IllegalStateException if the document has no cell counts (written before they were added), naming what
     *     is missing
     * @throws IllegalArgumentException if the configuration names an unknown metric or setting
     */
    public GroupResults results() {
        if (!hasCells()) {
            throw new IllegalStateException("the report has no per-group \"cells\" (written by a FairKit version "
                    + "before they were added): its intervals cannot be recomputed; re-run the audit to compare it");
        }
        Map<String, String> conf = provenance.configuration();
        EvaluationSpec.Builder b = EvaluationSpec.builder().groupBy(grouping.toArray(String[]::new));
        b.metrics(metrics.stream().map(Metrics::byId).toArray(GroupMetric[]::new));
        String named = conf.getOrDefault("fairnessMetrics", String.join(",", fairnessMetrics.keySet()));
        b.fairnessMetrics(named.isEmpty() ? new FairnessMetric[0]
                : java.util.Arrays.stream(named.split(",")).map(FairnessMetric::byId).toArray(FairnessMetric[]::new));
        reference.ifPresent(r -> b.reference(r.toArray(String[]::new)));
        String min = conf.get("minGroupSize");
        if (min != null) {
            b.minGroupSize(Integer.parseInt(min));
        }
        String zd = conf.get("zeroDivision");
        if (zd != null) {
            b.zeroDivision(ZeroDivision.valueOf(zd));
        }
        EvaluationSpec spec = b.build();
        List<SensitiveFeature> features = new ArrayList<>();
        for (int j = 0; j < grouping.size(); j++) {
            String[] column = new String[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                column[g] = groups.get(g).key().levels().get(j);
            }
            features.add(SensitiveFeature.of(grouping.get(j), column));
        }
        Grouping gr = Grouping.of(features);
        CellCounts[] counts = new CellCounts[gr.groupCount()];
        for (Group g : groups) {
            int i = gr.indexOf(g.key().levels()).orElseThrow();
            counts[i] = g.cells().orElseThrow();
        }
        return GroupResults.derive(spec, gr, GroupConfusion.of(counts));
    }

    // ---------------------------------------------------------------- reading

    static StoredReport parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a fairkit.report/1 document is a JSON object");
        }
        String schema = text(root, "schema", "$");
        if (!ReportJson.SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("$.schema is \"" + schema + "\", expected \"" + ReportJson.SCHEMA
                    + "\"");
        }
        List<String> grouping = strings(field(root, "grouping", "$"), "$.grouping");
        JsonNode refNode = field(root, "reference", "$");
        Optional<List<String>> reference = refNode.isNull() ? Optional.empty()
                : Optional.of(strings(refNode, "$.reference"));
        List<String> metrics = strings(field(root, "metrics", "$"), "$.metrics");
        List<String> scoreMetrics = root.has("score_metrics") ? strings(root.get("score_metrics"), "$.score_metrics")
                : List.of();
        List<Group> groups = new ArrayList<>();
        JsonNode gs = array(field(root, "groups", "$"), "$.groups");
        for (int i = 0; i < gs.size(); i++) {
            String at = "$.groups[" + i + "]";
            JsonNode g = gs.get(i);
            Map<String, String> levels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(field(g, "levels", at), at + ".levels").fields();
                    it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                levels.put(e.getKey(), e.getValue().asText());
            }
            groups.add(new Group(text(g, "label", at), levels, longValue(g, "count", at),
                    field(g, "small", at).asBoolean(), values(field(g, "metrics", at), at + ".metrics"),
                    cells(g, at)));
        }
        JsonNode o = object(field(root, "overall", "$"), "$.overall");
        Overall overall = new Overall(longValue(o, "count", "$.overall"),
                values(field(o, "metrics", "$.overall"), "$.overall.metrics"), cells(o, "$.overall"));
        Map<String, Aggregates> aggregates = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(field(root, "aggregates", "$"), "$.aggregates")
                .fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "$.aggregates." + e.getKey();
            JsonNode a = e.getValue();
            aggregates.put(e.getKey(), new Aggregates(disparity(field(a, "difference", at), at + ".difference"),
                    disparity(field(a, "ratio", at), at + ".ratio"),
                    disparity(field(a, "difference_to_overall", at), at + ".difference_to_overall"),
                    disparity(field(a, "ratio_to_overall", at), at + ".ratio_to_overall")));
        }
        Optional<Map<String, List<ToReference>>> toReference = Optional.empty();
        if (root.has("to_reference")) {
            Map<String, List<ToReference>> tr = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(root.get("to_reference"), "$.to_reference")
                    .fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = "$.to_reference." + e.getKey();
                List<ToReference> list = new ArrayList<>();
                JsonNode arr = array(e.getValue(), at);
                for (int i = 0; i < arr.size(); i++) {
                    JsonNode c = arr.get(i);
                    String cat = at + "[" + i + "]";
                    list.add(new ToReference(text(c, "group", cat), value(field(c, "difference", cat),
                            cat + ".difference"), value(field(c, "ratio", cat), cat + ".ratio")));
                }
                tr.put(e.getKey(), list);
            }
            toReference = Optional.of(tr);
        }
        Map<String, StoredDisparity> fairness = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(field(root, "fairness_metrics", "$"),
                "$.fairness_metrics").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fairness.put(e.getKey(), disparity(e.getValue(), "$.fairness_metrics." + e.getKey()));
        }
        List<Warning> warnings = new ArrayList<>();
        JsonNode ws = array(field(root, "warnings", "$"), "$.warnings");
        for (int i = 0; i < ws.size(); i++) {
            String at = "$.warnings[" + i + "]";
            warnings.add(new Warning(text(ws.get(i), "kind", at), text(ws.get(i), "message", at)));
        }
        return new StoredReport(grouping, reference, metrics, scoreMetrics, groups, overall, aggregates, toReference,
                fairness, warnings, provenance(object(field(root, "provenance", "$"), "$.provenance")));
    }

    private static Provenance provenance(JsonNode p) {
        Map<String, String> conf = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(field(p, "configuration", "$.provenance"),
                "$.provenance.configuration").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            conf.put(e.getKey(), e.getValue().asText());
        }
        Instant at;
        String when = text(p, "evaluated_at", "$.provenance");
        try {
            at = Instant.parse(when);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("$.provenance.evaluated_at is \"" + when
                    + "\", expected an ISO-8601 instant such as 2024-01-01T00:00:00Z", e);
        }
        Optional<String> file = p.has("input_file_sha256") ? Optional.of(text(p, "input_file_sha256",
                "$.provenance")) : Optional.empty();
        return new Provenance(text(p, "library_version", "$.provenance"), conf, longValue(p, "rows", "$.provenance"),
                text(p, "input_sha256", "$.provenance"), at, file);
    }

    private static Optional<CellCounts> cells(JsonNode node, String at) {
        if (!node.has("cells")) {
            return Optional.empty();
        }
        JsonNode c = object(node.get("cells"), at + ".cells");
        long[] n = new long[4];
        for (int k = 0; k < 4; k++) {
            n[k] = longValue(c, CELL_ORDER[k].name().toLowerCase(Locale.ROOT), at + ".cells");
        }
        if (!node.has("cell_weights")) {
            return Optional.of(CellCounts.of(n[0], n[1], n[2], n[3]));
        }
        JsonNode w = object(node.get("cell_weights"), at + ".cell_weights");
        double[] m = new double[4];
        for (int k = 0; k < 4; k++) {
            m[k] = number(field(w, CELL_ORDER[k].name().toLowerCase(Locale.ROOT), at + ".cell_weights"),
                    at + ".cell_weights." + CELL_ORDER[k].name().toLowerCase(Locale.ROOT));
        }
        return Optional.of(CellCounts.weighted(n[0], n[1], n[2], n[3], m[0], m[1], m[2], m[3]));
    }

    private static Map<String, EstimatedValue> values(JsonNode node, String at) {
        Map<String, EstimatedValue> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(node, at).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getValue(), at + "." + e.getKey()));
        }
        return out;
    }

    private static EstimatedValue value(JsonNode node, String at) {
        object(node, at);
        JsonNode v = field(node, "value", at);
        MetricValue mv = v.isNull() ? MetricValue.undefined(text(node, "undefined", at))
                : MetricValue.of(number(v, at + ".value"));
        Optional<Interval> interval = node.has("interval") ? Optional.of(interval(node.get("interval"),
                at + ".interval")) : Optional.empty();
        return EstimatedValue.of(mv, interval);
    }

    private static Interval interval(JsonNode i, String at) {
        object(i, at);
        Optional<String> note = i.has("note") ? Optional.of(text(i, "note", at)) : Optional.empty();
        try {
            return new Interval(number(field(i, "lower", at), at + ".lower"),
                    number(field(i, "upper", at), at + ".upper"), number(field(i, "level", at), at + ".level"),
                    text(i, "method", at), longValue(i, "draws", at), longValue(i, "undefined_draws", at), note);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static StoredDisparity disparity(JsonNode d, String at) {
        EstimatedValue v = value(d, at);
        List<String> groups = strings(field(d, "groups", at), at + ".groups");
        List<Excluded> excluded = new ArrayList<>();
        JsonNode xs = array(field(d, "excluded", at), at + ".excluded");
        for (int i = 0; i < xs.size(); i++) {
            String xat = at + ".excluded[" + i + "]";
            excluded.add(new Excluded(text(xs.get(i), "group", xat), text(xs.get(i), "reason", xat)));
        }
        List<StoredDisparity> family = new ArrayList<>();
        if (d.has("by_group")) {
            JsonNode bg = array(d.get("by_group"), at + ".by_group");
            for (int i = 0; i < bg.size(); i++) {
                family.add(disparity(bg.get(i), at + ".by_group[" + i + "]"));
            }
        }
        return new StoredDisparity(v, groups, excluded, family);
    }

    private static JsonNode field(JsonNode node, String name, String at) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new IllegalArgumentException(at + " has no member \"" + name + "\"");
        }
        return v;
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode v = field(node, name, at);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(at + "." + name + " must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static long longValue(JsonNode node, String name, String at) {
        JsonNode v = field(node, name, at);
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(at + "." + name + " must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static double number(JsonNode v, String at) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual() && ("Infinity".equals(v.asText()) || "-Infinity".equals(v.asText()))) {
            return "Infinity".equals(v.asText()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        throw new IllegalArgumentException(at + " must be a number, \"Infinity\" or \"-Infinity\", got " + v);
    }

    private static JsonNode object(JsonNode v, String at) {
        if (!v.isObject()) {
            throw new IllegalArgumentException(at + " must be an object, got " + v.getNodeType());
        }
        return v;
    }

    private static JsonNode array(JsonNode v, String at) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(at + " must be an array, got " + v.getNodeType());
        }
        return v;
    }

    private static List<String> strings(JsonNode v, String at) {
        array(v, at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new IllegalArgumentException(at + "[" + i + "] must be a string, got " + v.get(i));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    // ---------------------------------------------------------------- writing

    /** @return the document as a tree, member for member as {@link ReportJson#toTree} writes a report */
    public ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", ReportJson.SCHEMA);
        root.set("grouping", stringArray(grouping));
        root.set("reference", reference.<JsonNode>map(StoredReport::stringArray).orElse(f.nullNode()));
        root.set("metrics", stringArray(metrics));
        if (!scoreMetrics.isEmpty()) {
            root.set("score_metrics", stringArray(scoreMetrics));
        }
        ArrayNode gs = root.putArray("groups");
        for (Group g : groups) {
            ObjectNode n = gs.addObject();
            n.put("label", g.label());
            ObjectNode levels = n.putObject("levels");
            g.levels().forEach(levels::put);
            n.put("count", g.count());
            n.put("small", g.small());
            n.set("metrics", valuesTree(g.metrics()));
            g.cells().ifPresent(c -> cellsTree(n, c));
        }
        ObjectNode o = root.putObject("overall");
        o.put("count", overall.count());
        o.set("metrics", valuesTree(overall.metrics()));
        overall.cells().ifPresent(c -> cellsTree(o, c));
        ObjectNode ag = root.putObject("aggregates");
        aggregates.forEach((id, a) -> {
            ObjectNode n = ag.putObject(id);
            n.set("difference", disparityTree(a.difference()));
            n.set("ratio", disparityTree(a.ratio()));
            n.set("difference_to_overall", disparityTree(a.differenceToOverall()));
            n.set("ratio_to_overall", disparityTree(a.ratioToOverall()));
        });
        toReference.ifPresent(tr -> {
            ObjectNode n = root.putObject("to_reference");
            tr.forEach((id, list) -> {
                ArrayNode arr = n.putArray(id);
                for (ToReference c : list) {
                    ObjectNode cn = arr.addObject();
                    cn.put("group", c.group());
                    cn.set("difference", ReportJson.tree(c.difference()));
                    cn.set("ratio", ReportJson.tree(c.ratio()));
                }
            });
        });
        ObjectNode fm = root.putObject("fairness_metrics");
        fairnessMetrics.forEach((id, d) -> fm.set(id, disparityTree(d)));
        ArrayNode ws = root.putArray("warnings");
        for (Warning w : warnings) {
            ObjectNode n = ws.addObject();
            n.put("kind", w.kind());
            n.put("message", w.message());
        }
        root.set("provenance", ReportJson.tree(provenance));
        return root;
    }

    private static ObjectNode valuesTree(Map<String, EstimatedValue> values) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        values.forEach((id, v) -> n.set(id, ReportJson.tree(v)));
        return n;
    }

    private static void cellsTree(ObjectNode n, CellCounts c) {
        ObjectNode cells = n.putObject("cells");
        for (Cell cell : CELL_ORDER) {
            cells.put(cell.name().toLowerCase(Locale.ROOT), c.rows(cell));
        }
        if (c.isWeighted()) {
            ObjectNode w = n.putObject("cell_weights");
            for (Cell cell : CELL_ORDER) {
                w.set(cell.name().toLowerCase(Locale.ROOT), FairKitJsonModule.number(c.mass(cell)));
            }
        }
    }

    private static ObjectNode disparityTree(StoredDisparity d) {
        ObjectNode n = (ObjectNode) ReportJson.tree(d.value());
        ArrayNode groups = n.putArray("groups");
        d.groups().forEach(groups::add);
        ArrayNode excluded = n.putArray("excluded");
        for (Excluded x : d.excluded()) {
            ObjectNode xn = excluded.addObject();
            xn.put("group", x.group());
            xn.put("reason", x.reason());
        }
        if (!d.byGroup().isEmpty()) {
            ArrayNode family = n.putArray("by_group");
            d.byGroup().forEach(c -> family.add(disparityTree(c)));
        }
        return n;
    }

    private static ArrayNode stringArray(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
