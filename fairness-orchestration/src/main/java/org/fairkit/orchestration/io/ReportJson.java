package org.fairkit.orchestration.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.Provenance;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.scores.ScoreMetric;

/**
 * The stable JSON shape of a {@link FairnessReport}: the Detailed Report of an audit run and the CLI's
 * {@code --format json}. Version {@value #SCHEMA}; a field is only ever added, never renamed or re-typed, within a
 * version.
 *
 * <pre>
 * {
 *   "schema": "fairkit.report/1",
 *   "grouping": ["race"],                       // the sensitive features, in order
 *   "reference": ["Caucasian"] | null,          // the reference group's levels
 *   "metrics": ["count", "selection_rate", ...],// requested group metrics, by catalog id
 *   "score_metrics": ["roc_auc", ...],          // only when score metrics were requested
 *   "groups": [ { "label": "African-American", "levels": {"race": "African-American"}, "count": 3175,
 *                 "small": false,
 *                 "metrics": { "selection_rate": VALUE, ... } } ],
 *   "overall": { "count": 6172, "metrics": { "selection_rate": VALUE, ... } },
 *   "aggregates": { "selection_rate": { "difference": DISPARITY, "ratio": DISPARITY,
 *                                       "difference_to_overall": DISPARITY, "ratio_to_overall": DISPARITY } },
 *   "to_reference": { "selection_rate": [ { "group": "African-American", "difference": VALUE, "ratio": VALUE } ] },
 *   "fairness_metrics": { "demographic_parity_difference": DISPARITY, ... },
 *   "warnings": [ { "kind": "SMALL_GROUP", "message": "..." } ],
 *   "provenance": { "library_version": "...", "configuration": { ... }, "rows": 6172,
 *                   "input_sha256": "...", "evaluated_at": "2024-01-01T00:00:00Z" }
 * }
 * VALUE     = { "value": 0.57 } | { "value": null, "undefined": "no positives (TP + FN = 0)" },
 *             plus "interval": INTERVAL when one was estimated
 * INTERVAL  = { "lower": .., "upper": .., "level": 0.95, "method": "...", "draws": 2000, "undefined_draws": 0 }
 *             plus "note": "..." when the interval needs one (a closed form replacing a degenerate bootstrap and
 *             why; a simultaneous family; an end fixed by the quantity's nature)
 * DISPARITY = VALUE plus "groups": [labels producing the value], "excluded": [ { "group": label, "reason": ".." } ];
 *             a fairness metric against a reference group also has "by_group": [DISPARITY per other group], the
 *             family its value is the worst of, each with its simultaneous interval
 * </pre>
 *
 * <p>Score metrics ({@code roc_auc}, {@code brier_score}, ...), when the report has them, are listed in
 * {@code score_metrics} and appear beside the group metrics, by their catalog ids, in every group's and the
 * overall {@code metrics}, in {@code aggregates} and in {@code to_reference}; they never carry intervals. Without
 * them the document has no {@code score_metrics} member, so it is unchanged.
 *
 * <p>Numbers are JSON doubles as Java prints them (shortest repr that round-trips); the non-finite values a defined
 * value may take (an infinite ratio) are the strings {@code "Infinity"} and {@code "-Infinity"}. {@code to_reference}
 * is present only with a reference group, and omits {@code count}. Group labels are {@link GroupKey#label()}
 * (levels joined by {@code " & "}); {@code levels} names each feature's level.
 */
public final class ReportJson {
    /** The schema id written into every document. */
    public static final String SCHEMA = "fairkit.report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ReportJson() {
    }

    /** @return the report as a JSON tree */
    public static ObjectNode toTree(FairnessReport report) {
        ObjectNode root = F.objectNode();
        root.put("schema", SCHEMA);
        ArrayNode grouping = root.putArray("grouping");
        List<String> features = report.groups().get(0).features();
        features.forEach(grouping::add);
        Optional<GroupKey> ref = report.reference();
        if (ref.isPresent()) {
            ArrayNode r = root.putArray("reference");
            ref.get().levels().forEach(r::add);
        } else {
            root.putNull("reference");
        }
        ArrayNode metrics = root.putArray("metrics");
        report.metrics().forEach(m -> metrics.add(m.id()));
        List<ScoreMetric> scoreMetrics = report.scoreMetrics();
        if (!scoreMetrics.isEmpty()) {
            ArrayNode sm = root.putArray("score_metrics");
            scoreMetrics.forEach(m -> sm.add(m.id()));
        }

        ArrayNode groups = root.putArray("groups");
        for (GroupRow row : report.byGroup()) {
            ObjectNode g = groups.addObject();
            g.put("label", row.group().label());
            ObjectNode levels = g.putObject("levels");
            for (int i = 0; i < row.group().features().size(); i++) {
                levels.put(row.group().features().get(i), row.group().levels().get(i));
            }
            g.put("count", row.rows());
            g.put("small", row.small());
            ObjectNode ms = g.putObject("metrics");
            for (Map.Entry<GroupMetric, MetricValue> e : row.values().entrySet()) {
                ms.set(e.getKey().id(), value(e.getValue(), Optional.ofNullable(row.intervals().get(e.getKey()))));
            }
            for (ScoreMetric m : scoreMetrics) {
                ms.set(m.id(), value(report.value(m, row.group()), Optional.empty()));
            }
        }

        ObjectNode overall = root.putObject("overall");
        overall.put("count", report.results().overallCounts().rows());
        ObjectNode om = overall.putObject("metrics");
        for (Map.Entry<GroupMetric, MetricValue> e : report.overall().entrySet()) {
            om.set(e.getKey().id(), value(e.getValue(),
                    report.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, e.getKey()))));
        }
        for (ScoreMetric m : scoreMetrics) {
            om.set(m.id(), value(report.overall(m), Optional.empty()));
        }

        ObjectNode aggregates = root.putObject("aggregates");
        for (GroupMetric m : report.metrics()) {
            ObjectNode a = aggregates.putObject(m.id());
            a.set("difference", disparity(report.difference(m)));
            a.set("ratio", disparity(report.ratio(m)));
            a.set("difference_to_overall", disparity(report.differenceToOverall(m)));
            a.set("ratio_to_overall", disparity(report.ratioToOverall(m)));
        }
        for (ScoreMetric m : scoreMetrics) {
            ObjectNode a = aggregates.putObject(m.id());
            a.set("difference", disparity(report.difference(m)));
            a.set("ratio", disparity(report.ratio(m)));
            a.set("difference_to_overall", disparity(report.differenceToOverall(m)));
            a.set("ratio_to_overall", disparity(report.ratioToOverall(m)));
        }

        if (ref.isPresent()) {
            ObjectNode tr = root.putObject("to_reference");
            for (GroupMetric m : report.metrics()) {
                if (m == Metrics.COUNT) {
                    continue;
                }
                ArrayNode list = tr.putArray(m.id());
                for (ReferenceComparison c : report.toReference(m)) {
                    ObjectNode o = list.addObject();
                    o.put("group", c.group().label());
                    o.set("difference", value(c.difference(), report.interval(
                            Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, m, c.group()))));
                    o.set("ratio", value(c.ratio(), report.interval(
                            Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, m, c.group()))));
                }
            }
            for (ScoreMetric m : scoreMetrics) {
                ArrayNode list = tr.putArray(m.id());
                for (ReferenceComparison c : report.toReference(m)) {
                    ObjectNode o = list.addObject();
                    o.put("group", c.group().label());
                    o.set("difference", value(c.difference(), Optional.empty()));
                    o.set("ratio", value(c.ratio(), Optional.empty()));
                }
            }
        }

        ObjectNode fm = root.putObject("fairness_metrics");
        for (Map.Entry<FairnessMetric, Disparity> e : report.fairnessMetrics().entrySet()) {
            ObjectNode d = disparity(e.getValue());
            List<Disparity> family = report.fairnessByGroup(e.getKey());
            if (!family.isEmpty()) {
                ArrayNode each = d.putArray("by_group");
                family.forEach(c -> each.add(disparity(c)));
            }
            fm.set(e.getKey().id(), d);
        }

        ArrayNode warnings = root.putArray("warnings");
        for (ReportWarning w : report.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("kind", w.kind().name());
            o.put("message", w.message());
        }
        root.set("provenance", provenance(report.provenance()));
        return root;
    }

    /** @return the report as indented JSON text (two spaces, {@code "key": value}, {@code \n} line ends) */
    public static String toJson(FairnessReport report) {
        return write(toTree(report));
    }

    /** Writes any tree of this module's outputs with the same formatting as {@link #toJson}. */
    public static String write(com.fasterxml.jackson.databind.JsonNode tree) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VALUE: {@code {"value": x}} or {@code {"value": null, "undefined": reason}}, with an interval if given. */
    static ObjectNode value(MetricValue v, Optional<Interval> interval) {
        ObjectNode o = F.objectNode();
        if (v.isDefined()) {
            number(o, "value", v.value());
        } else {
            o.putNull("value");
            o.put("undefined", v.reason().orElseThrow());
        }
        interval.ifPresent(i -> o.set("interval", interval(i)));
        return o;
    }

    static ObjectNode interval(Interval i) {
        ObjectNode o = F.objectNode();
        number(o, "lower", i.lower());
        number(o, "upper", i.upper());
        o.put("level", i.level());
        o.put("method", i.method());
        o.put("draws", i.draws());
        o.put("undefined_draws", i.undefinedDraws());
        i.note().ifPresent(n -> o.put("note", n));
        return o;
    }

    static ObjectNode disparity(Disparity d) {
        ObjectNode o = value(d.value(), d.interval());
        ArrayNode groups = o.putArray("groups");
        d.groups().forEach(g -> groups.add(g.label()));
        ArrayNode excluded = o.putArray("excluded");
        for (Exclusion x : d.excluded()) {
            ObjectNode e = excluded.addObject();
            e.put("group", x.group().label());
            e.put("reason", x.reason());
        }
        return o;
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode o = F.objectNode();
        o.put("library_version", p.libraryVersion());
        ObjectNode c = o.putObject("configuration");
        p.configuration().forEach(c::put);
        o.put("rows", p.rows());
        o.put("input_sha256", p.inputSha256());
        o.put("evaluated_at", p.evaluatedAt().toString());
        return o;
    }

    static void number(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.put(field, x > 0 ? "Infinity" : "-Infinity");
        }
    }
}
