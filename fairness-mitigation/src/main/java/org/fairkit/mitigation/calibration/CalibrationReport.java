package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.MetricValue;

/**
 * Calibration overall and per group, and how much it differs between groups. Made by
 * {@link CalibrationMetrics}; immutable.
 *
 * <p><b>Disparities</b> (calibration fairness: is the model equally well calibrated for every group? Pleiss et al.
 * 2017, "On fairness and calibration", NeurIPS; Kleinberg, Mullainathan &amp; Raghavan 2017). For a
 * {@link CalibrationMeasure} m and the <em>eligible</em> groups (at least {@code minGroupSize} rows and m defined):
 * <ul>
 *   <li>{@link #difference(CalibrationMeasure)} {@code = max_g m_g - min_g m_g}, naming the group with the maximum
 *       (worst calibrated) first and the minimum second;</li>
 *   <li>{@link #ratio(CalibrationMeasure)} {@code = min_g m_g / max_g m_g} in [0, 1], naming the minimum group first
 *       and the maximum second.</li>
 * </ul>
 * Both are undefined with a reason when fewer than two groups are eligible; the ratio is also undefined when every
 * eligible group has m = 0. Left-out groups are listed in {@link Disparity#excluded()} with the reason. Ties go to
 * the first group in name order. The ids are {@code <measure id>.difference} and {@code <measure id>.ratio}.
 */
public final class CalibrationReport {
    private final String configuration;
    private final CalibrationSummary overall;
    private final Map<GroupKey, CalibrationSummary> byGroup;
    private final int minGroupSize;

    CalibrationReport(String configuration, CalibrationSummary overall, List<GroupKey> keys,
            List<CalibrationSummary> groups, int minGroupSize) {
        this.configuration = configuration;
        this.overall = overall;
        Map<GroupKey, CalibrationSummary> m = new LinkedHashMap<>();
        for (int g = 0; g < keys.size(); g++) {
            m.put(keys.get(g), groups.get(g));
        }
        this.byGroup = java.util.Collections.unmodifiableMap(m);
        this.minGroupSize = minGroupSize;
    }

    /** @return calibration of all rows */
    public CalibrationSummary overall() {
        return overall;
    }

    /** @return calibration of each group, in group-name order */
    public Map<GroupKey, CalibrationSummary> byGroup() {
        return byGroup;
    }

    /** @return the groups, in name order */
    public List<GroupKey> groups() {
        return List.copyOf(byGroup.keySet());
    }

    /**
     * @param label the group's label ({@link GroupKey#label()}: its level, or levels joined by {@code " & "})
     * @return that group's calibration
     * @throws IllegalArgumentException naming the known groups if there is none
     */
    public CalibrationSummary group(String label) {
        for (Map.Entry<GroupKey, CalibrationSummary> e : byGroup.entrySet()) {
            if (e.getKey().label().equals(label)) {
                return e.getValue();
            }
        }
        throw Errors.unknownGroup(label, byGroup.keySet().stream().map(GroupKey::label).toList());
    }

    /** @return the minimum group size for disparities */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** @return {@code max - min} of the measure over eligible groups, with the max and min groups */
    public Disparity difference(CalibrationMeasure m) {
        return aggregate(m, true);
    }

    /** @return {@code min / max} of the measure over eligible groups, with the min and max groups */
    public Disparity ratio(CalibrationMeasure m) {
        return aggregate(m, false);
    }

    /** @return {@link #difference(CalibrationMeasure)} of {@link CalibrationMeasure#ECE} */
    public Disparity eceDifference() {
        return difference(CalibrationMeasure.ECE);
    }

    /** @return {@link #ratio(CalibrationMeasure)} of {@link CalibrationMeasure#ECE} */
    public Disparity eceRatio() {
        return ratio(CalibrationMeasure.ECE);
    }

    /** @return {@link #difference(CalibrationMeasure)} of {@link CalibrationMeasure#BRIER} */
    public Disparity brierDifference() {
        return difference(CalibrationMeasure.BRIER);
    }

    private Disparity aggregate(CalibrationMeasure m, boolean difference) {
        String id = m.id() + (difference ? ".difference" : ".ratio");
        List<Exclusion> excluded = new ArrayList<>();
        GroupKey hiKey = null;
        GroupKey loKey = null;
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        int eligible = 0;
        for (Map.Entry<GroupKey, CalibrationSummary> e : byGroup.entrySet()) {
            CalibrationSummary s = e.getValue();
            MetricValue v = m.of(s);
            if (s.rows() < minGroupSize) {
                excluded.add(new Exclusion(e.getKey(), "n = " + s.rows() + " is below minGroupSize " + minGroupSize));
                continue;
            }
            if (!v.isDefined()) {
                excluded.add(new Exclusion(e.getKey(), m.id() + " is undefined: " + v.reason().orElseThrow()));
                continue;
            }
            eligible++;
            if (v.value() > hi) {
                hi = v.value();
                hiKey = e.getKey();
            }
            if (v.value() < lo) {
                lo = v.value();
                loKey = e.getKey();
            }
        }
        if (eligible < 2) {
            return Disparity.of(id, MetricValue.undefined("needs at least two groups with a defined value, has "
                    + eligible), List.of(), excluded);
        }
        if (difference) {
            return Disparity.of(id, MetricValue.of(hi - lo), List.of(hiKey, loKey), excluded);
        }
        if (hi == 0) {
            return Disparity.of(id, MetricValue.undefined("every group has " + m.id() + " 0"), List.of(loKey, hiKey),
                    excluded);
        }
        return Disparity.of(id, MetricValue.of(lo / hi), List.of(loKey, hiKey), excluded);
    }

    /** A fixed-width table ({@link Locale#ROOT}): one row per group and one for all rows, then ECE and Brier gaps. */
    @Override
    public String toString() {
        int width = "all rows".length();
        for (GroupKey k : byGroup.keySet()) {
            width = Math.max(width, k.label().length());
        }
        String row = "%-" + width + "s %8s %10s %10s %10s %10s %10s%n";
        StringBuilder b = new StringBuilder("CalibrationReport[").append(configuration).append("]\n");
        b.append(String.format(Locale.ROOT, row, "group", "rows", "weight", "brier", "log_loss", "ece", "mce"));
        for (Map.Entry<GroupKey, CalibrationSummary> e : byGroup.entrySet()) {
            line(b, row, e.getKey().label(), e.getValue());
        }
        line(b, row, "all rows", overall);
        b.append(eceDifference()).append('\n').append(brierDifference()).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String row, String name, CalibrationSummary s) {
        b.append(String.format(Locale.ROOT, row, name, s.rows(), Errors.weight(s.weight()),
                cell(s.brier()), cell(s.logLoss()), cell(s.ece()), cell(s.mce())));
    }

    private static String cell(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }
}
