/**
 * Scheduling audit runs: {@link org.fairkit.orchestration.schedule.AuditScheduler} runs
 * {@link org.fairkit.orchestration.schedule.AuditJob}s now, at a time or every period
 * ({@link org.fairkit.orchestration.schedule.Trigger}) on a caller-owned {@code ScheduledExecutorService}, with job
 * ids, status, cancellation, no overlapping runs of one job, and a bounded execution history.
 *
 * <p>Entry point: {@code AuditScheduler.create(executor, clock, historyLimit)}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration.schedule;
