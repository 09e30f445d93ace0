package org.fairkit.orchestration.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.fairkit.core.TaskReport;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.MetricsExport;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.TaskReportJson;

/**
 * An audit run of reports of any task (regression, ranking, multiclass: {@link TaskReport}s) into a directory: the
 * counterpart of {@link AuditRunner} for reports that are not binary {@code FairnessReport}s. The reports are
 * evaluated by the caller; the run writes the selected outputs, then {@code run-record.json} ({@link RunRecord}, the
 * same record as a binary run's), and the caller records it in the audit trail with
 * {@code RunTrail.record(trail, record, RunTrail.taskFingerprint(reports))}.
 *
 * <table>
 *   <caption>Outputs of a task run</caption>
 *   <tr><th>id</th><th>files</th><th>content</th></tr>
 *   <tr><td>{@value StandardOutputs#METRICS_EXPORT}</td><td>{@code metrics.csv}, {@code metrics.json}</td>
 *       <td>{@link MetricsExport#taskRecords}: every group value, aggregate and named disparity</td></tr>
 *   <tr><td>{@value StandardOutputs#DETAILED_REPORT}</td><td>{@code report.json}</td>
 *       <td>{@code {"schema": "fairkit.audit/1", "task", "run_id", "plan_id", "source", "started_at",
 *       "reports": [fairkit.task-report/1 per grouping]}} ({@link TaskReportJson})</td></tr>
 *   <tr><td>any {@link Output}</td><td>its files</td><td>e.g. the documents of another module</td></tr>
 * </table>
 *
 * <p>Files are written as {@link AuditRunner} writes them: into a staging directory inside the run directory, then
 * each renamed into place atomically once every output succeeded, then the run record. A failing output leaves the
 * run directory as it was.
 */
public final class TaskRun {
    /** The outputs a task run writes itself, in order. */
    public static final List<String> OUTPUTS = List.of(StandardOutputs.METRICS_EXPORT,
            StandardOutputs.DETAILED_REPORT);

    /** An output of a task run registered by another module (a document of the reports). */
    public interface Output {
        /** @return the id a run selects it by (snake case) */
        String id();

        /**
         * Writes the output's files.
         *
         * @param run the run's identity and reports
         * @param directory where to write (it exists)
         * @return the files written
         * @throws IOException if writing fails
         */
        List<Path> write(Context run, Path directory) throws IOException;
    }

    /**
     * What an output writes from.
     *
     * @param runId the run's id
     * @param planId the plan's id
     * @param source the source's description
     * @param startedAt when the run started
     * @param reports one report per grouping
     */
    public record Context(String runId, String planId, String source, Instant startedAt, List<TaskReport> reports) {
        /** Validates and copies. */
        public Context {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(startedAt, "startedAt");
            reports = List.copyOf(reports);
        }
    }

    private TaskRun() {
    }

    /**
     * Writes a run.
     *
     * @param context the run's identity and reports
     * @param selected the output ids to write, in order: {@link #OUTPUTS} and the ids of {@code extra}
     * @param extra outputs of other modules
     * @param directory the run directory (created if needed)
     * @param ticker nanoseconds, to measure the duration from {@code t0}
     * @param t0 the ticker's value when the run started (before the reports were evaluated)
     * @return the run record, also written to {@code run-record.json}
     * @throws IllegalArgumentException for an unknown output id, naming the known ones
     * @throws IOException if writing fails
     */
    public static RunRecord write(Context context, List<String> selected, List<Output> extra, Path directory,
            LongSupplier ticker, long t0) throws IOException {
        Map<String, Output> outputs = new LinkedHashMap<>();
        outputs.put(StandardOutputs.METRICS_EXPORT, metricsExport());
        outputs.put(StandardOutputs.DETAILED_REPORT, detailedReport());
        for (Output o : extra) {
            outputs.put(o.id(), o);
        }
        for (String id : selected) {
            if (!outputs.containsKey(id)) {
                throw new IllegalArgumentException("output '" + id + "' is not available for a " + task(context)
                        + " audit; available: " + outputs.keySet());
            }
        }
        Files.createDirectories(directory);
        Path root = directory.toAbsolutePath().normalize();
        Path staging = Files.createTempDirectory(root, ".fairkit-run-");
        try {
            List<OutputFile> files = AuditRunner.promote(root, staging, selected,
                    id -> outputs.get(id).write(context, staging));
            RunRecord record = new RunRecord(context.runId(), context.planId(), context.source(),
                    context.startedAt(), Duration.ofNanos(ticker.getAsLong() - t0), Optional.empty(),
                    Optional.empty(), files);
            AtomicFiles.writeString(root.resolve(AuditRunner.RUN_RECORD_FILE), record.toJson());
            return record;
        } finally {
            deleteTree(staging);
        }
    }

    private static String task(Context c) {
        return c.reports().isEmpty() ? "task" : c.reports().get(0).task().id();
    }

    /** @return the Metrics Export of task reports */
    public static Output metricsExport() {
        return new Output() {
            @Override
            public String id() {
                return StandardOutputs.METRICS_EXPORT;
            }

            @Override
            public List<Path> write(Context run, Path directory) throws IOException {
                Path csv = directory.resolve("metrics.csv");
                Path json = directory.resolve("metrics.json");
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    MetricsExport.writeTaskCsv(run.reports(), w);
                }
                try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                    MetricsExport.writeTaskJson(run.reports(), w);
                }
                return List.of(csv, json);
            }
        };
    }

    /** @return the Detailed Report of task reports */
    public static Output detailedReport() {
        return new Output() {
            @Override
            public String id() {
                return StandardOutputs.DETAILED_REPORT;
            }

            @Override
            public List<Path> write(Context run, Path directory) throws IOException {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("schema", "fairkit.audit/1");
                root.put("task", task(run));
                root.put("run_id", run.runId());
                root.put("plan_id", run.planId());
                root.put("source", run.source());
                root.put("started_at", run.startedAt().toString());
                ArrayNode reports = root.putArray("reports");
                for (TaskReport r : run.reports()) {
                    reports.add(TaskReportJson.toTree(r));
                }
                Path file = directory.resolve("report.json");
                Files.writeString(file, ReportJson.write(root), StandardCharsets.UTF_8);
                return List.of(file);
            }
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
