/**
 * FairKit orchestration: audits an organisation can plan, run, gate on and defend.
 *
 * <p>The packages, each with its own front door:
 * <ul>
 *   <li>{@link org.fairkit.orchestration.load}: the audit load model (input load, output load, timeline),
 *       feasibility with the user-facing messages, and calibration of the processing rates from measured runs;
 *       start at {@link org.fairkit.orchestration.load.LoadModel#defaults()}.</li>
 *   <li>{@link org.fairkit.orchestration.policy}: policy-as-code in YAML, judged against fairness reports with
 *       point or interval evidence; start at {@link org.fairkit.orchestration.policy.Policy#parse(String)}.</li>
 *   <li>{@link org.fairkit.orchestration.trail}: a tamper-evident, hash-chained audit trail; start at
 *       {@link org.fairkit.orchestration.trail.AuditTrail#open(java.nio.file.Path)}.</li>
 *   <li>{@link org.fairkit.orchestration.run}: audit plans executed by a runner that writes real output files and
 *       records measured durations and file hashes; start at
 *       {@link org.fairkit.orchestration.run.AuditPlan#builder(String)}.</li>
 *   <li>{@link org.fairkit.orchestration.io}: streamed CSV input, the stable report JSON, Metrics Export and Flagged
 *       Cases.</li>
 *   <li>{@link org.fairkit.orchestration.schedule}: run now, at a time, or every period, without overlaps.</li>
 *   <li>{@link org.fairkit.orchestration.monitor}: tumbling and sliding windows over prediction batches, checks,
 *       drift and de-duplicated alerts.</li>
 * </ul>
 *
 * <p>This package plugs them together: {@link org.fairkit.orchestration.PlanLoad} (the load model as the runner's
 * estimator, and run records as calibration history), {@link org.fairkit.orchestration.PolicyAlerts} (a policy as
 * the Alert Configuration output and as a monitor check), {@link org.fairkit.orchestration.RunTrail} (runs
 * recorded in the audit trail with the fingerprint of their reports) and
 * {@link org.fairkit.orchestration.FairDecisions} (fairness-mitigation's threshold optimizer as the decision change
 * of the Flagged Cases output).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration;
