/**
 * Inline SVG charts for FairKit's HTML documents: {@link org.fairkit.reports.svg.GroupBarChart} (one quantity per
 * group, with interval whiskers and the reference group marked), {@link org.fairkit.reports.svg.ThresholdChart}
 * (disparities against their policy thresholds) and {@link org.fairkit.reports.svg.CalibrationChart} (reliability
 * diagrams per group), written with {@link org.fairkit.reports.svg.Svg}, which escapes every text through
 * {@link org.fairkit.reports.svg.Escape}.
 *
 * <p>Charts are self-contained (presentation attributes, no style sheets, no scripts, no external references) and
 * deterministic: the same input gives the same bytes. Stability: public API, evolving before 1.0.
 */
package org.fairkit.reports.svg;
