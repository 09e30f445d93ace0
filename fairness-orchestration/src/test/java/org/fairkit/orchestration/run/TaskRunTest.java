package org.fairkit.orchestration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.ranking.ExposureTally;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.orchestration.RunTrail;
import org.fairkit.orchestration.io.MetricsExport;
import org.fairkit.orchestration.io.TaskReportJson;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task audit's outputs, run record and trail entry; the JSON and metrics export of any task's report. */
class TaskRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static TaskReport regression() {
        RegressionData d = RegressionData.builder().targets(new double[] {1, 2, 3, 4})
                .predictions(new double[] {1, 4, 3, 5}).sensitive("sex", new String[] {"F", "F", "M", "M"}).build();
        return RegressionFairness.of(d).groupBy("sex").clock(java.time.Clock.fixed(Instant.EPOCH,
                java.time.ZoneOffset.UTC)).evaluate().asTaskReport();
    }

    static TaskReport ranking() {
        Ranking r = Ranking.builder().sensitive("g", new String[] {"a", "b", "a"}).positions(new int[] {1, 2, 3})
                .build();
        return ExposureTally.of(RankingFairness.of(r).evaluate()).report();
    }

    @Test
    void taskReportJsonHasEveryMetricByGroupAggregatesAndNamedDisparitiesWithIntervals() throws IOException {
        TaskReport r = regression();
        GroupKey f = r.groups().get(0);
        Interval i = new Interval(0.5, 1.5, 0.95, "test", 10, 0);
        TaskReport with = r.withIntervals(Map.of("mean_absolute_error", Map.of(f, i)),
                Map.of("mean_absolute_error.difference", i, "bounded_group_loss_absolute", i));
        JsonNode doc = JSON.readTree(TaskReportJson.toJson(with));
        assertThat(doc.get("schema").asText()).isEqualTo(TaskReportJson.SCHEMA);
        assertThat(doc.get("task").asText()).isEqualTo("regression");
        assertThat(doc.get("metrics")).hasSize(r.metricIds().size());
        JsonNode g = doc.get("groups").get(0);
        assertThat(g.get("label").asText()).isEqualTo("F");
        assertThat(g.get("size").asLong()).isEqualTo(2);
        // F: errors 0, 2: MAE 1.
        assertThat(g.get("metrics").get("mean_absolute_error").get("value").asDouble()).isEqualTo(1.0);
        assertThat(g.get("metrics").get("mean_absolute_error").get("interval").get("lower").asDouble())
                .isEqualTo(0.5);
        assertThat(doc.get("groups").get(1).get("metrics").get("mean_absolute_error").has("interval")).isFalse();
        assertThat(doc.get("overall").get("size").asLong()).isEqualTo(4);
        assertThat(doc.get("aggregates").get("mean_absolute_error").get("difference").get("interval").get("method")
                .asText()).isEqualTo("test");
        assertThat(doc.get("aggregates").get("mean_absolute_error").get("ratio").has("interval")).isFalse();
        assertThat(doc.get("fairness_metrics").get("bounded_group_loss_absolute").get("interval")).isNotNull();
        assertThat(doc.get("provenance").get("evaluated_at").asText()).isEqualTo("1970-01-01T00:00:00Z");
        JsonNode ranking = TaskReportJson.toTree(ranking());
        assertThat(ranking.has("provenance")).isFalse();
        assertThat(ranking.get("task").asText()).isEqualTo("ranking");
        assertThat(ranking.get("groups").get(0).get("levels").get("g").asText()).isEqualTo("a");
    }

    @Test
    void metricsExportOfTaskReportsHasGroupOverallAggregateAndFairnessRecords() throws IOException {
        TaskReport r = regression();
        List<MetricsExport.Record> records = MetricsExport.taskRecords(List.of(r));
        int metrics = r.metricIds().size();
        assertThat(records).hasSize(metrics * (2 + 1 + 4) + r.namedDisparities().size());
        MetricsExport.Record first = records.get(0);
        assertThat(first.grouping()).isEqualTo("sex");
        assertThat(first.kind()).isEqualTo("group_value");
        assertThat(first.count()).isEqualTo(2);
        assertThat(records.get(2).kind()).isEqualTo("overall_value");
        assertThat(records.get(2).count()).isEqualTo(4);
        assertThat(records.get(3).kind()).isEqualTo("difference");
        assertThat(records.get(records.size() - 1).kind()).isEqualTo("fairness_metric");
        StringWriter csv = new StringWriter();
        MetricsExport.writeTaskCsv(List.of(r), csv);
        assertThat(csv.toString()).startsWith(String.join(",", MetricsExport.COLUMNS) + "\n");
        StringWriter json = new StringWriter();
        MetricsExport.writeTaskJson(List.of(r), json);
        assertThat(JSON.readTree(json.toString()).get("records")).hasSize(records.size());
    }

    @Test
    void aRunWritesItsOutputsAndRunRecordAndIsRecordedInTheTrail() throws IOException {
        List<TaskReport> reports = List.of(regression());
        TaskRun.Context c = new TaskRun.Context("run-1", "limits", "limits.csv", Instant.EPOCH, reports);
        long[] ticks = {5_000_000_000L};
        RunRecord record = TaskRun.write(c, TaskRun.OUTPUTS, List.of(), dir, () -> ticks[0], 3_000_000_000L);
        assertThat(record.outputs()).extracting(OutputFile::path).containsExactly("metrics.csv", "metrics.json",
                "report.json");
        assertThat(record.duration().getSeconds()).isEqualTo(2);
        assertThat(record.runId()).isEqualTo("run-1");
        JsonNode report = JSON.readTree(Files.readString(dir.resolve("report.json")));
        assertThat(report.get("task").asText()).isEqualTo("regression");
        assertThat(report.get("reports").get(0).get("schema").asText()).isEqualTo(TaskReportJson.SCHEMA);
        assertThat(Files.readString(dir.resolve(AuditRunner.RUN_RECORD_FILE))).isEqualTo(record.toJson());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("metrics.csv", "metrics.json", "report.json", "run-record.json");
        }
        String fingerprint = RunTrail.taskFingerprint(reports);
        assertThat(fingerprint).isEqualTo(RunTrail.taskFingerprint(List.of(regression()))).hasSize(64);
        try (AuditTrail trail = AuditTrail.open(dir.resolve("audit-trail.jsonl"))) {
            TrailEntry e = RunTrail.record(trail, record, fingerprint);
            assertThat(e.seq()).isEqualTo(1);
            assertThat(trail.verify().valid()).isTrue();
        }
    }

    @Test
    void anUnknownOutputIsRefusedAndAFailingOutputLeavesTheDirectoryAsItWas() throws IOException {
        TaskRun.Context c = new TaskRun.Context("run-2", "rank", "r.csv", Instant.EPOCH, List.of(ranking()));
        assertThatThrownBy(() -> TaskRun.write(c, List.of("fairness_audit_pdf"), List.of(), dir, System::nanoTime, 0))
                .hasMessage("output 'fairness_audit_pdf' is not available for a ranking audit; available: "
                        + "[metrics_export, detailed_report]");
        TaskRun.Output failing = new TaskRun.Output() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<Path> write(TaskRun.Context run, Path directory) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> TaskRun.write(c, List.of("detailed_report", "broken"), List.of(failing), dir,
                System::nanoTime, 0)).hasMessage("disk full");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
        TaskRun.Output outside = new TaskRun.Output() {
            @Override
            public String id() {
                return "outside";
            }

            @Override
            public List<Path> write(TaskRun.Context run, Path directory) throws IOException {
                return List.of(Files.writeString(directory.getParent().resolve("x.txt"), "x"));
            }
        };
        assertThatThrownBy(() -> TaskRun.write(c, List.of("outside"), List.of(outside), dir, System::nanoTime, 0))
                .hasMessageStartingWith("output 'outside' wrote ");
    }
}
