package org.fairkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.RunTrail;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.StreamedInput;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;
import org.fairkit.orchestration.trail.TrailProblem;
import org.fairkit.orchestration.trail.TrailVerification;

/**
 * Evaluates an {@link AuditPlan} for the command line: in-process when nothing is written (streamed in constant
 * memory unless intervals or score metrics need the rows), or through an {@link AuditRunner} into a directory, the
 * run then recorded in the directory's audit trail ({@value #TRAIL_FILE}) with {@link RunTrail}.
 */
final class Audits {
    /** The audit trail file a run directory holds. */
    static final String TRAIL_FILE = "audit-trail.jsonl";

    private Audits() {
    }

    /** @return whether the plan needs the rows in memory (intervals or score metrics) */
    static boolean needsRows(AuditPlan plan) {
        return plan.intervals().isPresent() || !plan.scoreMetrics().isEmpty();
    }

    /** @return a source for the file: loaded when the plan's settings need the rows, else streamed */
    static AuditSource source(Path file, org.fairkit.orchestration.io.CsvColumns columns, boolean needsRows) {
        return needsRows ? AuditSource.csv(file, columns) : AuditSource.streamedCsv(file, columns);
    }

    /** A plan id from a file name: its stem with other characters than letters, digits, '.', '_', '-' as '-'. */
    static String planId(Path file) {
        String name = file.getFileName() == null ? "audit" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
        return stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(0)) ? "audit-" + stem : stem;
    }

    /**
     * Evaluates every grouping of a plan whose source is a CSV file, without writing anything.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell or setting
     */
    static List<FairnessReport> evaluate(AuditPlan plan, Progress progress, Clock clock) throws IOException {
        return evaluate(plan, progress, clock, Integer.MAX_VALUE);
    }

    /**
     * As {@link #evaluate(AuditPlan, Progress, Clock)}, refusing a grouping with more than {@code maxGroups} groups
     * as soon as the read meets it.
     */
    static List<FairnessReport> evaluate(AuditPlan plan, Progress progress, Clock clock, int maxGroups)
            throws IOException {
        CsvSource csv = ((AuditSource.Csv) plan.source()).csv();
        List<FairnessReport> reports = new ArrayList<>();
        List<List<String>> groupings = plan.groupings().stream().map(AuditGrouping::features).toList();
        if (!needsRows(plan)) {
            StreamedInput in = CsvInput.stream(csv, groupings, progress, maxGroups);
            for (AuditGrouping g : plan.groupings()) {
                reports.add(in.report(plan.spec(g), clock));
            }
            return reports;
        }
        FairnessData data = CsvInput.load(csv, progress, groupings, maxGroups);
        // The file's own bytes are hashed beside the rows' fingerprint, as a streamed pass does.
        String fileSha256 = AuditRunner.sha256(csv.file());
        for (AuditGrouping g : plan.groupings()) {
            progress.phase(plan.intervals().map(i -> "intervals (" + i.description() + ") for " + g)
                    .orElse("evaluating " + g));
            FairnessReport r = fairness(plan, data, g, clock).evaluate();
            reports.add(r.withProvenance(r.provenance().withInputFileSha256(fileSha256)));
        }
        return reports;
    }

    /** The core evaluation of one grouping: the plan's spec of it, as the runner evaluates it. */
    static Fairness fairness(AuditPlan plan, FairnessData data, AuditGrouping g, Clock clock) {
        return Fairness.of(data, plan.spec(g)).clock(clock);
    }

    /**
     * Checks, in one streaming pass, that no grouping of the plan has more than {@code maxGroups} groups; run before
     * an audit that writes outputs, whose runner reads the file itself.
     *
     * @throws CliException when a grouping exceeds {@code maxGroups}
     */
    static void checkGroupCount(AuditPlan plan, Progress progress, int maxGroups) throws IOException {
        CsvInput.stream(((AuditSource.Csv) plan.source()).csv(), plan.groupings().stream()
                .map(AuditGrouping::features).toList(), progress, maxGroups);
    }

    /**
     * What a run into a directory produced.
     *
     * @param result the runner's result
     * @param directory the run directory
     * @param trail the audit trail file
     * @param entry the trail entry recording the run
     */
    record Run(AuditResult result, Path directory, Path trail, TrailEntry entry) {
    }

    /**
     * Creates the output directory of {@code --out} if needed.
     *
     * @return its audit-trail file
     * @throws CliException when the path exists and is not a directory
     */
    static Path outputDirectory(Path directory) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw CliException.badInput(CliErrors.notADirectory(directory));
        }
        Files.createDirectories(directory);
        return directory.resolve(TRAIL_FILE);
    }

    /**
     * Refuses to run into a directory whose audit trail cannot take another entry (broken, or a torn last line).
     *
     * @throws CliException naming the trail's problem
     */
    static void requireAppendable(AuditTrail trail, Path trailFile) {
        Optional<String> refusal = trail.appendRefusal();
        if (refusal.isPresent()) {
            TrailVerification v = trail.verify();
            throw CliException.badInput(CliErrors.trailRefuses(trailFile, v.problem().map(TrailProblem::message)
                    .orElse(refusal.get()), v.onlyTornTail()));
        }
    }

    /**
     * Runs a plan into a directory and records the run in the directory's audit trail, holding the directory's
     * {@link DirectoryLock} throughout. The trail is checked first: one that cannot take an entry (a torn or invalid
     * last line) stops the run before any output is written. The runner writes every output atomically; the trail
     * entry, hashing exactly those bytes, is appended last.
     *
     * @throws IOException if reading the input or writing an output fails
     * @throws CliException if another run holds the directory, or the trail cannot take the entry
     */
    static Run run(AuditPlan plan, AuditRunner runner, Path directory, Progress progress) throws IOException {
        Path trailFile = outputDirectory(directory);
        try (DirectoryLock lock = DirectoryLock.acquire(directory);
                AuditTrail trail = AuditTrail.open(trailFile)) {
            requireAppendable(trail, trailFile);
            progress.phase(String.format(Locale.ROOT, "auditing %s into %s", plan.source().describe(), directory));
            AuditResult result = runner.run(plan, directory);
            try {
                TrailEntry entry = RunTrail.record(trail, result);
                return new Run(result, directory, trailFile, entry);
            } catch (IllegalStateException e) {
                throw CliException.badInput("the outputs are written, but the run is not recorded: "
                        + ErrorHandler.oneLine(e.getMessage()) + " (see 'fairkit trail verify " + trailFile + "')");
            }
        }
    }
}
