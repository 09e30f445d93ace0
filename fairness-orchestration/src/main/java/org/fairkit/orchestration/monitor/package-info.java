/**
 * Monitoring a deployed model: a {@link org.fairkit.orchestration.monitor.Monitor} fed with prediction batches keeps
 * tumbling or sliding {@link org.fairkit.orchestration.monitor.Windowing windows} of mergeable counts, derives a
 * report per window, tests score drift against a baseline (fairness-stats' {@code DistributionDrift}), runs
 * {@link org.fairkit.orchestration.monitor.WindowCheck}s (built-ins in
 * {@link org.fairkit.orchestration.monitor.WindowChecks};
 * policies plug in the same way), de-duplicates their findings into {@link org.fairkit.orchestration.monitor.Alert}s
 * and exposes each metric's time series. Windows of every task (binary, regression, ranking, multiclass) merge the
 * task's sufficient statistics ({@link org.fairkit.orchestration.monitor.WindowTally}) and derive a
 * {@code TaskReport}; checks and series read any id of it.
 *
 * <p>Entry point: {@code Monitor.builder()}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration.monitor;
