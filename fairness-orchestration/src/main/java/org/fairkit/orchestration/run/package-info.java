/**
 * Audit runs: an {@link org.fairkit.orchestration.run.AuditPlan} (source, groupings, metrics, intervals, outputs,
 * timeline) executed by an {@link org.fairkit.orchestration.run.AuditRunner}, which writes real files through
 * {@link org.fairkit.orchestration.run.AuditOutput} writers registered by id and keeps a
 * {@link org.fairkit.orchestration.run.RunRecord} (measured duration beside the estimate of a pluggable
 * {@link org.fairkit.orchestration.run.DurationEstimator}, SHA-256 of every file).
 *
 * <p>{@link org.fairkit.orchestration.run.TaskRun} writes the outputs and run record of an audit of any task
 * (regression, ranking, multiclass reports).
 *
 * <p>Entry points: {@code AuditPlan.builder(id)} and {@code AuditRunner.standard()} / {@code AuditRunner.builder()}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration.run;
