/**
 * FairKit stats: uncertainty for fairness metrics.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats;
