package org.fairkit.orchestration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load model's formulas, the three reference scenarios of issue #5, feasibility and every message. */
class LoadModelTest {
    private static final Set<OutputKind> ALL = EnumSet.allOf(OutputKind.class);
    private static final Set<OutputKind> METRICS_AND_FLAGGED =
            EnumSet.of(OutputKind.METRICS_EXPORT, OutputKind.FLAGGED_CASES_CSV);
    /** 100 + 20·2 + 5·70 + 10·1 = 500. */
    private static final InputProfile FIVE_HUNDRED = InputProfile.of(2, 70, 1);
    private static final LoadModel MODEL = LoadModel.defaults();

    @Test
    void referenceScenarioOneHundredWithMetricsExportAndFlaggedCases() {
        LoadEstimate e = MODEL.estimate(InputProfile.of(0, 0, 0), METRICS_AND_FLAGGED, Timeline.now());
        assertThat(e.inputLoad()).isEqualTo(100.0);
        assertThat(e.outputLoad()).isEqualTo(2.5);
        assertThat(e.totalLoad()).isEqualTo(202.5);
        assertThat(e.estimatedSeconds()).isCloseTo(202.5 / 11.5, within(1e-12));
        assertThat(e.estimatedSeconds()).isCloseTo(17.6, within(0.05));
        assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE);
        assertThat(e.warnings()).isEmpty();
        assertThat(e.suggestions()).isEmpty();
        assertThat(e.message()).isEqualTo("This fairness audit will process approximately 100 input units and "
                + "generate 2.5 output units, taking approximately 17.6 seconds to complete.");
    }

    @Test
    void referenceScenarioFiveHundredWithAllEightOutputs() {
        for (InputProfile input : List.of(FIVE_HUNDRED, InputProfile.ofEstimatedSize(500))) {
            LoadEstimate e = MODEL.estimate(input, ALL, Timeline.now());
            assertThat(e.inputLoad()).isEqualTo(500.0);
            assertThat(e.outputLoad()).isCloseTo(13.0, within(1e-12));
            assertThat(e.totalLoad()).isCloseTo(1013.0, within(1e-12));
            assertThat(e.estimatedSeconds()).isCloseTo(88.1, within(0.05));
            assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE);
            assertThat(e.message()).isEqualTo("This fairness audit will process approximately 500 input units and "
                    + "generate 13 output units, taking approximately 1 minute 28 seconds to complete.");
        }
    }

    @Test
    void referenceScenarioTwoHundredWithAllOutputsIsWithinTheOutputTarget() {
        LoadEstimate e = MODEL.estimate(InputProfile.ofEstimatedSize(200), ALL, Timeline.now());
        assertThat(e.recommendedOutputLoad()).isCloseTo(240.0, within(1e-12));
        assertThat(e.designTargetLoad()).isCloseTo(640.0, within(1e-12));
        assertThat(e.outputLoad()).isCloseTo(13.0, within(1e-12));
        assertThat(e.outputWithinTarget()).isTrue();
        assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE);
    }

    @Test
    void inputLoadIsBasePlusTwentyPerAttributeFivePerDayTenPerFilter() {
        assertThat(MODEL.inputLoad(InputProfile.of(0, 0, 0))).isEqualTo(100.0);
        assertThat(MODEL.inputLoad(InputProfile.of(1, 0, 0))).isEqualTo(120.0);
        assertThat(MODEL.inputLoad(InputProfile.of(0, 1, 0))).isEqualTo(105.0);
        assertThat(MODEL.inputLoad(InputProfile.of(0, 0, 1))).isEqualTo(110.0);
        assertThat(MODEL.inputLoad(InputProfile.of(3, 30, 2))).isEqualTo(100.0 + 60 + 150 + 20);
    }

    @Test
    void aPreCalculatedSizeReplacesTheFormula() {
        assertThat(MODEL.inputLoad(InputProfile.of(3, 30, 2).withEstimatedSize(42.5))).isEqualTo(42.5);
        assertThat(MODEL.inputLoad(InputProfile.ofEstimatedSize(0))).isEqualTo(0.0);
    }

    @Test
    void dateRangesCountTheirDaysInclusively() {
        assertThat(InputProfile.daysInclusive(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))).isEqualTo(31);
        assertThat(InputProfile.daysInclusive(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1))).isEqualTo(1);
        assertThatThrownBy(() -> InputProfile.daysInclusive(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 1)))
                .hasMessage("date range must be a last day on or after the first, got 2024-02-02 .. 2024-02-01");
    }

    @Test
    void eachOutputWeighsWhatTheSpecificationSays() {
        assertThat(MODEL.weight(OutputKind.FAIRNESS_AUDIT_PDF)).isEqualTo(2.5);
        assertThat(MODEL.weight(OutputKind.METRICS_EXPORT)).isEqualTo(1.0);
        assertThat(MODEL.weight(OutputKind.FLAGGED_CASES_CSV)).isEqualTo(1.5);
        assertThat(MODEL.weight(OutputKind.EXECUTIVE_SUMMARY_SLIDES)).isEqualTo(2.0);
        assertThat(MODEL.weight(OutputKind.DETAILED_REPORT_JSON)).isEqualTo(1.2);
        assertThat(MODEL.weight(OutputKind.ALERT_CONFIGURATION)).isEqualTo(0.8);
        assertThat(MODEL.weight(OutputKind.DASHBOARD_EXPORT)).isEqualTo(1.8);
        assertThat(MODEL.weight(OutputKind.COMPLIANCE_REPORT)).isEqualTo(2.2);
        assertThat(MODEL.outputLoad(ALL)).isCloseTo(13.0, within(1e-12));
        assertThat(MODEL.outputLoad(Set.of())).isEqualTo(0.0);
    }

    @Test
    void outputIdsParseAndUnknownIdsListTheValidOnes() {
        assertThat(OutputKind.byId(" Flagged_Cases ")).isEqualTo(OutputKind.FLAGGED_CASES_CSV);
        assertThat(OutputKind.byIds(List.of("metrics_export", "flagged_cases", "metrics_export")))
                .isEqualTo(METRICS_AND_FLAGGED);
        assertThatThrownBy(() -> OutputKind.byId("pdf")).hasMessage("unknown audit output id 'pdf'; valid ids: "
                + "fairness_audit_pdf, metrics_export, flagged_cases, executive_summary_slides, "
                + "detailed_report, alert_configuration, dashboard_export, compliance_report");
    }

    @Test
    void theSpecificationConstantsAreTheDefaults() {
        assertThat(MODEL.inputPassMultiplier()).isEqualTo(LoadModel.INPUT_PASS_MULTIPLIER).isEqualTo(2.0);
        assertThat(MODEL.totalLoadMultiplier()).isEqualTo(LoadModel.TOTAL_LOAD_MULTIPLIER).isEqualTo(3.2);
        assertThat(MODEL.outputTargetMultiplier()).isEqualTo(LoadModel.OUTPUT_TARGET_MULTIPLIER).isEqualTo(1.2);
        assertThat(MODEL.inputRate()).isEqualTo(15.0);
        assertThat(MODEL.outputRate()).isEqualTo(8.0);
        assertThat(MODEL.averageRate()).isEqualTo(11.5);
        assertThat(MODEL.strictSlaBuffer()).isEqualTo(0.2);
        assertThat(MODEL.timeFormula()).isEqualTo(TimeFormula.AVERAGE_RATE);
        assertThat(MODEL).hasToString("LoadModel[I = 100 + 20/attribute + 5/day + 10/filter; L = O + 2 I; "
                + "target 3.2 I (O <= 1.2 I); rates in 15, out 8 units/s; AVERAGE_RATE; strict SLA buffer 20%; "
                + "weights fairness_audit_pdf 2.5, metrics_export 1, flagged_cases 1.5, "
                + "executive_summary_slides 2, detailed_report 1.2, alert_configuration 0.8, "
                + "dashboard_export 1.8, compliance_report 2.2]");
    }

    @Test
    void everyConstantIsConfigurable() {
        LoadModel m = LoadModel.builder().weight(OutputKind.METRICS_EXPORT, 3).inputBase(50)
                .unitsPerSensitiveAttribute(1).unitsPerDay(2).unitsPerFilter(4).inputPassMultiplier(3)
                .outputTargetMultiplier(0.5).inputRate(10).outputRate(30).strictSlaBuffer(0.5).build();
        assertThat(m.inputLoad(InputProfile.of(1, 2, 3))).isEqualTo(50 + 1 + 4 + 12.0);
        assertThat(m.outputLoad(METRICS_AND_FLAGGED)).isEqualTo(4.5);
        assertThat(m.totalLoad(10, 4.5)).isEqualTo(34.5);
        assertThat(m.totalLoadMultiplier()).isEqualTo(3.5);
        assertThat(m.averageRate()).isEqualTo(20.0);
        assertThat(m.estimatedSeconds(10, 4.5)).isEqualTo(34.5 / 20);
        LoadModel separate = LoadModel.builder().timeFormula(TimeFormula.SEPARATE_RATES).build();
        assertThat(separate.estimatedSeconds(100, 2.5)).isCloseTo(200 / 15.0 + 2.5 / 8, within(1e-12));
    }

    @Test
    void badSettingsFailAtOnceNamingTheSetting() {
        assertThatThrownBy(() -> LoadModel.builder().inputRate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputRate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> LoadModel.builder().weight(OutputKind.DASHBOARD_EXPORT, Double.NaN))
                .hasMessage("weight(dashboard_export) must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> LoadModel.builder().outputRate(4).outputRate(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("outputRate is already set; each setting is set once");
        assertThatThrownBy(() -> LoadModel.builder().totalLoadMultiplier(3.0).build())
                .hasMessage("totalLoadMultiplier must be inputPassMultiplier + outputTargetMultiplier = 2 + 1.2 = "
                        + "3.2, got 3.0");
        assertThat(LoadModel.builder().totalLoadMultiplier(3.2).build().totalLoadMultiplier()).isEqualTo(3.2);
        assertThatThrownBy(() -> InputProfile.of(-1, 0, 0)).hasMessage("sensitiveAttributes must be >= 0, got -1");
        assertThatThrownBy(() -> InputProfile.ofEstimatedSize(Double.POSITIVE_INFINITY))
                .hasMessage("estimatedSize must be finite and >= 0, got Infinity");
    }

    @Test
    void timelinesRejectPartsThatDoNotBelongToTheirMode() {
        assertThatThrownBy(() -> Timeline.continuous(Duration.ZERO))
                .hasMessage("period must be a positive duration, got PT0S");
        assertThatThrownBy(() -> Timeline.now().withTimeLimit(Duration.ofSeconds(-1)))
                .hasMessage("timeLimit must be a positive duration, got PT-1S");
        assertThatThrownBy(() -> Timeline.continuous(Duration.ofMinutes(1)).withDeadline(Instant.EPOCH))
                .hasMessage("deadline must be absent for a CONTINUOUS timeline (each run is limited by the period), "
                        + "got 1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Timeline(ExecutionMode.SCHEDULED, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), false))
                .hasMessage("start must be present for a SCHEDULED timeline, got null");
    }

    @Test
    void aRunWithinTheLimitAndItsMarginIsFeasible() {
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofMinutes(2)));
        assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE);
        assertThat(e.availableSeconds()).isEqualTo(OptionalDouble.of(120));
        assertThat(e.bufferedSeconds()).isEqualTo(e.estimatedSeconds());
    }

    @Test
    void withoutAStrictSlaARunInsideTheLimitButNotItsMarginHasAWarning() {
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofSeconds(90)));
        assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE_WITH_WARNINGS);
        assertThat(e.message()).isEqualTo("This audit is feasible but has some considerations: estimated time "
                + "1 minute 28 seconds leaves less than a 20% safety margin within the time limit of 1 minute 30 "
                + "seconds (1 minute 46 seconds with the margin). Estimated time: 1 minute 28 seconds.");
        assertThat(e.suggestions()).containsExactly(
                "reduce the input load to at most 424.7 units (now 500), for example a date range of at most 54 "
                        + "days (now 70)",
                "raise the time limit to at least 1 minute 46 seconds");
    }

    @Test
    void aStrictSlaAppliesTheTwentyPercentBufferToTheEstimateBeforeComparing() {
        Timeline strict = Timeline.now().withTimeLimit(Duration.ofSeconds(90)).withStrictSla();
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, strict);
        assertThat(e.bufferedSeconds()).isCloseTo(1.2 * 1013 / 11.5, within(1e-12));
        assertThat(e.feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
        assertThat(e.message()).isEqualTo("This audit configuration may not be feasible within the requested "
                + "timeline. Estimated time 1 minute 28 seconds with the 20% strict-SLA buffer (1 minute 46 seconds) "
                + "exceeds the time limit of 1 minute 30 seconds. Estimated time: 1 minute 28 seconds.");
        // 106 s holds the buffered 105.7 s.
        assertThat(MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofSeconds(106))
                .withStrictSla()).feasibility()).isEqualTo(Feasibility.FEASIBLE);
        assertThat(MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofSeconds(105))
                .withStrictSla()).feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
    }

    @Test
    void aRunLongerThanTheLimitIsNotFeasibleEvenWithoutAStrictSla() {
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofMinutes(1)));
        assertThat(e.feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
        assertThat(e.message()).isEqualTo("This audit configuration may not be feasible within the requested "
                + "timeline. Estimated time 1 minute 28 seconds exceeds the time limit of 1 minute. Estimated time: "
                + "1 minute 28 seconds.");
        // 60 s / 1.2 = 50 s = (O + 2 I) / 11.5, so I = (575 - 13) / 2 = 281; (281 - 150) / 5 = 26.2 days
        assertThat(e.suggestions()).containsExactly(
                "reduce the input load to at most 281 units (now 500), for example a date range of at most 26 days "
                        + "(now 70)",
                "raise the time limit to at least 1 minute 46 seconds");
    }

    @Test
    void theSuggestedLimitsMakeTheAuditFeasible() {
        Timeline strict = Timeline.now().withTimeLimit(Duration.ofSeconds(30)).withStrictSla();
        assertThat(MODEL.estimate(FIVE_HUNDRED, ALL, strict).feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
        assertThat(MODEL.estimate(InputProfile.of(2, 0, 1), ALL, strict).suggestions())
                .contains("reduce the input load to at most 137.2 units (now 150)");
        assertThat(MODEL.estimate(InputProfile.ofEstimatedSize(137.2), ALL, strict).feasibility())
                .isEqualTo(Feasibility.FEASIBLE);
        assertThat(MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.now().withTimeLimit(Duration.ofSeconds(106))
                .withStrictSla()).feasibility()).isEqualTo(Feasibility.FEASIBLE);
    }

    @Test
    void whenOutputsAloneExceedTheLimitTheSuggestionSaysSo() {
        LoadModel slowOutputs = LoadModel.builder().timeFormula(TimeFormula.SEPARATE_RATES).outputRate(0.1).build();
        LoadEstimate e = slowOutputs.estimate(InputProfile.ofEstimatedSize(10), ALL,
                Timeline.now().withTimeLimit(Duration.ofMinutes(1)));
        assertThat(e.feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
        assertThat(e.suggestions()).containsExactly(
                "the outputs alone need 2 minutes 36 seconds with the margin: deselect outputs",
                "raise the time limit to at least 2 minutes 38 seconds",
                "deselect Fairness Audit PDF to bring the output load to 10.5 (at most 12)");
    }

    @Test
    void deadlinesCountFromNowOrFromTheScheduledStart() {
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        LoadModel m = LoadModel.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        LoadEstimate late = m.estimate(FIVE_HUNDRED, ALL, Timeline.now().withDeadline(now.plusSeconds(80)));
        assertThat(late.availableSeconds()).isEqualTo(OptionalDouble.of(80));
        assertThat(late.message()).isEqualTo("This audit configuration may not be feasible within the requested "
                + "timeline. Estimated time 1 minute 28 seconds exceeds the 1 minute 20 seconds left before the "
                + "deadline 2025-03-01T12:01:20Z. Estimated time: 1 minute 28 seconds.");
        assertThat(late.suggestions()).last().isEqualTo("move the deadline to 2025-03-01T12:01:46Z or later");
        Timeline scheduled = Timeline.scheduled(now.plusSeconds(3600)).withDeadline(now.plusSeconds(3600 + 200));
        assertThat(m.estimate(FIVE_HUNDRED, ALL, scheduled).feasibility()).isEqualTo(Feasibility.FEASIBLE);
        assertThat(m.estimate(FIVE_HUNDRED, ALL, scheduled).availableSeconds()).isEqualTo(OptionalDouble.of(200));
    }

    @Test
    void aDeadlineNotAfterTheStartIsNotFeasible() {
        Instant start = Instant.parse("2025-03-01T12:00:00Z");
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, Timeline.scheduled(start).withDeadline(start));
        assertThat(e.feasibility()).isEqualTo(Feasibility.NOT_FEASIBLE);
        assertThat(e.message()).isEqualTo("This audit configuration may not be feasible within the requested "
                + "timeline. The deadline 2025-03-01T12:00:00Z is not after the start 2025-03-01T12:00:00Z. "
                + "Estimated time: 1 minute 28 seconds.");
        assertThat(e.suggestions()).containsExactly("move the deadline to 2025-03-01T12:01:46Z or later");
    }

    @Test
    void aContinuousRunMustFitItsPeriodAndTheTightestLimitIsNamed() {
        Timeline every = Timeline.continuous(Duration.ofMinutes(1)).withTimeLimit(Duration.ofMinutes(5));
        LoadEstimate e = MODEL.estimate(FIVE_HUNDRED, ALL, every);
        assertThat(e.warnings()).containsExactly("estimated time 1 minute 28 seconds exceeds the continuous run "
                + "period of 1 minute");
        assertThat(e.suggestions()).last().isEqualTo("lengthen the period to at least 1 minute 46 seconds");
    }

    @Test
    void anOutputLoadAboveOnePointTwoTimesTheInputGivesAWarningAndTheHeaviestOutputsToDrop() {
        LoadEstimate e = MODEL.estimate(InputProfile.ofEstimatedSize(5), ALL, Timeline.now());
        assertThat(e.recommendedOutputLoad()).isEqualTo(6.0);
        assertThat(e.outputWithinTarget()).isFalse();
        assertThat(e.feasibility()).isEqualTo(Feasibility.FEASIBLE_WITH_WARNINGS);
        assertThat(e.message()).isEqualTo("This audit is feasible but has some considerations: output load 13 "
                + "exceeds the recommended 1.2 x input load = 6. Estimated time: 2.0 seconds.");
        // 13 - 2.5 - 2.2 - 2.0 = 6.3 > 6; - 1.8 = 4.5
        assertThat(e.suggestions()).containsExactly("deselect Fairness Audit PDF, Compliance Report, Executive "
                + "Summary Slides, Dashboard Export to bring the output load to 4.5 (at most 6)");
    }

    @Test
    void severalWarningsAreJoinedInTheMessage() {
        LoadEstimate e = MODEL.estimate(InputProfile.ofEstimatedSize(5), ALL,
                Timeline.now().withTimeLimit(Duration.ofSeconds(1)));
        assertThat(e.message()).isEqualTo("This audit configuration may not be feasible within the requested "
                + "timeline. Estimated time 2.0 seconds exceeds the time limit of 1.0 seconds; output load 13 exceeds "
                + "the recommended 1.2 x input load = 6. Estimated time: 2.0 seconds.");
    }

    @Test
    void aMeasuredRunKeepsTheEstimateBesideTheMeasuredTime() {
        LoadEstimate e = MODEL.estimate(InputProfile.of(0, 0, 0), METRICS_AND_FLAGGED, Timeline.now());
        MeasuredRun r = e.measured(Duration.ofMillis(8_804));
        assertThat(r).isEqualTo(new MeasuredRun(100, 2.5, 202.5 / 11.5, 8.804));
        assertThat(r.relativeError()).isCloseTo(8.804 / (202.5 / 11.5) - 1, within(1e-12));
        assertThat(e.estimatedTime()).isEqualTo(Duration.ofNanos(17_608_695_652L));
        assertThatThrownBy(() -> e.measured(Duration.ZERO)).hasMessage("measuredSeconds must be finite and > 0, got "
                + "0.0");
    }

    @Test
    void anEstimatePrintsItsLoadsVerdictMessageAndSuggestions() {
        LoadEstimate e = MODEL.estimate(InputProfile.ofEstimatedSize(5), EnumSet.of(OutputKind.FAIRNESS_AUDIT_PDF,
                OutputKind.COMPLIANCE_REPORT, OutputKind.ALERT_CONFIGURATION), Timeline.now());
        assertThat(e.toString()).isEqualTo(String.join(System.lineSeparator(),
                "I = 5, O = 5.5 (target <= 6), total = 15.5 (design target 16), estimated 1.3 seconds: FEASIBLE",
                "This fairness audit will process approximately 5 input units and generate 5.5 output units, "
                        + "taking approximately 1.3 seconds to complete."));
    }
}
