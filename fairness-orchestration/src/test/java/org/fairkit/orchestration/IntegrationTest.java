package org.fairkit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Severity;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.orchestration.io.FlaggedCases;
import org.fairkit.orchestration.io.RowSource;
import org.fairkit.orchestration.load.InputProfile;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.load.MeasuredRun;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.WindowFinding;
import org.fairkit.orchestration.monitor.WindowResult;
import org.fairkit.orchestration.monitor.Windowing;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load model, policies and the audit trail plugged into the runner and the monitor. */
class IntegrationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
    static final String POLICY = """
            policy: lending
            rules:
              - disparate_impact >= 0.8 for ethnicity
              - min_group_size >= 30
            """;

    @TempDir
    Path dir;

    private static AuditPlan plan(String... outputs) {
        return AuditPlan.builder("lending").source(AuditSource.of(SyntheticLending.generate(3000, 7)))
                .groupings(AuditGrouping.of("ethnicity").reference("Group A"), AuditGrouping.of("ethnicity", "sex"))
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .outputs(outputs).timeline(Duration.ofSeconds(30)).build();
    }

    @Test
    void aPlanMapsOntoTheLoadModelsThreeVariables() {
        PlanLoad load = PlanLoad.of(LoadModel.defaults());
        AuditPlan p = plan(StandardOutputs.METRICS_EXPORT, StandardOutputs.FLAGGED_CASES, "custom_chart");
        assertThat(load.inputProfile(p)).isEqualTo(InputProfile.of(2, 0, 0));
        assertThat(load.outputs(p)).containsExactly(OutputKind.METRICS_EXPORT, OutputKind.FLAGGED_CASES_CSV);
        assertThat(load.unweighedOutputs(p)).containsExactly("custom_chart");
        LoadEstimate e = load.loadEstimate(p);
        assertThat(e.inputLoad()).isEqualTo(140.0);
        assertThat(e.outputLoad()).isEqualTo(2.5);
        assertThat(e.totalLoad()).isEqualTo(282.5);
        assertThat(load.estimate(p)).contains(e.estimatedTime());
        assertThat(e.estimatedTime().toMillis()).isEqualTo(Math.round(282.5 / 11.5 * 1000));
        assertThat(load.withInput(InputProfile.ofEstimatedSize(500)).loadEstimate(p).inputLoad()).isEqualTo(500.0);
    }

    @Test
    void aRunRecordsTheEstimateWritesThePolicysAlertsAndIsChainedIntoTheTrail() throws Exception {
        Policy policy = Policy.parse(POLICY);
        PlanLoad load = PlanLoad.of(LoadModel.defaults());
        AtomicLong ticks = new AtomicLong();
        AuditRunner runner = AuditRunner.builder()
                .outputs(StandardOutputs.metricsExport(), StandardOutputs.detailedReport(),
                        StandardOutputs.alertConfiguration(PolicyAlerts.renderer(policy)))
                .clock(CLOCK).ticker(() -> ticks.getAndAdd(2_000_000_000L)).estimator(load).runIds(() -> "run-1")
                .build();
        AuditPlan p = plan(StandardOutputs.METRICS_EXPORT, StandardOutputs.DETAILED_REPORT,
                StandardOutputs.ALERT_CONFIGURATION);
        AuditResult result = runner.run(p, dir.resolve("out"));

        assertThat(result.record().estimate()).contains(load.loadEstimate(p).estimatedTime());
        String alerts = result.record().outputs().stream()
                .filter(f -> f.outputId().equals(StandardOutputs.ALERT_CONFIGURATION)).findFirst().orElseThrow().path();
        assertThat(Files.readString(dir.resolve("out").resolve(alerts))).isEqualTo(policy.toAlertConfigurationYaml());

        try (AuditTrail trail = AuditTrail.open(dir.resolve("trail.jsonl"), CLOCK)) {
            TrailEntry entry = RunTrail.record(trail, result);
            assertThat(entry.reportFingerprint()).contains(RunTrail.fingerprint(result.reports()));
            assertThat(entry.event().type()).isEqualTo(RunTrail.EVENT_TYPE);
            assertThat(entry.event().details().get("outputs").get(1).get("sha256").asText())
                    .isEqualTo(result.record().outputs().get(1).sha256());
            assertThat(trail.verify().valid()).isTrue();
        }

        MeasuredRun measured = load.measured(p, result.record());
        assertThat(measured.measuredSeconds()).isEqualTo(2.0);
        assertThat(measured.inputLoad()).isEqualTo(140.0);
        assertThat(measured.outputLoad()).isEqualTo(1.0 + 1.2 + 0.8);
        AuditPlan other = AuditPlan.builder("other").source(p.source()).groupings(p.groupings().get(0))
                .metrics(Metrics.SELECTION_RATE).outputs(StandardOutputs.METRICS_EXPORT).build();
        assertThatThrownBy(() -> load.measured(other, result.record()))
                .hasMessage("run record run-1 is of plan 'lending', not of plan 'other'");
    }

    @Test
    void theFingerprintChangesWhenAnyReportChanges() throws Exception {
        AuditRunner runner = AuditRunner.builder().outputs(StandardOutputs.metricsExport()).clock(CLOCK).build();
        AuditResult a = runner.run(plan(StandardOutputs.METRICS_EXPORT), dir.resolve("a"));
        AuditResult b = runner.run(plan(StandardOutputs.METRICS_EXPORT), dir.resolve("b"));
        assertThat(RunTrail.fingerprint(a.reports())).isEqualTo(RunTrail.fingerprint(b.reports()));
        assertThat(RunTrail.fingerprint(a.reports().subList(0, 1))).isNotEqualTo(RunTrail.fingerprint(a.reports()));
    }

    /** Flagged as decision_change are exactly the rows the fitted optimizer decides differently from the model. */
    @Test
    void theThresholdOptimizerFlagsExactlyTheRowsWhoseDecisionItChanges() throws Exception {
        FairnessData data = SyntheticLending.generate(2000, 5);
        ThresholdOptimizer.Fitted fitted = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).seed(9)
                .groupBy("ethnicity").fit(data);
        int[] fair = fitted.predict(data);
        FairnessReport report = Fairness.of(data).groupBy("ethnicity").metrics(Metrics.SELECTION_RATE).evaluate();
        StringWriter out = new StringWriter();
        FlaggedCases.of(List.of(report)).minGap(1.0).decisionChange(FairDecisions.of(fitted)).build()
                .write(RowSource.of(data), out);
        List<Long> flagged = out.toString().lines().skip(1).map(l -> Long.parseLong(l.split(",")[0])).toList();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            if (fair[i] != data.prediction(i)) {
                expected.add(i + 1L);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(flagged).isEqualTo(expected);
        assertThat(out.toString()).contains("threshold optimizer (demographic parity, maximizing accuracy, seed 9)");
    }

    /** A window where Group B's scores drop by 2 logits fails the policy's disparate-impact rule: CRITICAL. */
    @Test
    void theMonitorJudgesEachWindowByThePolicy() {
        Monitor m = Monitor.builder().groupBy("ethnicity").reference("Group A").metrics(Metrics.SELECTION_RATE)
                .windowing(Windowing.tumblingBatches(1)).checks(PolicyAlerts.check(Policy.parse(POLICY)))
                .clock(CLOCK).build();
        List<WindowResult> ws = new ArrayList<>();
        ws.addAll(m.accept(SyntheticLending.generate(3000, 11, 0.0), CLOCK.instant()));
        ws.addAll(m.accept(SyntheticLending.generate(3000, 12, 2.0), CLOCK.instant()));
        assertThat(ws.get(0).findings()).isEmpty();
        assertThat(ws.get(1).findings()).extracting(WindowFinding::rule, WindowFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("disparate_impact >= 0.8 for ethnicity",
                        Severity.CRITICAL));
        assertThat(ws.get(1).findings().get(0).value()).isLessThan(0.8);
    }
}
