package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.GroupRow;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.FairnessComparison;

/** Judges one rule on one report; the rules are in {@link EvidenceMode} and {@link Policy}. */
final class RuleEvaluator {
    private RuleEvaluator() {
    }

    /** One decision with its explanation. */
    record Decision(Outcome outcome, String why) {
    }

    static RuleVerdict evaluate(PolicyRule rule, EvidenceMode mode, FairnessReport report) {
        return evaluate(rule, mode, report, Optional.empty());
    }

    static RuleVerdict evaluate(PolicyRule rule, EvidenceMode mode, FairnessReport report,
            Optional<GroupResults> baseline) {
        List<String> grouping = report.results().spec().groupBy();
        Measure m = rule.measure();
        if (m instanceof Measure.NamedDisparity || m instanceof Measure.TaskAggregate
                || m instanceof Measure.TaskEveryGroup) {
            return TaskRuleEvaluator.evaluate(rule, mode, report.asTaskReport()); // e.g. roc_auc.difference
        }
        if (m instanceof Measure.Regression r) {
            return regression(rule, mode, grouping, report.results(), baseline, r.metric());
        }
        if (m instanceof Measure.Fairness f) {
            List<Disparity> family = report.fairnessByGroup(f.metric());
            return family.isEmpty() ? scalar(rule, mode, grouping, report.fairness(f.metric()))
                    : family(rule, mode, grouping, report.fairness(f.metric()), family);
        }
        if (m instanceof Measure.Aggregate a) {
            Disparity d;
            switch (a.aggregation()) {
                case DIFFERENCE:
                    d = report.difference(a.metric());
                    break;
                case RATIO:
                    d = report.ratio(a.metric());
                    break;
                case DIFFERENCE_TO_OVERALL:
                    d = report.differenceToOverall(a.metric());
                    break;
                default:
                    d = report.ratioToOverall(a.metric());
            }
            return scalar(rule, mode, grouping, d);
        }
        if (m instanceof Measure.EveryGroup g) {
            return everyGroup(rule, mode, grouping, report, g);
        }
        return minGroupSize(rule, mode, grouping, report);
    }

    static RuleVerdict noMatchingReport(PolicyRule rule, EvidenceMode mode, List<List<String>> available) {
        return new RuleVerdict(rule, mode, List.of(), Outcome.INCONCLUSIVE,
                MetricValue.undefined("no report with this grouping"), Optional.empty(), List.of(),
                PolicyErrors.noMatchingReport(rule.grouping(), available));
    }

    /** The core of every evidence mode: one value, maybe with an interval, against the rule. */
    static Decision decide(PolicyRule rule, EvidenceMode mode, MetricValue value, Optional<Interval> ci) {
        String req = PolicyRule.requirement(rule.threshold());
        if (!value.isDefined()) {
            return new Decision(Outcome.INCONCLUSIVE, "undefined (" + value.reason().orElseThrow() + ")");
        }
        String point = fmt(value.value());
        if (mode == EvidenceMode.POINT) {
            boolean ok = rule.threshold().isMetBy(value.value());
            return new Decision(ok ? Outcome.PASS : Outcome.FAIL, point + (ok ? " " : " is not ") + req
                    + " (point estimate" + ci.map(i -> "; " + level(i) + " interval " + i).orElse("") + ")");
        }
        if (ci.isEmpty()) {
            return new Decision(Outcome.INCONCLUSIVE, point + " has no interval in this report, and evidence "
                    + mode.id() + " needs one: evaluate with intervals(...) or use evidence point");
        }
        Interval i = ci.get();
        boolean lo = rule.threshold().isMetBy(i.lower());
        boolean hi = rule.threshold().isMetBy(i.upper());
        String head = point + ", " + level(i) + " interval " + i + undefinedDraws(i);
        if (mode == EvidenceMode.PASS_IF_INTERVAL_SATISFIES) {
            return lo && hi ? new Decision(Outcome.PASS, head + " lies entirely " + req)
                    : new Decision(Outcome.FAIL, head + (lo || hi ? " straddles " + req
                            + ": compliance not demonstrated" : " lies entirely outside " + req));
        }
        return !lo && !hi ? new Decision(Outcome.FAIL, head + " lies entirely outside " + req
                + ": violation demonstrated")
                : new Decision(Outcome.PASS, head + (lo && hi ? " lies entirely " + req : " straddles " + req
                        + ": violation not demonstrated"));
    }

    /** The worsening of a fairness metric against the baseline run, judged on its interval like any value. */
    private static RuleVerdict regression(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            GroupResults candidate, Optional<GroupResults> baseline, FairnessMetric metric) {
        if (baseline.isEmpty()) {
            String why = PolicyErrors.noBaseline(rule.expression());
            return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE, MetricValue.undefined("no baseline"),
                    Optional.empty(), List.of(), why);
        }
        GroupResults base = baseline.get();
        String missing = !base.fairnessMetrics().containsKey(metric) ? "the baseline"
                : !candidate.fairnessMetrics().containsKey(metric) ? "this run" : null;
        if (missing != null) {
            String why = missing + " did not compute " + metric.id() + ": add it to the evaluated fairness metrics";
            return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE, MetricValue.undefined(why),
                    Optional.empty(), List.of(), rule.measure().id() + ": " + why);
        }
        FairnessComparison.Change c = FairnessComparison.of(base, candidate).fairness(metric).orElseThrow();
        Decision decision = decide(rule, mode, c.worsening(), c.worseningInterval());
        String from = c.baseline().isDefined() ? fmt(c.baseline().value()) : "undefined";
        String to = c.candidate().isDefined() ? fmt(c.candidate().value()) : "undefined";
        String msg = rule.measure().id() + ": " + metric.id() + " moved from " + from + " (baseline) to " + to
                + "; worsening (distance from parity, positive = less fair) = " + decision.why();
        return new RuleVerdict(rule, mode, grouping, decision.outcome(), c.worsening(), c.worseningInterval(),
                candidate.fairness(metric).groups(), msg);
    }

    static RuleVerdict scalar(PolicyRule rule, EvidenceMode mode, List<String> grouping, Disparity d) {
        Decision decision = decide(rule, mode, d.value(), d.interval());
        StringBuilder msg = new StringBuilder(rule.measure().id()).append(" = ").append(decision.why());
        if (!d.groups().isEmpty()) {
            msg.append("; groups ").append(labels(d.groups(), " vs "));
        }
        appendExclusions(msg, d.excluded());
        return new RuleVerdict(rule, mode, grouping, decision.outcome(), d.value(), d.interval(), d.groups(),
                msg.toString());
    }

    /**
     * A metric against a reference group is judged on every group's comparison, each with its simultaneous
     * interval, not only on the headline's worst group: {@code disparate_impact >= 0.8} fails when any group's ratio
     * fails, although the headline (the group farthest from parity in log terms) may be a group above parity.
     */
    private static RuleVerdict family(PolicyRule rule, EvidenceMode mode, List<String> grouping, Disparity headline,
            List<Disparity> family) {
        List<GroupKey> failed = new ArrayList<>();
        List<GroupKey> inconclusive = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<Exclusion> left = new ArrayList<>();
        for (Disparity c : family) {
            GroupKey g = c.groups().get(0);
            if (!c.isDefined()) {
                left.add(new Exclusion(g, c.value().reason().orElseThrow()));
                continue;
            }
            Decision d = decide(rule, mode, c.value(), c.interval());
            if (d.outcome() == Outcome.FAIL) {
                failed.add(g);
                details.add(g.label() + " " + d.why());
            } else if (d.outcome() == Outcome.INCONCLUSIVE) {
                inconclusive.add(g);
                details.add(g.label() + " " + d.why());
            }
        }
        String ref = headline.groups().isEmpty() ? "the reference" : headline.groups().get(
                headline.groups().size() - 1).label();
        StringBuilder msg = new StringBuilder(rule.measure().id()).append(" = ")
                .append(headline.isDefined() ? fmt(headline.asDouble()) : "undefined").append(", judged for every group "
                        + "against ").append(ref);
        Outcome outcome;
        List<GroupKey> responsible;
        if (!failed.isEmpty()) {
            outcome = Outcome.FAIL;
            responsible = failed;
            msg.append(": fails for ").append(String.join("; ", details));
        } else if (!inconclusive.isEmpty() || !headline.isDefined()) {
            outcome = Outcome.INCONCLUSIVE;
            responsible = inconclusive;
            msg.append(inconclusive.isEmpty() ? ": no group has a defined comparison"
                    : ": inconclusive for " + String.join("; ", details));
        } else {
            outcome = Outcome.PASS;
            responsible = headline.groups();
            msg.append(": holds for every group; the farthest from parity, ").append(headline.groups().get(0).label())
                    .append(", is ").append(decide(rule, mode, headline.value(), headline.interval()).why());
        }
        if (!failed.isEmpty()) {
            msg.append("; groups ").append(labels(failed, ", ")).append(" vs ").append(ref);
        }
        appendExclusions(msg, left);
        return new RuleVerdict(rule, mode, grouping, outcome, headline.value(), headline.interval(), responsible,
                msg.toString());
    }

    private static RuleVerdict everyGroup(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            FairnessReport report, Measure.EveryGroup g) {
        List<GroupKey> failed = new ArrayList<>();
        List<GroupKey> inconclusive = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<Exclusion> small = new ArrayList<>();
        GroupKey worst = null;
        MetricValue worstValue = null;
        for (GroupRow row : report.byGroup()) {
            GroupKey k = row.group();
            if (row.small()) {
                small.add(new Exclusion(k, "n = " + row.rows() + " is below the report's minimum group size"));
                continue;
            }
            MetricValue v = report.value(g.metric(), k);
            Optional<Interval> ci = report.interval(Estimand.groupValue(g.metric(), k));
            Decision d = decide(rule, mode, v, ci);
            if (d.outcome() == Outcome.FAIL) {
                failed.add(k);
                details.add(k.label() + " " + d.why());
            } else if (d.outcome() == Outcome.INCONCLUSIVE) {
                inconclusive.add(k);
                details.add(k.label() + " " + d.why());
            }
            if (v.isDefined() && (worstValue == null
                    || (rule.threshold().operator().lowerBound() ? v.value() < worstValue.value()
                    : v.value() > worstValue.value()))) {
                worst = k;
                worstValue = v;
            }
        }
        String name = rule.measure().id() + " in every group";
        Outcome outcome;
        List<GroupKey> responsible;
        StringBuilder msg = new StringBuilder(name);
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
            Decision d = decide(rule, mode, worstValue, report.interval(Estimand.groupValue(g.metric(), worst)));
            msg.append(": holds in every group; the ").append(rule.threshold().operator().lowerBound() ? "lowest" : "highest")
                    .append(", ").append(worst.label()).append(", is ").append(d.why());
        }
        appendExclusions(msg, small);
        MetricValue value = worstValue != null ? worstValue
                : MetricValue.undefined("no group has a defined value");
        Optional<Interval> ci = worst == null ? Optional.empty()
                : report.interval(Estimand.groupValue(g.metric(), worst));
        return new RuleVerdict(rule, mode, grouping, outcome, value, ci, responsible, msg.toString());
    }

    private static RuleVerdict minGroupSize(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            FairnessReport report) {
        GroupKey smallest = null;
        long min = Long.MAX_VALUE;
        List<GroupKey> below = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (GroupRow row : report.byGroup()) {
            if (row.rows() < min) {
                min = row.rows();
                smallest = row.group();
            }
            if (!rule.threshold().isMetBy(row.rows())) {
                below.add(row.group());
                details.add(row.group().label() + " (" + row.rows() + ")");
            }
        }
        String req = PolicyRule.requirement(rule.threshold());
        String exact = " (exact counts: the evidence mode does not apply)";
        if (smallest == null) {
            return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE,
                    MetricValue.undefined("the report has no groups"), Optional.empty(), List.of(),
                    Measure.MIN_GROUP_SIZE + ": the report has no groups");
        }
        String msg = below.isEmpty()
                ? Measure.MIN_GROUP_SIZE + " = " + min + " " + req + ": the smallest group, " + smallest.label()
                        + ", has " + min + " rows" + exact
                : Measure.MIN_GROUP_SIZE + " = " + min + " is not " + req + ": " + String.join(", ", details) + exact;
        return new RuleVerdict(rule, mode, grouping, below.isEmpty() ? Outcome.PASS : Outcome.FAIL,
                MetricValue.of(min), Optional.empty(), below.isEmpty() ? List.of(smallest) : below, msg);
    }

    static void appendExclusions(StringBuilder msg, List<Exclusion> excluded) {
        if (!excluded.isEmpty()) {
            msg.append("; ").append(excluded.size()).append(excluded.size() == 1 ? " group" : " groups")
                    .append(" left out: ").append(String.join("; ", excluded.stream().map(Exclusion::toString)
                            .toList()));
        }
    }

    static String labels(List<GroupKey> groups, String sep) {
        return String.join(sep, groups.stream().map(GroupKey::label).toList());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String level(Interval i) {
        String s = String.format(Locale.ROOT, "%.1f", 100 * i.level());
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    private static String undefinedDraws(Interval i) {
        return i.undefinedDraws() == 0 ? "" : " (" + i.undefinedDraws() + " of " + i.draws()
                + " draws undefined, left out)";
    }
}
