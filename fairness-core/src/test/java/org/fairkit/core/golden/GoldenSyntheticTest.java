package org.fairkit.core.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairkit.testkit.SharedFiles.golden;
import static org.fairkit.testkit.GoldenJson.number;
import static org.fairkit.testkit.GoldenJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FairKit against {@code ../shared/golden/synthetic.json}: Fairlearn 0.13.0 {@code MetricFrame} and fairness
 * functions, and AIF360 0.6.1 {@code ClassificationMetric}, on the 20 literal rows of the file and its 12-row edge
 * cases. Every expected value names its JSON path and the call that produced it; tolerance
 * {@link GoldenCheck#TOLERANCE}.
 *
 * <p>{@code score_metric_frame} and the Brier, log loss and AUC values of {@code calibration} are compared by
 * {@link GoldenScoresTest}. Not compared (not in fairness-core yet): the calibration curves,
 * {@code aif360_reweighing}, {@code threshold_optimizer}, and within the AIF360 blocks the entropy indices,
 * consistency, differential fairness and score-based generalized rates (see {@link Aif360Checks}).
 */
class GoldenSyntheticTest {
    private static final String FILE = "synthetic.json";
    private static final List<String> BLOCKS = List.of("group", "group3", "groupxgroup3");
    private static final List<String> WEIGHTINGS = List.of("unweighted", "weighted");
    private static final Map<String, FairnessReport> REPORTS = new ConcurrentHashMap<>();

    /** Skips the whole class with a clear message when ../shared/golden is absent. */
    @BeforeAll
    static void goldenFileIsPresent() {
        golden(FILE);
    }

    private static JsonNode file() {
        return golden(FILE);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** The 20 rows of {@code dataset.rows}, with {@code weight} as sample weights when asked. */
    private static FairnessData rows(boolean weighted) {
        JsonNode rows = file().get("dataset").get("rows");
        FairnessData.Builder b = FairnessData.builder().labels(ints(rows.get("y_true")))
                .predictions(ints(rows.get("y_pred")))
                .sensitive("group", strings(rows.get("group")).toArray(String[]::new))
                .sensitive("group3", strings(rows.get("group3")).toArray(String[]::new));
        if (weighted) {
            int[] w = ints(rows.get("weight"));
            b.weights(Arrays.stream(w).asDoubleStream().toArray());
        }
        return b.build();
    }

    /** The rows of {@code edge_cases.rows} whose group is one of {@code groups}. */
    private static FairnessData edgeRows(Set<String> groups) {
        JsonNode rows = file().get("edge_cases").get("rows");
        int[] y = ints(rows.get("y_true"));
        int[] p = ints(rows.get("y_pred"));
        List<String> g = strings(rows.get("group"));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (groups.contains(g.get(i))) {
                keep.add(i);
            }
        }
        return FairnessData.builder().labels(keep.stream().mapToInt(i -> y[i]).toArray())
                .predictions(keep.stream().mapToInt(i -> p[i]).toArray())
                .sensitive("group", keep.stream().map(g::get).toArray(String[]::new)).build();
    }

    private static String config(List<String> groupBy, boolean weighted, ZeroDivision zd, String reference) {
        return "[groupBy" + groupBy + (weighted ? ", weighted" : "") + ", ZeroDivision." + zd
                + (reference == null ? "" : ", reference(" + reference + ")") + "]";
    }

    /** The report of the 20 rows, all group metrics, evaluated once per configuration. */
    private static FairnessReport report(List<String> groupBy, boolean weighted, ZeroDivision zd, String reference) {
        return REPORTS.computeIfAbsent("rows" + config(groupBy, weighted, zd, reference), k -> {
            Fairness f = Fairness.of(rows(weighted)).groupBy(groupBy.toArray(String[]::new)).metrics(Metrics.values())
                    .zeroDivision(zd);
            if (reference != null) {
                f.reference(reference);
            }
            return f.evaluate();
        });
    }

    /** The report of the edge-case rows (all three groups, or only P and N with P as reference). */
    private static FairnessReport edgeReport(ZeroDivision zd, boolean pVersusN) {
        return REPORTS.computeIfAbsent("edge" + zd + pVersusN, k -> {
            Fairness f = Fairness.of(edgeRows(pVersusN ? Set.of("P", "N") : Set.of("P", "N", "Z"))).groupBy("group")
                    .metrics(Metrics.values()).zeroDivision(zd);
            if (pVersusN) {
                f.reference("P");
            }
            return f.evaluate();
        });
    }

    // ---------------------------------------------------------------- metric_frame (Fairlearn MetricFrame)

    static Stream<Arguments> metricFrameBlocks() {
        List<Arguments> out = new ArrayList<>();
        for (String b : BLOCKS) {
            for (String w : WEIGHTINGS) {
                out.add(Arguments.of(FILE + "#metric_frame." + b + "." + w, file().get("metric_frame").get(b).get(w)));
            }
        }
        out.add(Arguments.of(FILE + "#edge_cases.metric_frame", file().get("edge_cases").get("metric_frame")));
        return out.stream();
    }

    private static FairnessReport reportFor(String path, JsonNode block, ZeroDivision zd) {
        if (path.contains("edge_cases")) {
            return edgeReport(zd, false);
        }
        return report(strings(block.get("sensitive_features")), block.get("weighted").asBoolean(), zd, null);
    }

    static Stream<GoldenCheck> metricFrameValues() {
        return metricFrameBlocks().filter(a -> !((String) a.get()[0]).contains("edge_cases")).flatMap(a -> {
            String path = (String) a.get()[0];
            JsonNode block = (JsonNode) a.get()[1];
            List<String> by = strings(block.get("sensitive_features"));
            boolean weighted = block.get("weighted").asBoolean();
            return FairlearnChecks.metricFrame(path, block, () -> report(by, weighted, ZeroDivision.ZERO, null),
                    config(by, weighted, ZeroDivision.ZERO, null));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameValues")
    void metricFrameByGroupOverallAndAggregatesEqualFairlearn(GoldenCheck check) {
        check.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void groupsAreTheNonEmptyCombinationsFairlearnReports(String path, JsonNode block) {
        assertThat(reportFor(path, block, ZeroDivision.ZERO).groups()).as("%s by_group groups", path)
                .containsExactlyInAnyOrderElementsOf(FairlearnChecks.groups(block));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void cellsWithAZeroDenominatorAreUndefinedWithTheirReasonAndWarnedByDefault(String path, JsonNode block) {
        DefinitionDifferences.assertUndefinedCells(path, block, reportFor(path, block, ZeroDivision.UNDEFINED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void zeroDivisionZeroReportsFairlearnsZeroForExactlyTheUndefinedCellsAndStillWarns(String path, JsonNode block) {
        DefinitionDifferences.assertZeroSubstitutedCells(path, block, reportFor(path, block, ZeroDivision.ZERO));
    }

    static Stream<Arguments> singleClassGroups() {
        return metricFrameBlocks().flatMap(a -> FairlearnChecks.singleClassGroups((JsonNode) a.get()[1]).stream()
                .map(g -> Arguments.of(a.get()[0], a.get()[1], g)));
    }

    /** Pinned difference: scikit-learn averages the recalls of the classes present; FairKit says undefined. */
    @ParameterizedTest(name = "{0} [{2}]")
    @MethodSource("singleClassGroups")
    void balancedAccuracyOfASingleClassGroupIsUndefinedWhereScikitLearnReportsTheRecallOfThePresentClass(
            String path, JsonNode block, GroupKey group) {
        DefinitionDifferences.assertBalancedAccuracyOfSingleClassGroup(path, block, group,
                reportFor(path, block, ZeroDivision.UNDEFINED), reportFor(path, block, ZeroDivision.ZERO));
    }

    static Stream<Arguments> blocksWithSingleClassGroups() {
        return metricFrameBlocks().filter(a -> !FairlearnChecks.singleClassGroups((JsonNode) a.get()[1]).isEmpty());
    }

    /** Pinned difference: the aggregates follow from FairKit's by-group balanced accuracy, not scikit-learn's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blocksWithSingleClassGroups")
    void balancedAccuracyAggregatesLeaveSingleClassGroupsOutOrCountThemAsZero(String path, JsonNode block) {
        DefinitionDifferences.assertBalancedAccuracyAggregates(path, block,
                reportFor(path, block, ZeroDivision.UNDEFINED), reportFor(path, block, ZeroDivision.ZERO));
    }

    // ---------------------------------------------------------------- edge_cases (zero denominators)

    static Stream<GoldenCheck> edgeCaseMetricFrame() {
        JsonNode block = file().get("edge_cases").get("metric_frame");
        return FairlearnChecks.metricFrame(FILE + "#edge_cases.metric_frame", block,
                () -> edgeReport(ZeroDivision.ZERO, false), "[edge rows, groupBy[group], ZeroDivision.ZERO]");
    }

    /**
     * Fairlearn's zero-filled cells (TPR/FNR/recall of N, FPR/TNR of Z, precision and F1 of N) equal FairKit's
     * values under {@code ZeroDivision.ZERO}, and so do the aggregates; balanced accuracy of N and Z is pinned
     * separately above.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCaseMetricFrame")
    void edgeCasesEqualFairlearnsZeroFilledValuesUnderZeroDivisionZero(GoldenCheck check) {
        check.verify();
    }

    static Stream<GoldenCheck> edgeCaseFairnessFunctions() {
        return FairlearnChecks.fairnessFunctions(FILE + "#edge_cases.fairness_functions",
                file().get("edge_cases").get("fairness_functions"), () -> edgeReport(ZeroDivision.ZERO, false),
                "[edge rows, groupBy[group], ZeroDivision.ZERO]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCaseFairnessFunctions")
    void edgeCaseFairnessFunctionsEqualFairlearnUnderZeroDivisionZero(GoldenCheck check) {
        check.verify();
    }

    /** AIF360 numbers on the edge rows where FairKit documents "undefined": pinned by their own tests below. */
    private static final Set<String> AIF360_EDGE_PINNED = Set.of(
            "classification_metric_by_group.unprivileged.positive_predictive_value",
            "classification_metric_by_group.unprivileged.false_discovery_rate",
            "classification_metric.false_discovery_rate_difference",
            "classification_metric.false_discovery_rate_ratio",
            "classification_metric.equalized_odds_difference");
    private static final String EDGE_AIF360 = FILE + "#edge_cases.aif360_P_priv_vs_N.";

    static Stream<GoldenCheck> edgeCaseAif360() {
        return Aif360Checks.block(FILE + "#edge_cases.aif360_P_priv_vs_N",
                file().get("edge_cases").get("aif360_P_priv_vs_N"), () -> edgeReport(ZeroDivision.UNDEFINED, true),
                GroupKey.of("group", "P"), GroupKey.of("group", "N"),
                "[edge rows P and N, groupBy[group], reference(P), ZeroDivision.UNDEFINED]")
                .filter(c -> !AIF360_EDGE_PINNED.contains(c.path().substring(EDGE_AIF360.length())));
    }

    static Stream<GoldenCheck> edgeCaseAif360Defined() {
        return edgeCaseAif360().filter(c -> !c.expectsUndefined());
    }

    static Stream<GoldenCheck> edgeCaseAif360NaN() {
        return edgeCaseAif360().filter(GoldenCheck::expectsUndefined);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCaseAif360Defined")
    void edgeCaseAif360ValuesEqualFairKitWhereBothAreDefined(GoldenCheck check) {
        check.verify();
    }

    /** AIF360 divides 0 by 0 for the TPR / FNR of N (no positives) and everything built on them: NaN. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCaseAif360NaN")
    void edgeCaseAif360NaNIsUndefinedInFairKit(GoldenCheck check) {
        check.verify();
    }

    /**
     * Pinned difference: AIF360's {@code performance_measures} returns 0.0 for PPV and FDR when there are no
     * predicted positives (and so FDR difference −0.5, ratio 0.0); FairKit reports them undefined.
     */
    @Test
    void aif360ReportsZeroPrecisionForAGroupWithoutPredictedPositivesWhereFairKitIsUndefined() {
        JsonNode block = file().get("edge_cases").get("aif360_P_priv_vs_N");
        FairnessReport r = edgeReport(ZeroDivision.UNDEFINED, true);
        GroupKey n = GroupKey.of("group", "N");
        JsonNode unpriv = block.get("classification_metric_by_group").get("unprivileged");
        JsonNode metrics = block.get("classification_metric");
        String p = EDGE_AIF360;

        assertThat(number(unpriv.get("positive_predictive_value")))
                .as("%sclassification_metric_by_group.unprivileged.positive_predictive_value", p).isEqualTo(0.0);
        assertThat(r.value(Metrics.POSITIVE_PREDICTIVE_VALUE, n).reason())
                .as("FairKit value(POSITIVE_PREDICTIVE_VALUE, N)")
                .contains(DefinitionDifferences.NO_PREDICTED_POSITIVES);
        assertThat(number(unpriv.get("false_discovery_rate")))
                .as("%sclassification_metric_by_group.unprivileged.false_discovery_rate", p).isEqualTo(0.0);
        assertThat(r.value(Metrics.FALSE_DISCOVERY_RATE, n).reason()).as("FairKit value(FALSE_DISCOVERY_RATE, N)")
                .contains(DefinitionDifferences.NO_PREDICTED_POSITIVES);

        assertThat(number(metrics.get("false_discovery_rate_difference")))
                .as("%sclassification_metric.false_discovery_rate_difference", p).isEqualTo(-0.5);
        assertThat(number(metrics.get("false_discovery_rate_ratio")))
                .as("%sclassification_metric.false_discovery_rate_ratio", p).isEqualTo(0.0);
        for (boolean ratio : new boolean[] {false, true}) {
            MetricValue v = Aif360Checks.compare(r, Metrics.FALSE_DISCOVERY_RATE, n, ratio);
            assertThat(v.reason()).as("FairKit toReference(FALSE_DISCOVERY_RATE)[N].%s",
                    ratio ? "ratio" : "difference").hasValueSatisfying(
                            reason -> assertThat(reason).contains(DefinitionDifferences.NO_PREDICTED_POSITIVES));
        }
    }

    /**
     * Pinned difference: AIF360's {@code equalized_odds_difference} is Python's {@code max(|dFPR|, |dTPR|)}, which
     * drops the NaN TPR difference and returns 0.5; FairKit's equalized odds difference is undefined because the
     * TPR spread needs two groups with positives.
     */
    @Test
    void aif360EqualizedOddsDifferenceIgnoresTheNaNTruePositiveRateWhereFairKitIsUndefined() {
        JsonNode metrics = file().get("edge_cases").get("aif360_P_priv_vs_N").get("classification_metric");
        assertThat(number(metrics.get("equalized_odds_difference")))
                .as("%sclassification_metric.equalized_odds_difference", EDGE_AIF360).isEqualTo(0.5);
        assertThat(number(metrics.get("true_positive_rate_difference")))
                .as("%sclassification_metric.true_positive_rate_difference", EDGE_AIF360).isNaN();
        assertThat(number(metrics.get("false_positive_rate_difference")))
                .as("%sclassification_metric.false_positive_rate_difference", EDGE_AIF360).isEqualTo(-0.5);
        MetricValue v = edgeReport(ZeroDivision.UNDEFINED, true).fairness(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .value();
        assertThat(v.reason()).as("FairKit fairness(EQUALIZED_ODDS_DIFFERENCE) on P vs N")
                .hasValueSatisfying(reason -> assertThat(reason).contains("true_positive_rate"));
    }

    // ---------------------------------------------------------------- fairness_functions (Fairlearn)

    static Stream<GoldenCheck> fairnessFunctions() {
        List<GoldenCheck> out = new ArrayList<>();
        for (String b : BLOCKS) {
            for (String w : WEIGHTINGS) {
                JsonNode block = file().get("fairness_functions").get(b).get(w);
                List<String> by = strings(file().get("metric_frame").get(b).get(w).get("sensitive_features"));
                boolean weighted = block.get("weighted").asBoolean();
                FairlearnChecks.fairnessFunctions(FILE + "#fairness_functions." + b + "." + w, block,
                        () -> report(by, weighted, ZeroDivision.ZERO, null),
                        config(by, weighted, ZeroDivision.ZERO, null)).forEach(out::add);
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fairnessFunctions")
    void fairnessFunctionsEqualFairlearn(GoldenCheck check) {
        check.verify();
    }

    // ---------------------------------------------------------------- aif360 (A privileged)

    static Stream<GoldenCheck> aif360() {
        List<GoldenCheck> out = new ArrayList<>();
        for (String w : WEIGHTINGS) {
            boolean weighted = w.equals("weighted");
            List<String> by = List.of("group");
            Aif360Checks.block(FILE + "#aif360.A_priv." + w, file().get("aif360").get("A_priv").get(w),
                    () -> report(by, weighted, ZeroDivision.UNDEFINED, "A"), GroupKey.of("group", "A"),
                    GroupKey.of("group", "B"), config(by, weighted, ZeroDivision.UNDEFINED, "A")).forEach(out::add);
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aif360")
    void aif360MetricsEqualFairKitWithTheReferenceGroupAsPrivileged(GoldenCheck check) {
        check.verify();
    }
}
