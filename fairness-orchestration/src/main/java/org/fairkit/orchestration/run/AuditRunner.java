package org.fairkit.orchestration.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.RowSource;
import org.fairkit.orchestration.io.StreamedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@link AuditPlan}s: evaluates one report per grouping, writes the selected outputs into a directory, and
 * records the run (measured duration beside the estimate, every file's SHA-256) in {@code run-record.json}.
 *
 * <pre>{@code
 * AuditRunner runner = AuditRunner.builder()
 *     .outputs(StandardOutputs.metricsExport(), StandardOutputs.detailedReport(), StandardOutputs.flaggedCases())
 *     .estimator(loadModel::estimate)      // optional: the audit load model
 *     .build();
 * AuditResult result = runner.run(plan, Path.of("audits/credit-q2"));
 * }</pre>
 *
 * <p>Every output a plan selects must be registered (checked before any work, naming the registered ids). The
 * duration is measured with the ticker ({@link System#nanoTime()} by default) around evaluation and writing; the
 * start time comes from the clock. Both are injectable for tests.
 *
 * <p><b>Files.</b> Outputs write into a fresh staging directory inside the run directory ({@code .fairkit-run-*}); only
 * when every output has succeeded are their files hashed and renamed into the run directory, each in one atomic step,
 * and then the run record is written the same way ({@link AtomicFiles}). So a reader, or a crash ({@code kill -9}),
 * never leaves a truncated output, and a file the record hashes is exactly the file the run wrote. A symbolic link
 * where an output or the run record belongs is refused before any file is replaced. A failing output fails the run
 * with its exception, leaves the run directory as it was, and writes no run record. Thread-safe: a runner holds no
 * per-run state; runs into one directory at once should be serialized by the caller (the CLI locks the directory).
 */
public final class AuditRunner {
    /** The name of the run record file written into the run directory. */
    public static final String RUN_RECORD_FILE = "run-record.json";

    private static final Logger LOG = LoggerFactory.getLogger(AuditRunner.class);

    private final Map<String, AuditOutput> outputs;
    private final Clock clock;
    private final LongSupplier ticker;
    private final DurationEstimator estimator;
    private final Supplier<String> runIds;

    private AuditRunner(Map<String, AuditOutput> outputs, Clock clock, LongSupplier ticker,
            DurationEstimator estimator, Supplier<String> runIds) {
        this.outputs = outputs;
        this.clock = clock;
        this.ticker = ticker;
        this.estimator = estimator;
        this.runIds = runIds;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a runner with the Metrics Export, Flagged Cases and Detailed Report registered, and no estimator */
    public static AuditRunner standard() {
        return builder().outputs(StandardOutputs.metricsExport(), StandardOutputs.flaggedCases(),
                StandardOutputs.detailedReport()).build();
    }

    /** @return the registered output ids, in registration order */
    public List<String> outputIds() {
        return List.copyOf(outputs.keySet());
    }

    /**
     * Runs a plan.
     *
     * @param plan what to do
     * @param directory where to write (created if needed)
     * @return the run record and the reports
     * @throws IllegalArgumentException if the plan selects an unregistered output, or the input is bad
     * @throws IOException if reading the input or writing an output fails
     */
    public AuditResult run(AuditPlan plan, Path directory) throws IOException {
        for (String id : plan.outputs()) {
            if (!outputs.containsKey(id)) {
                throw new IllegalArgumentException("plan '" + plan.id() + "' selects output '" + id
                        + "', which no writer is registered for; registered: " + outputs.keySet());
            }
        }
        Optional<Duration> estimate = estimator.estimate(plan);
        String runId = runIds.get();
        Instant startedAt = clock.instant();
        long t0 = ticker.getAsLong();
        LOG.info("audit run {} of plan '{}' started", runId, plan.id());

        List<FairnessReport> reports = evaluate(plan);
        Files.createDirectories(directory);
        AuditRunContext context = new AuditRunContext(runId, plan, reports, rows(plan), startedAt);
        Path root = directory.toAbsolutePath().normalize();
        Path staging = Files.createTempDirectory(root, ".fairkit-run-");
        List<OutputFile> files = new ArrayList<>();
        RunRecord record;
        try {
            files.addAll(promote(root, staging, plan.outputs(), id -> outputs.get(id).write(context, staging)));
            Duration duration = Duration.ofNanos(ticker.getAsLong() - t0);
            record = new RunRecord(runId, plan.id(), plan.source().describe(), startedAt, duration, estimate,
                    plan.timeline(), files);
            AtomicFiles.writeString(root.resolve(RUN_RECORD_FILE), record.toJson());
        } finally {
            deleteTree(staging);
        }
        Duration duration = record.duration();
        LOG.info("audit run {} of plan '{}' finished in {} ({} files)", runId, plan.id(), duration, files.size());
        return new AuditResult(record, reports);
    }

    /** Removes the staging directory and what is left in it (after a failure). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<FairnessReport> evaluate(AuditPlan plan) throws IOException {
        List<FairnessReport> reports = new ArrayList<>();
        if (plan.source() instanceof AuditSource.Csv && ((AuditSource.Csv) plan.source()).streamed()) {
            AuditSource.Csv csv = (AuditSource.Csv) plan.source();
            List<List<String>> groupings = plan.groupings().stream().map(AuditGrouping::features).toList();
            StreamedInput in = csv.csv().stream(groupings, 0);
            for (EvaluationSpec spec : plan.specs()) {
                reports.add(in.report(spec, clock));
            }
            return reports;
        }
        FairnessData data = plan.source() instanceof AuditSource.InMemory
                ? ((AuditSource.InMemory) plan.source()).data() : ((AuditSource.Csv) plan.source()).csv().load();
        // A file's own bytes are hashed beside the rows' fingerprint, as a streamed pass does.
        String fileSha256 = plan.source() instanceof AuditSource.Csv
                ? sha256(((AuditSource.Csv) plan.source()).csv().file()) : null;
        for (EvaluationSpec spec : plan.specs()) {
            FairnessReport r = Fairness.of(data, spec).clock(clock).evaluate();
            reports.add(fileSha256 == null ? r : r.withProvenance(r.provenance().withInputFileSha256(fileSha256)));
        }
        return reports;
    }

    private static RowSource rows(AuditPlan plan) {
        if (plan.source() instanceof AuditSource.InMemory) {
            return RowSource.of(((AuditSource.InMemory) plan.source()).data());
        }
        return RowSource.of(((AuditSource.Csv) plan.source()).csv());
    }

    /** One output's writer, called with the output's id; it writes into the staging directory. */
    @FunctionalInterface
    interface StagedWriter {
        List<Path> write(String id) throws IOException;
    }

    /**
     * Writes each selected output into the staging directory, checks that every file it names lies inside it as a
     * regular file, then moves the files into the run directory (refusing to replace a link or a directory): the
     * one promotion of a binary audit run and of {@link TaskRun}'s.
     *
     * @return the files, with their paths relative to the run directory, sizes and SHA-256
     * @throws IllegalStateException when an output names a file outside the staging directory or not a regular file
     */
    static List<OutputFile> promote(Path root, Path staging, List<String> ids, StagedWriter writer)
            throws IOException {
        List<OutputFile> files = new ArrayList<>();
        List<Path> staged = new ArrayList<>();
        for (String id : ids) {
            for (Path p : writer.write(id)) {
                Path abs = p.toAbsolutePath().normalize();
                if (!abs.startsWith(staging) || Files.isSymbolicLink(abs) || !Files.isRegularFile(abs)) {
                    throw new IllegalStateException("output '" + id + "' wrote " + abs + ", outside the run directory "
                            + "it was given (" + staging + ") or not as a regular file");
                }
                String relative = staging.relativize(abs).toString().replace('\\', '/');
                files.add(new OutputFile(id, relative, Files.size(abs), sha256(abs)));
                staged.add(abs);
            }
        }
        for (OutputFile f : files) {
            AtomicFiles.refuseLinkOrDirectory(root.resolve(f.path()));
        }
        for (int i = 0; i < files.size(); i++) {
            Path target = root.resolve(files.get(i).path());
            Files.createDirectories(target.getParent());
            AtomicFiles.move(staged.get(i), target);
        }
        return files;
    }

    /** @return the SHA-256 of a file's bytes, in hex */
    public static String sha256(Path file) throws IOException {
        return Fingerprint.sha256(file);
    }

    @Override
    public String toString() {
        return "AuditRunner[outputs " + outputs.keySet() + ", estimator " + estimator + "]";
    }

    /** Builds an {@link AuditRunner}; each setting once. */
    public static final class Builder {
        private final Map<String, AuditOutput> outputs = new LinkedHashMap<>();
        private Clock clock;
        private LongSupplier ticker;
        private DurationEstimator estimator;
        private Supplier<String> runIds;

        private Builder() {
        }

        /**
         * Registers outputs by their ids.
         *
         * @throws IllegalArgumentException if an id is registered twice or is not snake case
         */
        public Builder outputs(AuditOutput... writers) {
            for (AuditOutput o : writers) {
                Objects.requireNonNull(o, "output");
                if (!o.id().matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("output id must be snake case, got '" + o.id() + "'");
                }
                if (outputs.putIfAbsent(o.id(), o) != null) {
                    throw new IllegalArgumentException("output '" + o.id() + "' is already registered");
                }
            }
            return this;
        }

        /** The clock of start times and report provenance (default the system UTC clock). */
        public Builder clock(Clock c) {
            InputErrors.requireUnset(clock, "clock");
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** The nanosecond ticker durations are measured with (default {@link System#nanoTime()}). */
        public Builder ticker(LongSupplier t) {
            InputErrors.requireUnset(ticker, "ticker");
            ticker = Objects.requireNonNull(t, "ticker");
            return this;
        }

        /** The duration estimator (default {@link DurationEstimator#NONE}). */
        public Builder estimator(DurationEstimator e) {
            InputErrors.requireUnset(estimator, "estimator");
            estimator = Objects.requireNonNull(e, "estimator");
            return this;
        }

        /** The run id generator (default random UUIDs). */
        public Builder runIds(Supplier<String> ids) {
            InputErrors.requireUnset(runIds, "runIds");
            runIds = Objects.requireNonNull(ids, "runIds");
            return this;
        }

        /** @return the runner */
        public AuditRunner build() {
            return new AuditRunner(new LinkedHashMap<>(outputs),
                    clock == null ? Clock.systemUTC() : clock, ticker == null ? System::nanoTime : ticker,
                    estimator == null ? DurationEstimator.NONE : estimator,
                    runIds == null ? () -> UUID.randomUUID().toString() : runIds);
        }
    }
}
