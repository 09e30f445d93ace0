package org.fairkit.orchestration.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a scheduled job.
 *
 * @param id the job
 * @param name its name
 * @param trigger when it runs
 * @param state its lifecycle state
 * @param running whether an execution is in progress
 * @param executions how many executions it had (skips included)
 * @param last its last finished execution, if any
 * @param nextRun when it runs next, if it will
 */
public record JobStatus(JobId id, String name, Trigger trigger, State state, boolean running, long executions,
        Optional<Execution> last, Optional<Instant> nextRun) {

    /** A job's lifecycle. */
    public enum State {
        /** Waiting for its next run (or running). */
        ACTIVE,
        /** A one-time job that succeeded. */
        COMPLETED,
        /** A one-time job that failed. */
        FAILED,
        /** Cancelled: no further run starts; one in progress finishes. */
        CANCELLED;

        /** @return whether no further run will start */
        public boolean isTerminal() {
            return this != ACTIVE;
        }
    }

    /** Validates that every part is present. */
    public JobStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(nextRun, "nextRun");
    }
}
