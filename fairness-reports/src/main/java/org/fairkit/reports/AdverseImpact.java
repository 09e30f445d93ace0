package org.fairkit.reports;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.proportion.ComparisonInterval;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.fairkit.stats.tests.Alternative;
import org.fairkit.stats.tests.ProportionTests;
import org.fairkit.stats.tests.TestResult;

/**
 * The four-fifths rule (adverse impact analysis) on a report's selection rates, with the evidence that must stand
 * beside it: group sizes, intervals, significance tests and the caveats.
 *
 * <p>For each group {@code g}, the <b>impact ratio</b> is {@code SR_g / SR_c}, where {@code SR} is the selection
 * rate (the share predicted positive, weighted when the report is) and {@code c} the comparison group: by default
 * the group with the highest selection rate among the groups eligible for disparities (at least
 * {@code minGroupSize} rows, defined rate), as the EEOC Uniform Guidelines on Employee Selection Procedures (1978),
 * 29 CFR 1607.4(D), define it; or the report's reference group ({@link Basis#REFERENCE}). A ratio below
 * {@link #FOUR_FIFTHS} is flagged ({@link Status#BELOW_FOUR_FIFTHS}).
 *
 * <p>Beside each ratio, for unweighted reports: the Katz log 95% interval of the ratio
 * ({@link TwoProportionIntervals#katzLogRatio}), the pooled two-proportion z test and Fisher's exact test
 * (two-sided) of equal selection rates against the comparison group, uncorrected for multiple comparisons, and the
 * shortfall: how many more selections in the group would bring its ratio to four-fifths,
 * {@code ceil(0.8 · SR_c · n_g) − s_g}. Weighted reports get ratios only (tests and intervals need row counts; the
 * bootstrap in fairness-stats handles weights).
 *
 * <p>Groups below {@code minGroupSize} get a ratio but are not assessed ({@link Status#SMALL_GROUP}), as core leaves
 * them out of disparities. For two groups with the reference as the comparison group the ratio equals AIF360's
 * {@code disparate_impact} (privileged = the reference); with the highest-rate basis it is Fairlearn's
 * {@code demographic_parity_ratio} for the lowest group.
 */
public final class AdverseImpact {
    /** The four-fifths threshold of 29 CFR 1607.4(D). */
    public static final double FOUR_FIFTHS = 0.8;
    /** The level of the Katz intervals. */
    public static final double LEVEL = 0.95;

    /** The caveats every rendering of this analysis shows. */
    public static final List<String> CAVEATS = List.of(
            "The four-fifths rule is a rule of thumb from the US EEOC Uniform Guidelines on Employee Selection "
                    + "Procedures (1978), 29 CFR 1607.4(D): a group's selection rate below four-fifths (80%) of the "
                    + "highest group's rate is generally regarded as evidence of adverse impact. It is evidence, not "
                    + "proof, and a ratio above 0.8 does not prove the absence of adverse impact.",
            "Small samples: with few people in a group, one decision more or less can move the ratio across 0.8. "
                    + "Section 1607.4(D) itself says larger differences may not be adverse impact when based on "
                    + "small numbers and not statistically significant, and smaller differences may be when they "
                    + "are significant in statistical and practical terms. Read each ratio with its group size, "
                    + "interval and test.",
            "Statistical significance: the tests compare each group with the comparison group one at a time, "
                    + "without correction for multiple comparisons, and assume independent decisions. A "
                    + "non-significant result from a small group means too little data, not fairness.",
            "Scope: the rule was written for employee selection in the US. Applying it to other decisions "
                    + "(credit, insurance, admissions) or jurisdictions borrows a convention; it is not the legal "
                    + "test of those domains.",
            "The ratio compares outcomes only. It says nothing about error rates or calibration, which the "
                    + "other sections of the report cover.");

    /** Which group the ratios are taken against. */
    public enum Basis {
        /** The eligible group with the highest selection rate (29 CFR 1607.4(D)). */
        HIGHEST_RATE,
        /** The report's reference group. */
        REFERENCE
    }

    /** The verdict on one group. */
    public enum Status {
        /** The group the others are compared with. */
        COMPARISON_GROUP,
        /** Impact ratio below four-fifths: evidence of adverse impact. */
        BELOW_FOUR_FIFTHS,
        /** Impact ratio at or above four-fifths. */
        AT_OR_ABOVE_FOUR_FIFTHS,
        /** Below minGroupSize: ratio shown, not assessed. */
        SMALL_GROUP,
        /** The ratio is undefined (see its reason). */
        UNDEFINED
    }

    /**
     * One group of the analysis.
     *
     * @param group the group
     * @param rows its rows
     * @param selectedRows its rows predicted positive
     * @param selectionRate its selection rate (weighted when the report is), or undefined with the reason
     * @param rateInterval the report's interval of the selection rate, if one was estimated
     * @param impactRatio {@code SR_g / SR_c}, or undefined with the reason
     * @param ratioInterval the Katz log 95% interval of the ratio, when defined
     * @param ratioIntervalNote why there is no ratio interval, or {@code ""}
     * @param zTest the pooled two-proportion z test against the comparison group
     * @param fisherTest Fisher's exact test (two-sided) against the comparison group
     * @param shortfall additional selections that would bring the ratio to four-fifths, when it is below and the
     *     report is unweighted
     * @param status the verdict
     */
    public record Row(GroupKey group, long rows, long selectedRows, MetricValue selectionRate,
            Optional<Interval> rateInterval, MetricValue impactRatio, Optional<Interval> ratioInterval,
            String ratioIntervalNote, TestResult zTest, TestResult fisherTest, OptionalLong shortfall, Status status) {
        /** Checks for nulls. */
        public Row {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(selectionRate, "selectionRate");
            Objects.requireNonNull(rateInterval, "rateInterval");
            Objects.requireNonNull(impactRatio, "impactRatio");
            Objects.requireNonNull(ratioInterval, "ratioInterval");
            Objects.requireNonNull(ratioIntervalNote, "ratioIntervalNote");
            Objects.requireNonNull(zTest, "zTest");
            Objects.requireNonNull(fisherTest, "fisherTest");
            Objects.requireNonNull(shortfall, "shortfall");
            Objects.requireNonNull(status, "status");
        }

        /** @return whether Fisher's exact test rejects equal rates at {@code alpha} */
        public boolean significantAt(double alpha) {
            return fisherTest.rejectsAt(alpha);
        }
    }

    private final Basis basis;
    private final Optional<GroupKey> comparison;
    private final String noComparisonReason;
    private final List<Row> rows;
    private final boolean weighted;

    private AdverseImpact(Basis basis, Optional<GroupKey> comparison, String noComparisonReason, List<Row> rows,
            boolean weighted) {
        this.basis = basis;
        this.comparison = comparison;
        this.noComparisonReason = noComparisonReason;
        this.rows = List.copyOf(rows);
        this.weighted = weighted;
    }

    /** The analysis against the group with the highest selection rate. */
    public static AdverseImpact of(FairnessReport report) {
        return of(report, Basis.HIGHEST_RATE);
    }

    /**
     * The analysis against the chosen basis.
     *
     * @throws IllegalArgumentException for {@link Basis#REFERENCE} when the report has no reference group
     */
    public static AdverseImpact of(FairnessReport report, Basis basis) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(basis, "basis");
        boolean weighted = report.results().tally().isWeighted();
        List<GroupKey> groups = report.groups();
        Optional<GroupKey> comparison;
        String none = "";
        if (basis == Basis.REFERENCE) {
            comparison = Optional.of(report.reference().orElseThrow(() -> new IllegalArgumentException(
                    "adverse impact against the reference needs a report with a reference group; set reference(...) "
                            + "before evaluate(), or use Basis.HIGHEST_RATE")));
        } else {
            comparison = Optional.empty();
            double best = -1;
            for (GroupKey g : groups) {
                MetricValue v = report.value(Metrics.SELECTION_RATE, g);
                if (!report.results().isSmall(g) && v.isDefined() && v.value() > best) {
                    best = v.value();
                    comparison = Optional.of(g);
                }
            }
            if (comparison.isEmpty()) {
                none = "no group with at least minGroupSize rows has a defined selection rate";
            }
        }
        String compReason = comparisonProblem(report, comparison, none);
        List<Row> rows = new ArrayList<>();
        for (GroupKey g : groups) {
            rows.add(row(report, g, comparison, compReason, weighted));
        }
        return new AdverseImpact(basis, comparison, compReason, rows, weighted);
    }

    /** Why no ratio can be formed against the comparison group, or {@code null} when they can. */
    private static String comparisonProblem(FairnessReport report, Optional<GroupKey> comparison, String none) {
        if (comparison.isEmpty()) {
            return none;
        }
        GroupKey c = comparison.get();
        MetricValue rate = report.value(Metrics.SELECTION_RATE, c);
        if (report.results().isSmall(c)) {
            return "the comparison group " + c.label() + " is below minGroupSize";
        }
        if (!rate.isDefined()) {
            return "the comparison group " + c.label() + " has an undefined selection rate: " + rate.reason()
                    .orElseThrow();
        }
        if (rate.value() == 0) {
            return "the comparison group " + c.label() + " has selection rate 0 (no one selected)";
        }
        return null;
    }

    private static Row row(FairnessReport report, GroupKey g, Optional<GroupKey> comparison, String compReason,
            boolean weighted) {
        CellCounts counts = report.results().counts(g);
        long n = counts.rows();
        long s = counts.rows(Cell.TP) + counts.rows(Cell.FP);
        MetricValue rate = report.value(Metrics.SELECTION_RATE, g);
        Optional<Interval> rateCi = report.interval(Estimand.groupValue(Metrics.SELECTION_RATE, g));
        boolean isComparison = comparison.isPresent() && comparison.get().equals(g);
        boolean small = report.results().isSmall(g);
        if (isComparison && compReason == null) {
            TestResult self = undefinedTest("this is the comparison group");
            return new Row(g, n, s, rate, rateCi, MetricValue.of(1.0), Optional.empty(), "comparison group", self,
                    self, OptionalLong.empty(), Status.COMPARISON_GROUP);
        }
        if (compReason != null) {
            TestResult t = undefinedTest(compReason);
            return new Row(g, n, s, rate, rateCi, MetricValue.undefined(compReason), Optional.empty(), compReason, t,
                    t, OptionalLong.empty(), small ? Status.SMALL_GROUP : Status.UNDEFINED);
        }
        GroupKey c = comparison.orElseThrow();
        double rc = report.value(Metrics.SELECTION_RATE, c).value();
        if (!rate.isDefined()) {
            String why = "the group's selection rate is undefined: " + rate.reason().orElseThrow();
            TestResult t = undefinedTest(why);
            return new Row(g, n, s, rate, rateCi, MetricValue.undefined(why), Optional.empty(), why, t, t,
                    OptionalLong.empty(), small ? Status.SMALL_GROUP : Status.UNDEFINED);
        }
        MetricValue ratio = MetricValue.of(rate.value() / rc);
        Status status = small ? Status.SMALL_GROUP
                : !Threshold.atLeast(FOUR_FIFTHS).isMetBy(ratio.value()) ? Status.BELOW_FOUR_FIFTHS : Status.AT_OR_ABOVE_FOUR_FIFTHS;
        if (weighted) {
            String why = "weighted report: tests and the Katz interval need row counts";
            TestResult t = undefinedTest(why);
            return new Row(g, n, s, rate, rateCi, ratio, Optional.empty(), why, t, t, OptionalLong.empty(), status);
        }
        CellCounts cc = report.results().counts(c);
        long nc = cc.rows();
        long sc = cc.rows(Cell.TP) + cc.rows(Cell.FP);
        ComparisonInterval katz = TwoProportionIntervals.katzLogRatio(s, n, sc, nc, LEVEL);
        TestResult z = ProportionTests.twoProportionZTest(s, n, sc, nc);
        TestResult fisher = ProportionTests.fisherExact(s, n - s, sc, nc - sc, Alternative.TWO_SIDED);
        // Decided on the counts, not on the rounded ratio: 3/5 against 3/4 is exactly 4/5, which the division
        // (0.6 / 0.75) gives as 0.7999999999999999.
        boolean below = belowFourFifths(s, n, sc, nc);
        if (!small) {
            status = below ? Status.BELOW_FOUR_FIFTHS : Status.AT_OR_ABOVE_FOUR_FIFTHS;
        }
        OptionalLong shortfall = below ? OptionalLong.of(shortfall(s, n, sc, nc)) : OptionalLong.empty();
        return new Row(g, n, s, rate, rateCi, ratio, katz.interval(), katz.undefinedReason().orElse(""), z, fisher,
                shortfall, status);
    }

    /** @return whether {@code (s / n) / (sc / nc) < 4/5}, i.e. {@code 5 s nc < 4 n sc}, in exact integers */
    static boolean belowFourFifths(long s, long n, long sc, long nc) {
        BigInteger left = BigInteger.valueOf(5).multiply(BigInteger.valueOf(s)).multiply(BigInteger.valueOf(nc));
        BigInteger right = BigInteger.valueOf(4).multiply(BigInteger.valueOf(n)).multiply(BigInteger.valueOf(sc));
        return left.compareTo(right) < 0;
    }

    /**
     * @return the fewest extra selections that bring the group to four-fifths of the comparison rate,
     *     {@code ceil(4 n sc / (5 nc)) − s} in exact integers
     */
    static long shortfall(long s, long n, long sc, long nc) {
        BigInteger[] qr = BigInteger.valueOf(4).multiply(BigInteger.valueOf(n)).multiply(BigInteger.valueOf(sc))
                .divideAndRemainder(BigInteger.valueOf(5).multiply(BigInteger.valueOf(nc)));
        long needed = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        return Math.max(0, needed - s);
    }

    private static TestResult undefinedTest(String why) {
        return new TestResult("not tested", MetricValue.undefined(why), MetricValue.undefined(why));
    }

    /** @return the basis of the ratios */
    public Basis basis() {
        return basis;
    }

    /** @return the comparison group, if there is one */
    public Optional<GroupKey> comparisonGroup() {
        return comparison;
    }

    /** @return why no ratio could be formed, empty when ratios exist */
    public Optional<String> undefinedReason() {
        return Optional.ofNullable(noComparisonReason);
    }

    /** @return one row per group, in the report's order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the rows below four-fifths, lowest ratio first */
    public List<Row> flagged() {
        return rows.stream().filter(r -> r.status() == Status.BELOW_FOUR_FIFTHS)
                .sorted(java.util.Comparator.comparingDouble(r -> r.impactRatio().value())).toList();
    }

    /** @return whether the report is weighted (no tests, no Katz intervals) */
    public boolean weighted() {
        return weighted;
    }

    /** @return a fixed-width table ({@link Locale#ROOT}) */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Four-fifths rule (29 CFR 1607.4(D)) against ")
                .append(comparison.map(GroupKey::label).orElse("no group")).append(basis == Basis.REFERENCE
                        ? " (reference)" : " (highest selection rate)").append('\n');
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-24s n=%-7d selected=%-7d rate=%-8s ratio=%-8s %s%n",
                    r.group().label(), r.rows(), r.selectedRows(), fmt(r.selectionRate()), fmt(r.impactRatio()),
                    r.status()));
        }
        return b.toString();
    }

    private static String fmt(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }
}
