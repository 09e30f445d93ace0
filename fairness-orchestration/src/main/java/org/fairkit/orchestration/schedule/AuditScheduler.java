package org.fairkit.orchestration.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.fairkit.orchestration.run.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AuditJob}s now, at a time, or every period, on a {@link ScheduledExecutorService} the caller owns.
 *
 * <pre>{@code
 * ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
 * AuditScheduler scheduler = AuditScheduler.create(executor, Clock.systemUTC(), 100);
 * JobId nightly = scheduler.submit("credit nightly", Trigger.every(Duration.ofDays(1)),
 *     AuditJob.of(runner, plan, RunDirectories.timestamped(Path.of("audits"), Clock.systemUTC())));
 * scheduler.status(nightly);      // state, running, executions, last execution, next run
 * scheduler.history();            // the last 100 executions of all jobs
 * scheduler.cancel(nightly);
 * }</pre>
 *
 * <p><b>No overlap.</b> Executions of one job never overlap: periodic runs start at fixed rate through
 * {@link ScheduledExecutorService#scheduleAtFixedRate}, which delays a start rather than overlap a run that is late,
 * and any start that finds the job still running (a {@link #runNow} during a run, or a periodic tick during a manual
 * run) is recorded as {@link Execution.Outcome#SKIPPED_OVERLAP} and not run.
 *
 * <p><b>Failures</b> are recorded ({@link Execution.Outcome#FAILED} with the exception's class and message) and
 * logged; a periodic job keeps its schedule, a one-time job ends {@link JobStatus.State#FAILED}.
 *
 * <p><b>Cancellation</b> stops further starts; a run in progress is not interrupted and is recorded when it ends.
 *
 * <p><b>Time.</b> Start and end instants come from the clock; delays for {@link Trigger.At} and the first run of
 * {@link Trigger.Every} are computed from the clock's now. Tests drive both with a virtual-time executor and a clock
 * on the same time line, without sleeping.
 *
 * <p>Thread-safe. {@link #close()} cancels every job but does not shut the executor down.
 */
public final class AuditScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditScheduler.class);

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final int historyLimit;
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final Deque<Execution> history = new ArrayDeque<>();
    private long nextId = 1;

    private final class Job {
        final JobId id;
        final String name;
        final Trigger trigger;
        final AuditJob work;
        ScheduledFuture<?> future;
        JobStatus.State state = JobStatus.State.ACTIVE;
        boolean running;
        long executions;
        Execution last;
        final CompletableFuture<JobStatus> done = new CompletableFuture<>();

        Job(JobId id, String name, Trigger trigger, AuditJob work) {
            this.id = id;
            this.name = name;
            this.trigger = trigger;
            this.work = work;
        }
    }

    private AuditScheduler(ScheduledExecutorService executor, Clock clock, int historyLimit) {
        this.executor = executor;
        this.clock = clock;
        this.historyLimit = historyLimit;
    }

    /**
     * A scheduler.
     *
     * @param executor runs the jobs (owned by the caller, not shut down by {@link #close()})
     * @param clock gives start and end instants and the now that delays are computed from
     * @param historyLimit how many executions {@link #history()} keeps (the oldest are dropped), {@code >= 1}
     */
    public static AuditScheduler create(ScheduledExecutorService executor, Clock clock, int historyLimit) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be >= 1, got " + historyLimit);
        }
        return new AuditScheduler(executor, clock, historyLimit);
    }

    /**
     * Schedules a job.
     *
     * @param name a name for people and logs
     * @param trigger when it runs
     * @param work what it does
     * @return the job's id
     */
    public synchronized JobId submit(String name, Trigger trigger, AuditJob work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(work, "work");
        JobId id = new JobId("job-" + nextId++);
        Job job = new Job(id, name, trigger, work);
        jobs.put(id, job);
        Instant now = clock.instant();
        if (trigger instanceof Trigger.Every) {
            Trigger.Every every = (Trigger.Every) trigger;
            long delay = every.first().map(f -> delayNanos(now, f)).orElse(0L);
            job.future = executor.scheduleAtFixedRate(() -> execute(job, false), delay, every.period().toNanos(),
                    TimeUnit.NANOSECONDS);
        } else {
            long delay = trigger instanceof Trigger.At ? delayNanos(now, ((Trigger.At) trigger).at()) : 0;
            job.future = executor.schedule(() -> execute(job, false), delay, TimeUnit.NANOSECONDS);
        }
        LOG.info("scheduled {} '{}' {}", id, name, trigger);
        return id;
    }

    private static long delayNanos(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? 0 : d.toNanos();
    }

    /**
     * Starts an extra execution of an active job on the executor, as soon as it can.
     *
     * @return completes with the execution (skipped if the job is running by then)
     * @throws IllegalArgumentException for an unknown job
     * @throws IllegalStateException if the job is no longer active
     */
    public synchronized CompletableFuture<Execution> runNow(JobId id) {
        Job job = job(id);
        if (job.state.isTerminal()) {
            throw new IllegalStateException("job " + id + " is " + job.state + "; only active jobs can run");
        }
        CompletableFuture<Execution> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(execute(job, true));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    private Execution execute(Job job, boolean manual) {
        Instant start;
        long sequence;
        synchronized (this) {
            if (job.state == JobStatus.State.CANCELLED && !manual) {
                return null;
            }
            start = clock.instant();
            sequence = ++job.executions;
            if (job.running) {
                Execution skip = new Execution(job.id, job.name, sequence, manual, start, start,
                        Execution.Outcome.SKIPPED_OVERLAP, Optional.empty(),
                        Optional.of("the previous execution was still running"));
                record(job, skip);
                LOG.warn("{} '{}': execution {} skipped, the previous one is still running", job.id, job.name,
                        sequence);
                return skip;
            }
            job.running = true;
        }
        Execution e = null;
        try {
            RunRecord r = job.work.run();
            e = new Execution(job.id, job.name, sequence, manual, start, clock.instant(),
                    Execution.Outcome.SUCCEEDED, Optional.ofNullable(r), Optional.empty());
        } catch (Exception ex) {
            LOG.error("{} '{}': execution {} failed", job.id, job.name, sequence, ex);
            e = new Execution(job.id, job.name, sequence, manual, start, clock.instant(), Execution.Outcome.FAILED,
                    Optional.empty(), Optional.of(ex.getClass().getName() + ": " + ex.getMessage()));
        } finally {
            synchronized (this) {
                job.running = false;
                if (e == null) {
                    // An Error escaped the job: record it as failed, then let it propagate.
                    e = new Execution(job.id, job.name, sequence, manual, start, clock.instant(),
                            Execution.Outcome.FAILED, Optional.empty(), Optional.of("an Error escaped the job"));
                }
                record(job, e);
                if (!job.trigger.isPeriodic() && !manual && job.state == JobStatus.State.ACTIVE) {
                    job.state = e.outcome() == Execution.Outcome.SUCCEEDED ? JobStatus.State.COMPLETED
                            : JobStatus.State.FAILED;
                }
                completeIfDone(job);
            }
        }
        return e;
    }

    private void record(Job job, Execution e) {
        job.last = e;
        history.addLast(e);
        while (history.size() > historyLimit) {
            history.removeFirst();
        }
    }

    private void completeIfDone(Job job) {
        if (job.state.isTerminal() && !job.running) {
            job.done.complete(status(job));
        }
    }

    /**
     * Cancels a job: no further execution starts; one in progress finishes and is recorded.
     *
     * @return whether the job was active
     * @throws IllegalArgumentException for an unknown job
     */
    public synchronized boolean cancel(JobId id) {
        Job job = job(id);
        if (job.state.isTerminal()) {
            return false;
        }
        job.future.cancel(false);
        job.state = JobStatus.State.CANCELLED;
        completeIfDone(job);
        LOG.info("cancelled {} '{}'", id, job.name);
        return true;
    }

    /**
     * @return completes with the job's final status once it is terminal and no execution is in progress (for a
     *     periodic job: after {@link #cancel})
     * @throws IllegalArgumentException for an unknown job
     */
    public synchronized CompletableFuture<JobStatus> whenDone(JobId id) {
        return job(id).done.copy();
    }

    /**
     * @return the job's status
     * @throws IllegalArgumentException for an unknown job
     */
    public synchronized JobStatus status(JobId id) {
        return status(job(id));
    }

    private JobStatus status(Job job) {
        Optional<Instant> next = Optional.empty();
        if (!job.state.isTerminal() && job.future != null && !job.future.isDone()) {
            next = Optional.of(clock.instant().plusNanos(Math.max(0, job.future.getDelay(TimeUnit.NANOSECONDS))));
        }
        return new JobStatus(job.id, job.name, job.trigger, job.state, job.running, job.executions,
                Optional.ofNullable(job.last), next);
    }

    /** @return every job's status, in submission order */
    public synchronized List<JobStatus> jobs() {
        List<JobStatus> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            out.add(status(j));
        }
        return out;
    }

    /** @return the kept executions of all jobs, oldest first (at most the history limit) */
    public synchronized List<Execution> history() {
        return List.copyOf(history);
    }

    /** @return the kept executions of one job, oldest first */
    public synchronized List<Execution> history(JobId id) {
        job(id);
        return history.stream().filter(e -> e.jobId().equals(id)).toList();
    }

    private Job job(JobId id) {
        Job j = jobs.get(Objects.requireNonNull(id, "id"));
        if (j == null) {
            throw new IllegalArgumentException("no job " + id + "; jobs are " + jobs.keySet());
        }
        return j;
    }

    /** Cancels every active job; the executor stays the caller's to shut down. */
    @Override
    public synchronized void close() {
        Collection<JobId> ids = new ArrayList<>(jobs.keySet());
        for (JobId id : ids) {
            cancel(id);
        }
    }

    @Override
    public synchronized String toString() {
        return "AuditScheduler[" + jobs.size() + " jobs, " + history.size() + "/" + historyLimit + " executions kept]";
    }
}
