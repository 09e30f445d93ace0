package org.fairkit.orchestration.io;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.scores.ScoreMetric;

/**
 * The Metrics Export: every number of one or more reports as a flat table, in CSV and in JSON, one record per
 * reported quantity ({@link Estimand}), in the order of {@code GroupResults.values()}.
 *
 * <p>Columns (CSV header, and the field names of each JSON record):
 * <ul>
 *   <li>{@code grouping}: the grouping's features joined by {@code " x "}, e.g. {@code race x sex}</li>
 *   <li>{@code kind}: {@code group_value}, {@code overall_value}, {@code difference}, {@code ratio},
 *       {@code difference_to_overall}, {@code ratio_to_overall}, {@code reference_difference},
 *       {@code reference_ratio}, {@code fairness_metric} or {@code fairness_comparison} (a reference metric for one
 *       group, with its simultaneous interval; the {@link Estimand.Kind} in lower case). The per-group
 *       statistical parity difference (SPD) is {@code reference_difference} of {@code selection_rate}; per-group TPR
 *       and FPR are {@code group_value} of {@code true_positive_rate} and {@code false_positive_rate}.</li>
 *   <li>{@code metric}: the group metric's or the fairness metric's catalog id</li>
 *   <li>{@code group}: the group's label for group-level kinds, empty otherwise</li>
 *   <li>{@code count}: the group's row count for group-level kinds, all rows for the others</li>
 *   <li>{@code value}: the value, empty (JSON {@code null}) when undefined</li>
 *   <li>{@code undefined_reason}: why it is undefined, empty otherwise</li>
 *   <li>{@code lower}, {@code upper}, {@code level}, {@code interval_method}: the interval when one was estimated,
 *       empty otherwise</li>
 * </ul>
 * Score metrics ({@code roc_auc}, {@code brier_score}, ...), when the report has them, follow the group metrics
 * with the same kinds (except {@code fairness_metric}) and no interval, since FairKit estimates none for them yet.
 *
 * <p>JSON: {@code {"schema": "fairkit.metrics-export/1", "records": [ {..}, .. ]}} with numbers as numbers, absent
 * values as {@code null}, infinite values as the strings {@code "Infinity"}/{@code "-Infinity"}. CSV numbers are
 * Java's shortest round-trip form ({@link Double#toString(double)}); CSV text cells that a spreadsheet would run as a
 * formula (a group label {@code =HYPERLINK(...)}) get a leading {@code '} (see {@code CsvOut}).
 */
public final class MetricsExport {
    /** The JSON schema id. */
    public static final String SCHEMA = "fairkit.metrics-export/1";
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("grouping", "kind", "metric", "group", "count", "value",
            "undefined_reason", "lower", "upper", "level", "interval_method");

    private MetricsExport() {
    }

    /**
     * One exported quantity.
     *
     * @param grouping features joined by {@code " x "}
     * @param kind the estimand kind in lower case
     * @param metric the metric id
     * @param group the group label, empty for aggregates
     * @param count the group's rows, or all rows
     * @param value the value, undefined with a reason
     * @param interval its interval, when estimated
     */
    public record Record(String grouping, String kind, String metric, String group, long count, MetricValue value,
            Optional<Interval> interval) {
    }

    /** @return every quantity of the reports, report by report */
    public static List<Record> records(List<FairnessReport> reports) {
        List<Record> out = new ArrayList<>();
        for (FairnessReport r : reports) {
            String grouping = String.join(" x ", r.groups().get(0).features());
            long all = r.results().overallCounts().rows();
            for (Map.Entry<Estimand, MetricValue> e : r.results().values().entrySet()) {
                Estimand est = e.getKey();
                Optional<GroupKey> g = est.group();
                long count = g.map(k -> r.results().counts(k).rows()).orElse(all);
                out.add(new Record(grouping, est.kind().name().toLowerCase(Locale.ROOT), est.metricId(),
                        g.map(GroupKey::label).orElse(""), count, e.getValue(), r.interval(est)));
            }
            for (ScoreMetric m : r.scoreMetrics()) {
                scoreRecords(r, m, grouping, all, out);
            }
        }
        return out;
    }

    /** A score metric's records, in the order and with the kinds of a group metric's, without intervals. */
    private static void scoreRecords(FairnessReport r, ScoreMetric m, String grouping, long all, List<Record> out) {
        GroupValues v = r.scores().values(m);
        for (int g = 0; g < v.groups().size(); g++) {
            GroupKey k = v.groups().get(g);
            out.add(new Record(grouping, "group_value", m.id(), k.label(), r.results().counts(k).rows(), v.value(g),
                    Optional.empty()));
        }
        out.add(new Record(grouping, "overall_value", m.id(), "", all, v.overall(), Optional.empty()));
        out.add(new Record(grouping, "difference", m.id(), "", all, v.difference().value(), Optional.empty()));
        out.add(new Record(grouping, "ratio", m.id(), "", all, v.ratio().value(), Optional.empty()));
        out.add(new Record(grouping, "difference_to_overall", m.id(), "", all, v.differenceToOverall().value(),
                Optional.empty()));
        out.add(new Record(grouping, "ratio_to_overall", m.id(), "", all, v.ratioToOverall().value(),
                Optional.empty()));
        if (r.reference().isPresent()) {
            for (ReferenceComparison c : r.toReference(m)) {
                long n = r.results().counts(c.group()).rows();
                out.add(new Record(grouping, "reference_difference", m.id(), c.group().label(), n, c.difference(),
                        Optional.empty()));
                out.add(new Record(grouping, "reference_ratio", m.id(), c.group().label(), n, c.ratio(),
                        Optional.empty()));
            }
        }
    }

    /**
     * Every quantity of reports of any task ({@link TaskReport}), in the same columns: per metric (report order) its
     * {@code group_value}s (count = the group's size: rows, or items of a ranking), {@code overall_value} (count = all
     * rows or items), {@code difference}, {@code ratio}, {@code difference_to_overall}, {@code ratio_to_overall};
     * then each named disparity as {@code fairness_metric}. Intervals where the report carries them.
     */
    public static List<Record> taskRecords(List<TaskReport> reports) {
        List<Record> out = new ArrayList<>();
        for (TaskReport r : reports) {
            String grouping = String.join(" x ", r.groupBy());
            long all = r.sizes().stream().mapToLong(Long::longValue).sum();
            for (GroupValues v : r.metrics()) {
                for (int g = 0; g < r.groups().size(); g++) {
                    GroupKey k = r.groups().get(g);
                    out.add(new Record(grouping, "group_value", v.metricId(), k.label(), r.sizes().get(g), v.value(g),
                            r.groupInterval(v.metricId(), k)));
                }
                out.add(new Record(grouping, "overall_value", v.metricId(), "", all, v.overall(), Optional.empty()));
                for (TaskReport.Aggregation a : TaskReport.Aggregation.values()) {
                    Disparity d = r.disparity(v.metricId() + "." + a.id()).orElseThrow();
                    out.add(new Record(grouping, a.id(), v.metricId(), "", all, d.value(), d.interval()));
                }
            }
            for (Disparity d : r.namedDisparities()) {
                out.add(new Record(grouping, "fairness_metric", d.id(), "", all, d.value(), d.interval()));
            }
        }
        return out;
    }

    /** Writes the CSV form of {@link #taskRecords}. */
    public static void writeTaskCsv(List<TaskReport> reports, Writer out) throws IOException {
        writeRecords(taskRecords(reports), out);
    }

    /** @return the JSON form of {@link #taskRecords} as a tree (schema {@value #SCHEMA}) */
    public static ObjectNode taskTree(List<TaskReport> reports) {
        return tree(taskRecords(reports));
    }

    /** Writes the JSON form of {@link #taskRecords}. */
    public static void writeTaskJson(List<TaskReport> reports, Writer out) throws IOException {
        out.write(ReportJson.write(taskTree(reports)));
    }

    /** Writes the CSV form. */
    public static void writeCsv(List<FairnessReport> reports, Writer out) throws IOException {
        writeRecords(records(reports), out);
    }

    private static void writeRecords(List<Record> records, Writer out) throws IOException {
        try (SequenceWriter w = CsvOut.open(out, COLUMNS)) {
            for (Record r : records) {
                Optional<Interval> i = r.interval();
                w.write(CsvOut.row(r.grouping(), r.kind(), r.metric(), r.group(), r.count(),
                    r.value().isDefined() ? CsvOut.number(r.value().value()) : "", r.value().reason().orElse(""),
                    i.map(x -> CsvOut.number(x.lower())).orElse(""), i.map(x -> CsvOut.number(x.upper())).orElse(""),
                    i.map(x -> CsvOut.number(x.level())).orElse(""), i.map(Interval::method).orElse("")));
            }
        }
    }

    /** @return the JSON form as a tree */
    public static ObjectNode toTree(List<FairnessReport> reports) {
        return tree(records(reports));
    }

    private static ObjectNode tree(List<Record> all) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", SCHEMA);
        ArrayNode records = root.putArray("records");
        for (Record r : all) {
            ObjectNode o = records.addObject();
            o.put("grouping", r.grouping());
            o.put("kind", r.kind());
            o.put("metric", r.metric());
            o.put("group", r.group());
            o.put("count", r.count());
            if (r.value().isDefined()) {
                o.set("value", FairKitJsonModule.number(r.value().value()));
                o.putNull("undefined_reason");
            } else {
                o.putNull("value");
                o.put("undefined_reason", r.value().reason().orElseThrow());
            }
            if (r.interval().isPresent()) {
                Interval i = r.interval().get();
                o.set("lower", FairKitJsonModule.number(i.lower()));
                o.set("upper", FairKitJsonModule.number(i.upper()));
                o.put("level", i.level());
                o.put("interval_method", i.method());
            } else {
                o.putNull("lower");
                o.putNull("upper");
                o.putNull("level");
                o.putNull("interval_method");
            }
        }
        return root;
    }

    /** Writes the JSON form (indented as {@link ReportJson#toJson}). */
    public static void writeJson(List<FairnessReport> reports, Writer out) throws IOException {
        out.write(ReportJson.write(toTree(reports)));
    }
}
