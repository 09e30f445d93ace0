package org.fairkit.orchestration.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.Provenance;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.orchestration.io.EstimatedValue;
import org.fairkit.orchestration.io.ReportJson;

/**
 * The fairness part of a model card, after Mitchell et al. 2019, "Model Cards for Model Reporting" (FAT* 2019): the
 * model's name and version, its <b>intended use</b> (and uses out of scope), the <b>evaluation data</b> (rows, input
 * fingerprint, when evaluated), the <b>factors</b> (the sensitive groupings and their groups), the <b>metrics</b>
 * chosen, the <b>quantitative analyses</b> (each group metric per group and the named fairness metrics, with their
 * intervals where the report estimated them), and <b>caveats and recommendations</b> (the owner's, plus those the
 * reports imply: small groups, undefined values, point estimates without intervals). The sections of the paper this
 * card does not cover (model details beyond name and version, training data, ethical considerations at large) belong
 * to the owner's full card; this is the part an audit can vouch for.
 *
 * <pre>{@code
 * ModelCard card = ModelCard.builder(report)
 *     .model("credit-scoring", "v7")
 *     .intendedUse("Pre-screening of consumer credit applications; a person decides.")
 *     .outOfScope("Employment or housing decisions")
 *     .evaluationData("6,000 applications from Q4")
 *     .caveat("Ethnicity is self-reported.")
 *     .build();
 * String json = card.toJson();           // fairkit.model-card/1
 * String markdown = card.toMarkdown();
 * String mlflow = card.mlflow().toJson(); // fairkit.mlflow/1
 * }</pre>
 *
 * <p>Deterministic: the same reports and settings give the same bytes (no timestamp of its own; the evaluation time
 * is the reports'). Numbers in Markdown have three decimals, formatted with {@code Locale.ROOT}.
 */
public final class ModelCard {
    /** The schema id of the JSON document. */
    public static final String SCHEMA = "fairkit.model-card/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOT_STATED = "Not stated by the model owner.";

    private final List<FairnessReport> reports;
    private final String name;
    private final String version;
    private final Optional<String> intendedUse;
    private final List<String> outOfScope;
    private final Optional<String> evaluationData;
    private final List<String> caveats;

    private ModelCard(Builder b) {
        this.reports = List.copyOf(b.reports);
        this.name = b.name;
        this.version = b.version;
        this.intendedUse = Optional.ofNullable(b.intendedUse);
        this.outOfScope = List.copyOf(b.outOfScope);
        this.evaluationData = Optional.ofNullable(b.evaluationData);
        this.caveats = derivedCaveats(b.caveats);
    }

    /**
     * Starts a card from the reports of one evaluation, one per grouping.
     *
     * @param report the first report
     * @param more reports of other groupings of the same data
     */
    public static Builder builder(FairnessReport report, FairnessReport... more) {
        List<FairnessReport> all = new ArrayList<>();
        all.add(Objects.requireNonNull(report, "report"));
        for (FairnessReport r : more) {
            all.add(Objects.requireNonNull(r, "report"));
        }
        return new Builder(all);
    }

    private static String grouping(FairnessReport r) {
        return String.join(" & ", r.results().spec().groupBy());
    }

    private List<String> derivedCaveats(List<String> owner) {
        LinkedHashSet<String> out = new LinkedHashSet<>(owner);
        if (intendedUse.isEmpty()) {
            out.add("The intended use was not stated: the analyses below say nothing about whether the model fits a "
                    + "given use.");
        }
        for (FairnessReport r : reports) {
            String g = grouping(r);
            int min = r.results().spec().minGroupSize();
            for (GroupRow row : r.byGroup()) {
                if (row.small()) {
                    out.add(String.format(Locale.ROOT, "%s: group %s has %d rows, below the minimum group size %d; "
                            + "it is reported but left out of the disparities.", g, row.group().label(), row.rows(),
                            min));
                }
            }
            for (ReportWarning w : r.warnings()) {
                out.add(g + ": " + w.message());
            }
            if (r.intervals().isEmpty()) {
                out.add(g + ": no intervals were estimated; the values are point estimates of this sample, and a "
                        + "difference between groups may be chance.");
            }
        }
        out.add("The analyses describe the evaluation data only; other populations, time periods or decision "
                + "thresholds may differ, so re-audit when any of them changes.");
        return List.copyOf(out);
    }

    /** @return the caveats: the owner's, then those the reports imply, in that order, without repeats */
    public List<String> caveats() {
        return caveats;
    }

    /** @return the reports the card is built from */
    public List<FairnessReport> reports() {
        return reports;
    }

    private static EstimatedValue estimated(FairnessReport r, GroupMetric m, GroupRow row) {
        return EstimatedValue.of(row.value(m), r.interval(Estimand.groupValue(m, row.group())));
    }

    /** @return the {@code fairkit.model-card/1} document as a JSON tree */
    public ObjectNode toTree() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode model = root.putObject("model");
        model.put("name", name);
        model.put("version", version);
        ObjectNode use = root.putObject("intended_use");
        if (intendedUse.isPresent()) {
            use.put("primary_use", intendedUse.get());
        } else {
            use.putNull("primary_use");
        }
        ArrayNode oos = use.putArray("out_of_scope");
        outOfScope.forEach(oos::add);
        FairnessReport first = reports.get(0);
        Provenance p = first.provenance();
        ObjectNode data = root.putObject("evaluation_data");
        if (evaluationData.isPresent()) {
            data.put("description", evaluationData.get());
        } else {
            data.putNull("description");
        }
        data.put("rows", p.rows());
        data.put("input_sha256", p.inputSha256());
        p.inputFileSha256().ifPresent(s -> data.put("input_file_sha256", s));
        data.put("evaluated_at", p.evaluatedAt().toString());
        ArrayNode analyses = root.putArray("quantitative_analyses");
        for (FairnessReport r : reports) {
            ObjectNode a = analyses.addObject();
            ArrayNode features = a.putArray("grouping");
            r.results().spec().groupBy().forEach(features::add);
            r.reference().ifPresent(g -> a.put("reference", g.label()));
            a.put("min_group_size", r.results().spec().minGroupSize());
            ArrayNode metricIds = a.putArray("metrics");
            r.metrics().forEach(m -> metricIds.add(m.id()));
            ObjectNode overall = a.putObject("overall");
            for (Map.Entry<GroupMetric, MetricValue> e : r.overall().entrySet()) {
                overall.set(e.getKey().id(), ReportJson.tree(e.getValue()));
            }
            ArrayNode groups = a.putArray("by_group");
            for (GroupRow row : r.byGroup()) {
                ObjectNode g = groups.addObject();
                g.put("group", row.group().label());
                g.put("rows", row.rows());
                g.put("small", row.small());
                ObjectNode values = g.putObject("metrics");
                for (GroupMetric m : r.metrics()) {
                    values.set(m.id(), ReportJson.tree(estimated(r, m, row)));
                }
            }
            ObjectNode fairness = a.putObject("fairness");
            for (Map.Entry<FairnessMetric, Disparity> e : r.fairnessMetrics().entrySet()) {
                fairness.set(e.getKey().id(), ReportJson.tree(e.getValue()));
            }
        }
        ArrayNode cav = root.putArray("caveats");
        caveats.forEach(cav::add);
        ArrayNode prov = root.putArray("provenance");
        for (FairnessReport r : reports) {
            prov.add(ReportJson.tree(r.provenance()));
        }
        return root;
    }

    /** @return the {@code fairkit.model-card/1} document, indented, ending with a newline */
    public String toJson() {
        return ReportJson.write(toTree());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String cell(MetricValue v, Optional<Interval> i) {
        if (!v.isDefined()) {
            return "undefined (" + md(v.reason().orElse("")) + ")";
        }
        return num(v.value()) + i.map(x -> " [" + num(x.lower()) + ", " + num(x.upper()) + "]").orElse("");
    }

    /** Escapes what would break a Markdown table cell or start markup. */
    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace("\n", " ");
    }

    /** @return the card as Markdown (GitHub-flavoured tables), ending with a newline */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Model card (fairness): ").append(md(name)).append(' ').append(md(version)).append("\n\n");
        b.append("## Intended use\n\n").append(intendedUse.map(ModelCard::md).orElse(NOT_STATED)).append("\n\n");
        if (!outOfScope.isEmpty()) {
            b.append("Out of scope:\n\n");
            outOfScope.forEach(s -> b.append("- ").append(md(s)).append('\n'));
            b.append('\n');
        }
        Provenance p = reports.get(0).provenance();
        b.append("## Evaluation data\n\n").append(evaluationData.map(ModelCard::md).orElse(NOT_STATED))
                .append("\n\n");
        b.append("- Rows: ").append(p.rows()).append('\n');
        b.append("- Input SHA-256: `").append(p.inputSha256()).append("`\n");
        p.inputFileSha256().ifPresent(s -> b.append("- Input file SHA-256: `").append(s).append("`\n"));
        b.append("- Evaluated at: ").append(p.evaluatedAt()).append(" by FairKit ").append(p.libraryVersion())
                .append("\n\n");
        b.append("## Quantitative analyses\n\n");
        for (FairnessReport r : reports) {
            b.append("### By ").append(md(grouping(r))).append("\n\n");
            Optional<Interval> anyInterval = r.intervals().values().stream().findFirst();
            b.append(anyInterval.map(i -> String.format(Locale.ROOT, "Values with %.0f%% intervals (%s) in brackets.",
                    i.level() * 100, md(i.method()))).orElse("Point estimates; no intervals were estimated."));
            r.reference().ifPresent(g -> b.append(" Reference group: ").append(md(g.label())).append('.'));
            b.append("\n\n| group | rows |");
            r.metrics().forEach(m -> b.append(' ').append(md(m.id())).append(" |"));
            b.append("\n| --- | ---: |");
            r.metrics().forEach(m -> b.append(" ---: |"));
            b.append('\n');
            for (GroupRow row : r.byGroup()) {
                b.append("| ").append(md(row.group().label())).append(row.small() ? " (small)" : "").append(" | ")
                        .append(row.rows()).append(" |");
                for (GroupMetric m : r.metrics()) {
                    b.append(' ').append(cell(row.value(m), r.interval(Estimand.groupValue(m, row.group()))))
                            .append(" |");
                }
                b.append('\n');
            }
            if (!r.fairnessMetrics().isEmpty()) {
                b.append("\n| fairness metric | value | between |\n| --- | ---: | --- |\n");
                for (Map.Entry<FairnessMetric, Disparity> e : r.fairnessMetrics().entrySet()) {
                    Disparity d = e.getValue();
                    b.append("| ").append(md(e.getKey().id())).append(" | ").append(cell(d.value(), d.interval()))
                            .append(" | ").append(md(String.join(", ", d.groups().stream().map(x -> x.label())
                                    .toList()))).append(" |\n");
                }
            }
            b.append('\n');
        }
        b.append("## Caveats and recommendations\n\n");
        caveats.forEach(c -> b.append("- ").append(md(c)).append('\n'));
        return b.toString();
    }

    /**
     * The card's numbers under MLflow's naming rules: for each grouping {@code G} (its features joined by
     * {@code " x "}), {@code fairness/G/METRIC} (and {@code /lower}, {@code /upper} when estimated),
     * {@code group/G/GROUP/METRIC} (likewise) and {@code group/G/GROUP/rows}; tags {@code fairkit.schema},
     * {@code model.name}, {@code model.version}, {@code fairkit.library_version}, {@code fairkit.input_sha256},
     * {@code fairkit.evaluated_at}, {@code fairkit.groupings}, {@code fairkit.intended_use} and
     * {@code fairkit.caveats} (numbered lines).
     */
    public MlflowExport mlflow() {
        MlflowExport x = new MlflowExport();
        for (FairnessReport r : reports) {
            String g = String.join(" x ", r.results().spec().groupBy());
            for (Map.Entry<FairnessMetric, Disparity> e : r.fairnessMetrics().entrySet()) {
                Disparity d = e.getValue();
                String k = MlflowExport.key("fairness", g, e.getKey().id());
                x.metric(k, d.asDouble(), d.value().reason().orElse(""));
                d.interval().ifPresent(i -> {
                    x.metric(k + "/lower", i.lower(), "");
                    x.metric(k + "/upper", i.upper(), "");
                });
            }
            for (GroupRow row : r.byGroup()) {
                for (GroupMetric m : r.metrics()) {
                    String k = MlflowExport.key("group", g, row.group().label(), m.id());
                    MetricValue v = row.value(m);
                    x.metric(k, v.value(), v.reason().orElse(""));
                    r.interval(Estimand.groupValue(m, row.group())).ifPresent(i -> {
                        x.metric(k + "/lower", i.lower(), "");
                        x.metric(k + "/upper", i.upper(), "");
                    });
                }
                x.metric(MlflowExport.key("group", g, row.group().label(), "rows"), row.rows(), "");
            }
        }
        Provenance p = reports.get(0).provenance();
        x.tag("fairkit.schema", SCHEMA);
        x.tag("model.name", name);
        x.tag("model.version", version);
        x.tag("fairkit.library_version", p.libraryVersion());
        x.tag("fairkit.input_sha256", p.inputSha256());
        x.tag("fairkit.evaluated_at", p.evaluatedAt().toString());
        x.tag("fairkit.groupings", String.join("; ", reports.stream().map(ModelCard::grouping).toList()));
        x.tag("fairkit.intended_use", intendedUse.orElse(NOT_STATED));
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < caveats.size(); i++) {
            c.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(caveats.get(i));
        }
        x.tag("fairkit.caveats", c.toString());
        return x;
    }

    @Override
    public String toString() {
        return "ModelCard[" + name + " " + version + ", " + reports.size() + " grouping(s), " + caveats.size()
                + " caveats]";
    }

    /** Configures a {@link ModelCard}. Name and version are required; the others are optional. */
    public static final class Builder {
        private final List<FairnessReport> reports;
        private String name;
        private String version;
        private String intendedUse;
        private final List<String> outOfScope = new ArrayList<>();
        private String evaluationData;
        private final List<String> caveats = new ArrayList<>();

        private Builder(List<FairnessReport> reports) {
            this.reports = reports;
        }

        private static String text(String value, String setting) {
            if (Objects.requireNonNull(value, setting).isBlank()) {
                throw new IllegalArgumentException(setting + " must not be blank");
            }
            return value.strip();
        }

        /** The model's name and version (required; set once). */
        public Builder model(String modelName, String modelVersion) {
            if (name != null) {
                throw new IllegalStateException("model is already set; each setting is set once");
            }
            name = text(modelName, "model name");
            version = text(modelVersion, "model version");
            return this;
        }

        /** What the model is for, and for whom (set once). */
        public Builder intendedUse(String text) {
            if (intendedUse != null) {
                throw new IllegalStateException("intendedUse is already set; each setting is set once");
            }
            intendedUse = text(text, "intended use");
            return this;
        }

        /** A use the model is not meant for (may be called several times). */
        public Builder outOfScope(String text) {
            outOfScope.add(text(text, "out-of-scope use"));
            return this;
        }

        /** What the evaluation data is: source, period, how it was sampled (set once). */
        public Builder evaluationData(String text) {
            if (evaluationData != null) {
                throw new IllegalStateException("evaluationData is already set; each setting is set once");
            }
            evaluationData = text(text, "evaluation data");
            return this;
        }

        /** An owner's caveat or recommendation (may be called several times). */
        public Builder caveat(String text) {
            caveats.add(text(text, "caveat"));
            return this;
        }

        /**
         * @return the card
         * @throws IllegalStateException when the model's name and version were not given
         */
        public ModelCard build() {
            if (name == null) {
                throw new IllegalStateException("model is required: the model's name and version");
            }
            return new ModelCard(this);
        }
    }
}
