package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.individual.Benefits;
import org.fairkit.core.individual.IndividualMetrics;
import org.fairkit.core.individual.InequalityIndices;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.orchestration.io.FairKitJsonModule;
import org.fairkit.orchestration.io.ReportJson;
import picocli.CommandLine.Option;

/**
 * {@code --individual} of {@code fairkit audit}: the inequality indices of the benefits {@code b = ŷ − y + 1}
 * (Speicher et al. 2018; AIF360's {@code generalized_entropy_index} family) of each grouping's decisions: the
 * generalized entropy index at {@code --entropy-alpha} (default 2, AIF360's default), the Theil index, the coefficient
 * of variation, their between-group values and the within-group index. They come from each report's per-group
 * confusion counts ({@link Benefits#of(org.fairkit.core.GroupResults, boolean)}), so they need no row in memory and
 * work on every source the audit reads.
 *
 * <p>JSON: each report of {@code fairkit.cli.audit/1} gains {@code "individual"}: {@code { "benefit", "alpha",
 * "weighted", <index id>: VALUE, ..., "unweighted": { <index id>: VALUE, ... } }} ({@code unweighted} only for a
 * weighted file: AIF360 ignores instance weights in these indices, and those values reproduce it).
 */
final class IndividualOptions {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Option(names = "--individual",
            description = "Add the inequality indices of the benefits y_pred - y_true + 1 (generalized entropy, "
                    + "Theil, coefficient of variation; overall, between and within groups) to each report.")
    boolean enabled;

    @Option(names = "--entropy-alpha", paramLabel = "A", defaultValue = "2",
            description = "The alpha of the generalized entropy index with --individual (default ${DEFAULT-VALUE}).")
    double alpha;

    /** @throws CliException if {@code --entropy-alpha} is not finite */
    void validate() {
        if (!Double.isFinite(alpha)) {
            throw CliException.badInput("--entropy-alpha: got " + alpha + "; expected a finite number");
        }
    }

    /** Adds {@code "individual"} to each report node of an audit document, when {@code --individual} was given. */
    void addTo(ObjectNode auditDocument, List<FairnessReport> reports) {
        if (!enabled) {
            return;
        }
        JsonNode nodes = auditDocument.get("reports");
        for (int i = 0; i < reports.size(); i++) {
            ((ObjectNode) nodes.get(i)).set("individual", json(reports.get(i)));
        }
    }

    /** Prints each report's indices under its table, when {@code --individual} was given. */
    void print(PrintWriter w, List<FairnessReport> reports) {
        if (!enabled) {
            return;
        }
        for (FairnessReport r : reports) {
            w.println();
            w.printf(Locale.ROOT, "inequality of benefits (y_pred - y_true + 1) by %s%s%n",
                    String.join(" x ", r.results().spec().groupBy()), weighted(r) ? ", weighted" : "");
            indices(r, true).forEach((id, v) -> w.printf(Locale.ROOT, "  %-40s %s%n", id,
                    v.isDefined() ? String.format(Locale.ROOT, "%.6f", v.value())
                            : "undefined (" + v.reason().orElseThrow() + ")"));
        }
    }

    private ObjectNode json(FairnessReport r) {
        ObjectNode o = F.objectNode();
        o.put("benefit", "y_pred - y_true + 1 (false negative 0, correct 1, false positive 2)");
        o.set("alpha", FairKitJsonModule.number(alpha));
        boolean weighted = weighted(r);
        o.put("weighted", weighted);
        indices(r, true).forEach((id, v) -> o.set(id, ReportJson.tree(v)));
        if (weighted) {
            ObjectNode u = o.putObject("unweighted");
            indices(r, false).forEach((id, v) -> u.set(id, ReportJson.tree(v)));
        }
        return o;
    }

    private static boolean weighted(FairnessReport r) {
        return r.results().overallCounts().isWeighted();
    }

    private Map<String, MetricValue> indices(FairnessReport r, boolean weighted) {
        Benefits b = Benefits.of(r.results(), weighted);
        Map<String, MetricValue> out = new LinkedHashMap<>();
        out.put(id(IndividualMetrics.GENERALIZED_ENTROPY_INDEX), InequalityIndices.generalizedEntropy(b, alpha));
        out.put(id(IndividualMetrics.THEIL_INDEX), InequalityIndices.theil(b));
        out.put(id(IndividualMetrics.COEFFICIENT_OF_VARIATION), InequalityIndices.coefficientOfVariation(b));
        out.put(id(IndividualMetrics.BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX), InequalityIndices.betweenGroup(b, alpha));
        out.put(id(IndividualMetrics.BETWEEN_GROUP_THEIL_INDEX), InequalityIndices.betweenGroupTheil(b));
        out.put(id(IndividualMetrics.BETWEEN_GROUP_COEFFICIENT_OF_VARIATION),
                InequalityIndices.betweenGroupCoefficientOfVariation(b));
        out.put(id(IndividualMetrics.WITHIN_GROUP_GENERALIZED_ENTROPY_INDEX), InequalityIndices.withinGroup(b, alpha));
        return out;
    }

    private static String id(IndividualMetrics m) {
        return m.info().id();
    }
}
