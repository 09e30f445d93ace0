package org.fairkit.orchestration.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
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
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;

/**
 * FairKit's one JSON encoder: a Jackson module with a serializer for each value type FairKit writes, so each is
 * written in exactly one place, whichever document holds it ({@code fairkit.report/1}, the CLI's
 * {@code fairkit.cli.*} documents, the run outputs).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new FairKitJsonModule());
 * String json = mapper.writeValueAsString(report);       // fairkit.report/1
 * }</pre>
 *
 * <table>
 * <caption>What each type is written as</caption>
 * <tr><th>type</th><th>JSON</th></tr>
 * <tr><td>{@link MetricValue}</td><td>{@code {"value": x}} or {@code {"value": null, "undefined": reason}}</td></tr>
 * <tr><td>{@link EstimatedValue}</td><td>the {@link MetricValue} fields, plus {@code "interval": INTERVAL} when
 *     one was estimated (VALUE)</td></tr>
 * <tr><td>{@link Interval}</td><td>{@code {"lower", "upper", "level", "method", "draws", "undefined_draws"}}, plus
 *     {@code "note"} when the interval has one (INTERVAL)</td></tr>
 * <tr><td>{@link Disparity}</td><td>VALUE plus {@code "groups": [labels]} and {@code "excluded": [{"group",
 *     "reason"}]} (DISPARITY)</td></tr>
 * <tr><td>{@link Provenance}</td><td>{@code {"library_version", "configuration", "rows", "input_sha256",
 *     "evaluated_at"}}, plus {@code "input_file_sha256"} when the input was read from a file</td></tr>
 * <tr><td>{@link FairnessReport}</td><td>the {@code fairkit.report/1} document (see {@link ReportJson})</td></tr>
 * </table>
 *
 * <p>Numbers are JSON doubles as Java prints them (shortest repr that round-trips); an infinite value (a ratio
 * over a zero) is the string {@code "Infinity"} or {@code "-Infinity"}, a NaN (never a defined value or an interval
 * end) {@code null}: {@link #number(double)}.
 */
public final class FairKitJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module with every FairKit serializer. */
    public FairKitJsonModule() {
        super("FairKitJsonModule");
        addSerializer(MetricValue.class, new MetricValueSerializer());
        addSerializer(EstimatedValue.class, new EstimatedValueSerializer());
        addSerializer(Interval.class, new IntervalSerializer());
        addSerializer(Disparity.class, new DisparitySerializer());
        addSerializer(Provenance.class, new ProvenanceSerializer());
        addSerializer(FairnessReport.class, new ReportSerializer());
    }

    /** @return a new mapper with this module registered and indented output */
    public static ObjectMapper newMapper() {
        return new ObjectMapper().registerModule(new FairKitJsonModule()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * FairKit's number rule for JSON: a finite double is a JSON number (Java's shortest round-trip form), an
     * infinite one the string {@code "Infinity"} or {@code "-Infinity"}, NaN {@code null}.
     *
     * @return the node of {@code x}
     */
    public static JsonNode number(double x) {
        if (Double.isFinite(x)) {
            return DoubleNode.valueOf(x);
        }
        return Double.isNaN(x) ? NullNode.getInstance() : TextNode.valueOf(x > 0 ? "Infinity" : "-Infinity");
    }

    /** Writes a double field by {@link #number(double)}'s rule. */
    static void writeNumber(JsonGenerator gen, SerializerProvider provider, String field, double x)
            throws IOException {
        gen.writeFieldName(field);
        number(x).serialize(gen, provider);
    }

    /** The fields of VALUE, without the braces. */
    private static void valueFields(MetricValue v, Optional<Interval> interval, JsonGenerator gen,
            SerializerProvider provider) throws IOException {
        if (v.isDefined()) {
            writeNumber(gen, provider, "value", v.value());
        } else {
            gen.writeNullField("value");
            gen.writeStringField("undefined", v.reason().orElseThrow());
        }
        if (interval.isPresent()) {
            provider.defaultSerializeField("interval", interval.get(), gen);
        }
    }

    /** The fields of DISPARITY, without the braces. */
    private static void disparityFields(Disparity d, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        valueFields(d.value(), d.interval(), gen, provider);
        gen.writeArrayFieldStart("groups");
        for (GroupKey g : d.groups()) {
            gen.writeString(g.label());
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("excluded");
        for (Exclusion x : d.excluded()) {
            gen.writeStartObject();
            gen.writeStringField("group", x.group().label());
            gen.writeStringField("reason", x.reason());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static final class MetricValueSerializer extends StdSerializer<MetricValue> {
        private static final long serialVersionUID = 1L;

        MetricValueSerializer() {
            super(MetricValue.class);
        }

        @Override
        public void serialize(MetricValue v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            valueFields(v, Optional.empty(), gen, provider);
            gen.writeEndObject();
        }
    }

    private static final class EstimatedValueSerializer extends StdSerializer<EstimatedValue> {
        private static final long serialVersionUID = 1L;

        EstimatedValueSerializer() {
            super(EstimatedValue.class);
        }

        @Override
        public void serialize(EstimatedValue v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            valueFields(v.value(), v.interval(), gen, provider);
            gen.writeEndObject();
        }
    }

    private static final class IntervalSerializer extends StdSerializer<Interval> {
        private static final long serialVersionUID = 1L;

        IntervalSerializer() {
            super(Interval.class);
        }

        @Override
        public void serialize(Interval i, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            writeNumber(gen, provider, "lower", i.lower());
            writeNumber(gen, provider, "upper", i.upper());
            gen.writeNumberField("level", i.level());
            gen.writeStringField("method", i.method());
            gen.writeNumberField("draws", i.draws());
            gen.writeNumberField("undefined_draws", i.undefinedDraws());
            if (i.note().isPresent()) {
                gen.writeStringField("note", i.note().get());
            }
            gen.writeEndObject();
        }
    }

    private static final class DisparitySerializer extends StdSerializer<Disparity> {
        private static final long serialVersionUID = 1L;

        DisparitySerializer() {
            super(Disparity.class);
        }

        @Override
        public void serialize(Disparity d, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            disparityFields(d, gen, provider);
            gen.writeEndObject();
        }
    }

    private static final class ProvenanceSerializer extends StdSerializer<Provenance> {
        private static final long serialVersionUID = 1L;

        ProvenanceSerializer() {
            super(Provenance.class);
        }

        @Override
        public void serialize(Provenance p, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("library_version", p.libraryVersion());
            gen.writeObjectFieldStart("configuration");
            for (Map.Entry<String, String> e : p.configuration().entrySet()) {
                gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
            gen.writeNumberField("rows", p.rows());
            gen.writeStringField("input_sha256", p.inputSha256());
            gen.writeStringField("evaluated_at", p.evaluatedAt().toString());
            if (p.inputFileSha256().isPresent()) {
                gen.writeStringField("input_file_sha256", p.inputFileSha256().get());
            }
            gen.writeEndObject();
        }
    }

    /** The {@code fairkit.report/1} document; {@link ReportJson} documents its shape. */
    private static final class ReportSerializer extends StdSerializer<FairnessReport> {
        private static final long serialVersionUID = 1L;
        private static final Cell[] CELL_ORDER = {Cell.TN, Cell.FP, Cell.FN, Cell.TP};

        ReportSerializer() {
            super(FairnessReport.class);
        }

        @Override
        public void serialize(FairnessReport report, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            gen.writeStringField("schema", ReportJson.SCHEMA);
            strings(gen, "grouping", report.groups().get(0).features());
            Optional<GroupKey> ref = report.reference();
            if (ref.isPresent()) {
                strings(gen, "reference", ref.get().levels());
            } else {
                gen.writeNullField("reference");
            }
            strings(gen, "metrics", report.metrics().stream().map(GroupMetric::id).toList());
            List<ScoreMetric> scoreMetrics = report.scoreMetrics();
            if (!scoreMetrics.isEmpty()) {
                strings(gen, "score_metrics", scoreMetrics.stream().map(ScoreMetric::id).toList());
            }

            gen.writeArrayFieldStart("groups");
            for (GroupRow row : report.byGroup()) {
                gen.writeStartObject();
                gen.writeStringField("label", row.group().label());
                gen.writeObjectFieldStart("levels");
                for (int i = 0; i < row.group().features().size(); i++) {
                    gen.writeStringField(row.group().features().get(i), row.group().levels().get(i));
                }
                gen.writeEndObject();
                gen.writeNumberField("count", row.rows());
                gen.writeBooleanField("small", row.small());
                gen.writeObjectFieldStart("metrics");
                for (Map.Entry<GroupMetric, MetricValue> e : row.values().entrySet()) {
                    value(gen, provider, e.getKey().id(), e.getValue(),
                            Optional.ofNullable(row.intervals().get(e.getKey())));
                }
                for (ScoreMetric m : scoreMetrics) {
                    value(gen, provider, m.id(), report.value(m, row.group()), Optional.empty());
                }
                gen.writeEndObject();
                cells(gen, provider, report.results().counts(row.group()));
                gen.writeEndObject();
            }
            gen.writeEndArray();

            gen.writeObjectFieldStart("overall");
            gen.writeNumberField("count", report.results().overallCounts().rows());
            gen.writeObjectFieldStart("metrics");
            for (Map.Entry<GroupMetric, MetricValue> e : report.overall().entrySet()) {
                value(gen, provider, e.getKey().id(), e.getValue(),
                        report.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, e.getKey())));
            }
            for (ScoreMetric m : scoreMetrics) {
                value(gen, provider, m.id(), report.overall(m), Optional.empty());
            }
            gen.writeEndObject();
            cells(gen, provider, report.results().overallCounts());
            gen.writeEndObject();

            gen.writeObjectFieldStart("aggregates");
            for (GroupMetric m : report.metrics()) {
                aggregates(gen, provider, m.id(), report.difference(m), report.ratio(m),
                        report.differenceToOverall(m), report.ratioToOverall(m));
            }
            for (ScoreMetric m : scoreMetrics) {
                aggregates(gen, provider, m.id(), report.difference(m), report.ratio(m),
                        report.differenceToOverall(m), report.ratioToOverall(m));
            }
            gen.writeEndObject();

            if (ref.isPresent()) {
                gen.writeObjectFieldStart("to_reference");
                for (GroupMetric m : report.metrics()) {
                    if (m == Metrics.COUNT) {
                        continue;
                    }
                    gen.writeArrayFieldStart(m.id());
                    for (ReferenceComparison c : report.toReference(m)) {
                        comparison(gen, provider, c, report.interval(
                                Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, m, c.group())),
                                report.interval(Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, m, c.group())));
                    }
                    gen.writeEndArray();
                }
                for (ScoreMetric m : scoreMetrics) {
                    gen.writeArrayFieldStart(m.id());
                    for (ReferenceComparison c : report.toReference(m)) {
                        comparison(gen, provider, c, Optional.empty(), Optional.empty());
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }

            gen.writeObjectFieldStart("fairness_metrics");
            for (Map.Entry<FairnessMetric, Disparity> e : report.fairnessMetrics().entrySet()) {
                gen.writeObjectFieldStart(e.getKey().id());
                disparityFields(e.getValue(), gen, provider);
                List<Disparity> family = report.fairnessByGroup(e.getKey());
                if (!family.isEmpty()) {
                    gen.writeArrayFieldStart("by_group");
                    for (Disparity c : family) {
                        provider.defaultSerializeValue(c, gen);
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();

            gen.writeArrayFieldStart("warnings");
            for (ReportWarning w : report.warnings()) {
                gen.writeStartObject();
                gen.writeStringField("kind", w.kind().name());
                gen.writeStringField("message", w.message());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            provider.defaultSerializeField("provenance", report.provenance(), gen);
            gen.writeEndObject();
        }

        private static void cells(JsonGenerator gen, SerializerProvider provider, CellCounts c) throws IOException {
            gen.writeObjectFieldStart("cells");
            for (Cell cell : CELL_ORDER) {
                gen.writeNumberField(cell.name().toLowerCase(java.util.Locale.ROOT), c.rows(cell));
            }
            gen.writeEndObject();
            if (c.isWeighted()) {
                gen.writeObjectFieldStart("cell_weights");
                for (Cell cell : CELL_ORDER) {
                    writeNumber(gen, provider, cell.name().toLowerCase(java.util.Locale.ROOT), c.mass(cell));
                }
                gen.writeEndObject();
            }
        }

        private static void strings(JsonGenerator gen, String field, List<String> values) throws IOException {
            gen.writeArrayFieldStart(field);
            for (String v : values) {
                gen.writeString(v);
            }
            gen.writeEndArray();
        }

        private static void value(JsonGenerator gen, SerializerProvider provider, String field, MetricValue v,
                Optional<Interval> interval) throws IOException {
            provider.defaultSerializeField(field, EstimatedValue.of(v, interval), gen);
        }

        private static void aggregates(JsonGenerator gen, SerializerProvider provider, String metric,
                Disparity difference, Disparity ratio, Disparity differenceToOverall, Disparity ratioToOverall)
                throws IOException {
            gen.writeObjectFieldStart(metric);
            provider.defaultSerializeField("difference", difference, gen);
            provider.defaultSerializeField("ratio", ratio, gen);
            provider.defaultSerializeField("difference_to_overall", differenceToOverall, gen);
            provider.defaultSerializeField("ratio_to_overall", ratioToOverall, gen);
            gen.writeEndObject();
        }

        private static void comparison(JsonGenerator gen, SerializerProvider provider, ReferenceComparison c,
                Optional<Interval> difference, Optional<Interval> ratio) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("group", c.group().label());
            value(gen, provider, "difference", c.difference(), difference);
            value(gen, provider, "ratio", c.ratio(), ratio);
            gen.writeEndObject();
        }
    }
}
