/**
 * Fairness metrics as Micrometer meters: {@link org.fairkit.micrometer.FairnessMeterBinder} publishes the latest
 * value of each configured named fairness metric per grouping (and, optionally, per-group metric values) as gauges,
 * so any Micrometer registry carries them. The module depends on fairness-core and {@code micrometer-core} only.
 *
 * <p>Entry point: {@code FairnessMeterBinder.builder()}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.micrometer;
