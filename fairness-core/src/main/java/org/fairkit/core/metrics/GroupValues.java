package org.fairkit.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.group.GroupKey;

/**
 * One group metric's value in every group, plus the overall value, and the aggregates over groups.
 *
 * <p>Aggregates use the <em>eligible</em> groups: those not marked small and whose value is defined; the
 * others are listed as {@link Exclusion}s of each result. Definitions (Fairlearn {@code MetricFrame}):
 * <ul>
 *   <li>{@link #difference()}: max − min over groups ({@code difference(method="between_groups")}).</li>
 *   <li>{@link #ratio()}: min / max ({@code ratio(method="between_groups")}).</li>
 *   <li>{@link #differenceToOverall()}: max over groups of |group − overall|
 *       ({@code difference(method="to_overall")}).</li>
 *   <li>{@link #ratioToOverall()}: min over groups of min(group / overall, overall / group)
 *       ({@code ratio(method="to_overall")}).</li>
 *   <li>{@link #toReference(int)}: each group − reference and group / reference (AIF360, Aequitas).</li>
 * </ul>
 * A difference or ratio needs at least two eligible groups; fewer give an undefined value with the reason
 * (Fairlearn returns 0 for a single group). A zero denominator in a ratio follows the {@link ZeroDivision}
 * policy. Ratios need non-negative values.
 */
public final class GroupValues {
    private final String metricId;
    private final List<GroupKey> groups;
    private final List<MetricValue> values;
    private final List<String> smallReasons;
    private final MetricValue overall;
    private final ZeroDivision zeroDivision;

    /**
     * @param metricId the group metric's id
     * @param groups the groups
     * @param values each group's value
     * @param smallReasons per group, why it is too small for aggregates, or {@code null} when it is eligible
     * @param overall the value over all rows
     * @param zeroDivision what a zero denominator in a ratio gives
     */
    public GroupValues(String metricId, List<GroupKey> groups, List<MetricValue> values, List<String> smallReasons,
            MetricValue overall, ZeroDivision zeroDivision) {
        this.metricId = Objects.requireNonNull(metricId, "metricId");
        this.groups = List.copyOf(groups);
        this.values = List.copyOf(values);
        this.smallReasons = Collections.unmodifiableList(new ArrayList<>(smallReasons));
        this.overall = Objects.requireNonNull(overall, "overall");
        this.zeroDivision = Objects.requireNonNull(zeroDivision, "zeroDivision");
        if (values.size() != groups.size() || smallReasons.size() != groups.size()) {
            throw new IllegalArgumentException("need one value and one size flag per group");
        }
    }

    /** @return the metric id */
    public String metricId() {
        return metricId;
    }

    /** @return the groups */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return group {@code g}'s value */
    public MetricValue value(int g) {
        return values.get(g);
    }

    /** @return the overall value */
    public MetricValue overall() {
        return overall;
    }

    /**
     * @return why group {@code g} is too small for aggregates (below the report's minimum group size), empty when it
     *     is not marked small (its value may still be undefined: {@link #exclusionReason(int)})
     */
    public java.util.Optional<String> smallReason(int g) {
        return java.util.Optional.ofNullable(smallReasons.get(g));
    }

    /** @return why group {@code g} is left out of aggregates, or {@code null} if it is not */
    public String exclusionReason(int g) {
        if (smallReasons.get(g) != null) {
            return smallReasons.get(g);
        }
        return values.get(g).reason().map(r -> metricId + " is undefined: " + r).orElse(null);
    }

    private List<Exclusion> exclusions(int skip) {
        List<Exclusion> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String r = exclusionReason(g);
            if (g != skip && r != null) {
                out.add(new Exclusion(groups.get(g), r));
            }
        }
        return out;
    }

    private List<Integer> eligible() {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (exclusionReason(g) == null) {
                out.add(g);
            }
        }
        return out;
    }

    private MetricValue tooFew(int have) {
        return MetricValue.undefined("needs at least two groups with a defined value, has " + have);
    }

    MetricValue zeroDivided(String reason) {
        switch (zeroDivision) {
            case ZERO:
                return MetricValue.of(0.0);
            case ERROR:
                throw new UndefinedMetricException(metricId + ": " + reason);
            default:
                return MetricValue.undefined(reason);
        }
    }

    /** @return max − min over eligible groups; groups are (argmax, argmin) */
    public Disparity difference() {
        return extremes(metricId + ".difference", false);
    }

    /** @return min / max over eligible groups; groups are (argmin, argmax) */
    public Disparity ratio() {
        return extremes(metricId + ".ratio", true);
    }

    private Disparity extremes(String id, boolean ratio) {
        List<Integer> ok = eligible();
        List<Exclusion> excluded = exclusions(-1);
        if (ok.size() < 2) {
            return Disparity.of(id, tooFew(ok.size()), List.of(), excluded);
        }
        int min = ok.get(0);
        int max = ok.get(0);
        for (int g : ok) {
            if (values.get(g).value() < values.get(min).value()) {
                min = g;
            }
            if (values.get(g).value() > values.get(max).value()) {
                max = g;
            }
        }
        double lo = values.get(min).value();
        double hi = values.get(max).value();
        if (!ratio) {
            return Disparity.of(id, MetricValue.of(hi - lo), List.of(groups.get(max), groups.get(min)), excluded);
        }
        List<GroupKey> pair = List.of(groups.get(min), groups.get(max));
        if (lo < 0) {
            return Disparity.of(id, MetricValue.undefined("a ratio needs non-negative values, "
                    + groups.get(min).label() + " has " + lo), pair, excluded);
        }
        if (hi == 0) {
            return Disparity.of(id, zeroDivided("every group has " + metricId + " 0"), pair, excluded);
        }
        return Disparity.of(id, MetricValue.of(lo / hi), pair, excluded);
    }

    /** The shared undefined cases of the to-overall aggregates, or {@code null} when they are defined. */
    private Disparity undefinedToOverall(String id, List<Integer> ok, List<Exclusion> excluded) {
        if (!overall.isDefined()) {
            return Disparity.of(id, MetricValue.undefined("the overall value is undefined: "
                    + overall.reason().orElseThrow()), List.of(), excluded);
        }
        if (ok.isEmpty()) {
            return Disparity.of(id, MetricValue.undefined("no group has a defined value"), List.of(), excluded);
        }
        return null;
    }

    /** @return max over eligible groups of |group − overall|; groups is the group attaining it */
    public Disparity differenceToOverall() {
        String id = metricId + ".difference_to_overall";
        List<Integer> ok = eligible();
        List<Exclusion> excluded = exclusions(-1);
        Disparity undefined = undefinedToOverall(id, ok, excluded);
        if (undefined != null) {
            return undefined;
        }
        int worst = ok.get(0);
        double o = overall.value();
        for (int g : ok) {
            if (Math.abs(values.get(g).value() - o) > Math.abs(values.get(worst).value() - o)) {
                worst = g;
            }
        }
        return Disparity.of(id, MetricValue.of(Math.abs(values.get(worst).value() - o)),
                List.of(groups.get(worst)), excluded);
    }

    /** @return min over eligible groups of min(group / overall, overall / group); groups is the group attaining it */
    public Disparity ratioToOverall() {
        String id = metricId + ".ratio_to_overall";
        List<Integer> ok = eligible();
        List<Exclusion> excluded = exclusions(-1);
        Disparity undefined = undefinedToOverall(id, ok, excluded);
        if (undefined != null) {
            return undefined;
        }
        double o = overall.value();
        if (o < 0) {
            return Disparity.of(id, MetricValue.undefined("a ratio needs non-negative values, overall is " + o),
                    List.of(), excluded);
        }
        if (o == 0) {
            return Disparity.of(id, zeroDivided("the overall " + metricId + " is 0"), List.of(), excluded);
        }
        int worst = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int g : ok) {
            double v = values.get(g).value();
            if (v < 0) {
                return Disparity.of(id, MetricValue.undefined("a ratio needs non-negative values, "
                        + groups.get(g).label() + " has " + v), List.of(groups.get(g)), excluded);
            }
            double r = v == 0 ? 0.0 : Math.min(v / o, o / v);
            if (worst < 0 || r < best) {
                best = r;
                worst = g;
            }
        }
        return Disparity.of(id, MetricValue.of(best), List.of(groups.get(worst)), excluded);
    }

    /**
     * Each other group against the reference group. Groups too small or with an undefined value get undefined
     * comparisons that say why.
     *
     * @param reference index of the reference group
     */
    public List<ReferenceComparison> toReference(int reference) {
        GroupKey ref = groups.get(reference);
        String refReason = exclusionReason(reference);
        List<ReferenceComparison> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (g == reference) {
                continue;
            }
            String reason = refReason != null ? "reference group " + ref.label() + ": " + refReason
                    : exclusionReason(g);
            if (reason != null) {
                out.add(new ReferenceComparison(groups.get(g), ref, MetricValue.undefined(reason),
                        MetricValue.undefined(reason)));
                continue;
            }
            double v = values.get(g).value();
            double r = values.get(reference).value();
            MetricValue ratio;
            if (v < 0 || r < 0) {
                ratio = MetricValue.undefined("a ratio needs non-negative values");
            } else if (r == 0) {
                ratio = zeroDivided("the reference group " + ref.label() + " has " + metricId + " 0");
            } else {
                ratio = MetricValue.of(v / r);
            }
            out.add(new ReferenceComparison(groups.get(g), ref, MetricValue.of(v - r), ratio));
        }
        return out;
    }
}
