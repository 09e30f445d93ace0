package org.fairkit.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.GroupRow;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;

/**
 * Ranks what a report should worry a decision maker about. The ranking is fixed and documented, so that "the top
 * three concerns" of the executive slides can be defended:
 *
 * <ol>
 *   <li><b>Failed policy rules</b> ({@link PolicyVerdictView.Outcome#FAIL}), in the policy's order: the
 *       organisation's own limits come first.</li>
 *   <li><b>Adverse impact</b>: groups below four-fifths of the comparison group's selection rate
 *       ({@link AdverseImpact}). Robust ones first (the Katz 95% interval of the ratio lies entirely below 0.8),
 *       then by ratio, lowest first.</li>
 *   <li><b>Disparities beyond their threshold</b> ({@link DisparityThreshold}). Robust ones first (the metric's
 *       interval lies entirely outside the acceptable band), then by severity ({@link DisparityThreshold#severity},
 *       how many times the limit), largest first. When adverse impact concerns exist, the selection-rate ratios
 *       ({@code demographic_parity_ratio}, {@code disparate_impact}) are not repeated here.</li>
 *   <li><b>Policy warnings</b> ({@code WARN}, {@code INCONCLUSIVE}), in the policy's order.</li>
 *   <li><b>Undefined fairness metrics</b>: a number that cannot be computed cannot be checked.</li>
 *   <li><b>Small groups</b> (below {@code minGroupSize}), smallest first: their rates are too unstable to judge.</li>
 * </ol>
 *
 * Ties keep the report's order. A concern stating the same finding as a higher-ranked one (the same set of groups
 * and the same magnitude, e.g. {@code equal_opportunity_difference} and {@code equalized_odds_difference} when
 * both are the TPR gap, or a failed policy rule on {@code demographic_parity_ratio} and the four-fifths finding
 * behind it; a policy verdict names only the groups that fail, so its groups need only be among the finding's) is
 * folded into it and listed in {@link Concern#related()}, so the top three are three different findings. A failed
 * policy rule that absorbs a four-fifths finding says it in the finding's plain words ({@link PlainWords}). A report
 * with none of these yields an empty list, and the documents say which checks were run.
 *
 * <p>Content of any other task ({@link ReportContent#forTask}) is ranked the same way without the four-fifths tier,
 * its disparities judged against their {@link TaskThreshold}s, and its small groups those its report leaves out of
 * the aggregates for their size.
 */
public final class Concerns {
    private Concerns() {
    }

    /** @return every concern of the content, ranked */
    public static List<Concern> rank(ReportContent content) {
        if (content.taskReport().isPresent()) {
            return fold(TaskConcerns.rank(content));
        }
        List<Concern> out = new ArrayList<>(failedRules(content));

        AdverseImpact ai = content.adverseImpact();
        List<AdverseImpact.Row> flagged = new ArrayList<>(ai.flagged());
        flagged.sort(Comparator.comparing((AdverseImpact.Row r) -> !robust(r))
                .thenComparingDouble(r -> r.impactRatio().value()));
        String comp = ai.comparisonGroup().map(GroupKey::label).orElse("");
        AdverseImpact.Row compRow = ai.rows().stream().filter(r -> r.status() == AdverseImpact.Status.COMPARISON_GROUP)
                .findFirst().orElse(null);
        for (AdverseImpact.Row r : flagged) {
            StringBuilder d = new StringBuilder("Selection rate ").append(Fmt.num(r.selectionRate().value()))
                    .append(" (n = ").append(Fmt.count(r.rows())).append(") against ")
                    .append(compRow == null ? "?" : Fmt.num(compRow.selectionRate().value())).append(" for ")
                    .append(comp).append(compRow == null ? "" : " (n = " + Fmt.count(compRow.rows()) + ")")
                    .append("; impact ratio ").append(Fmt.num(r.impactRatio().value()))
                    .append(", below the four-fifths line 0.800");
            r.ratioInterval().ifPresent(i -> d.append(", ").append(Fmt.percent(i.level())).append(" interval ")
                    .append(Fmt.interval(i)));
            if (r.fisherTest().pValue().isDefined()) {
                d.append("; Fisher exact p ").append(Fmt.pValue(r.fisherTest().pValue()));
            }
            d.append('.');
            r.shortfall().ifPresent(k -> d.append(' ').append(Fmt.count(k)).append(k == 1 ? " more selection" :
                    " more selections").append(" in ").append(r.group().label())
                    .append(" would reach four-fifths."));
            out.add(new Concern(Concern.Kind.ADVERSE_IMPACT, r.group().label(),
                    PlainWords.adverseImpact(r.group().label(), r.impactRatio().value(), comp),
                    PlainWords.adverseImpactEvidence(r, Optional.ofNullable(compRow), robust(r), r.shortfall()),
                    r.group().label() + " is selected at " + Fmt.num(r.impactRatio().value(), 2)
                            + " times the rate of " + comp,
                    d.toString(), robust(r), List.of(r.group().label(), comp), r.impactRatio().value(), List.of()));
        }

        List<Concern> beyond = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : content.thresholds().entrySet()) {
            FairnessMetric f = e.getKey();
            if (!flagged.isEmpty() && (f == FairnessMetric.DEMOGRAPHIC_PARITY_RATIO
                    || f == FairnessMetric.DISPARATE_IMPACT)) {
                continue;
            }
            Disparity d = content.report().fairness(f);
            DisparityThreshold t = e.getValue();
            if (!t.exceededBy(d.value())) {
                continue;
            }
            boolean robust = d.interval().map(i -> entirelyOutside(i, t)).orElse(false);
            StringBuilder detail = new StringBuilder(f.info().name()).append(" = ").append(Fmt.num(d.asDouble(), 4));
            d.interval().ifPresent(i -> detail.append(", ").append(Fmt.percent(i.level())).append(" interval ")
                    .append(Fmt.interval(i)));
            detail.append("; acceptable: ").append(t.describe());
            if (!d.groups().isEmpty()) {
                detail.append("; between ").append(String.join(" and ", d.groups().stream().map(GroupKey::label)
                        .toList()));
            }
            detail.append(". ").append(f.info().formula()).append('.');
            String between = d.groups().size() == 2 ? " (" + d.groups().get(0).label() + " vs "
                    + d.groups().get(1).label() + ")" : "";
            int digits = 3;
            while (digits < 8 && Fmt.num(Math.abs(d.asDouble()), digits).equals(Fmt.num(t.limit(), digits))) {
                digits++;
            }
            List<String> labels = d.groups().stream().map(GroupKey::label).toList();
            beyond.add(new Concern(Concern.Kind.DISPARITY_BEYOND_THRESHOLD, f.id(),
                    PlainWords.disparity(f, d.asDouble(), labels, t),
                    PlainWords.disparityEvidence(f, d.interval(), robust, t), f.info().name() + " is "
                    + Fmt.num(d.asDouble(), digits) + between + ", beyond the limit " + Fmt.num(t.limit()),
                    detail.toString(),
                    robust,
                    d.groups().stream().map(GroupKey::label).toList(), d.asDouble(), List.of()));
            keys.add(new double[] {robust ? 0 : 1, -t.severity(d.value()), keys.size()});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < beyond.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> keys.get(i)[0]).thenComparingDouble(i -> keys.get(i)[1])
                .thenComparingDouble(i -> keys.get(i)[2]));
        for (int i : order) {
            out.add(beyond.get(i));
        }

        out.addAll(policyWarnings(content));

        for (FairnessMetric f : content.thresholds().keySet()) {
            Disparity d = content.report().fairness(f);
            if (!d.isDefined()) {
                out.add(new Concern(Concern.Kind.UNDEFINED_METRIC, f.id(), PlainWords.undefined(f),
                        PlainWords.undefinedEvidence(), f.info().name() + " could not be computed",
                        "Undefined: " + d.value().reason().orElseThrow()
                                + ". It cannot be checked against its threshold.", false, List.of(), Double.NaN,
                        List.of()));
            }
        }

        List<GroupRow> small = new ArrayList<>(content.report().byGroup().stream().filter(GroupRow::small).toList());
        small.sort(Comparator.comparingLong(GroupRow::rows));
        int min = content.report().results().spec().minGroupSize();
        for (GroupRow r : small) {
            out.add(new Concern(Concern.Kind.SMALL_GROUP, r.group().label(),
                    PlainWords.smallGroup(r.group().label(), r.rows()),
                    PlainWords.smallGroupEvidence(r.group().label(), min), r.group().label() + " has only "
                    + Fmt.count(r.rows()) + (r.rows() == 1 ? " row" : " rows"), "Below the minimum group size "
                            + min + ": its rates are reported but left out of every disparity. Its selection rate is "
                            + Fmt.value(content.report().value(Metrics.SELECTION_RATE, r.group()))
                            + "; conclusions about this group need more data.", false, List.of(r.group().label()),
                    r.rows(), List.of()));
        }
        return fold(out);
    }

    /** @return a concern per failed policy rule, in the policy's order */
    static List<Concern> failedRules(ReportContent content) {
        List<Concern> out = new ArrayList<>();
        for (PolicyVerdictView v : content.verdicts()) {
            if (v.outcome() == PolicyVerdictView.Outcome.FAIL) {
                out.add(new Concern(Concern.Kind.FAILED_POLICY, v.rule(), PlainWords.failedRule(v.rule(), v.value()),
                        PlainWords.policyEvidence(v.groups(), true), v.message().isBlank()
                        ? "Policy rule failed: " + v.rule() : v.message(), "Policy rule " + v.rule() + " failed; value "
                                + Fmt.valueWithInterval(v.value(), v.interval()) + (v.groups().isEmpty() ? ""
                                        : "; groups " + String.join(", ", v.groups())) + ".",
                        false, v.groups(), v.value().isDefined() ? v.value().value() : Double.NaN, List.of()));
            }
        }
        return out;
    }

    /** @return a concern per policy warning or inconclusive rule, in the policy's order */
    static List<Concern> policyWarnings(ReportContent content) {
        List<Concern> out = new ArrayList<>();
        for (PolicyVerdictView v : content.verdicts()) {
            if (v.outcome() == PolicyVerdictView.Outcome.WARN || v.outcome() == PolicyVerdictView.Outcome.INCONCLUSIVE) {
                boolean inconclusive = v.outcome() == PolicyVerdictView.Outcome.INCONCLUSIVE;
                out.add(new Concern(Concern.Kind.POLICY_WARNING, v.rule(),
                        PlainWords.policyWarning(v.rule(), v.value(), inconclusive),
                        PlainWords.policyEvidence(v.groups(), false), (inconclusive
                        ? "Policy rule inconclusive: " : "Policy warning: ")
                        + v.rule(), (v.message().isBlank() ? "" : v.message() + " ") + "Value "
                                + Fmt.valueWithInterval(v.value(), v.interval()) + ".", false, v.groups(),
                        v.value().isDefined() ? v.value().value() : Double.NaN, List.of()));
            }
        }
        return out;
    }

    /** Folds each concern into the first higher-ranked one that states the same finding. */
    private static List<Concern> fold(List<Concern> ranked) {
        List<Concern> out = new ArrayList<>();
        for (Concern c : ranked) {
            int into = -1;
            for (int i = 0; i < out.size() && into < 0; i++) {
                if (c.kind() != Concern.Kind.SMALL_GROUP && out.get(i).kind() != Concern.Kind.SMALL_GROUP
                        && out.get(i).sameFinding(c)) {
                    into = i;
                }
            }
            if (into >= 0) {
                out.set(into, out.get(into).fold(c));
            } else {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static boolean robust(AdverseImpact.Row r) {
        Optional<Interval> i = r.ratioInterval();
        return i.isPresent() && !Threshold.atLeast(AdverseImpact.FOUR_FIFTHS).isMetBy(i.get().upper());
    }

    private static boolean entirelyOutside(Interval i, DisparityThreshold t) {
        return !Threshold.Operator.AT_LEAST.test(i.upper(), t.low())
                || !Threshold.Operator.AT_MOST.test(i.lower(), t.high());
    }
}
