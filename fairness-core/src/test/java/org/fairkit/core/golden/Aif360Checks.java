package org.fairkit.core.golden;

import static org.fairkit.testkit.GoldenJson.fieldNames;
import static org.fairkit.testkit.GoldenJson.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.testkit.GoldenJson;

/**
 * Turns an AIF360 block of a golden file into {@link GoldenCheck}s against a FairKit report whose reference group
 * is AIF360's privileged group and which has exactly one other group (AIF360's unprivileged group).
 *
 * <p>Not compared, because fairness-core does not compute them yet: the score-based "generalized" rates and
 * {@code generalized_equalized_odds_difference}, the entropy indices (generalized entropy, Theil, coefficient of
 * variation and their between-group forms), differential fairness and {@code consistency}. Also
 * {@code average_predictive_value_difference} has no FairKit metric; its components (false discovery rate = 1 −
 * precision, false omission rate) are compared against the reference group.
 */
final class Aif360Checks {
    /** AIF360 names that are left out on purpose (see the class comment). */
    private static final Set<String> NOT_IN_CORE = Set.of("average_predictive_value_difference",
            "generalized_equalized_odds_difference", "theil_index", "coefficient_of_variation",
            "between_group_theil_index", "between_group_coefficient_of_variation", "between_all_groups_theil_index",
            "between_all_groups_coefficient_of_variation", "differential_fairness_bias_amplification",
            "smoothed_empirical_differential_fairness");

    /** ClassificationMetric per-group counts: the (instance-weighted) confusion totals. */
    private static final Map<String, Function<CellCounts, Double>> COUNTS = Map.ofEntries(
            Map.entry("num_instances", CellCounts::total),
            Map.entry("num_positives", CellCounts::positives),
            Map.entry("num_negatives", CellCounts::negatives),
            Map.entry("num_pred_positives", CellCounts::predictedPositives),
            Map.entry("num_pred_negatives", CellCounts::predictedNegatives),
            Map.entry("num_true_positives", CellCounts::tp),
            Map.entry("num_false_positives", CellCounts::fp),
            Map.entry("num_false_negatives", CellCounts::fn),
            Map.entry("num_true_negatives", CellCounts::tn));

    /** ClassificationMetric per-group rates. */
    private static final Map<String, Metrics> RATES = Map.ofEntries(
            Map.entry("base_rate", Metrics.BASE_RATE),
            Map.entry("selection_rate", Metrics.SELECTION_RATE),
            Map.entry("true_positive_rate", Metrics.TRUE_POSITIVE_RATE),
            Map.entry("false_positive_rate", Metrics.FALSE_POSITIVE_RATE),
            Map.entry("false_negative_rate", Metrics.FALSE_NEGATIVE_RATE),
            Map.entry("true_negative_rate", Metrics.TRUE_NEGATIVE_RATE),
            Map.entry("positive_predictive_value", Metrics.POSITIVE_PREDICTIVE_VALUE),
            Map.entry("false_discovery_rate", Metrics.FALSE_DISCOVERY_RATE),
            Map.entry("false_omission_rate", Metrics.FALSE_OMISSION_RATE),
            Map.entry("negative_predictive_value", Metrics.NEGATIVE_PREDICTIVE_VALUE),
            Map.entry("accuracy", Metrics.ACCURACY),
            Map.entry("error_rate", Metrics.ERROR_RATE));

    /** ClassificationMetric disparities that are a named FairKit fairness metric. */
    private static final Map<String, FairnessMetric> NAMED = Map.of(
            "statistical_parity_difference", FairnessMetric.STATISTICAL_PARITY_DIFFERENCE,
            "disparate_impact", FairnessMetric.DISPARATE_IMPACT,
            "average_odds_difference", FairnessMetric.AVERAGE_ODDS_DIFFERENCE,
            "average_abs_odds_difference", FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE,
            // AIF360: max(|dFPR|, |dTPR|) against the privileged group; FairKit's is between groups, the same number
            // for two groups (documented in FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
            "equalized_odds_difference", FairnessMetric.EQUALIZED_ODDS_DIFFERENCE,
            "error_rate_difference", FairnessMetric.ERROR_RATE_DIFFERENCE);

    /** ClassificationMetric disparities that are {@code toReference(metric)} of the unprivileged group. */
    private static final Map<String, Metrics> COMPARED = Map.ofEntries(
            Map.entry("equal_opportunity_difference", Metrics.TRUE_POSITIVE_RATE),
            Map.entry("true_positive_rate_difference", Metrics.TRUE_POSITIVE_RATE),
            Map.entry("false_positive_rate_difference", Metrics.FALSE_POSITIVE_RATE),
            Map.entry("false_negative_rate_difference", Metrics.FALSE_NEGATIVE_RATE),
            Map.entry("false_omission_rate_difference", Metrics.FALSE_OMISSION_RATE),
            Map.entry("false_discovery_rate_difference", Metrics.FALSE_DISCOVERY_RATE),
            Map.entry("false_positive_rate_ratio", Metrics.FALSE_POSITIVE_RATE),
            Map.entry("false_negative_rate_ratio", Metrics.FALSE_NEGATIVE_RATE),
            Map.entry("false_omission_rate_ratio", Metrics.FALSE_OMISSION_RATE),
            Map.entry("false_discovery_rate_ratio", Metrics.FALSE_DISCOVERY_RATE),
            Map.entry("error_rate_ratio", Metrics.ERROR_RATE));

    private Aif360Checks() {
    }

    /**
     * All comparable values of one AIF360 block ({@code classification_metric_by_group},
     * {@code classification_metric}, {@code binary_label_dataset_metric[labels]} and {@code [predictions]}).
     *
     * @param path where the block is, e.g. {@code compas.json#aif360.sex_Female_priv[fav=1].weighted}
     * @param report a report grouped by the protected attribute with {@code reference(privileged)}
     * @param privileged AIF360's privileged group
     * @param unprivileged AIF360's unprivileged group
     * @param config how the FairKit report was built, for messages
     */
    static Stream<GoldenCheck> block(String path, JsonNode block, Supplier<FairnessReport> report,
            GroupKey privileged, GroupKey unprivileged, String config) {
        String call = "AIF360 " + block.get("description").asText() + "; instance_weights "
                + block.get("instance_weights").asText();
        List<GoldenCheck> out = new ArrayList<>();
        JsonNode byGroup = block.get("classification_metric_by_group");
        for (String which : fieldNames(byGroup)) {
            GroupKey g = which.equals("overall") ? null : which.equals("privileged") ? privileged : unprivileged;
            String label = g == null ? "all rows" : g.label();
            JsonNode values = byGroup.get(which);
            for (String name : fieldNames(values)) {
                String at = path + ".classification_metric_by_group." + which + "." + name;
                double expected = number(values.get(name));
                if (name.contains("generalized")) {
                    continue; // score-based generalized rates: not in fairness-core yet
                }
                if (COUNTS.containsKey(name)) {
                    Function<CellCounts, Double> f = COUNTS.get(name);
                    out.add(GoldenCheck.ofDouble(at, call, name + " of counts(" + label + ") " + config, expected,
                            () -> f.apply(counts(report.get(), g))));
                } else if (RATES.containsKey(name)) {
                    Metrics m = RATES.get(name);
                    out.add(new GoldenCheck(at, call, "value(" + m + ", " + label + ") " + config, expected,
                            () -> g == null ? report.get().overall(m) : report.get().value(m, g)));
                } else {
                    throw unmapped(at, name);
                }
            }
        }
        JsonNode metrics = block.get("classification_metric");
        for (String name : fieldNames(metrics)) {
            String at = path + ".classification_metric." + name;
            double expected = number(metrics.get(name));
            if (NOT_IN_CORE.contains(name) || name.contains("generalized_entropy_index")) {
                continue;
            }
            if (NAMED.containsKey(name)) {
                FairnessMetric f = NAMED.get(name);
                out.add(new GoldenCheck(at, call, "fairness(" + f + ") " + config, expected,
                        () -> report.get().fairness(f).value()));
            } else if (COMPARED.containsKey(name)) {
                Metrics m = COMPARED.get(name);
                boolean ratio = name.endsWith("_ratio");
                out.add(new GoldenCheck(at, call, "toReference(" + m + ")[" + unprivileged.label() + "]."
                        + (ratio ? "ratio" : "difference") + " " + config, expected,
                        () -> compare(report.get(), m, unprivileged, ratio)));
            } else {
                throw unmapped(at, name);
            }
        }
        datasetMetric(out, path, block, "labels", Metrics.BASE_RATE, report, privileged, unprivileged, call, config);
        datasetMetric(out, path, block, "predictions", Metrics.SELECTION_RATE, report, privileged, unprivileged,
                call, config);
        return out.stream();
    }

    /**
     * {@code BinaryLabelDatasetMetric} on the labels (positives = actual positives, base rate) or on the predictions
     * (positives = predicted positives, base rate = selection rate).
     */
    private static void datasetMetric(List<GoldenCheck> out, String path, JsonNode block, String on, Metrics rate,
            Supplier<FairnessReport> report, GroupKey privileged, GroupKey unprivileged, String call, String config) {
        String key = "binary_label_dataset_metric[" + on + "]";
        JsonNode values = block.get(key);
        boolean labels = on.equals("labels");
        String producedBy = call + "; BinaryLabelDatasetMetric on the " + on;
        for (String name : fieldNames(values)) {
            String at = path + "." + key + "." + name;
            double expected = number(values.get(name));
            if (NOT_IN_CORE.contains(name)) {
                continue;
            }
            if (name.equals("statistical_parity_difference") || name.equals("mean_difference")
                    || name.equals("disparate_impact")) {
                boolean ratio = name.equals("disparate_impact");
                out.add(new GoldenCheck(at, producedBy, "toReference(" + rate + ")[" + unprivileged.label() + "]."
                        + (ratio ? "ratio" : "difference") + " " + config, expected,
                        () -> compare(report.get(), rate, unprivileged, ratio)));
                continue;
            }
            int open = name.indexOf('[');
            if (open < 0) {
                throw unmapped(at, name);
            }
            String which = name.substring(open + 1, name.length() - 1);
            GroupKey g = which.equals("overall") ? null : which.equals("privileged") ? privileged : unprivileged;
            String label = g == null ? "all rows" : g.label();
            switch (name.substring(0, open)) {
                case "num_instances":
                    out.add(GoldenCheck.ofDouble(at, producedBy, "counts(" + label + ").total() " + config, expected,
                            () -> counts(report.get(), g).total()));
                    break;
                case "num_positives":
                    out.add(GoldenCheck.ofDouble(at, producedBy, "counts(" + label + ")."
                            + (labels ? "positives()" : "predictedPositives()") + " " + config, expected,
                            () -> labels ? counts(report.get(), g).positives()
                                    : counts(report.get(), g).predictedPositives()));
                    break;
                case "num_negatives":
                    out.add(GoldenCheck.ofDouble(at, producedBy, "counts(" + label + ")."
                            + (labels ? "negatives()" : "predictedNegatives()") + " " + config, expected,
                            () -> labels ? counts(report.get(), g).negatives()
                                    : counts(report.get(), g).predictedNegatives()));
                    break;
                case "base_rate":
                    out.add(new GoldenCheck(at, producedBy, "value(" + rate + ", " + label + ") " + config, expected,
                            () -> g == null ? report.get().overall(rate) : report.get().value(rate, g)));
                    break;
                default:
                    throw unmapped(at, name);
            }
        }
    }

    private static CellCounts counts(FairnessReport r, GroupKey g) {
        return g == null ? r.results().overallCounts() : r.results().counts(g);
    }

    /** @return the difference or ratio of {@code group} against the report's reference group */
    static MetricValue compare(FairnessReport r, Metrics m, GroupKey group, boolean ratio) {
        for (ReferenceComparison c : r.toReference(m)) {
            if (c.group().equals(group)) {
                return ratio ? c.ratio() : c.difference();
            }
        }
        throw new IllegalStateException("no comparison of " + group + " with the reference in " + r.toReference(m));
    }

    private static IllegalStateException unmapped(String at, String name) {
        return new IllegalStateException(at + ": AIF360 metric '" + name + "' has no FairKit mapping; map it or skip "
                + "it explicitly with a reason");
    }
}
