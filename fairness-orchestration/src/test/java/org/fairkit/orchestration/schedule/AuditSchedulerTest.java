package org.fairkit.orchestration.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.RunRecord;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.orchestration.support.ManualScheduledExecutor;
import org.fairkit.orchestration.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduling on virtual time (no sleeping, no timing assumptions): now, at, every, history bound, cancellation,
 * failures and overlap; plus one overlap test on real threads synchronised by latches only.
 */
class AuditSchedulerTest {
    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path dir;

    private final ManualScheduledExecutor executor = new ManualScheduledExecutor(T0);
    private final AuditScheduler scheduler = AuditScheduler.create(executor, executor.clock(), 100);

    private static RunRecord record(String id) {
        return new RunRecord(id, "plan", "test", T0, Duration.ZERO, Optional.empty(), Optional.empty(), List.of());
    }

    private AuditJob counting(AtomicInteger n) {
        return () -> record("run-" + n.incrementAndGet());
    }

    @Test
    void aJobTriggeredNowRunsOnceAndCompletes() {
        AtomicInteger n = new AtomicInteger();
        JobId id = scheduler.submit("once", Trigger.now(), counting(n));
        assertThat(id).isEqualTo(new JobId("job-1"));
        JobStatus before = scheduler.status(id);
        assertThat(before.state()).isEqualTo(JobStatus.State.ACTIVE);
        assertThat(before.nextRun()).contains(T0);
        CompletableFuture<JobStatus> done = scheduler.whenDone(id);
        assertThat(done).isNotDone();
        executor.runDue();
        assertThat(n).hasValue(1);
        JobStatus after = scheduler.status(id);
        assertThat(after.state()).isEqualTo(JobStatus.State.COMPLETED);
        assertThat(after.nextRun()).isEmpty();
        assertThat(after.last().orElseThrow().record().orElseThrow().runId()).isEqualTo("run-1");
        assertThat(done).isCompletedWithValueMatching(s -> s.state() == JobStatus.State.COMPLETED);
        executor.advance(Duration.ofDays(1));
        assertThat(n).hasValue(1);
    }

    @Test
    void aJobAtATimeRunsExactlyThen() {
        AtomicInteger n = new AtomicInteger();
        JobId id = scheduler.submit("at", Trigger.at(T0.plus(Duration.ofHours(1))), counting(n));
        executor.advance(Duration.ofMinutes(59));
        assertThat(n).hasValue(0);
        assertThat(scheduler.status(id).nextRun()).contains(T0.plus(Duration.ofHours(1)));
        executor.advance(Duration.ofMinutes(1));
        assertThat(n).hasValue(1);
        assertThat(scheduler.history(id)).singleElement()
                .satisfies(e -> assertThat(e.startedAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void aTimeInThePastRunsAtOnce() {
        AtomicInteger n = new AtomicInteger();
        scheduler.submit("late", Trigger.at(T0.minusSeconds(5)), counting(n));
        executor.runDue();
        assertThat(n).hasValue(1);
    }

    @Test
    void aPeriodicJobRunsEveryPeriodFromItsFirstTimeUntilCancelled() {
        AtomicInteger n = new AtomicInteger();
        JobId id = scheduler.submit("every 10 min", Trigger.every(Duration.ofMinutes(10), T0.plusSeconds(300)),
                counting(n));
        executor.advance(Duration.ofHours(1));
        assertThat(scheduler.history(id)).extracting(Execution::startedAt).containsExactly(
                T0.plusSeconds(300), T0.plusSeconds(900), T0.plusSeconds(1500), T0.plusSeconds(2100),
                T0.plusSeconds(2700), T0.plusSeconds(3300));
        assertThat(scheduler.history(id)).extracting(Execution::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        JobStatus s = scheduler.status(id);
        assertThat(s.state()).isEqualTo(JobStatus.State.ACTIVE);
        assertThat(s.executions()).isEqualTo(6);
        assertThat(s.nextRun()).contains(T0.plusSeconds(3900));

        CompletableFuture<JobStatus> done = scheduler.whenDone(id);
        assertThat(scheduler.cancel(id)).isTrue();
        assertThat(scheduler.cancel(id)).isFalse();
        executor.advance(Duration.ofHours(1));
        assertThat(n).hasValue(6);
        assertThat(executor.pending()).isZero();
        assertThat(done).isCompletedWithValueMatching(x -> x.state() == JobStatus.State.CANCELLED);
        assertThatThrownBy(() -> scheduler.runNow(id)).isInstanceOf(IllegalStateException.class)
                .hasMessage("job job-1 is CANCELLED; only active jobs can run");
    }

    @Test
    void theHistoryKeepsOnlyTheLastExecutions() {
        AuditScheduler small = AuditScheduler.create(executor, executor.clock(), 3);
        AtomicInteger n = new AtomicInteger();
        JobId id = small.submit("p", Trigger.every(Duration.ofMinutes(1)), counting(n));
        executor.advance(Duration.ofSeconds(330));
        assertThat(n).hasValue(6);
        assertThat(small.history()).extracting(Execution::sequence).containsExactly(4L, 5L, 6L);
        assertThat(small.status(id).executions()).isEqualTo(6);
        small.close();
    }

    @Test
    void failuresAreRecordedAPeriodicJobKeepsItsScheduleAndAOneTimeJobEndsFailed() {
        AtomicInteger n = new AtomicInteger();
        JobId periodic = scheduler.submit("flaky", Trigger.every(Duration.ofMinutes(1)), () -> {
            if (n.incrementAndGet() % 2 == 1) {
                throw new java.io.IOException("disk full");
            }
            return record("ok");
        });
        JobId once = scheduler.submit("broken", Trigger.now(), () -> {
            throw new IllegalArgumentException("bad cell");
        });
        executor.advance(Duration.ofSeconds(150));
        assertThat(scheduler.history(periodic)).extracting(Execution::outcome).containsExactly(
                Execution.Outcome.FAILED, Execution.Outcome.SUCCEEDED, Execution.Outcome.FAILED);
        assertThat(scheduler.history(periodic).get(0).error()).contains("java.io.IOException: disk full");
        assertThat(scheduler.status(periodic).state()).isEqualTo(JobStatus.State.ACTIVE);
        assertThat(scheduler.status(once).state()).isEqualTo(JobStatus.State.FAILED);
        assertThat(scheduler.status(once).last().orElseThrow().error())
                .contains("java.lang.IllegalArgumentException: bad cell");
    }

    @Test
    void aRunLongerThanThePeriodDelaysTheNextStartInsteadOfOverlapping() {
        JobId id = scheduler.submit("slow", Trigger.every(Duration.ofMinutes(10)), () -> {
            executor.elapse(Duration.ofMinutes(25));
            return record("slow");
        });
        executor.advance(Duration.ofMinutes(60));
        List<Execution> h = scheduler.history(id);
        assertThat(h).extracting(Execution::startedAt).containsExactly(T0, T0.plusSeconds(1500),
                T0.plusSeconds(3000));
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).startedAt()).isAfterOrEqualTo(h.get(i - 1).finishedAt());
        }
        assertThat(h).extracting(Execution::outcome).containsOnly(Execution.Outcome.SUCCEEDED);
    }

    @Test
    void aManualRunDuringARunIsSkippedNotOverlapped() throws Exception {
        ScheduledExecutorService real = new ScheduledThreadPoolExecutor(2);
        try {
            AuditScheduler s = AuditScheduler.create(real, java.time.Clock.systemUTC(), 10);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            JobId id = s.submit("long", Trigger.now(), () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                running.decrementAndGet();
                return record("long");
            });
            CompletableFuture<JobStatus> done = s.whenDone(id);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            Execution skipped = s.runNow(id).get(30, TimeUnit.SECONDS);
            assertThat(skipped.outcome()).isEqualTo(Execution.Outcome.SKIPPED_OVERLAP);
            assertThat(skipped.manual()).isTrue();
            assertThat(s.status(id).running()).isTrue();
            release.countDown();
            JobStatus end = done.get(30, TimeUnit.SECONDS);
            assertThat(end.state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(maxRunning).hasValue(1);
            assertThat(s.history(id)).extracting(Execution::outcome)
                    .containsExactly(Execution.Outcome.SKIPPED_OVERLAP, Execution.Outcome.SUCCEEDED);
        } finally {
            real.shutdownNow();
        }
    }

    @Test
    void unknownJobsAreNamed() {
        assertThatThrownBy(() -> scheduler.status(new JobId("job-9")))
                .hasMessage("no job job-9; jobs are []");
        assertThatThrownBy(() -> AuditScheduler.create(executor, executor.clock(), 0))
                .hasMessage("historyLimit must be >= 1, got 0");
        assertThatThrownBy(() -> Trigger.every(Duration.ZERO)).hasMessage("period must be positive, got PT0S");
    }

    @Test
    void aScheduledAuditWritesEachRunIntoItsOwnDirectory() throws Exception {
        AuditRunner runner = AuditRunner.builder().outputs(StandardOutputs.metricsExport()).clock(executor.clock())
                .build();
        AuditPlan plan = AuditPlan.builder("nightly").source(AuditSource.of(TestData.randomWithGroups(1, 500, false)))
                .groupings(AuditGrouping.of("a")).outputs(StandardOutputs.METRICS_EXPORT).build();
        JobId id = scheduler.submit("nightly", Trigger.every(Duration.ofDays(1)),
                AuditJob.of(runner, plan, RunDirectories.timestamped(dir, executor.clock())));
        executor.advance(Duration.ofDays(2).plusHours(1));
        assertThat(scheduler.history(id)).hasSize(3).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Execution.Outcome.SUCCEEDED);
            assertThat(e.record().orElseThrow().planId()).isEqualTo("nightly");
        });
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("20240501T000000Z", "20240502T000000Z", "20240503T000000Z");
        }
        assertThat(dir.resolve("20240502T000000Z/metrics.csv")).exists();
        assertThat(dir.resolve("20240502T000000Z/run-record.json")).exists();
        // Two runs in the same second do not share a directory.
        assertThat(RunDirectories.timestamped(dir, executor.clock()).get().getFileName().toString())
                .isEqualTo("20240503T010000Z");
        assertThat(RunDirectories.timestamped(dir, executor.clock()).get().getFileName().toString())
                .isEqualTo("20240503T010000Z-2");
    }
}
