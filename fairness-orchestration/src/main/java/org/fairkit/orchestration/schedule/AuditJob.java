package org.fairkit.orchestration.schedule;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.RunRecord;

/** The work of a scheduled job: one audit run, returning its record. */
@FunctionalInterface
public interface AuditJob {
    /**
     * Runs once.
     *
     * @return the run's record
     * @throws Exception if the run fails; the scheduler records the failure and keeps the job's schedule
     */
    RunRecord run() throws Exception;

    /**
     * A job that runs {@code plan} with {@code runner}, each run into the directory {@code directories} gives
     * (for example {@link RunDirectories#timestamped}).
     */
    static AuditJob of(AuditRunner runner, AuditPlan plan, Supplier<Path> directories) {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(directories, "directories");
        return () -> runner.run(plan, directories.get()).record();
    }
}
