package org.fairkit.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fairkit.core.group.GroupKey;

/**
 * The named fairness metrics: one number each, built from group metrics.
 *
 * <p>Two families:
 * <ul>
 *   <li><b>Between groups</b> (Fairlearn): spreads over all eligible groups, e.g.
 *       {@link #DEMOGRAPHIC_PARITY_DIFFERENCE} = max − min of the selection rate.</li>
 *   <li><b>Against a reference group</b> (AIF360, signed "unprivileged − privileged"), e.g.
 *       {@link #STATISTICAL_PARITY_DIFFERENCE}. With two groups this is exactly AIF360's value, the reference being
 *       the privileged group. With more groups, AIF360 needs one pooled unprivileged group; FairKit instead
 *       compares every other group with the reference and reports the one farthest from parity (largest
 *       absolute difference, or for ratios the largest |log ratio|), naming it. All comparisons are available
 *       from {@code FairnessReport.toReference(metric)}. Without a reference group the value is undefined.</li>
 * </ul>
 */
public enum FairnessMetric {
    /** max − min of the selection rate over groups. */
    DEMOGRAPHIC_PARITY_DIFFERENCE(between("demographic_parity_difference", "Demographic parity difference",
            "max_g SR_g - min_g SR_g", 0, 1, Direction.ZERO_IS_PARITY,
            "Fairlearn demographic_parity_difference(method='between_groups')."),
            Form.SPREAD_DIFFERENCE, Metrics.SELECTION_RATE),
    /** min / max of the selection rate over groups. */
    DEMOGRAPHIC_PARITY_RATIO(between("demographic_parity_ratio", "Demographic parity ratio",
            "min_g SR_g / max_g SR_g", 0, 1, Direction.ONE_IS_PARITY,
            "Fairlearn demographic_parity_ratio(method='between_groups'). The four-fifths rule reads this against "
                    + "0.8."),
            Form.SPREAD_RATIO, Metrics.SELECTION_RATE),
    /** The larger of the TPR and FPR spreads. */
    EQUALIZED_ODDS_DIFFERENCE(between("equalized_odds_difference", "Equalized odds difference",
            "max(max_g TPR_g - min_g TPR_g, max_g FPR_g - min_g FPR_g)", 0, 1, Direction.ZERO_IS_PARITY,
            "Fairlearn equalized_odds_difference(method='between_groups', agg='worst_case'). AIF360's "
                    + "equalized_odds_difference is max(|dFPR|, |dTPR|) against the privileged group, equal for two "
                    + "groups; AIF360's average_odds_difference is the signed mean instead."),
            Form.SPREAD_DIFFERENCE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE),
    /** The smaller of the TPR and FPR ratios. */
    EQUALIZED_ODDS_RATIO(between("equalized_odds_ratio", "Equalized odds ratio",
            "min(min_g TPR_g / max_g TPR_g, min_g FPR_g / max_g FPR_g)", 0, 1, Direction.ONE_IS_PARITY,
            "Fairlearn equalized_odds_ratio(method='between_groups', agg='worst_case')."),
            Form.SPREAD_RATIO, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE),
    /** max − min of the true positive rate. */
    EQUAL_OPPORTUNITY_DIFFERENCE(between("equal_opportunity_difference", "Equal opportunity difference",
            "max_g TPR_g - min_g TPR_g", 0, 1, Direction.ZERO_IS_PARITY,
            "Fairlearn equal_opportunity_difference(method='between_groups'). AIF360's "
                    + "equal_opportunity_difference is the signed TPR_unpriv - TPR_priv: use "
                    + "toReference(TRUE_POSITIVE_RATE)."),
            Form.SPREAD_DIFFERENCE, Metrics.TRUE_POSITIVE_RATE),
    /** min / max of the true positive rate. */
    EQUAL_OPPORTUNITY_RATIO(between("equal_opportunity_ratio", "Equal opportunity ratio",
            "min_g TPR_g / max_g TPR_g", 0, 1, Direction.ONE_IS_PARITY,
            "Fairlearn equal_opportunity_ratio(method='between_groups')."),
            Form.SPREAD_RATIO, Metrics.TRUE_POSITIVE_RATE),
    /** SR(group) − SR(reference). */
    STATISTICAL_PARITY_DIFFERENCE(referenced("statistical_parity_difference", "Statistical parity difference",
            "SR_unpriv - SR_ref", -1, 1, Direction.ZERO_IS_PARITY,
            "AIF360 statistical_parity_difference (= mean_difference), privileged = the reference group."),
            Form.REFERENCE_DIFFERENCE, Metrics.SELECTION_RATE),
    /** SR(group) / SR(reference). */
    DISPARATE_IMPACT(referenced("disparate_impact", "Disparate impact",
            "SR_unpriv / SR_ref", 0, Double.POSITIVE_INFINITY, Direction.ONE_IS_PARITY,
            "AIF360 disparate_impact, privileged = the reference group. Below 0.8 fails the four-fifths rule "
                    + "(EEOC), which needs group sizes and intervals beside it."),
            Form.REFERENCE_RATIO, Metrics.SELECTION_RATE),
    /** ((FPR_g − FPR_ref) + (TPR_g − TPR_ref)) / 2. */
    AVERAGE_ODDS_DIFFERENCE(referenced("average_odds_difference", "Average odds difference",
            "((FPR_unpriv - FPR_ref) + (TPR_unpriv - TPR_ref)) / 2", -1, 1, Direction.ZERO_IS_PARITY,
            "AIF360 average_odds_difference (signed), privileged = the reference group."),
            Form.REFERENCE_DIFFERENCE, Metrics.FALSE_POSITIVE_RATE, Metrics.TRUE_POSITIVE_RATE),
    /** (|FPR_g − FPR_ref| + |TPR_g − TPR_ref|) / 2. */
    AVERAGE_ABS_ODDS_DIFFERENCE(referenced("average_abs_odds_difference", "Average absolute odds difference",
            "(|FPR_unpriv - FPR_ref| + |TPR_unpriv - TPR_ref|) / 2", 0, 1, Direction.ZERO_IS_PARITY,
            "AIF360 average_abs_odds_difference, privileged = the reference group."),
            Form.REFERENCE_ABS_DIFFERENCE, Metrics.FALSE_POSITIVE_RATE,
            Metrics.TRUE_POSITIVE_RATE),
    /** max − min of the positive predictive value. */
    PREDICTIVE_PARITY_DIFFERENCE(between("predictive_parity_difference", "Predictive parity difference",
            "max_g PPV_g - min_g PPV_g", 0, 1, Direction.ZERO_IS_PARITY,
            "Between groups, like Fairlearn's differences (Chouldechova 2017's predictive parity). AIF360 has no "
                    + "such metric; Aequitas' 'ppv disparity' is a ratio to a reference group instead."),
            Form.SPREAD_DIFFERENCE, Metrics.POSITIVE_PREDICTIVE_VALUE),
    /** ERR(group) − ERR(reference). */
    ERROR_RATE_DIFFERENCE(referenced("error_rate_difference", "Error rate difference",
            "ERR_unpriv - ERR_ref", -1, 1, Direction.ZERO_IS_PARITY,
            "AIF360 error_rate_difference, privileged = the reference group."),
            Form.REFERENCE_DIFFERENCE, Metrics.ERROR_RATE);

    private final MetricInfo info;
    private final Form form;
    private final List<Metrics> components;

    FairnessMetric(MetricInfo info, Form form, Metrics... components) {
        this.info = info;
        this.form = form;
        this.components = List.of(components);
    }

    /**
     * How a named fairness metric is built from its component group metrics; interval estimators read it to build
     * the family of comparisons each value is the extreme of.
     */
    public enum Form {
        /** The largest over components of max − min over eligible groups. */
        SPREAD_DIFFERENCE,
        /** The smallest over components of min / max over eligible groups. */
        SPREAD_RATIO,
        /** Per other group, the mean over components of (group − reference); the group farthest from 0. */
        REFERENCE_DIFFERENCE,
        /** Per other group, the mean over components of |group − reference|; the largest. */
        REFERENCE_ABS_DIFFERENCE,
        /** Per other group, group / reference on the single component; the group with the largest |log ratio|. */
        REFERENCE_RATIO;

        /** @return whether the metric compares each group with a reference group */
        public boolean referenced() {
            return this == REFERENCE_DIFFERENCE || this == REFERENCE_ABS_DIFFERENCE || this == REFERENCE_RATIO;
        }
    }

    private static MetricInfo between(String id, String name, String formula, double lo, double hi,
            Direction direction, String matches) {
        return new MetricInfo(id, name, name + " between all eligible groups (a spread, unsigned).", formula, lo, hi,
                direction, MetricFamily.DISPARITY, EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS),
                "fewer than two groups have a defined value; ratios also when the largest value is 0",
                List.of(), "Hardt, Price & Srebro 2016; Fairlearn", matches,
                "A single number hides which groups differ: read it with the per-group table and intervals.", 1);
    }

    private static MetricInfo referenced(String id, String name, String formula, double lo, double hi,
            Direction direction, String matches) {
        Set<Requirement> needs = EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS, Requirement.REFERENCE_GROUP);
        return new MetricInfo(id, name, name + " of each group against the reference (privileged) group; the "
                + "group farthest from parity is reported.", formula, lo, hi, direction, MetricFamily.DISPARITY,
                needs, "no reference group is set, the reference value is undefined (or 0 for ratios), or no other "
                        + "group has a defined value", List.of(), "Bellamy et al. 2018 (AIF360)", matches,
                "Depends on the choice of reference group.", 1);
    }

    /** @return the metric's metadata */
    public MetricInfo info() {
        return info;
    }

    /** @return the metric's id */
    public String id() {
        return info.id();
    }

    /** @return how the metric is built from its components */
    public Form form() {
        return form;
    }

    /** @return the group metrics it is built from, in formula order */
    public List<Metrics> components() {
        return components;
    }

    /** @return whether the metric needs a reference group */
    public boolean needsReference() {
        return info.requires().contains(Requirement.REFERENCE_GROUP);
    }

    /**
     * Computes the metric.
     *
     * @param values each group metric's values across groups
     * @param reference the index of the reference group, if any
     */
    public Disparity compute(Function<Metrics, GroupValues> values, OptionalInt reference) {
        Disparity d;
        if (form.referenced()) {
            d = vsReference(values, reference);
        } else {
            d = null;
            for (Metrics c : components) {
                GroupValues v = values.apply(c);
                Disparity next = form == Form.SPREAD_DIFFERENCE ? v.difference() : v.ratio();
                d = d == null ? next : worst(d, next, form == Form.SPREAD_DIFFERENCE);
            }
        }
        return new Disparity(info.id(), d.value(), d.groups(), d.excluded(), d.interval());
    }

    /**
     * The family a reference metric picks its headline from: for each group other than the reference, the metric
     * of that group against the reference, in group order; excluded groups (small, undefined) give an undefined
     * value that says why. Groups are {@code (group, reference)}.
     *
     * @param values each group metric's values across groups
     * @param reference the index of the reference group, if any
     * @return the comparisons, empty when the metric is not a reference metric, no reference is set, or the
     *     reference itself is excluded (then {@link #compute} says why)
     */
    public List<Disparity> compareEach(Function<Metrics, GroupValues> values, OptionalInt reference) {
        if (!form.referenced() || reference.isEmpty()) {
            return List.of();
        }
        Comparisons c = comparisons(values, reference.getAsInt());
        return c.undefined != null ? List.of() : c.each;
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if unknown
     */
    public static FairnessMetric byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (FairnessMetric m : values()) {
            if (m.info.id().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown fairness metric id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(FairnessMetric::id).collect(Collectors.joining(", ")));
    }

    private static Disparity worst(Disparity a, Disparity b, boolean larger) {
        List<Exclusion> excluded = new ArrayList<>(a.excluded());
        for (Exclusion e : b.excluded()) {
            if (!excluded.contains(e)) {
                excluded.add(e);
            }
        }
        if (!a.isDefined()) {
            return Disparity.of("", MetricValue.undefined(a.id() + " is undefined: " + a.value().reason().orElseThrow()),
                    List.of(), excluded);
        }
        if (!b.isDefined()) {
            return Disparity.of("", MetricValue.undefined(b.id() + " is undefined: " + b.value().reason().orElseThrow()),
                    List.of(), excluded);
        }
        boolean pickA = larger ? a.asDouble() >= b.asDouble() : a.asDouble() <= b.asDouble();
        Disparity w = pickA ? a : b;
        return Disparity.of("", w.value(), w.groups(), excluded);
    }

    /** The comparison of every other group with the reference, or why there is none. */
    private static final class Comparisons {
        final List<Disparity> each = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();
        Disparity undefined;
    }

    private Comparisons comparisons(Function<Metrics, GroupValues> values, int ref) {
        String id = info.id();
        Comparisons out = new Comparisons();
        List<GroupValues> comps = new ArrayList<>();
        for (Metrics m : components) {
            comps.add(values.apply(m));
        }
        List<GroupKey> groups = comps.get(0).groups();
        GroupKey refKey = groups.get(ref);
        for (GroupValues c : comps) {
            String r = c.exclusionReason(ref);
            if (r != null) {
                out.undefined = Disparity.of(id, MetricValue.undefined("reference group " + refKey.label() + ": " + r),
                        List.of(refKey), List.of());
                return out;
            }
        }
        if (form == Form.REFERENCE_RATIO && comps.get(0).value(ref).value() == 0) {
            MetricValue z = comps.get(0).zeroDivided("the reference group " + refKey.label() + " has "
                    + comps.get(0).metricId() + " 0");
            out.undefined = Disparity.of(id, z, List.of(refKey), List.of());
            return out;
        }
        for (int g = 0; g < groups.size(); g++) {
            if (g == ref) {
                continue;
            }
            String reason = null;
            for (GroupValues c : comps) {
                reason = reason != null ? reason : c.exclusionReason(g);
            }
            List<GroupKey> pair = List.of(groups.get(g), refKey);
            if (reason != null) {
                out.each.add(Disparity.of(id, MetricValue.undefined(reason), pair, List.of()));
                out.scores.add(Double.NaN);
                continue;
            }
            double value;
            double score;
            if (form == Form.REFERENCE_RATIO) {
                value = comps.get(0).value(g).value() / comps.get(0).value(ref).value();
                score = value == 0 ? Double.POSITIVE_INFINITY : Math.abs(Math.log(value));
            } else {
                double sum = 0;
                for (GroupValues c : comps) {
                    double d = c.value(g).value() - c.value(ref).value();
                    sum += form == Form.REFERENCE_ABS_DIFFERENCE ? Math.abs(d) : d;
                }
                value = sum / comps.size();
                score = Math.abs(value);
            }
            out.each.add(Disparity.of(id, MetricValue.of(value), pair, List.of()));
            out.scores.add(score);
        }
        return out;
    }

    /** Each other group against the reference; the group farthest from parity is reported. */
    private Disparity vsReference(Function<Metrics, GroupValues> values, OptionalInt reference) {
        String id = info.id();
        if (reference.isEmpty()) {
            return Disparity.of(id, MetricValue.undefined("needs a reference group; set one with reference(...)"),
                    List.of(), List.of());
        }
        int ref = reference.getAsInt();
        Comparisons c = comparisons(values, ref);
        if (c.undefined != null) {
            return c.undefined;
        }
        List<Exclusion> excluded = new ArrayList<>();
        int worst = -1;
        for (int k = 0; k < c.each.size(); k++) {
            Disparity d = c.each.get(k);
            if (!d.isDefined()) {
                excluded.add(new Exclusion(d.groups().get(0), d.value().reason().orElseThrow()));
            } else if (worst < 0 || c.scores.get(k) > c.scores.get(worst)) {
                worst = k;
            }
        }
        GroupKey refKey = values.apply(components.get(0)).groups().get(ref);
        if (worst < 0) {
            return Disparity.of(id, MetricValue.undefined("no group other than the reference has a defined value"),
                    List.of(refKey), excluded);
        }
        Disparity w = c.each.get(worst);
        return Disparity.of(id, w.value(), w.groups(), excluded);
    }
}
