package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * Judges one rule on one {@link TaskReport} of any task: disparities (named or aggregates) on the value and interval
 * {@link TaskReport#disparity(String)} gives, group metrics in every group on {@link TaskReport#values(String)} and
 * {@link TaskReport#groupInterval(String, GroupKey)}, {@code min_group_size} on {@link TaskReport#sizes()}. The
 * decision itself is {@link RuleEvaluator#decide}, the same for every report.
 */
final class TaskRuleEvaluator {
    private TaskRuleEvaluator() {
    }

    static RuleVerdict evaluate(PolicyRule rule, EvidenceMode mode, TaskReport report) {
        List<String> grouping = report.groupBy();
        Measure m = rule.measure();
        if (m instanceof Measure.MinGroupSize) {
            return minGroupSize(rule, mode, grouping, report);
        }
        if (m instanceof Measure.Regression) {
            String why = PolicyErrors.regressionNeedsCounts(rule.expression());
            return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE, MetricValue.undefined(why),
                    Optional.empty(), List.of(), why);
        }
        if (m instanceof Measure.EveryGroup || m instanceof Measure.TaskEveryGroup) {
            Optional<GroupValues> values = report.values(m.reportId());
            return values.isPresent() ? everyGroup(rule, mode, grouping, report, values.get())
                    : missing(rule, mode, grouping, PolicyErrors.noMetric(m.reportId(), report.task().id(),
                            report.metricIds()));
        }
        Optional<Disparity> d = report.disparity(m.reportId());
        if (d.isEmpty()) {
            return missing(rule, mode, grouping, PolicyErrors.noMetric(m.reportId(), report.task().id(),
                    report.disparityIds()));
        }
        return RuleEvaluator.scalar(rule, mode, grouping, d.get());
    }

    private static RuleVerdict missing(PolicyRule rule, EvidenceMode mode, List<String> grouping, String why) {
        return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE, MetricValue.undefined(why),
                Optional.empty(), List.of(), rule.measure().id() + ": " + why);
    }

    /** Every group not marked small must meet the rule, each judged on its own interval where it has one. */
    private static RuleVerdict everyGroup(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            TaskReport report, GroupValues values) {
        List<GroupKey> failed = new ArrayList<>();
        List<GroupKey> inconclusive = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<Exclusion> small = new ArrayList<>();
        GroupKey worst = null;
        MetricValue worstValue = null;
        boolean lowerBound = rule.threshold().operator().lowerBound();
        for (int g = 0; g < values.groups().size(); g++) {
            GroupKey k = values.groups().get(g);
            Optional<String> tooSmall = values.smallReason(g);
            if (tooSmall.isPresent()) {
                small.add(new Exclusion(k, tooSmall.get()));
                continue;
            }
            MetricValue v = values.value(g);
            RuleEvaluator.Decision d = RuleEvaluator.decide(rule, mode, v, report.groupInterval(values.metricId(), k));
            if (d.outcome() == Outcome.FAIL) {
                failed.add(k);
                details.add(k.label() + " " + d.why());
            } else if (d.outcome() == Outcome.INCONCLUSIVE) {
                inconclusive.add(k);
                details.add(k.label() + " " + d.why());
            }
            if (v.isDefined() && (worstValue == null
                    || (lowerBound ? v.value() < worstValue.value() : v.value() > worstValue.value()))) {
                worst = k;
                worstValue = v;
            }
        }
        StringBuilder msg = new StringBuilder(rule.measure().id()).append(" in every group");
        Outcome outcome;
        List<GroupKey> responsible;
        Optional<Interval> ci = worst == null ? Optional.empty() : report.groupInterval(values.metricId(), worst);
        if (!failed.isEmpty()) {
            outcome = Outcome.FAIL;
            responsible = failed;
            msg.append(": fails in ").append(String.join("; ", details));
        } else if (!inconclusive.isEmpty() || worst == null) {
            outcome = Outcome.INCONCLUSIVE;
            responsible = inconclusive;
            msg.append(inconclusive.isEmpty() ? ": no group large enough to judge"
                    : ": inconclusive in " + String.join("; ", details));
        } else {
            outcome = Outcome.PASS;
            responsible = List.of(worst);
            msg.append(": holds in every group; the ").append(lowerBound ? "lowest" : "highest").append(", ")
                    .append(worst.label()).append(", is ").append(RuleEvaluator.decide(rule, mode, worstValue, ci)
                            .why());
        }
        RuleEvaluator.appendExclusions(msg, small);
        MetricValue value = worstValue != null ? worstValue : MetricValue.undefined("no group has a defined value");
        return new RuleVerdict(rule, mode, grouping, outcome, value, ci, responsible, msg.toString());
    }

    private static RuleVerdict minGroupSize(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            TaskReport report) {
        String unit = report.task() == org.fairkit.core.Task.RANKING ? "items" : "rows";
        GroupKey smallest = null;
        long min = Long.MAX_VALUE;
        List<GroupKey> below = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int g = 0; g < report.groups().size(); g++) {
            long n = report.sizes().get(g);
            GroupKey k = report.groups().get(g);
            if (n < min) {
                min = n;
                smallest = k;
            }
            if (!rule.threshold().isMetBy(n)) {
                below.add(k);
                details.add(k.label() + " (" + n + ")");
            }
        }
        if (smallest == null) {
            return missing(rule, mode, grouping, "the report has no groups");
        }
        String req = PolicyRule.requirement(rule.threshold());
        String exact = " (exact counts: the evidence mode does not apply)";
        String msg = below.isEmpty()
                ? Measure.MIN_GROUP_SIZE + " = " + min + " " + req + ": the smallest group, " + smallest.label()
                        + ", has " + min + " " + unit + exact
                : Measure.MIN_GROUP_SIZE + " = " + min + " is not " + req + ": " + String.join(", ", details) + exact;
        return new RuleVerdict(rule, mode, grouping, below.isEmpty() ? Outcome.PASS : Outcome.FAIL,
                MetricValue.of(min), Optional.empty(), below.isEmpty() ? List.of(smallest) : below, msg);
    }
}
