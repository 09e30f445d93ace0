package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;

/** {@link ReportContent#forTask} and {@link TaskThreshold}: which disparities are judged, against which band. */
class TaskContentTest {
    private static final AuditContext CTX = AuditContext.of("Task audit", "synthetic", TaskContents.CLOCK);

    @Test
    void namedDisparitiesGetTheirCatalogDefaultAndALargestLossHasNone() {
        ReportContent c = ReportContent.forTask(TaskContents.regression(), CTX).build();
        assertThat(c.task()).isEqualTo(Task.REGRESSION);
        assertThat(c.taskThresholds().get("mae_parity_ratio")).isEqualTo(TaskThreshold.ratio("mae_parity_ratio", 0.8));
        // differences in the target's units and largest losses have no scale-free default
        assertThat(c.taskThresholds()).doesNotContainKeys("bounded_group_loss_absolute", "mae_parity_difference",
                "mean_error_difference");
        assertThat(TaskView.judged(c).stream().map(TaskView.Judged::id)).contains("bounded_group_loss_absolute");
        assertThat(TaskView.judged(c).stream().filter(j -> j.id().equals("bounded_group_loss_absolute")).findFirst()
                .orElseThrow().status()).isEqualTo("no threshold");
    }

    @Test
    void aPolicyVerdictSetsTheBandOfItsDisparityAndAnExplicitThresholdWinsOverIt() {
        TaskReport r = TaskContents.regression();
        List<PolicyVerdictView> verdicts = List.of(
                verdict("bounded_group_loss_absolute <= 2.5 for region"),
                verdict("mae_parity_ratio >= 0.6"),
                verdict("mean_absolute_error.difference <= 0.5"),
                verdict("a named rule the documents cannot read"));
        ReportContent c = ReportContent.forTask(r, CTX).verdicts(verdicts)
                .taskThresholds(List.of(TaskThreshold.ratio("mae_parity_ratio", 0.9))).build();
        assertThat(c.taskThresholds().get("bounded_group_loss_absolute"))
                .isEqualTo(TaskThreshold.atMost("bounded_group_loss_absolute", 2.5));
        assertThat(c.taskThresholds().get("mae_parity_ratio")).isEqualTo(TaskThreshold.ratio("mae_parity_ratio", 0.9));
        assertThat(c.taskThresholds().get("mean_absolute_error.difference"))
                .isEqualTo(TaskThreshold.atMost("mean_absolute_error.difference", 0.5));
        // South's errors are three times larger: its bounded group loss (its MAE, about 2.4) is within 2.5, the
        // difference of MAEs (about 1.6) is beyond 0.5
        assertThat(TaskView.judged(c).stream().filter(TaskView.Judged::beyond).map(TaskView.Judged::id))
                .contains("mean_absolute_error.difference", "mae_parity_ratio")
                .doesNotContain("bounded_group_loss_absolute");
        assertThat(c.concerns()).isNotEmpty();
        assertThat(c.concerns().get(0).kind()).isEqualTo(Concern.Kind.DISPARITY_BEYOND_THRESHOLD);
        assertThat(c.concerns().get(0).groups()).contains("South");
    }

    @Test
    void ratiosGetTheFourFifthsBandAndOnlyDifferencesOfBoundedQuantitiesGetADefault() {
        ReportContent c = ReportContent.forTask(TaskContents.ranking(), CTX).build();
        assertThat(c.taskThresholds()).containsKeys("exposure_ratio", "disparate_treatment_ratio")
                .doesNotContainKey("exposure_difference");
        assertThat(c.taskThresholds().get("exposure_ratio").describe()).isEqualTo("0.800 <= value <= 1.250");
        assertThat(TaskThreshold.defaultFor("true_positive_rate.difference"))
                .contains(TaskThreshold.difference("true_positive_rate.difference", 0.1));
        assertThat(TaskThreshold.defaultFor("mean_absolute_error.difference")).isEmpty();
        assertThat(TaskIds.chartLabel("equal_opportunity_difference@urgent"))
                .isEqualTo("[urgent] Equal opportunity difference");
    }

    @Test
    void multiclassPerClassDisparitiesTakeTheDefaultOfTheirFairnessMetric() {
        TaskReport r = TaskContents.multiclass();
        ReportContent c = ReportContent.forTask(r, CTX).build();
        assertThat(c.taskThresholds().get("equal_opportunity_difference@urgent"))
                .isEqualTo(TaskThreshold.difference("equal_opportunity_difference@urgent", 0.1));
        assertThat(TaskIds.name("true_positive_rate@urgent.difference"))
                .isEqualTo("True positive rate \u00b7 class urgent, difference");
        assertThat(TaskIds.name("macro_true_positive_rate")).isEqualTo("True positive rate (macro average)");
        assertThat(c.concerns().stream().map(Concern::subject)).contains("equal_opportunity_difference@urgent");
    }

    @Test
    void taskContentRefusesTheBinaryOnlyPartsAndSaysWhy() {
        ReportContent.Builder b = ReportContent.forTask(TaskContents.ranking(), CTX);
        assertThatThrownBy(() -> b.adverseImpactBasis(AdverseImpact.Basis.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ranking task");
        assertThatThrownBy(() -> b.taskThresholds(List.of(TaskThreshold.atMost("nonsense", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nonsense'")
                .hasMessageContaining("exposure_ratio");
        ReportContent c = ReportContent.forTask(TaskContents.ranking(), CTX).build();
        assertThatThrownBy(c::report).isInstanceOf(IllegalStateException.class).hasMessageContaining("taskReport()");
        assertThatThrownBy(c::adverseImpact).isInstanceOf(IllegalStateException.class);
        assertThat(c.thresholds()).isEmpty();
        assertThat(c.toString()).contains("ranking, 2 groups");
        ReportContent binary = TestContents.demo();
        assertThat(binary.taskReport()).isEmpty();
        assertThat(binary.task()).isEqualTo(Task.BINARY);
        assertThat(binary.taskThresholds()).isEmpty();
        assertThatThrownBy(() -> ReportContent.builder(binary.report(), CTX).taskThresholds(List.of()))
                .hasMessageContaining("thresholds(List<DisparityThreshold>)");
    }

    @Test
    void binaryThresholdsGivenToTaskContentApplyByTheFairnessMetricsId() {
        ReportContent c = ReportContent.forTask(TestContents.demo().report().asTaskReport(), CTX)
                .thresholds(List.of(new DisparityThreshold(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, 0.9))).build();
        assertThat(c.taskThresholds().get("demographic_parity_ratio"))
                .isEqualTo(TaskThreshold.ratio("demographic_parity_ratio", 0.9));
    }

    @Test
    void rulesAreReadOnlyWhenWrittenAsIdOperatorNumber() {
        assertThat(TaskThreshold.fromRule("exposure_ratio >= 0.8 for gender"))
                .contains(TaskThreshold.atLeast("exposure_ratio", 0.8));
        assertThat(TaskThreshold.fromRule("auc.difference<=5e-2")).contains(TaskThreshold.atMost("auc.difference",
                0.05));
        assertThat(TaskThreshold.fromRule("Keep exposure fair")).isEmpty();
        assertThat(TaskThreshold.fromRule("exposure_ratio >= 1.5")).as("a band without parity").isEmpty();
        assertThat(TaskThreshold.atMost("bounded_group_loss_absolute", 0.05).describe()).isEqualTo("value <= 0.050");
        assertThat(TaskThreshold.atLeast("exposure_ratio", 0.8).describe()).isEqualTo("value >= 0.800");
        assertThat(TaskThreshold.defaultFor("bounded_group_loss_absolute")).isEmpty();
    }

    @Test
    void aBandIsJudgedAsAPolicyRuleJudgesIt() {
        TaskThreshold t = TaskThreshold.atMost("bounded_group_loss_absolute", 0.05);
        assertThat(t.exceededBy(MetricValue.of(0.05))).isFalse();
        assertThat(t.exceededBy(MetricValue.of(0.0500001))).isTrue();
        assertThat(t.exceededBy(MetricValue.undefined("no rows"))).isFalse();
        assertThat(t.severity(MetricValue.of(0.1))).isEqualTo(2.0);
        TaskThreshold ratio = TaskThreshold.ratio("exposure_ratio", 0.8);
        assertThat(ratio.severity(MetricValue.of(0.6))).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ratio.severity(MetricValue.of(1))).isZero();
        assertThatThrownBy(() -> new TaskThreshold("exposure_ratio", 1.1, 2)).hasMessageContaining("parity value 1");
        assertThatThrownBy(() -> new TaskThreshold("x", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
                .hasMessageContaining("finite edge");
        assertThatThrownBy(() -> TaskThreshold.ratio("exposure_ratio", 1.2)).hasMessageContaining("(0, 1)");
    }

    @Test
    void aSmallGroupAndTheDisparitiesItLeavesUndefinedAreConcernsAndEveryDocumentSaysSo() throws Exception {
        int n = 210;
        double[] y = new double[n];
        double[] p = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = i < 200 ? "Mainland" : "Atoll";
            y[i] = i % 7;
            p[i] = y[i] + (i % 3 - 1) * 0.5;
        }
        TaskReport r = org.fairkit.core.regression.RegressionFairness.of(org.fairkit.core.regression.RegressionData
                .builder().targets(y).predictions(p).sensitive("place", g).build())
                .metrics(org.fairkit.core.regression.RegressionMetrics.MEAN_ABSOLUTE_ERROR).minGroupSize(30)
                .evaluate().asTaskReport();
        MitigationSummary m = new MitigationSummary("reweighing", "seed 1", List.of(new MitigationSummary.Change(
                "mae_parity_ratio", MetricValue.of(0.5), MetricValue.of(0.9),
                org.fairkit.core.metrics.Direction.ONE_IS_PARITY)));
        ReportContent c = ReportContent.forTask(r, CTX).mitigations(List.of(m)).build();
        assertThat(c.concerns()).extracting(Concern::kind).contains(Concern.Kind.UNDEFINED_METRIC,
                Concern.Kind.SMALL_GROUP);
        Concern small = c.concerns().stream().filter(x -> x.kind() == Concern.Kind.SMALL_GROUP).findFirst()
                .orElseThrow();
        assertThat(small.subject()).isEqualTo("Atoll");
        assertThat(small.headline()).isEqualTo("Atoll has only 10 rows");
        String page = DashboardHtml.of(c).render();
        assertThat(page).contains("Atoll (small)", "not assessed", "reweighing",
                "<span class=\"big\">1</span><span>small group</span>");
        String audit = TaskDocumentsTest.pdfText(AuditPdf.of(c).toBytes()).replace("\n", " ");
        assertThat(audit).contains("Atoll (small)", "Mitigation results", "reweighing", "not assessed");
        String compliance = TaskDocumentsTest.pdfText(ComplianceReportPdf.of(c).toBytes()).replace("\n", " ");
        assertThat(compliance).contains("too small", "The four-fifths rule (29 CFR 1607.4(D)) compares selection "
                + "rates of binary decisions and is not applied to this task.", "reweighing");
        assertThat(ExecutiveSlides.of(c).render()).contains("1 group is too small");
    }

    private static PolicyVerdictView verdict(String rule) {
        return new PolicyVerdictView(rule, PolicyVerdictView.Outcome.PASS, MetricValue.of(0), Optional.empty(),
                List.of(), "");
    }
}
