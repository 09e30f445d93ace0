package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.MissingProfile;
import org.fairkit.core.checks.ProxyScore;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.proportion.ProportionInterval;

/** Judges one data rule ({@link DataMeasure} or {@code min_group_size}) on one data quality report. */
final class DataRuleEvaluator {
    /** The level of the proportion intervals of data rules. */
    static final double LEVEL = 0.95;

    private DataRuleEvaluator() {
    }

    /** One judged cell: a (feature, group), a feature or a group. */
    private record Cell(String label, Optional<GroupKey> group, MetricValue value, Optional<Interval> interval) {
    }

    static List<String> grouping(DataQualityReport report) {
        return report.groups().isEmpty() ? List.of() : report.groups().get(0).features();
    }

    static RuleVerdict evaluate(PolicyRule rule, EvidenceMode mode, DataQualityReport report) {
        List<String> grouping = grouping(report);
        if (rule.measure() instanceof Measure.MinGroupSize) {
            return minGroupSize(rule, mode, grouping, report);
        }
        DataMeasure m = (DataMeasure) rule.measure();
        switch (m.kind()) {
            case MAX_MISSING_RATE:
                return missingRate(rule, mode, grouping, report, m);
            case MAX_PROXY_STRENGTH:
                return proxyStrength(rule, mode, grouping, report, m);
            default:
                return representation(rule, mode, grouping, report, m);
        }
    }

    private static RuleVerdict inconclusive(PolicyRule rule, EvidenceMode mode, List<String> grouping, String why) {
        return new RuleVerdict(rule, mode, grouping, Outcome.INCONCLUSIVE, MetricValue.undefined(why),
                Optional.empty(), List.of(), rule.measure().id() + ": " + why);
    }

    private static Interval wilson(long k, long n) {
        return ProportionInterval.WILSON.interval(k, n, LEVEL);
    }

    private static RuleVerdict missingRate(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            DataQualityReport report, DataMeasure m) {
        if (report.missingValues().isEmpty()) {
            return inconclusive(rule, mode, grouping, "no features were checked (give the feature columns)");
        }
        MissingProfile p = report.missingValues().get();
        List<String> features = m.column().map(List::of).orElse(p.features());
        if (m.column().isPresent() && !p.features().contains(m.column().get())) {
            return inconclusive(rule, mode, grouping, "feature '" + m.column().get() + "' was not checked; checked: "
                    + p.features());
        }
        List<Cell> cells = new ArrayList<>();
        for (String f : features) {
            for (int g = 0; g < p.groups().size(); g++) {
                long k = p.missingCount(f, g);
                int n = p.size(g);
                cells.add(new Cell("'" + f + "' in " + p.groups().get(g).label() + " (" + k + " of " + n + ")",
                        Optional.of(p.groups().get(g)), MetricValue.of((double) k / n), Optional.of(wilson(k, n))));
            }
        }
        return judge(rule, mode, grouping, cells, "missing rate", "Wilson " + pct() + " intervals", List.of());
    }

    private static RuleVerdict proxyStrength(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            DataQualityReport report, DataMeasure m) {
        if (report.proxies().isEmpty()) {
            return inconclusive(rule, mode, grouping, "no features were checked (give the feature columns)");
        }
        List<Cell> cells = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (ProxyScore s : report.proxies()) {
            checked.add(s.feature());
            if (m.column().isEmpty() || m.column().get().equals(s.feature())) {
                cells.add(new Cell("'" + s.feature() + "' (" + s.measure().info().id() + ", " + s.rows() + " rows)",
                        Optional.empty(), s.association(), Optional.empty()));
            }
        }
        if (cells.isEmpty()) {
            return inconclusive(rule, mode, grouping, "feature '" + m.column().orElse("") + "' was not checked; "
                    + "checked: " + checked);
        }
        return judge(rule, mode, grouping, cells, "association", "point estimates: no interval is computed for "
                + "Cramér's V or η", List.of());
    }

    private static RuleVerdict representation(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            DataQualityReport report, DataMeasure m) {
        List<GroupKey> groups = report.groups();
        long n = 0;
        int largest = 0;
        for (int g = 0; g < groups.size(); g++) {
            n += report.size(g);
            if (report.size(g) > report.size(largest)) {
                largest = g;
            }
        }
        if (groups.isEmpty() || n == 0) {
            return inconclusive(rule, mode, grouping, "the data has no rows");
        }
        List<Cell> cells = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        if (m.referenceShares().isEmpty()) {
            long max = report.size(largest);
            for (int g = 0; g < groups.size(); g++) {
                long k = report.size(g);
                Interval pi = wilson(k, k + max);
                Interval ci = new Interval(odds(pi.lower()), odds(pi.upper()), LEVEL, "Wilson interval of n_g / "
                        + "(n_g + n_max), as odds", 0, 0);
                cells.add(new Cell(groups.get(g).label() + " (" + k + " rows against " + max + " in "
                        + groups.get(largest).label() + ")", Optional.of(groups.get(g)), MetricValue.of((double) k / max),
                        Optional.of(ci)));
            }
            return judge(rule, mode, grouping, cells, "rows relative to the largest group", "Wilson " + pct()
                    + " intervals", notJudged);
        }
        double total = m.referenceShares().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            byLabel.put(groups.get(g).label(), g);
            if (m.referenceShares().getOrDefault(groups.get(g).label(), 0.0) == 0) {
                notJudged.add(groups.get(g).label() + " (no reference share)");
            }
        }
        for (Map.Entry<String, Double> e : m.referenceShares().entrySet()) {
            double q = e.getValue() / total;
            if (q == 0) {
                continue;
            }
            Integer g = byLabel.get(e.getKey());
            long k = g == null ? 0 : report.size(g);
            Interval pi = wilson(k, n);
            Interval ci = new Interval(pi.lower() / q, pi.upper() / q, LEVEL, "Wilson interval of n_g / n over the "
                    + "reference share", 0, 0);
            cells.add(new Cell(e.getKey() + " (" + k + " of " + n + " rows against reference share "
                    + RuleEvaluator.fmt(q) + ")", g == null ? Optional.empty() : Optional.of(groups.get(g)),
                    MetricValue.of((double) k / n / q), Optional.of(ci)));
        }
        return judge(rule, mode, grouping, cells, "share relative to the reference", "Wilson " + pct() + " intervals",
                notJudged);
    }

    private static double odds(double p) {
        return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p);
    }

    private static String pct() {
        return Math.round(LEVEL * 100) + "%";
    }

    /** Every cell must meet the rule; the verdict names the cells that do not, and reports the worst cell. */
    private static RuleVerdict judge(PolicyRule rule, EvidenceMode mode, List<String> grouping, List<Cell> cells,
            String what, String evidence, List<String> notJudged) {
        List<String> failed = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        List<GroupKey> failedGroups = new ArrayList<>();
        boolean lowerBound = rule.threshold().operator().lowerBound();
        Cell worst = null;
        for (Cell c : cells) {
            Optional<Interval> ci = c.interval();
            RuleEvaluator.Decision d = RuleEvaluator.decide(rule, mode, c.value(), ci);
            if (ci.isEmpty() && mode.needsInterval() && c.value().isDefined()) {
                d = new RuleEvaluator.Decision(Outcome.INCONCLUSIVE, RuleEvaluator.fmt(c.value().value())
                        + " has no interval (" + evidence + "), and evidence " + mode.id()
                        + " needs one: use evidence point for this rule");
            }
            if (d.outcome() == Outcome.FAIL) {
                failed.add(c.label() + ": " + d.why());
                c.group().ifPresent(failedGroups::add);
            } else if (d.outcome() == Outcome.INCONCLUSIVE) {
                inconclusive.add(c.label() + ": " + d.why());
            }
            if (c.value().isDefined() && (worst == null || (lowerBound ? c.value().value() < worst.value().value()
                    : c.value().value() > worst.value().value()))) {
                worst = c;
            }
        }
        StringBuilder msg = new StringBuilder(rule.measure().id()).append(", ").append(what).append(" judged on ")
                .append(evidence);
        Outcome outcome;
        if (!failed.isEmpty()) {
            outcome = Outcome.FAIL;
            msg.append(": fails for ").append(String.join("; ", failed));
        } else if (!inconclusive.isEmpty() || worst == null) {
            outcome = Outcome.INCONCLUSIVE;
            msg.append(inconclusive.isEmpty() ? ": nothing to judge" : ": inconclusive for "
                    + String.join("; ", inconclusive));
        } else {
            outcome = Outcome.PASS;
            msg.append(": holds for every ").append(cells.size() == 1 ? "cell" : cells.size() + " cells")
                    .append("; the worst, ").append(worst.label()).append(", is ")
                    .append(RuleEvaluator.decide(rule, mode, worst.value(), worst.interval()).why());
        }
        if (!notJudged.isEmpty()) {
            msg.append("; not judged: ").append(String.join(", ", notJudged));
        }
        MetricValue value = worst == null ? MetricValue.undefined("no cell has a defined value") : worst.value();
        Optional<Interval> ci = worst == null ? Optional.empty() : worst.interval();
        List<GroupKey> responsible = !failed.isEmpty() ? failedGroups
                : worst == null ? List.of() : worst.group().map(List::of).orElse(List.of());
        return new RuleVerdict(rule, mode, grouping, outcome, value, ci, responsible, msg.toString());
    }

    private static RuleVerdict minGroupSize(PolicyRule rule, EvidenceMode mode, List<String> grouping,
            DataQualityReport report) {
        List<GroupKey> below = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int smallest = -1;
        for (int g = 0; g < report.groups().size(); g++) {
            if (smallest < 0 || report.size(g) < report.size(smallest)) {
                smallest = g;
            }
            if (!rule.threshold().isMetBy(report.size(g))) {
                below.add(report.groups().get(g));
                details.add(report.groups().get(g).label() + " (" + report.size(g) + ")");
            }
        }
        if (smallest < 0) {
            return inconclusive(rule, mode, grouping, "the data has no groups");
        }
        String req = PolicyRule.requirement(rule.threshold());
        String exact = " (exact counts: the evidence mode does not apply)";
        int min = report.size(smallest);
        GroupKey s = report.groups().get(smallest);
        String msg = below.isEmpty()
                ? Measure.MIN_GROUP_SIZE + " = " + min + " " + req + ": the smallest group, " + s.label() + ", has "
                        + min + " rows" + exact
                : Measure.MIN_GROUP_SIZE + " = " + min + " is not " + req + ": " + String.join(", ", details) + exact;
        return new RuleVerdict(rule, mode, grouping, below.isEmpty() ? Outcome.PASS : Outcome.FAIL, MetricValue.of(min),
                Optional.empty(), below.isEmpty() ? List.of(s) : below, msg);
    }
}
