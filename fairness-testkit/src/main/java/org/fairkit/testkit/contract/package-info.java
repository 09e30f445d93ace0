/**
 * The module-independent part of the metric contract tests (STYLE.md, "contract tests written once"):
 * {@link org.fairkit.testkit.contract.GroupMetricContract}, the abstract base of every metric contract test, with
 * the comparisons against a reference under a declared {@link org.fairkit.testkit.contract.Tolerance}, and
 * {@link org.fairkit.testkit.contract.Perturbations}, the row permutations, group relabelings and unit weights the
 * invariance properties apply.
 *
 * <p>The metric types themselves live in {@code fairness-core}, which the testkit must not depend on (core's own
 * tests use the testkit), so the base class is generic in the metric value type; {@code fairness-core}'s test
 * sources bind it to {@code MetricValue} and keep the property bodies that need core types.
 */
package org.fairkit.testkit.contract;
