package org.fairkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.GroupResults;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.bayes.PosteriorSampler;
import org.fairkit.stats.correction.Correction;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.proportion.ComparisonInterval;
import org.fairkit.stats.proportion.Mover;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.fairkit.stats.simultaneous.SimultaneousIntervals;
import org.fairkit.stats.tests.TestResult;

/**
 * How a candidate run differs from a baseline run: for every group metric in every group (and over all rows) and
 * every named fairness metric, the change {@code candidate − baseline} with its interval, a p-value, and whether the
 * change is beyond chance after a multiple-comparison correction over the whole family.
 *
 * <pre>{@code
 * FairnessComparison c = FairnessComparison.of(baseline.results(), candidate.results());   // 95%, Holm
 * FairnessComparison.Change dp = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow();
 * dp.change();  dp.interval();  dp.beyondChance();  dp.worsening();   // worsening: farther from parity
 * }</pre>
 *
 * <p>The two runs are <b>independent samples</b> (two model versions on two data sets, two monitor windows), so
 * everything is computed from their counts alone:
 * <ul>
 *   <li><b>A group's (or the overall) rate</b> with a fixed numerator and denominator (selection rate, TPR, FPR,
 *       PPV, accuracy, ...): Newcombe's hybrid score interval for {@code p_candidate − p_baseline} (Newcombe 1998,
 *       Stat. Med. 17:873–890, method 10), tested by the two-proportion z test, or Fisher's exact test when an
 *       expected count of the 2x2 table is below 5 (as {@link GroupComparisons}).</li>
 *   <li><b>A named fairness metric</b> (an extreme over groups): each run's closed-form simultaneous interval
 *       ({@link SimultaneousIntervals#closedForm}, valid for extremes where a bootstrap is not), combined by MOVER
 *       (Zou &amp; Donner 2008, Stat. Med. 27:1693–1702) into an interval for the difference; its p-value is the
 *       test inversion: the smallest {@code α} at which the {@code 1 − α} interval excludes 0 (found by
 *       bisection).</li>
 * </ul>
 * Every defined p-value of the family (group changes and fairness changes together) enters one correction
 * ({@link MultipleTesting#HOLM} by default, at {@code α = 1 − level}); a change is <em>beyond chance</em> when the
 * correction rejects it. Weighted data and metrics without a fixed numerator and denominator have no closed form:
 * their change is given without interval or test, and the reason says so, never a silent NaN.
 *
 * <p>For fairness metrics {@link Change#worsening()} is the change of the distance from parity ({@code |x|} for
 * metrics whose parity is 0, {@code |1 − x|} for ratios), positive when the candidate is less fair, with a MOVER
 * interval from each run's distance interval: what a {@code max_regression} policy rule judges.
 */
public final class FairnessComparison {
    private final double level;
    private final MultipleTesting method;
    private final List<Change> changes;

    private FairnessComparison(double level, MultipleTesting method, List<Change> changes) {
        this.level = level;
        this.method = method;
        this.changes = List.copyOf(changes);
    }

    /** What a change is of. */
    public enum Kind {
        /** A group metric in one group. */
        GROUP_VALUE,
        /** A group metric over all rows. */
        OVERALL_VALUE,
        /** A named fairness metric. */
        FAIRNESS_METRIC
    }

    /**
     * One compared quantity.
     *
     * @param kind what it is of
     * @param metric the metric's catalog id
     * @param group the group ({@link Kind#GROUP_VALUE} only)
     * @param baseline the baseline's value
     * @param candidate the candidate's value
     * @param change {@code candidate − baseline}, undefined when either is
     * @param interval the interval of the change at the comparison's level, when one exists
     * @param pValue the test's p-value, or undefined with the reason
     * @param adjustedPValue the p-value after the family's correction, or undefined with the reason
     * @param beyondChance whether the correction rejects "no change"
     * @param worsening for a fairness metric, the change of the distance from parity (positive: less fair);
     *     undefined for group values, which have no parity
     * @param worseningInterval its interval at the comparison's level, when one exists
     * @param method how the interval and test were computed, or why there are none
     */
    public record Change(Kind kind, String metric, Optional<GroupKey> group, MetricValue baseline,
            MetricValue candidate, MetricValue change, Optional<Interval> interval, MetricValue pValue,
            MetricValue adjustedPValue, boolean beyondChance, MetricValue worsening,
            Optional<Interval> worseningInterval, String method) {
        /** Checks that every part is present. */
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(pValue, "pValue");
            Objects.requireNonNull(adjustedPValue, "adjustedPValue");
            Objects.requireNonNull(worsening, "worsening");
            Objects.requireNonNull(worseningInterval, "worseningInterval");
            Objects.requireNonNull(method, "method");
        }

        /** @return where the change is: the group's label, {@code all rows}, or empty for a fairness metric */
        public String where() {
            return switch (kind) {
                case GROUP_VALUE -> group.orElseThrow().label();
                case OVERALL_VALUE -> "all rows";
                case FAIRNESS_METRIC -> "";
            };
        }

        Change adjusted(MetricValue adjusted, boolean rejected) {
            return new Change(kind, metric, group, baseline, candidate, change, interval, pValue, adjusted, rejected,
                    worsening, worseningInterval, method);
        }
    }

    /** Compares at level 0.95 with Holm's correction. */
    public static FairnessComparison of(GroupResults baseline, GroupResults candidate) {
        return of(baseline, candidate, 0.95, MultipleTesting.HOLM);
    }

    /**
     * Compares two runs' results.
     *
     * @param baseline the baseline run's results (the counts matter; any source)
     * @param candidate the candidate run's results
     * @param level the intervals' level, in (0, 1); the correction runs at {@code α = 1 − level}
     * @param correction the multiple-comparison correction over the family of defined p-values
     * @throws IllegalArgumentException if the runs are grouped by different features, or the level is outside (0, 1)
     */
    public static FairnessComparison of(GroupResults baseline, GroupResults candidate, double level,
            MultipleTesting correction) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(correction, "correction");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!baseline.spec().groupBy().equals(candidate.spec().groupBy())) {
            throw new IllegalArgumentException("the runs are grouped differently: baseline by "
                    + baseline.spec().groupBy() + ", candidate by " + candidate.spec().groupBy()
                    + "; compare reports of the same grouping");
        }
        List<Change> raw = new ArrayList<>();
        for (GroupMetric m : baseline.spec().metrics()) {
            if (m == Metrics.COUNT || !candidate.spec().metrics().contains(m)) {
                continue;
            }
            for (GroupKey g : baseline.groups()) {
                if (candidate.groups().contains(g)) {
                    raw.add(rate(Kind.GROUP_VALUE, m, Optional.of(g), baseline.value(m, g), candidate.value(m, g),
                            baseline.counts(g), candidate.counts(g), level));
                }
            }
            raw.add(rate(Kind.OVERALL_VALUE, m, Optional.empty(), baseline.overall(m), candidate.overall(m),
                    baseline.overallCounts(), candidate.overallCounts(), level));
        }
        Map<Estimand, Interval> bAt = SimultaneousIntervals.closedForm(baseline, level).intervals();
        Map<Estimand, Interval> cAt = SimultaneousIntervals.closedForm(candidate, level).intervals();
        for (FairnessMetric f : baseline.fairnessMetrics().keySet()) {
            if (candidate.fairnessMetrics().containsKey(f)) {
                raw.add(fairness(f, baseline, candidate, bAt, cAt, level));
            }
        }
        double alpha = 1 - level;
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).pValue().isDefined()) {
                tested.add(i);
            }
        }
        List<Change> out = new ArrayList<>(raw);
        if (!tested.isEmpty()) {
            double[] p = tested.stream().mapToDouble(i -> raw.get(i).pValue().value()).toArray();
            Correction c = correction.correct(p, alpha);
            for (int k = 0; k < tested.size(); k++) {
                int i = tested.get(k);
                out.set(i, raw.get(i).adjusted(MetricValue.of(c.adjusted()[k]), c.rejected()[k]));
            }
        }
        return new FairnessComparison(level, correction, out);
    }

    private static Change rate(Kind kind, GroupMetric m, Optional<GroupKey> g, MetricValue b, MetricValue c,
            CellCounts bc, CellCounts cc, double level) {
        MetricValue change = difference(b, c);
        MetricValue noWorse = MetricValue.undefined("a group value has no parity to move away from");
        Optional<long[]> bx = PosteriorSampler.rateCounts(m, bc);
        String why = null;
        if (bx.isEmpty()) {
            why = m.id() + " has no fixed numerator and denominator, so no closed form for its change";
        } else if (bc.isWeighted() || cc.isWeighted()) {
            why = "weighted counts: no closed form for the change of a weighted rate";
        }
        if (why != null) {
            MetricValue u = MetricValue.undefined(why);
            return new Change(kind, m.id(), g, b, c, change, Optional.empty(), u, u, false, noWorse, Optional.empty(),
                    why);
        }
        long[] base = bx.get();
        long[] cand = PosteriorSampler.rateCounts(m, cc).orElseThrow();
        if (base[1] == 0 || cand[1] == 0) {
            String w = (base[1] == 0 ? "the baseline" : "the candidate") + " has no rows in " + m.id()
                    + "'s denominator";
            MetricValue u = MetricValue.undefined(w);
            return new Change(kind, m.id(), g, b, c, change, Optional.empty(), u, u, false, noWorse, Optional.empty(),
                    w);
        }
        ComparisonInterval ci = TwoProportionIntervals.newcombeDifference(cand[0], cand[1], base[0], base[1], level);
        TestResult t = GroupComparisons.Builder.test(cand[0], cand[1], base[0], base[1]);
        String method = "Newcombe hybrid score interval of the difference of independent proportions; " + t.method();
        return new Change(kind, m.id(), g, b, c, change, ci.interval(), t.pValue(),
                MetricValue.undefined("not corrected yet"), false, noWorse, Optional.empty(), method);
    }

    private static Change fairness(FairnessMetric f, GroupResults baseline, GroupResults candidate,
            Map<Estimand, Interval> bAt, Map<Estimand, Interval> cAt, double level) {
        Disparity bd = baseline.fairness(f);
        Disparity cd = candidate.fairness(f);
        MetricValue change = difference(bd.value(), cd.value());
        Estimand e = Estimand.fairness(f);
        double parity = f.info().direction() == Direction.ONE_IS_PARITY ? 1 : 0;
        MetricValue worsening = bd.isDefined() && cd.isDefined()
                ? finite(Math.abs(cd.asDouble() - parity) - Math.abs(bd.asDouble() - parity))
                : MetricValue.undefined(change.reason().orElse("undefined"));
        String why = null;
        if (!change.isDefined()) {
            why = change.reason().orElseThrow();
        } else if (!Double.isFinite(bd.asDouble()) || !Double.isFinite(cd.asDouble())) {
            why = "an infinite value (a ratio over a zero rate) has no interval for its change";
        } else if (!bAt.containsKey(e) || !cAt.containsKey(e)) {
            why = "no closed-form interval for " + f.id() + " in the " + (bAt.containsKey(e) ? "candidate" : "baseline")
                    + " (weighted data or a metric without a fixed numerator and denominator)";
        }
        if (why != null) {
            MetricValue u = MetricValue.undefined(why);
            return new Change(Kind.FAIRNESS_METRIC, f.id(), Optional.empty(), bd.value(), cd.value(), change,
                    Optional.empty(), u, u, false, worsening, Optional.empty(), why);
        }
        double b = bd.asDouble();
        double c = cd.asDouble();
        Interval bi = bAt.get(e);
        Interval ci = cAt.get(e);
        double[] diff = Mover.linear(new double[] {1, -1}, new double[] {c, b}, new double[] {ci.lower(), bi.lower()},
                new double[] {ci.upper(), bi.upper()});
        double[] bDist = distance(bi, parity);
        double[] cDist = distance(ci, parity);
        double bd0 = Math.abs(b - parity);
        double cd0 = Math.abs(c - parity);
        double[] worse = Mover.linear(new double[] {1, -1}, new double[] {cd0, bd0}, new double[] {cDist[0], bDist[0]},
                new double[] {cDist[1], bDist[1]});
        String method = String.format(Locale.ROOT, "MOVER difference of the runs' closed-form simultaneous "
                + "intervals (%s); p-value by test inversion", ci.method());
        Optional<Interval> interval = interval(diff, level, method);
        Optional<Interval> worseInterval = interval(worse, level, "MOVER difference of the runs' distances from "
                + "parity");
        MetricValue p = interval.isEmpty() ? MetricValue.undefined("the interval of the change is not finite")
                : MetricValue.of(invert(baseline, candidate, e, b, c));
        return new Change(Kind.FAIRNESS_METRIC, f.id(), Optional.empty(), bd.value(), cd.value(), change, interval, p,
                MetricValue.undefined("not corrected yet"), false, worsening, worseInterval, method);
    }

    private static Optional<Interval> interval(double[] ends, double level, String method) {
        if (Double.isNaN(ends[0]) || Double.isNaN(ends[1])) {
            return Optional.empty();
        }
        return Optional.of(new Interval(ends[0], ends[1], level, method, 0, 0));
    }

    /** The interval of {@code |x − parity|} from an interval of {@code x}. */
    private static double[] distance(Interval i, double parity) {
        double lo = i.lower() - parity;
        double hi = i.upper() - parity;
        if (lo >= 0) {
            return new double[] {lo, hi};
        }
        if (hi <= 0) {
            return new double[] {-hi, -lo};
        }
        return new double[] {0, Math.max(-lo, hi)};
    }

    /** The smallest α whose {@code 1 − α} MOVER interval of the change excludes 0: the test inversion's p-value. */
    private static double invert(GroupResults baseline, GroupResults candidate, Estimand e, double b, double c) {
        if (b == c) {
            return 1;
        }
        double lo = 1e-12;
        double hi = 1 - 1e-9;
        if (!excludesZero(baseline, candidate, e, b, c, 1 - hi)) {
            return 1;
        }
        if (excludesZero(baseline, candidate, e, b, c, 1 - lo)) {
            return lo;
        }
        for (int i = 0; i < 32; i++) {   // log-scale width 27.6 / 2^32: far below any reported digit
            double mid = Math.sqrt(lo * hi);   // geometric bisection: small p-values need relative precision
            if (excludesZero(baseline, candidate, e, b, c, 1 - mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean excludesZero(GroupResults baseline, GroupResults candidate, Estimand e, double b,
            double c, double level) {
        Interval bi = SimultaneousIntervals.closedForm(baseline, level).intervals().get(e);
        Interval ci = SimultaneousIntervals.closedForm(candidate, level).intervals().get(e);
        if (bi == null || ci == null) {
            return false;
        }
        double[] d = Mover.linear(new double[] {1, -1}, new double[] {c, b}, new double[] {ci.lower(), bi.lower()},
                new double[] {ci.upper(), bi.upper()});
        return d[0] > 0 || d[1] < 0;
    }

    private static MetricValue difference(MetricValue b, MetricValue c) {
        if (!b.isDefined()) {
            return MetricValue.undefined("the baseline's value is undefined: " + b.reason().orElseThrow());
        }
        if (!c.isDefined()) {
            return MetricValue.undefined("the candidate's value is undefined: " + c.reason().orElseThrow());
        }
        return finite(c.value() - b.value());
    }

    private static MetricValue finite(double x) {
        return Double.isNaN(x) ? MetricValue.undefined("the change of two infinite values is undefined")
                : MetricValue.of(x);
    }

    /** @return the intervals' level */
    public double level() {
        return level;
    }

    /** @return the multiple-comparison correction used */
    public MultipleTesting correction() {
        return method;
    }

    /** @return every change: group metrics by metric then group then all rows, then the fairness metrics */
    public List<Change> changes() {
        return changes;
    }

    /** @return the change of a named fairness metric, when both runs have it */
    public Optional<Change> fairness(FairnessMetric metric) {
        return changes.stream().filter(c -> c.kind() == Kind.FAIRNESS_METRIC && c.metric().equals(metric.id()))
                .findFirst();
    }

    /** @return the change of a group metric in a group, when both runs have it */
    public Optional<Change> group(GroupMetric metric, GroupKey group) {
        return changes.stream().filter(c -> c.kind() == Kind.GROUP_VALUE && c.metric().equals(metric.id())
                && c.group().equals(Optional.of(group))).findFirst();
    }

    /** @return the change of a group metric over all rows, when both runs have it */
    public Optional<Change> overall(GroupMetric metric) {
        return changes.stream().filter(c -> c.kind() == Kind.OVERALL_VALUE && c.metric().equals(metric.id()))
                .findFirst();
    }

    /** @return the changes beyond chance after the correction */
    public List<Change> beyondChance() {
        return changes.stream().filter(Change::beyondChance).toList();
    }

    /** @return a fixed-width table: metric, where, baseline, candidate, change, interval, adjusted p, beyond chance */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-32s %-24s %10s %10s %10s %-21s %9s %s%n",
                "metric", "where", "baseline", "candidate", "change", "interval", "adj. p", "beyond chance"));
        for (Change c : changes) {
            s.append(String.format(Locale.ROOT, "%-32s %-24s %10s %10s %10s %-21s %9s %s%n", c.metric(), c.where(),
                    num(c.baseline()), num(c.candidate()), num(c.change()),
                    c.interval().map(Interval::toString).orElse("-"), num(c.adjustedPValue()),
                    c.beyondChance() ? "yes" : "no"));
        }
        s.append(String.format(Locale.ROOT, "level %.2f, %s correction over %d tested changes%n", level,
                method.name(), changes.stream().filter(c -> c.pValue().isDefined()).count()));
        return s.toString();
    }

    private static String num(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }
}
