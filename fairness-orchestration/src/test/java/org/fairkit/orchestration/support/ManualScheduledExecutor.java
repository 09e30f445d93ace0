package org.fairkit.orchestration.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link ScheduledExecutorService} on virtual time: nothing runs until {@link #advance} moves time,
 * then due tasks run on the calling thread in due order (ties in submission order), with time set to each task's
 * due time while it runs. {@link #clock()} reads the same virtual time, so schedules need no sleeping.
 */
public final class ManualScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private final Instant epoch;
    private long now;
    private long sequence;
    private boolean shutdown;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();

    public ManualScheduledExecutor(Instant epoch) {
        this.epoch = epoch;
    }

    /** @return a clock showing the virtual time */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return epoch.plusNanos(now);
            }
        };
    }

    /** Runs every task that starts by now + {@code d}, then sets the time to now + {@code d} (or later, if tasks elapsed time). */
    public synchronized void advance(Duration d) {
        long target = now + d.toNanos();
        // A task starts at max(now, due): a task that elapsed time pushes later starts back, as on a real clock.
        while (!queue.isEmpty() && Math.max(now, queue.peek().due) <= target) {
            Task<?> t = queue.poll();
            if (t.isCancelled()) {
                continue;
            }
            now = Math.max(now, t.due);
            t.runOnce();
        }
        now = Math.max(now, target);
    }

    /** Moves time forward without running anything: a task calls it to simulate how long it works. */
    public synchronized void elapse(Duration d) {
        now += d.toNanos();
    }

    /** Runs the tasks that are due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** @return how many tasks are waiting (cancelled ones excluded) */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.isCancelled()).count();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        long due;
        final long period;
        final long seq = sequence++;

        Task(Callable<V> c, long due, long period) {
            super(c);
            this.due = due;
            this.period = period;
        }

        void runOnce() {
            if (period == 0) {
                run();
            } else if (runAndReset()) {
                due += period;
                queue.add(this);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> t = (Task<?>) o;
            return due != t.due ? Long.compare(due, t.due) : Long.compare(seq, t.seq);
        }
    }

    private synchronized <V> Task<V> add(Callable<V> c, long delayNanos, long period) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task<V> t = new Task<>(c, now + Math.max(0, delayNanos), period);
        queue.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(Executors.callable(command), unit.toNanos(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, unit.toNanos(delay), 0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(Executors.callable(command), unit.toNanos(initialDelay), unit.toNanos(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(Executors.callable(command), unit.toNanos(initialDelay), unit.toNanos(delay));
    }

    @Override
    public void execute(Runnable command) {
        add(Executors.callable(command), 0, 0);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
