package org.fairkit.orchestration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A rule on a {@link TaskReport} id gives the verdict computed by hand from the report's group values: the aggregate
 * recomputed here by brute force over the eligible groups (Fairlearn's definitions), every group judged on its own,
 * {@code min_group_size} on the sizes, each with the evidence modes' interval logic written out again. Generated
 * reports deliberately hold single groups, groups marked small, undefined values, zeros and negative values.
 */
class TaskRulePropertyTest {
    private static final String METRIC = "mean_absolute_error";
    private static final List<String> FORMS = List.of(".difference", ".ratio", ".difference_to_overall",
            ".ratio_to_overall", "", "min_group_size");

    /** One group: size, marked small, defined, value on a grid of quarters in [-0.5, 2], its interval half-widths. */
    record Group(long size, boolean small, boolean defined, double value, int below, int above, boolean interval) {
    }

    /** A report and a rule on it. */
    record Case(List<Group> groups, boolean overallDefined, double overall, int form, int op, double limit,
            int evidence, int below, int above, boolean interval) {
        @Override
        public String toString() {
            return "groups " + groups + ", overall " + (overallDefined ? overall : "undefined") + ", rule "
                    + rule().expression() + " [" + EvidenceMode.values()[evidence].id() + "], interval "
                    + (interval ? "-" + below / 4.0 + "/+" + above / 4.0 : "none");
        }

        PolicyRule rule() {
            String f = FORMS.get(form);
            String id = f.equals("min_group_size") ? f : METRIC + f;
            return PolicyRule.of(Measure.byId(id), new Threshold(Threshold.Operator.values()[op], limit))
                    .withEvidence(EvidenceMode.values()[evidence]);
        }
    }

    private static final Gen<Group> GROUP = integers().between(0, 60).zip(integers().between(0, 9),
            integers().between(-2, 8), integers().between(0, 63), (n, flags, v, w) -> new Group(n, flags == 0,
                    flags != 1, v / 4.0, w & 7, (w >> 3) & 7, flags % 2 == 0));

    private static final Gen<Case> CASES = lists().of(GROUP).ofSizeBetween(1, 5)
            .zip(integers().between(-3, 8), integers().between(0, FORMS.size() - 1), integers().between(0, 3),
                    integers().between(-4, 12), (gs, o, form, op, limit) -> new Object[] {gs, o, form, op, limit})
            .zip(integers().between(0, 2), integers().between(0, 127), (a, ev, w) -> new Case(cast(a[0]),
                    (int) a[1] != -3, (int) a[1] / 4.0, (int) a[2], (int) a[3], (int) a[4] / 8.0, ev, w & 7,
                    (w >> 3) & 7, (w & 64) != 0));

    @SuppressWarnings("unchecked")
    private static List<Group> cast(Object o) {
        return (List<Group>) o;
    }

    static TaskReport report(Case c) {
        List<GroupKey> keys = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<MetricValue> values = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int g = 0; g < c.groups().size(); g++) {
            Group x = c.groups().get(g);
            keys.add(GroupKey.of("g", "level" + g));
            sizes.add(x.size());
            values.add(x.defined() ? MetricValue.of(x.value()) : MetricValue.undefined("no rows"));
            small.add(x.small() ? "n = " + x.size() + " is below minGroupSize 30" : null);
        }
        GroupValues v = new GroupValues(METRIC, keys, values, small, c.overallDefined() ? MetricValue.of(c.overall())
                : MetricValue.undefined("no rows"), ZeroDivision.UNDEFINED);
        TaskReport r = TaskReport.builder(Task.REGRESSION, List.of("g"), keys, sizes).metric(v).build();
        Map<GroupKey, Interval> perGroup = new LinkedHashMap<>();
        for (int g = 0; g < c.groups().size(); g++) {
            Group x = c.groups().get(g);
            if (x.interval() && x.defined()) {
                perGroup.put(keys.get(g), new Interval(x.value() - x.below() / 4.0, x.value() + x.above() / 4.0, 0.95,
                        "test", 0, 0));
            }
        }
        Map<String, Interval> disparities = new LinkedHashMap<>();
        String form = FORMS.get(c.form());
        Optional<MetricValue> agg = form.startsWith(".") ? Optional.of(aggregate(c)) : Optional.empty();
        if (c.interval() && agg.isPresent() && agg.get().isDefined()) {
            double d = agg.get().value();
            disparities.put(METRIC + form, new Interval(d - c.below() / 4.0, d + c.above() / 4.0, 0.95, "test", 0, 0));
        }
        return r.withIntervals(perGroup.isEmpty() ? Map.of() : Map.of(METRIC, perGroup), disparities);
    }

    /** The aggregate by brute force over the eligible groups (not small, defined). */
    static MetricValue aggregate(Case c) {
        List<Double> ok = new ArrayList<>();
        for (Group g : c.groups()) {
            if (!g.small() && g.defined()) {
                ok.add(g.value());
            }
        }
        String form = FORMS.get(c.form());
        double lo = ok.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = ok.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        switch (form) {
            case ".difference":
                return ok.size() < 2 ? MetricValue.undefined("few") : MetricValue.of(hi - lo);
            case ".ratio":
                return ok.size() < 2 || lo < 0 || hi == 0 ? MetricValue.undefined("few") : MetricValue.of(lo / hi);
            case ".difference_to_overall": {
                if (!c.overallDefined() || ok.isEmpty()) {
                    return MetricValue.undefined("few");
                }
                double worst = 0;
                for (double v : ok) {
                    worst = Math.max(worst, Math.abs(v - c.overall()));
                }
                return MetricValue.of(worst);
            }
            default: {
                double o = c.overall();
                if (!c.overallDefined() || ok.isEmpty() || o <= 0 || lo < 0) {
                    return MetricValue.undefined("few");
                }
                double worst = Double.POSITIVE_INFINITY;
                for (double v : ok) {
                    worst = Math.min(worst, v == 0 ? 0 : Math.min(v / o, o / v));
                }
                return MetricValue.of(worst);
            }
        }
    }

    /** The documented tie rule of {@link Threshold}, written out again. */
    static boolean met(int op, double v, double limit) {
        double tie = 1e-12 * Math.max(1, Math.abs(limit));
        switch (Threshold.Operator.values()[op]) {
            case AT_LEAST:
                return v >= limit - tie;
            case GREATER_THAN:
                return v > limit + tie;
            case AT_MOST:
                return v <= limit + tie;
            default:
                return v < limit - tie;
        }
    }

    /** The evidence modes, written out again: point, pass only if the interval satisfies, fail only if it violates. */
    static Outcome decide(Case c, MetricValue v, Optional<double[]> ci) {
        if (!v.isDefined()) {
            return Outcome.INCONCLUSIVE;
        }
        if (c.evidence() == 0) {
            return met(c.op(), v.value(), c.limit()) ? Outcome.PASS : Outcome.FAIL;
        }
        if (ci.isEmpty()) {
            return Outcome.INCONCLUSIVE;
        }
        boolean lo = met(c.op(), ci.get()[0], c.limit());
        boolean hi = met(c.op(), ci.get()[1], c.limit());
        if (c.evidence() == 1) {
            return lo && hi ? Outcome.PASS : Outcome.FAIL;
        }
        return !lo && !hi ? Outcome.FAIL : Outcome.PASS;
    }

    static Outcome byHand(Case c) {
        String form = FORMS.get(c.form());
        if (form.equals("min_group_size")) {
            return c.groups().stream().allMatch(g -> met(c.op(), g.size(), c.limit())) ? Outcome.PASS : Outcome.FAIL;
        }
        if (form.startsWith(".")) {
            MetricValue v = aggregate(c);
            Optional<double[]> ci = c.interval() && v.isDefined()
                    ? Optional.of(new double[] {v.value() - c.below() / 4.0, v.value() + c.above() / 4.0})
                    : Optional.empty();
            return decide(c, v, ci);
        }
        boolean failed = false;
        boolean inconclusive = false;
        boolean anyDefined = false;
        for (Group g : c.groups()) {
            if (g.small()) {
                continue;
            }
            MetricValue v = g.defined() ? MetricValue.of(g.value()) : MetricValue.undefined("no rows");
            anyDefined |= g.defined();
            Optional<double[]> ci = g.interval() && g.defined()
                    ? Optional.of(new double[] {g.value() - g.below() / 4.0, g.value() + g.above() / 4.0})
                    : Optional.empty();
            Outcome o = decide(c, v, ci);
            failed |= o == Outcome.FAIL;
            inconclusive |= o == Outcome.INCONCLUSIVE;
        }
        return failed ? Outcome.FAIL : inconclusive || !anyDefined ? Outcome.INCONCLUSIVE : Outcome.PASS;
    }

    @Test
    void aRuleOnATaskReportIdGivesTheVerdictComputedByHandFromTheGroupValues() {
        qt().withFixedSeed(18).withExamples(3000).forAll(CASES).checkAssert(c -> {
            RuleVerdict v = Policy.of("p", c.rule()).evaluate(report(c)).verdicts().get(0);
            assertThat(v.outcome()).as(c + ": " + v.message()).isEqualTo(byHand(c));
            String form = FORMS.get(c.form());
            if (form.startsWith(".")) {
                MetricValue hand = aggregate(c);
                assertThat(v.value().isDefined()).as(c.toString()).isEqualTo(hand.isDefined());
                if (hand.isDefined()) {
                    assertThat(v.value().value()).as(c.toString()).isEqualTo(hand.value());
                }
            }
        });
    }

    @Test
    void theGeneratorReachesEveryOutcomeOfEveryForm() {
        Map<String, java.util.Set<Outcome>> seen = new LinkedHashMap<>();
        qt().withFixedSeed(18).withExamples(3000).forAll(CASES).checkAssert(c -> seen
                .computeIfAbsent(FORMS.get(c.form()), k -> java.util.EnumSet.noneOf(Outcome.class)).add(byHand(c)));
        for (String form : FORMS) {
            java.util.Set<Outcome> expected = form.equals("min_group_size")
                    ? java.util.EnumSet.of(Outcome.PASS, Outcome.FAIL) : java.util.EnumSet.allOf(Outcome.class);
            assertThat(seen.get(form)).as(form).isEqualTo(expected);
        }
    }
}
