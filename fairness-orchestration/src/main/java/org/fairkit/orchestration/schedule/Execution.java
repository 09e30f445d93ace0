package org.fairkit.orchestration.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.orchestration.run.RunRecord;

/**
 * One execution (or skipped execution) of a scheduled job, as kept in the scheduler's bounded history.
 *
 * @param jobId the job
 * @param jobName the job's name
 * @param sequence 1-based number of this execution among the job's executions (skips included)
 * @param manual whether it was asked for with {@link AuditScheduler#runNow}
 * @param startedAt when it started (or was skipped)
 * @param finishedAt when it finished (equal to {@code startedAt} for a skip)
 * @param outcome what happened
 * @param record the run record, when it succeeded
 * @param error the failure's class and message, when it failed; the reason, when skipped
 */
public record Execution(JobId jobId, String jobName, long sequence, boolean manual, Instant startedAt,
        Instant finishedAt, Outcome outcome, Optional<RunRecord> record, Optional<String> error) {

    /** What happened to an execution. */
    public enum Outcome {
        /** The job returned a run record. */
        SUCCEEDED,
        /** The job threw. */
        FAILED,
        /** Not run: the previous execution of the same job was still running. */
        SKIPPED_OVERLAP
    }

    /** Validates that every part is present. */
    public Execution {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(error, "error");
    }
}
