/**
 * The catalog of every metric in FairKit core: {@link org.fairkit.core.catalog.MetricCatalog} lists each metric's
 * {@link org.fairkit.core.metrics.MetricInfo} and resolves ids and aliases.
 *
 * <p>Entry point: {@link org.fairkit.core.catalog.MetricCatalog#all()} and
 * {@link org.fairkit.core.catalog.MetricCatalog#byId(String)}.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.catalog;
