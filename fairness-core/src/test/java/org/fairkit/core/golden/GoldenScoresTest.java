package org.fairkit.core.golden;

import static org.fairkit.testkit.GoldenJson.fieldNames;
import static org.fairkit.testkit.SharedFiles.golden;
import static org.fairkit.testkit.GoldenJson.number;
import static org.fairkit.testkit.GoldenJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Score metrics against scikit-learn 1.2.1 and Fairlearn 0.13.0, tolerance {@link GoldenCheck#TOLERANCE}:
 * <ul>
 *   <li>{@code compas.json#score_metric_frame}: Fairlearn {@code MetricFrame} with {@code y_pred = score}
 *       (decile / 10) of {@code numpy.average} (mean score), {@code brier_score_loss} and {@code roc_auc_score},
 *       by race (unweighted and weighted by the {@code weight} column) and by sex: every group, overall,
 *       {@code difference()} and {@code ratio()};</li>
 *   <li>{@code compas.json#calibration.all_rows}: {@code brier_score_loss} (plain and weighted), {@code log_loss}
 *       and {@code roc_auc_score} of all 6,172 rows, and the Brier score of every race;</li>
 *   <li>{@code adult_calibration.json#calibration.metrics} and {@code .metrics_by_race}: the same on the 10,853
 *       test-split rows of {@code adult-predictions.csv} ({@code split == test}) with the logistic regression's
 *       probabilities, per sex and per race;</li>
 *   <li>{@code synthetic.json#score_metric_frame} and {@code #calibration.metrics}: the 20 literal rows.</li>
 * </ul>
 * The COMPAS log loss exercises the clipping: decile 10 gives a score of exactly 1.0, on rows that did not
 * recidivate, which costs {@code -log(2^-52)} each under scikit-learn 1.2's {@code eps='auto'}. No golden file
 * holds an average precision: {@code ScoreMetricContractTest} checks it against a brute-force reference and
 * scikit-learn's documented example instead.
 */
class GoldenScoresTest {
    private static final Map<String, FairnessReport> REPORTS = new ConcurrentHashMap<>();
    private static final Map<String, ScoreMetrics> BY_GOLDEN_NAME = Map.of("mean_score", ScoreMetrics.MEAN_SCORE,
            "brier_score_loss", ScoreMetrics.BRIER_SCORE, "roc_auc", ScoreMetrics.ROC_AUC,
            "log_loss", ScoreMetrics.LOG_LOSS);

    private static FairnessData compas(boolean weighted) {
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .scores(t.doubles("score")).sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"));
        if (weighted) {
            b.weights(t.doubles("weight"));
        }
        return b.build();
    }

    private static FairnessData adultTest(boolean weighted) {
        CsvTable t = SharedFiles.data("adult-predictions.csv").where("split", List.of("test"));
        FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .scores(t.doubles("proba")).sensitive("sex", t.strings("sex")).sensitive("race", t.strings("race"));
        if (weighted) {
            b.weights(t.doubles("weight"));
        }
        return b.build();
    }

    private static FairnessData synthetic(boolean weighted) {
        JsonNode rows = golden("synthetic.json").get("dataset").get("rows");
        FairnessData.Builder b = FairnessData.builder().labels(ints(rows.get("y_true")))
                .predictions(ints(rows.get("y_pred"))).scores(doubles(rows.get("score")))
                .sensitive("group", strings(rows.get("group")).toArray(String[]::new));
        if (weighted) {
            b.weights(doubles(rows.get("weight")));
        }
        return b.build();
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /** Every score metric by one feature; evaluated once per configuration. */
    private static FairnessReport report(String dataset, String feature, boolean weighted) {
        return REPORTS.computeIfAbsent(dataset + "/" + feature + "/" + weighted, k -> {
            FairnessData d = switch (dataset) {
                case "compas" -> compas(weighted);
                case "adult" -> adultTest(weighted);
                default -> synthetic(weighted);
            };
            return Fairness.of(d).groupBy(feature).scoreMetrics(ScoreMetrics.values()).evaluate();
        });
    }

    private static String fairkit(String dataset, String feature, boolean weighted, String what) {
        return "Fairness.of(" + dataset + (weighted ? ", weights(weight)" : "") + ").groupBy(" + feature
                + ").scoreMetrics(...) " + what;
    }

    // ------------------------------------------------------------------ Fairlearn MetricFrame of scores

    private static Stream<GoldenCheck> metricFrame(String file, String dataset, String feature, String weighting) {
        String path = file + "#score_metric_frame." + feature + "." + weighting;
        JsonNode block = golden(file).get("score_metric_frame").get(feature).get(weighting);
        boolean weighted = block.get("weighted").asBoolean();
        String call = block.get("call").asText();
        List<GoldenCheck> out = new ArrayList<>();
        for (JsonNode row : block.get("by_group")) {
            String level = row.get("group").get(feature).asText();
            GroupKey g = GroupKey.of(feature, level);
            for (String name : fieldNames(row.get("metrics"))) {
                ScoreMetrics m = BY_GOLDEN_NAME.get(name);
                out.add(new GoldenCheck(path + ".by_group[" + level + "]." + name, call,
                        fairkit(dataset, feature, weighted, "value(" + m + ", " + level + ")"),
                        number(row.get("metrics").get(name)),
                        () -> report(dataset, feature, weighted).value(m, g)));
            }
        }
        for (String name : fieldNames(block.get("overall"))) {
            ScoreMetrics m = BY_GOLDEN_NAME.get(name);
            out.add(new GoldenCheck(path + ".overall." + name, call,
                    fairkit(dataset, feature, weighted, "overall(" + m + ")"), number(block.get("overall").get(name)),
                    () -> report(dataset, feature, weighted).overall(m)));
            out.add(new GoldenCheck(path + ".difference_between_groups." + name, call + "; MetricFrame.difference()",
                    fairkit(dataset, feature, weighted, "difference(" + m + ")"),
                    number(block.get("difference_between_groups").get(name)),
                    () -> report(dataset, feature, weighted).difference(m).value()));
            out.add(new GoldenCheck(path + ".ratio_between_groups." + name, call + "; MetricFrame.ratio()",
                    fairkit(dataset, feature, weighted, "ratio(" + m + ")"),
                    number(block.get("ratio_between_groups").get(name)),
                    () -> report(dataset, feature, weighted).ratio(m).value()));
        }
        return out.stream();
    }

    static Stream<GoldenCheck> metricFrames() {
        return Stream.of(
                metricFrame("compas.json", "compas", "race", "unweighted"),
                metricFrame("compas.json", "compas", "race", "weighted"),
                metricFrame("compas.json", "compas", "sex", "unweighted"),
                metricFrame("synthetic.json", "synthetic", "group", "unweighted"),
                metricFrame("synthetic.json", "synthetic", "group", "weighted")).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrames")
    void scoreMetricFramesEqualFairlearn(GoldenCheck check) {
        check.verify();
    }

    // ------------------------------------------------------------------ scikit-learn calibration metrics

    /**
     * The scikit-learn metrics of a {@code calibration} block: overall values by their golden names (with the
     * {@code [sample_weight=weight]} variant of the Brier score), and the Brier score of each group.
     */
    private static Stream<GoldenCheck> calibration(String file, String blockPath, String dataset, String feature) {
        JsonNode block = golden(file);
        for (String part : blockPath.split("\\.")) {
            block = block.get(part);
        }
        String path = file + "#" + blockPath;
        String call = "scikit-learn 1.2.1 brier_score_loss / log_loss / roc_auc_score";
        List<GoldenCheck> out = new ArrayList<>();
        for (String name : fieldNames(block)) {
            boolean weighted = name.endsWith("[sample_weight=weight]");
            ScoreMetrics m = BY_GOLDEN_NAME.get(name.replace("[sample_weight=weight]", ""));
            if (m == null) {
                continue; // n, fit_rows, calibration curves (fairness-mitigation's business)
            }
            out.add(new GoldenCheck(path + "." + name, call, fairkit(dataset, feature, weighted, "overall(" + m + ")"),
                    number(block.get(name)), () -> report(dataset, feature, weighted).overall(m)));
        }
        JsonNode byGroup = block.get("by_group");
        for (String level : fieldNames(byGroup)) {
            JsonNode g = byGroup.get(level);
            for (String name : fieldNames(g)) {
                boolean weighted = name.endsWith("[sample_weight=weight]");
                ScoreMetrics m = BY_GOLDEN_NAME.get(name.replace("[sample_weight=weight]", ""));
                if (m == null) {
                    continue;
                }
                GroupKey key = GroupKey.of(feature, level);
                out.add(new GoldenCheck(path + ".by_group[" + level + "]." + name, call,
                        fairkit(dataset, feature, weighted, "value(" + m + ", " + level + ")"), number(g.get(name)),
                        () -> report(dataset, feature, weighted).value(m, key)));
            }
        }
        return out.stream();
    }

    static Stream<GoldenCheck> calibrationMetrics() {
        return Stream.of(
                calibration("compas.json", "calibration.all_rows", "compas", "race"),
                calibration("adult_calibration.json", "calibration.metrics", "adult", "sex"),
                calibration("adult_calibration.json", "calibration.metrics_by_race", "adult", "race"),
                calibration("synthetic.json", "calibration.metrics", "synthetic", "group")).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calibrationMetrics")
    void brierLogLossAndAucEqualScikitLearn(GoldenCheck check) {
        check.verify();
    }

    /** Guards the checks above against silently comparing nothing (a renamed key would drop its checks). */
    @org.junit.jupiter.api.Test
    void everyGoldenScoreBlockYieldsItsChecks() {
        org.assertj.core.api.Assertions.assertThat(metricFrames().count()).isEqualTo(
                (6 * 3 + 3 * 3) * 2 + (2 * 3 + 3 * 3) + (2 * 3 + 3 * 3) * 2);
        org.assertj.core.api.Assertions.assertThat(calibrationMetrics().map(GoldenCheck::path)
                .filter(p -> p.contains("log_loss")).count()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(Arrays.stream(ScoreMetrics.values()).count()).isEqualTo(6);
    }
}
