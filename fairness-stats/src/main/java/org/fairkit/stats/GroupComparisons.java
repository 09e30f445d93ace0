package org.fairkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.bayes.PosteriorSampler;
import org.fairkit.stats.correction.Correction;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.power.MinimumDetectableDifference;
import org.fairkit.stats.power.TwoProportionPower;
import org.fairkit.stats.tests.Alternative;
import org.fairkit.stats.tests.ProportionTests;
import org.fairkit.stats.tests.TestResult;

/**
 * Is each group's rate different from the reference group's, across groups × metrics, with the
 * multiple-comparison correction applied to the whole family and the power to see it beside every row.
 *
 * <pre>{@code
 * GroupComparisons cmp = GroupComparisons.of(report)          // a report with a reference group
 *     .correction(MultipleTesting.HOLM).alpha(0.05).power(0.8)
 *     .compute();
 * System.out.println(cmp);                                    // a fixed-width table
 * }</pre>
 *
 * <p>For every requested rate metric (one with a fixed numerator/denominator cell split, such as the selection
 * rate or the true positive rate; see {@link PosteriorSampler#betaCells}) and every non-reference group, a test
 * of equal rates: the pooled two-proportion z test ({@link ProportionTests#twoProportionZTest}) when every
 * expected count of the 2x2 table is at least 5, Fisher's exact test ({@link ProportionTests#fisherExact})
 * otherwise; the p-values of the whole family (groups × metrics) are corrected together ({@link MultipleTesting});
 * and the minimum detectable difference at the two groups' sizes ({@link TwoProportionPower#minimumDetectableDifference}),
 * computed at the family-adjusted level {@code alpha / m} (the level of the correction's most stringent step),
 * shows when a group is too small for a non-significant result to mean anything ({@link Comparison#underpowered()}).
 * A group (or reference) without rows in a rate's denominator gets a row whose test is undefined, with the reason.
 *
 * <p>Limits: the tests use row counts, so they are defined only for unweighted reports (weighted rates need the
 * bootstrap, {@link Bootstrap}); metrics without a fixed denominator (balanced accuracy, F1, shares) are not
 * tested. Undefined tests (a zero denominator) stay undefined with their reason and are left out of the family.
 */
public final class GroupComparisons {
    /** The smallest expected cell count for the z test; below it the exact test is used. */
    static final double MIN_EXPECTED = 5;

    private final List<Comparison> rows;
    private final MultipleTesting correction;
    private final double alpha;
    private final double power;
    private final int family;

    private GroupComparisons(List<Comparison> rows, MultipleTesting correction, double alpha, double power,
            int family) {
        this.rows = List.copyOf(rows);
        this.correction = correction;
        this.alpha = alpha;
        this.power = power;
        this.family = family;
    }

    /**
     * Starts comparisons on a report.
     *
     * @throws IllegalArgumentException if the report has no reference group or is weighted
     */
    public static Builder of(FairnessReport report) {
        return new Builder(report);
    }

    /** @return one row per (metric, non-reference group), metrics in request order */
    public List<Comparison> rows() {
        return rows;
    }

    /** @return the rows of one metric */
    public List<Comparison> rows(GroupMetric metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).toList();
    }

    /** @return the correction applied */
    public MultipleTesting correction() {
        return correction;
    }

    /** @return the family-wise (or false-discovery) level */
    public double alpha() {
        return alpha;
    }

    /** @return the target power of the detectable differences */
    public double power() {
        return power;
    }

    /** @return the number of defined tests that were corrected together */
    public int familySize() {
        return family;
    }

    /** @return a fixed-width table ({@link Locale#ROOT}) */
    @Override
    public String toString() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"metric", "group", "n", "difference", "p", "p adjusted", "significant",
            "detectable down", "detectable up", "note"});
        for (Comparison c : rows) {
            lines.add(new String[] {c.metric().id(), c.group().label() + " vs " + c.reference().label(),
                Long.toString(c.trials()), fmt(c.difference()), fmt(c.test().pValue()), fmt(c.adjustedPValue()),
                c.significant() ? "yes" : "no", fmt(c.detectableDown()), fmt(c.detectableUp()),
                c.test().pValue().isDefined() ? (c.underpowered() && !c.significant() ? "underpowered" : "")
                        : c.test().pValue().reason().orElse("")});
        }
        int[] width = new int[lines.get(0).length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Group comparisons against the reference: two-proportion z tests (Fisher exact where an expected count "
                        + "is below 5), %s correction over %d tests at alpha %.3f; detectable differences at power %.2f "
                        + "and the family-adjusted alpha %.4f%n", correction, family, alpha, power,
                alpha / Math.max(1, family)));
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                String pad = " ".repeat(width[i] - l[i].length());
                line.append(i == 0 ? "" : "  ").append(i <= 1 || i >= l.length - 1 ? l[i] + pad : pad + l[i]);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String fmt(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }

    /** Configures the comparisons; each setting once. */
    public static final class Builder {
        private final FairnessReport report;
        private final GroupKey reference;
        private List<GroupMetric> metrics;
        private MultipleTesting correction;
        private Double alpha;
        private Double power;

        private Builder(FairnessReport report) {
            this.report = Objects.requireNonNull(report, "report");
            Optional<GroupKey> ref = report.reference();
            if (ref.isEmpty()) {
                throw new IllegalArgumentException(
                        "group comparisons need a report with a reference group: set reference(...) before evaluate()");
            }
            if (report.results().tally().isWeighted()) {
                throw new IllegalArgumentException("group comparisons test row counts and need an unweighted report;"
                        + " for weighted data use Bootstrap intervals");
            }
            this.reference = ref.get();
        }

        /** The rate metrics to compare (default: the report's metrics that are rates with a fixed denominator). */
        public Builder metrics(GroupMetric... chosen) {
            InputErrors.requireUnset(metrics, "metrics");
            for (GroupMetric m : chosen) {
                if (PosteriorSampler.betaCells(m).isEmpty()) {
                    throw InputErrors.badSetting("metrics", m.id(),
                            "a rate with a fixed numerator/denominator split (e.g. selection_rate)");
                }
            }
            metrics = List.of(chosen);
            return this;
        }

        /** The multiple-comparison correction over all tests (default {@link MultipleTesting#HOLM}). */
        public Builder correction(MultipleTesting method) {
            InputErrors.requireUnset(correction, "correction");
            correction = Objects.requireNonNull(method, "correction");
            return this;
        }

        /** The level of the corrected tests (default 0.05). */
        public Builder alpha(double level) {
            InputErrors.requireUnset(alpha, "alpha");
            if (!(level > 0 && level < 1)) {
                throw InputErrors.badSetting("alpha", level, "in (0, 1)");
            }
            alpha = level;
            return this;
        }

        /** The target power of the detectable differences (default 0.8). */
        public Builder power(double target) {
            InputErrors.requireUnset(power, "power");
            if (!(target > 0 && target < 1)) {
                throw InputErrors.badSetting("power", target, "in (0, 1)");
            }
            power = target;
            return this;
        }

        /** Runs the tests and the correction. */
        public GroupComparisons compute() {
            MultipleTesting method = correction == null ? MultipleTesting.HOLM : correction;
            double a = alpha == null ? 0.05 : alpha;
            double p = power == null ? 0.8 : power;
            if (!(p > a)) {
                throw InputErrors.badSetting("power", p, "greater than alpha = " + a);
            }
            List<GroupMetric> chosen = metrics != null ? metrics
                    : report.metrics().stream().filter(m -> PosteriorSampler.betaCells(m).isPresent()).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("none of the report's metrics " + report.metrics().stream()
                        .map(GroupMetric::id).toList() + " is a rate with a fixed denominator; choose metrics(...)");
            }
            CellCounts ref = report.results().counts(reference);
            List<Object[]> raw = new ArrayList<>();
            for (GroupMetric m : chosen) {
                long[] refCounts = PosteriorSampler.rateCounts(m, ref).orElseThrow();
                long rs = refCounts[0];
                long rt = refCounts[1];
                for (GroupKey g : report.groups()) {
                    if (g.equals(reference)) {
                        continue;
                    }
                    long[] counts = PosteriorSampler.rateCounts(m, report.results().counts(g)).orElseThrow();
                    long s = counts[0];
                    long t = counts[1];
                    raw.add(new Object[] {m, g, s, t, rs, rt});
                }
            }
            List<TestResult> tests = new ArrayList<>();
            List<Double> defined = new ArrayList<>();
            for (Object[] r : raw) {
                TestResult test = test((long) r[2], (long) r[3], (long) r[4], (long) r[5]);
                tests.add(test);
                if (test.pValue().isDefined()) {
                    defined.add(test.pValue().value());
                }
            }
            Correction corrected = defined.isEmpty() ? null
                    : method.correct(defined.stream().mapToDouble(Double::doubleValue).toArray(), a);
            // the detectable difference at the level the family's most stringent step tests at (Bonferroni's
            // alpha / m, Holm's and Benjamini-Hochberg's first step), so "underpowered" speaks of the corrected test
            double familyAlpha = a / Math.max(1, defined.size());
            List<Comparison> out = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < raw.size(); i++) {
                Object[] r = raw.get(i);
                long s = (long) r[2];
                long t = (long) r[3];
                long rs = (long) r[4];
                long rt = (long) r[5];
                TestResult test = tests.get(i);
                MetricValue adjusted;
                boolean significant = false;
                if (test.pValue().isDefined()) {
                    adjusted = MetricValue.of(corrected.adjusted()[k]);
                    significant = corrected.rejected()[k];
                    k++;
                } else {
                    adjusted = test.pValue();
                }
                MetricValue diff = t == 0 || rt == 0
                        ? MetricValue.undefined(t == 0 ? "the group has no rows in the denominator"
                                : "the reference has no rows in the denominator")
                        : MetricValue.of((double) s / t - (double) rs / rt);
                MetricValue down;
                MetricValue up;
                if (t == 0 || rt == 0 || rs == 0 || rs == rt) {
                    String why = t == 0 || rt == 0 ? "no rows in a denominator"
                            : "the reference rate is " + (rs == 0 ? "0" : "1") + ": no power analysis";
                    down = MetricValue.undefined(why);
                    up = MetricValue.undefined(why);
                } else {
                    MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(
                            (double) rs / rt, t, rt, familyAlpha, p);
                    down = mdd.differenceDown();
                    up = mdd.differenceUp();
                }
                out.add(new Comparison((GroupMetric) r[0], (GroupKey) r[1], reference, s, t, rs, rt, diff, test,
                        adjusted, significant, down, up));
            }
            return new GroupComparisons(out, method, a, p, defined.size());
        }

        /**
         * The test of equal rates: the pooled two-proportion z test when every expected count of the 2x2 table is at
         * least {@value #MIN_EXPECTED} (Cochran's rule), Fisher's exact test otherwise (z on a denominator of 5
         * rows is not a test an auditor can defend); undefined, with the reason, when a group has no rows in the
         * rate's denominator.
         */
        static TestResult test(long s, long t, long rs, long rt) {
            if (t == 0 || rt == 0) {
                String why = (t == 0 ? "the group" : "the reference") + " has no rows in the rate's denominator";
                return new TestResult("no test", MetricValue.undefined(why), MetricValue.undefined(why));
            }
            double n = t + rt;
            double yes = s + rs;
            double no = n - yes;
            double smallest = Math.min(Math.min(t * yes, t * no), Math.min(rt * yes, rt * no)) / n;
            return smallest >= MIN_EXPECTED ? ProportionTests.twoProportionZTest(s, t, rs, rt)
                    : ProportionTests.fisherExact(s, t - s, rs, rt - rs, Alternative.TWO_SIDED);
        }
    }
}
