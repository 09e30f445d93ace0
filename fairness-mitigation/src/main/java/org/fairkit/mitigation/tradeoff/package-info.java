/**
 * The fairness–accuracy trade-off frontier: sweep one knob of a mitigator (the threshold optimizer's tolerance, a
 * reduction's {@code eps} or grid point), measure a performance metric and a fairness metric with intervals on
 * held-out rows, mark the Pareto-optimal points and recommend one, with the reason, without hiding the others.
 *
 * <p>Entry point: {@link org.fairkit.mitigation.tradeoff.TradeOff#sweep(String,
 * org.fairkit.mitigation.tradeoff.Sweep)}, configured, then {@code evaluate(labels, groups, weights)} returns an
 * immutable {@link org.fairkit.mitigation.tradeoff.Frontier}. {@link org.fairkit.mitigation.tradeoff.Sweeps} builds the
 * sweeps of FairKit's mitigators; any other mitigator plugs in as a {@link org.fairkit.mitigation.tradeoff.Sweep}
 * lambda. {@link org.fairkit.mitigation.tradeoff.Pareto} states the dominance rule.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.mitigation.tradeoff;
