package org.fairkit.core.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairkit.testkit.SharedFiles.golden;
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
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FairKit against {@code ../shared/golden/compas.json}: Fairlearn 0.13.0 {@code MetricFrame} and fairness functions
 * by race, sex and race × sex, unweighted and weighted, and AIF360 0.6.1 {@code ClassificationMetric} /
 * {@code BinaryLabelDatasetMetric} blocks, all computed on the 6,172 ProPublica-filtered rows whose exact inputs are
 * {@code ../shared/data/compas-predictions.csv} ({@code y_true}, {@code y_pred}, {@code race}, {@code sex},
 * {@code weight}). Tolerance {@link GoldenCheck#TOLERANCE}.
 *
 * <p>{@code score_metric_frame} and the Brier, log loss and AUC values of {@code calibration} are compared by
 * {@link GoldenScoresTest}. Not compared (not in fairness-core yet): the calibration curves and isotonic / Platt
 * fits, {@code aif360_reweighing}, and within the AIF360 blocks the entropy indices, consistency, differential
 * fairness and score-based generalized rates (see {@link Aif360Checks}).
 */
class GoldenCompasTest {
    private static final String FILE = "compas.json";
    private static final String CSV = "compas-predictions.csv";
    private static final List<String> BLOCKS = List.of("race", "sex", "racexsex");
    private static final List<String> WEIGHTINGS = List.of("unweighted", "weighted");
    private static final String AA = "African-American";
    private static final String CAUCASIAN = "Caucasian";
    private static final Map<String, FairnessReport> REPORTS = new ConcurrentHashMap<>();

    /** Skips the whole class with a clear message when ../shared/golden or the predictions CSV is absent. */
    @BeforeAll
    static void goldenFilesArePresent() {
        golden(FILE);
        SharedFiles.data(CSV);
    }

    private static JsonNode file() {
        return golden(FILE);
    }

    /**
     * The CSV rows (all, or only African-American and Caucasian for AIF360's race blocks), optionally weighted by
     * the {@code weight} column, and optionally with the favorable label flipped (labels 1 − y, predictions 1 − p:
     * AIF360's {@code favorable_label = 0}).
     */
    private static FairnessData data(boolean onlyAfricanAmericanAndCaucasian, boolean weighted, boolean flipped) {
        CsvTable t = SharedFiles.data(CSV);
        if (onlyAfricanAmericanAndCaucasian) {
            t = t.where("race", Set.of(AA, CAUCASIAN));
        }
        int[] y = t.ints("y_true");
        int[] p = t.ints("y_pred");
        if (flipped) {
            y = Arrays.stream(y).map(v -> 1 - v).toArray();
            p = Arrays.stream(p).map(v -> 1 - v).toArray();
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p)
                .sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"));
        if (weighted) {
            b.weights(t.doubles("weight"));
        }
        return b.build();
    }

    private static String config(String rows, List<String> groupBy, boolean weighted, ZeroDivision zd,
            String reference) {
        return "[" + rows + ", groupBy" + groupBy + (weighted ? ", weights(weight)" : "") + ", ZeroDivision." + zd
                + (reference == null ? "" : ", reference(" + reference + ")") + "]";
    }

    /** All 6,172 rows, all group metrics; evaluated once per configuration. */
    private static FairnessReport report(List<String> groupBy, boolean weighted, ZeroDivision zd) {
        String key = config("all rows", groupBy, weighted, zd, null);
        return REPORTS.computeIfAbsent(key, k -> Fairness.of(data(false, weighted, false))
                .groupBy(groupBy.toArray(String[]::new)).metrics(Metrics.values()).zeroDivision(zd).evaluate());
    }

    /** An AIF360 setting: one protected attribute, its privileged group as FairKit's reference. */
    private static FairnessReport aif360Report(String rows, String attribute, String privileged, boolean weighted,
            boolean flipped) {
        String key = config(rows, List.of(attribute), weighted, ZeroDivision.UNDEFINED, privileged) + flipped;
        return REPORTS.computeIfAbsent(key, k -> Fairness.of(data(rows.startsWith(AA), weighted, flipped))
                .groupBy(attribute).metrics(Metrics.values()).reference(privileged).evaluate());
    }

    // ---------------------------------------------------------------- metric_frame (Fairlearn MetricFrame)

    static Stream<Arguments> metricFrameBlocks() {
        List<Arguments> out = new ArrayList<>();
        for (String b : BLOCKS) {
            for (String w : WEIGHTINGS) {
                out.add(Arguments.of(FILE + "#metric_frame." + b + "." + w, file().get("metric_frame").get(b).get(w)));
            }
        }
        return out.stream();
    }

    private static FairnessReport reportFor(JsonNode block, ZeroDivision zd) {
        return report(strings(block.get("sensitive_features")), block.get("weighted").asBoolean(), zd);
    }

    static Stream<GoldenCheck> metricFrameValues() {
        return metricFrameBlocks().flatMap(a -> {
            String path = (String) a.get()[0];
            JsonNode block = (JsonNode) a.get()[1];
            List<String> by = strings(block.get("sensitive_features"));
            boolean weighted = block.get("weighted").asBoolean();
            return FairlearnChecks.metricFrame(path, block, () -> report(by, weighted, ZeroDivision.ZERO),
                    config("all rows", by, weighted, ZeroDivision.ZERO, null));
        });
    }

    /**
     * Every by-group metric, overall value and aggregate, under {@code ZeroDivision.ZERO} (Fairlearn's 0.0 for the
     * race × sex cells with a zero denominator: the precision of Asian & Female, the FPR / TNR of Native American &
     * Female); balanced accuracy of single-class groups is pinned below.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameValues")
    void metricFrameByGroupOverallAndAggregatesEqualFairlearn(GoldenCheck check) {
        check.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void groupsAreTheNonEmptyCombinationsFairlearnReports(String path, JsonNode block) {
        assertThat(reportFor(block, ZeroDivision.ZERO).groups()).as("%s by_group groups", path)
                .containsExactlyInAnyOrderElementsOf(FairlearnChecks.groups(block));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void cellsWithAZeroDenominatorAreUndefinedWithTheirReasonAndWarnedByDefault(String path, JsonNode block) {
        DefinitionDifferences.assertUndefinedCells(path, block, reportFor(block, ZeroDivision.UNDEFINED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricFrameBlocks")
    void zeroDivisionZeroReportsFairlearnsZeroForExactlyTheUndefinedCellsAndStillWarns(String path, JsonNode block) {
        DefinitionDifferences.assertZeroSubstitutedCells(path, block, reportFor(block, ZeroDivision.ZERO));
    }

    /** The race × sex blocks have the undefined cells the comparison above relies on; race and sex have none. */
    @Test
    void onlyRaceBySexHasCellsWithAZeroDenominator() {
        metricFrameBlocks().forEach(a -> assertThat(DefinitionDifferences.undefinedCells((JsonNode) a.get()[1]))
                .as("cells with a zero denominator in %s", a.get()[0])
                .matches(cells -> ((String) a.get()[0]).contains("racexsex") != cells.isEmpty()));
    }

    static Stream<Arguments> singleClassGroups() {
        return metricFrameBlocks().flatMap(a -> FairlearnChecks.singleClassGroups((JsonNode) a.get()[1]).stream()
                .map(g -> Arguments.of(a.get()[0], a.get()[1], g)));
    }

    /** Pinned difference (Native American & Female has only positives): see {@link DefinitionDifferences}. */
    @ParameterizedTest(name = "{0} [{2}]")
    @MethodSource("singleClassGroups")
    void balancedAccuracyOfASingleClassGroupIsUndefinedWhereScikitLearnReportsTheRecallOfThePresentClass(
            String path, JsonNode block, GroupKey group) {
        DefinitionDifferences.assertBalancedAccuracyOfSingleClassGroup(path, block, group,
                reportFor(block, ZeroDivision.UNDEFINED), reportFor(block, ZeroDivision.ZERO));
    }

    static Stream<Arguments> blocksWithSingleClassGroups() {
        return metricFrameBlocks().filter(a -> !FairlearnChecks.singleClassGroups((JsonNode) a.get()[1]).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocksWithSingleClassGroups")
    void balancedAccuracyAggregatesLeaveSingleClassGroupsOutOrCountThemAsZero(String path, JsonNode block) {
        DefinitionDifferences.assertBalancedAccuracyAggregates(path, block, reportFor(block, ZeroDivision.UNDEFINED),
                reportFor(block, ZeroDivision.ZERO));
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
                        () -> report(by, weighted, ZeroDivision.ZERO),
                        config("all rows", by, weighted, ZeroDivision.ZERO, null)).forEach(out::add);
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fairnessFunctions")
    void fairnessFunctionsEqualFairlearn(GoldenCheck check) {
        check.verify();
    }

    // ---------------------------------------------------------------- aif360

    static Stream<GoldenCheck> aif360() {
        JsonNode aif = file().get("aif360");
        List<GoldenCheck> out = new ArrayList<>();
        String race = "race_AA_vs_Caucasian";
        String rows = AA + " and " + CAUCASIAN + " rows";
        for (String fav : List.of("[fav=1]", "[fav=0]")) {
            boolean flipped = fav.equals("[fav=0]");
            JsonNode blocks = aif.get(race + fav);
            for (String w : GoldenJson.fieldNames(blocks)) {
                boolean weighted = w.equals("weighted");
                Aif360Checks.block(FILE + "#aif360." + race + fav + "." + w, blocks.get(w),
                        () -> aif360Report(rows, "race", CAUCASIAN, weighted, flipped),
                        GroupKey.of("race", CAUCASIAN), GroupKey.of("race", AA),
                        config(rows, List.of("race"), weighted, ZeroDivision.UNDEFINED, CAUCASIAN)
                                + (flipped ? " with labels 1 - y_true and predictions 1 - y_pred" : ""))
                        .forEach(out::add);
            }
        }
        JsonNode sex = aif.get("sex_Female_priv[fav=1]");
        for (String w : GoldenJson.fieldNames(sex)) {
            boolean weighted = w.equals("weighted");
            Aif360Checks.block(FILE + "#aif360.sex_Female_priv[fav=1]." + w, sex.get(w),
                    () -> aif360Report("all rows", "sex", "Female", weighted, false), GroupKey.of("sex", "Female"),
                    GroupKey.of("sex", "Male"), config("all rows", List.of("sex"), weighted, ZeroDivision.UNDEFINED,
                            "Female")).forEach(out::add);
        }
        return out.stream();
    }

    /**
     * AIF360 with the privileged group as FairKit's reference. {@code [fav=0]} (favorable label 0, AIF360's
     * CompasDataset semantics) is FairKit on labels 1 − y and predictions 1 − p.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("aif360")
    void aif360MetricsEqualFairKitWithThePrivilegedGroupAsReference(GoldenCheck check) {
        check.verify();
    }

    /** The AIF360 race blocks use only the African-American and Caucasian rows (5,278). */
    @Test
    void aif360RaceBlocksUseOnlyAfricanAmericanAndCaucasianRows() {
        JsonNode block = file().get("aif360").get("race_AA_vs_Caucasian[fav=1]").get("unweighted");
        assertThat(data(true, false, false).rows()).as("%s#aif360.race_AA_vs_Caucasian[fav=1].unweighted.n_rows",
                FILE).isEqualTo(block.get("n_rows").asInt());
        assertThat(data(false, false, false).rows()).as("%s#dataset.rows", FILE)
                .isEqualTo(file().get("dataset").get("rows").asInt());
    }
}
