package org.fairkit.core.golden;

import static org.fairkit.testkit.GoldenJson.fieldNames;
import static org.fairkit.testkit.GoldenJson.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.Cell;
import org.fairkit.testkit.GoldenJson;

/**
 * Turns Fairlearn blocks of a golden file ({@code MetricFrame} results and the fairness functions) into
 * {@link GoldenCheck}s against a FairKit report.
 */
final class FairlearnChecks {
    /** Fairlearn / scikit-learn metric name → FairKit group metric. */
    static final Map<String, Metrics> METRICS = new LinkedHashMap<>();
    /** Fairlearn confusion-matrix cell name → FairKit cell. */
    static final Map<String, Cell> CELLS = new LinkedHashMap<>();
    /** MetricFrame aggregate name → the FairKit aggregate that has the same definition. */
    static final Map<String, BiFunction<FairnessReport, GroupMetric, Disparity>> AGGREGATES = new LinkedHashMap<>();

    static {
        METRICS.put("selection_rate", Metrics.SELECTION_RATE);
        METRICS.put("true_positive_rate", Metrics.TRUE_POSITIVE_RATE);
        METRICS.put("false_positive_rate", Metrics.FALSE_POSITIVE_RATE);
        METRICS.put("false_negative_rate", Metrics.FALSE_NEGATIVE_RATE);
        METRICS.put("true_negative_rate", Metrics.TRUE_NEGATIVE_RATE);
        METRICS.put("accuracy", Metrics.ACCURACY);
        METRICS.put("precision", Metrics.POSITIVE_PREDICTIVE_VALUE);
        METRICS.put("recall", Metrics.TRUE_POSITIVE_RATE);
        METRICS.put("f1", Metrics.F1_SCORE);
        METRICS.put("balanced_accuracy", Metrics.BALANCED_ACCURACY);
        METRICS.put("count", Metrics.COUNT);
        CELLS.put("tp", Cell.TP);
        CELLS.put("fp", Cell.FP);
        CELLS.put("tn", Cell.TN);
        CELLS.put("fn", Cell.FN);
        AGGREGATES.put("difference_between_groups", FairnessReport::difference);
        AGGREGATES.put("ratio_between_groups", FairnessReport::ratio);
        AGGREGATES.put("difference_to_overall", FairnessReport::differenceToOverall);
        AGGREGATES.put("ratio_to_overall", FairnessReport::ratioToOverall);
    }

    private FairlearnChecks() {
    }

    /** @return the group of a {@code by_group} entry: {@code {"race": "Asian", "sex": "Male"}} */
    static GroupKey groupKey(JsonNode group) {
        List<String> features = fieldNames(group);
        List<String> levels = new ArrayList<>();
        for (String f : features) {
            levels.add(group.get(f).asText());
        }
        return new GroupKey(features, levels);
    }

    /** @return the groups of a MetricFrame block, in file order */
    static List<GroupKey> groups(JsonNode block) {
        List<GroupKey> out = new ArrayList<>();
        block.get("by_group").forEach(e -> out.add(groupKey(e.get("group"))));
        return out;
    }

    /**
     * @return the groups of a MetricFrame block with only one true class (no positives or no negatives, from the
     *     golden confusion cells): there scikit-learn's balanced accuracy is the recall of the class present, while
     *     FairKit's is undefined
     */
    static List<GroupKey> singleClassGroups(JsonNode block) {
        List<GroupKey> out = new ArrayList<>();
        for (JsonNode e : block.get("by_group")) {
            JsonNode m = e.get("metrics");
            double positives = number(m.get("tp")) + number(m.get("fn"));
            double negatives = number(m.get("fp")) + number(m.get("tn"));
            if (positives == 0 || negatives == 0) {
                out.add(groupKey(e.get("group")));
            }
        }
        return out;
    }

    /**
     * Every by-group value, overall value and aggregate of a MetricFrame block.
     *
     * <p>Left out here, on purpose:
     * <ul>
     *   <li>{@code group_min} / {@code group_max}: FairKit exposes the extremes only through difference and ratio
     *       (whose {@code groups()} name them), which are checked;</li>
     *   <li>aggregates of {@code tp/fp/tn/fn}: cells are FairKit's sufficient statistics, not group metrics; the
     *       cells themselves are checked per group and overall;</li>
     *   <li>{@code balanced_accuracy} of single-class groups and its aggregates in blocks that have such groups:
     *       a documented difference of definition, pinned by its own tests
     *       ({@link #singleClassGroups(JsonNode)}).</li>
     * </ul>
     *
     * @param path where the block is, e.g. {@code compas.json#metric_frame.race.weighted}
     * @param config how the FairKit report was built, for messages
     */
    static Stream<GoldenCheck> metricFrame(String path, JsonNode block, Supplier<FairnessReport> report,
            String config) {
        String call = block.get("call").asText();
        boolean weighted = block.get("weighted").asBoolean();
        List<GroupKey> singleClass = singleClassGroups(block);
        List<GoldenCheck> out = new ArrayList<>();
        for (JsonNode e : block.get("by_group")) {
            GroupKey g = groupKey(e.get("group"));
            JsonNode metrics = e.get("metrics");
            for (String name : fieldNames(metrics)) {
                if (name.equals("balanced_accuracy") && singleClass.contains(g)) {
                    continue;
                }
                String at = path + ".by_group[" + g.label() + "]." + name;
                double expected = number(metrics.get(name));
                if (CELLS.containsKey(name)) {
                    Cell cell = CELLS.get(name);
                    out.add(GoldenCheck.ofDouble(at, call, "results().counts(" + g.label() + ").mass(" + cell
                            + ") " + config, expected, () -> report.get().results().counts(g).mass(cell)));
                    if (!weighted) {
                        out.add(GoldenCheck.ofDouble(at + " (rows)", call, "results().counts(" + g.label()
                                + ").rows(" + cell + ") " + config, expected,
                                () -> (double) report.get().results().counts(g).rows(cell)));
                    }
                } else {
                    Metrics m = metric(name, at);
                    out.add(new GoldenCheck(at, call, "value(" + m + ", " + g.label() + ") " + config, expected,
                            () -> report.get().value(m, g)));
                }
            }
        }
        JsonNode overall = block.get("overall");
        for (String name : fieldNames(overall)) {
            String at = path + ".overall." + name;
            double expected = number(overall.get(name));
            if (CELLS.containsKey(name)) {
                Cell cell = CELLS.get(name);
                out.add(GoldenCheck.ofDouble(at, call, "results().overallCounts().mass(" + cell + ") " + config,
                        expected, () -> report.get().results().overallCounts().mass(cell)));
            } else {
                Metrics m = metric(name, at);
                out.add(new GoldenCheck(at, call, "overall(" + m + ") " + config, expected,
                        () -> report.get().overall(m)));
            }
        }
        for (Map.Entry<String, BiFunction<FairnessReport, GroupMetric, Disparity>> a : AGGREGATES.entrySet()) {
            JsonNode values = block.get(a.getKey());
            for (String name : fieldNames(values)) {
                if (CELLS.containsKey(name) || (name.equals("balanced_accuracy") && !singleClass.isEmpty())) {
                    continue;
                }
                String at = path + "." + a.getKey() + "." + name;
                Metrics m = metric(name, at);
                out.add(new GoldenCheck(at, call, a.getKey() + "(" + m + ") " + config, number(values.get(name)),
                        () -> a.getValue().apply(report.get(), m).value()));
            }
        }
        return out.stream();
    }

    private static Metrics metric(String name, String at) {
        Metrics m = METRICS.get(name);
        if (m == null) {
            throw new IllegalStateException(at + ": golden metric '" + name + "' has no FairKit mapping; map it or "
                    + "skip it explicitly with a reason");
        }
        return m;
    }

    /**
     * The values of a {@code fairness_functions} block: {@code name[method=...(,agg=...)]}.
     *
     * <ul>
     *   <li>{@code method=between_groups} (with {@code agg=worst_case}) is FairKit's {@link FairnessMetric} of the
     *       same name;</li>
     *   <li>{@code method=to_overall} is {@code differenceToOverall}/{@code ratioToOverall} of the component
     *       metric; for equalized odds the worst (largest difference, smallest ratio) of TPR and FPR;</li>
     *   <li>{@code agg=mean} (mean of the TPR and FPR spreads) has no FairKit equivalent: skipped.</li>
     * </ul>
     */
    static Stream<GoldenCheck> fairnessFunctions(String path, JsonNode block, Supplier<FairnessReport> report,
            String config) {
        String call = block.get("call").asText();
        JsonNode values = block.get("values");
        List<GoldenCheck> out = new ArrayList<>();
        for (String key : fieldNames(values)) {
            String at = path + ".values." + key;
            double expected = number(values.get(key));
            String name = key.substring(0, key.indexOf('['));
            String args = key.substring(key.indexOf('[') + 1, key.length() - 1);
            if (args.contains("agg=mean")) {
                continue; // no FairKit equivalent of averaging the TPR and FPR spreads
            }
            boolean between = args.startsWith("method=between_groups");
            if (!between && !args.startsWith("method=to_overall")) {
                throw new IllegalStateException(at + ": unknown method in " + key);
            }
            String what;
            Supplier<MetricValue> actual;
            switch (name) {
                case "demographic_parity_difference":
                case "demographic_parity_ratio":
                case "equal_opportunity_difference":
                case "equal_opportunity_ratio": {
                    Metrics component = name.startsWith("demographic_parity") ? Metrics.SELECTION_RATE
                            : Metrics.TRUE_POSITIVE_RATE;
                    boolean ratio = name.endsWith("_ratio");
                    if (between) {
                        FairnessMetric f = FairnessMetric.byId(name);
                        what = "fairness(" + f + ")";
                        actual = () -> report.get().fairness(f).value();
                    } else {
                        what = (ratio ? "ratioToOverall(" : "differenceToOverall(") + component + ")";
                        actual = () -> (ratio ? report.get().ratioToOverall(component)
                                : report.get().differenceToOverall(component)).value();
                    }
                    break;
                }
                case "equalized_odds_difference":
                case "equalized_odds_ratio": {
                    boolean ratio = name.endsWith("_ratio");
                    if (!args.contains("agg=worst_case")) {
                        throw new IllegalStateException(at + ": unknown agg in " + key);
                    }
                    if (between) {
                        FairnessMetric f = FairnessMetric.byId(name);
                        what = "fairness(" + f + ")";
                        actual = () -> report.get().fairness(f).value();
                    } else {
                        what = ratio ? "min(ratioToOverall(TPR), ratioToOverall(FPR))"
                                : "max(differenceToOverall(TPR), differenceToOverall(FPR))";
                        actual = () -> {
                            FairnessReport r = report.get();
                            Disparity tpr = ratio ? r.ratioToOverall(Metrics.TRUE_POSITIVE_RATE)
                                    : r.differenceToOverall(Metrics.TRUE_POSITIVE_RATE);
                            Disparity fpr = ratio ? r.ratioToOverall(Metrics.FALSE_POSITIVE_RATE)
                                    : r.differenceToOverall(Metrics.FALSE_POSITIVE_RATE);
                            if (!tpr.isDefined() || !fpr.isDefined()) {
                                return MetricValue.undefined("a component is undefined: " + tpr + "; " + fpr);
                            }
                            return MetricValue.of(ratio ? Math.min(tpr.asDouble(), fpr.asDouble())
                                    : Math.max(tpr.asDouble(), fpr.asDouble()));
                        };
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(at + ": golden fairness function '" + name
                            + "' has no FairKit mapping");
            }
            out.add(new GoldenCheck(at, call, what + " " + config, expected, actual));
        }
        return out.stream();
    }
}
