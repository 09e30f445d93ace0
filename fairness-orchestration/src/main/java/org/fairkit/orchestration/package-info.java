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
 * </ul>
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration;
