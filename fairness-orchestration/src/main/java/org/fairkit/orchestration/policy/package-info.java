/**
 * Policy-as-code: fairness rules in YAML ({@code demographic_parity_ratio >= 0.8 for race},
 * {@code min_group_size >= 30}), each with the evidence it needs (point estimate, or a whole interval), judged
 * against fairness reports into verdicts with their evidence, and rendered as an alert configuration.
 *
 * <p>Entry point: {@link org.fairkit.orchestration.policy.Policy#parse(String)} or
 * {@link org.fairkit.orchestration.policy.Policy#read(java.nio.file.Path)}, then
 * {@link org.fairkit.orchestration.policy.Policy#evaluate(org.fairkit.core.FairnessReport)}; the report of any task
 * (regression, ranking, multiclass) through
 * {@link org.fairkit.orchestration.policy.Policy#evaluate(org.fairkit.core.TaskReport)} or
 * {@link org.fairkit.orchestration.policy.Policy#evaluateTasks(java.util.List)}, with rules on any id of the metric
 * catalog ({@link org.fairkit.orchestration.policy.Measure}); the data gate through
 * {@link org.fairkit.orchestration.policy.Policy#evaluateData(java.util.List)}. Monitors and runners depend on
 * {@link org.fairkit.orchestration.policy.PolicyCheck}.
 *
 * <p>Stability: public API, evolving before 1.0; the YAML format will only grow compatibly.
 */
package org.fairkit.orchestration.policy;
