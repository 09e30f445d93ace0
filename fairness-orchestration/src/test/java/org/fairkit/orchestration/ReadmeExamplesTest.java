package org.fairkit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Task;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.StoredReport;
import org.fairkit.orchestration.io.StreamedInput;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.SeriesPoint;
import org.fairkit.orchestration.monitor.WindowChecks;
import org.fairkit.orchestration.monitor.WindowResult;
import org.fairkit.orchestration.monitor.Windowing;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.RunRecord;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.orchestration.schedule.AuditJob;
import org.fairkit.orchestration.schedule.AuditScheduler;
import org.fairkit.orchestration.schedule.Execution;
import org.fairkit.orchestration.schedule.JobId;
import org.fairkit.orchestration.schedule.JobStatus;
import org.fairkit.orchestration.schedule.RunDirectories;
import org.fairkit.orchestration.schedule.Trigger;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.FairnessComparison;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.SharedFiles;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docs are tests: every line of the README's Java snippets appears here, compiled and run. */
class ReadmeExamplesTest {
    @TempDir
    Path directory;

    @Test
    void auditRunAndSchedulingSnippetsRunOnCompas() throws Exception {
        Path file = SharedFiles.dataFile("compas-predictions.csv");
        CsvColumns columns = CsvColumns.builder()
            .id("id").label("y_true").prediction("y_pred").score("score").weight("weight")
            .sensitive("race", "sex")
            .build();
        AuditPlan plan = AuditPlan.builder("compas-q2")
            .source(AuditSource.csv(file, columns))
            .groupings(AuditGrouping.of("race").reference("Caucasian"), AuditGrouping.of("race", "sex"))
            .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
            .minGroupSize(30)
            .intervals(Bayesian.jeffreys().draws(1000).seed(7))
            .outputs(StandardOutputs.METRICS_EXPORT, StandardOutputs.FLAGGED_CASES, StandardOutputs.DETAILED_REPORT)
            .timeline(Duration.ofMinutes(5))
            .build();
        AuditResult result = AuditRunner.standard().run(plan, directory);
        RunRecord record = result.record();
        assertThat(record.outputs()).hasSize(4);
        assertThat(Files.readAllLines(directory.resolve("flagged-cases.csv")).size()).isGreaterThan(100);
        assertThat(result.reports().get(0).intervals()).isNotEmpty();

        ScheduledExecutorService executor = Executors.newScheduledThreadPool(1);
        try {
            Instant nextNight = Instant.now().plus(Duration.ofDays(1));
            AuditScheduler scheduler = AuditScheduler.create(executor, Clock.systemUTC(), 100);
            JobId nightly = scheduler.submit("compas nightly", Trigger.every(Duration.ofDays(1), nextNight),
                AuditJob.of(AuditRunner.standard(), plan, RunDirectories.timestamped(directory, Clock.systemUTC())));
            JobStatus status = scheduler.status(nightly);
            assertThat(status.id()).isEqualTo(nightly);
            assertThat(status.nextRun().orElseThrow()).isAfter(Instant.now().plus(Duration.ofHours(23)));
            List<Execution> history = scheduler.history();
            assertThat(history).isEmpty();
            scheduler.cancel(nightly);
            assertThat(scheduler.whenDone(nightly).get().state()).isEqualTo(JobStatus.State.CANCELLED);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void csvSnippetRuns() throws IOException {
        Path csv = Files.writeString(directory.resolve("adult.csv"),
                "income,approved,sex\n>50K,yes,Female\n<=50K,no,Male\n>50K.,no,Male\n<=50K.,yes,Female\n");
        CsvColumns adult = CsvColumns.builder()
            .label("income").labelValues(BinaryValues.of(List.of(">50K", ">50K."), List.of("<=50K", "<=50K.")))
            .prediction("approved").predictionValues(BinaryValues.of("yes", "no"))
            .sensitive("sex")
            .build();
        CsvSource source = CsvSource.of(csv, adult);
        StreamedInput in = source.stream(List.of(List.of("sex")), 0);
        FairnessReport streamed = in.report(Fairness.of(source.load()).groupBy("sex").spec(), Clock.systemUTC());
        assertThat(streamed.provenance().rows()).isEqualTo(4);
        assertThat(streamed.overall(Metrics.SELECTION_RATE).value()).isEqualTo(0.5);
    }

    @Test
    void monitoringSnippetRuns() {
        Monitor monitor = Monitor.builder()
            .groupBy("ethnicity").reference("Group A")
            .windowing(Windowing.tumblingBatches(1))
            .scoreBins(10)
            .checks(WindowChecks.fairnessBelow(FairnessMetric.DISPARATE_IMPACT, 0.9, 0.8),
                    WindowChecks.scoreDrift(0.1, 0.25))
            .build();
        FairnessData batch = SyntheticLending.generate(2000, 3);
        List<WindowResult> closed = monitor.accept(batch, Instant.now());
        List<SeriesPoint> di = monitor.series(FairnessMetric.DISPARATE_IMPACT);
        assertThat(closed).hasSize(1);
        assertThat(di).hasSize(1);
        assertThat(closed.get(0).alerts()).isNotEmpty();
    }

    @Test
    void monitoringAnyTaskSnippetRuns() {
        org.fairkit.core.regression.RegressionData regressionBatch = org.fairkit.core.regression.RegressionData
                .builder().targets(new double[] {10_000, 12_000, 9_000, 11_000})
                .predictions(new double[] {10_100, 11_900, 11_000, 13_500})
                .sensitive("sex", new String[] {"M", "M", "F", "F"}).build();
        Monitor limits = Monitor.builder().task(Task.REGRESSION).groupBy("sex")
            .windowing(Windowing.tumblingBatches(1))
            .checks(WindowChecks.above("mean_absolute_error.difference", 500, 1000))
            .build();
        List<WindowResult> windows = limits.accept(regressionBatch, Instant.now());
        List<SeriesPoint> loss = limits.series("bounded_group_loss_absolute");
        assertThat(windows).singleElement().satisfies(w -> assertThat(w.alerts()).extracting(a -> a.finding().rule())
                .containsExactly("mean_absolute_error.difference_above"));
        assertThat(loss.get(0).value().value()).isEqualTo(2250.0);
    }

    @Test
    void historyAndComparisonSnippetFindsTheRegression() {
        Path dir = directory;
        FairnessReport baseline = Fairness.of(SyntheticLending.generate(5000, 1, 0.2)).groupBy("ethnicity")
                .reference("Group A").evaluate();
        FairnessReport candidate = Fairness.of(SyntheticLending.generate(5000, 2, 1.2)).groupBy("ethnicity")
                .reference("Group A").evaluate();
        History history = History.open(dir.resolve("fairkit-history.db").toString());
        HistoryEntry v1 = history.record(History.Recording.of("run-v1", "audit", ReportJson.toJson(baseline))
            .withModelVersion("v1"));
        StoredReport stored = ReportJson.read(v1.reportJson());
        FairnessComparison change = FairnessComparison.of(stored.results(), candidate.results());
        boolean worse = change.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow().beyondChance();
        Policy gate = Policy.parse("policy: no-regression\nrules:\n  - max_regression demographic_parity_ratio 0.02\n");
        PolicyResult verdict = gate.evaluate(List.of(candidate), List.of(stored.results()));
        assertThat(worse).isTrue();
        assertThat(verdict.outcome()).isEqualTo(org.fairkit.orchestration.policy.Outcome.FAIL);
    }

    @Test
    void everyReadmeSnippetLineIsInThisTest() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String self = TestSource.of(ReadmeExamplesTest.class).text();
        List<String> sections = List.of("## Audit runs", "## CSV input", "## Scheduling", "## Monitoring",
                "## History and comparisons");
        // the other sections are ReadmeLoadPolicyTrailTest's
        List<String> lines = Markdown.of(readme).sections(sections).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(30);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
        for (String heading : sections) {
            assertThat(readme).contains("\n" + heading + "\n");
        }
    }
}
