package org.fairkit.stats.simultaneous;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Estimand;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.stats.bayes.PosteriorSampler;
import org.fairkit.stats.proportion.Mover;
import org.fairkit.stats.proportion.ProportionInterval;

/**
 * Valid intervals for the numbers that are an extreme over groups: spreads ({@code max − min}, {@code min / max},
 * the to-overall aggregates, and the named fairness metrics built from them) and the worst group against a
 * reference ({@code disparate_impact}, {@code statistical_parity_difference}, ...).
 *
 * <h2>Why not bootstrap the extreme</h2>
 * The bootstrap of a maximum is inconsistent when groups tie (Andrews 2000, Econometrica 68:399–405): with equal
 * true rates the resampled {@code max − min} is always above the estimate's neighbourhood of 0, so percentile, BCa
 * and posterior intervals of a spread miss parity. A worst group re-chosen in every resample mixes groups.
 *
 * <h2>What is done instead</h2>
 * Every such number is an extreme over a <em>family of comparisons</em>: the pairwise differences (or ratios) of the
 * groups, each group against the overall value, or each group against the reference. Intervals holding for the
 * whole family at once (simultaneous coverage {@code level}) are projected onto the extreme:
 * <ul>
 *   <li>a spread {@code D = max |d_c|}: {@code [max(0, max_c max(L_c, −U_c)), max_c max(U_c, −L_c)]} (one-sided by
 *       nature: when every comparison's interval holds 0 the lower end is 0, parity not excluded);</li>
 *   <li>a ratio spread {@code R = min_c min(r_c, 1/r_c)}: per comparison {@code [min(L, 1/U), 1 if L ≤ 1 ≤ U,
 *       else min(U, 1/L)]}, then the minimum of each end over the family;</li>
 *   <li>a reference metric: each group's comparison gets its simultaneous interval
 *       ({@link Estimand.Kind#FAIRNESS_COMPARISON}), and the headline carries the interval of the group it names,
 *       valid although that group was selected, because the coverage holds for all groups at once.</li>
 * </ul>
 *
 * <h2>The family's intervals</h2>
 * <b>Closed form</b> (unweighted data or whole-number weights read as frequencies, rate metrics with a fixed numerator and denominator: selection rate, TPR,
 * FPR, PPV, error rate, ...): each comparison is a MOVER interval with Wilson components ({@link Mover}: Newcombe's
 * hybrid score interval for differences, MOVER-R for ratios, Fieller's construction over a MOVER difference for a
 * ratio to the overall value), each at the Šidák level {@code level^(1/m)} for a family of {@code m} comparisons.
 * Šidák's inequality holds for two-sided intervals of jointly normal estimates whatever their correlation (Šidák
 * 1967, JASA 62:626–633). <b>Otherwise</b> (fractional weights, other metrics): the studentized max-|t| band of the
 * estimator's own joint draws ({@link MaxTBand}); where those are degenerate there is no interval, and the reason
 * says so.
 *
 * <p>Every interval names its method and family in {@link Interval#method()} and what a reader must know in
 * {@link Interval#note()}.
 */
public final class SimultaneousIntervals {
    private final GroupResults est;
    private final boolean adjust;
    private final GroupConfusion tally;
    private final boolean frequency;
    private final double level;
    private final Draws draws;
    private final double maxUndefinedShare;
    private final int reference;
    private final Map<FairnessMetric, Map<GroupKey, Object>> families = new LinkedHashMap<>();

    /** Joint draws behind the estimates, for the max-|t| band where no closed form applies. */
    public interface Draws {
        /** @return the joint draws (resampled or posterior tallies) behind an estimand; empty when there are none */
        List<GroupConfusion> of(Estimand estimand);

        /** @return what the draws are, e.g. {@code "2000 joint bootstrap resamples"} */
        String describe();

        /**
         * Draws looked up per estimand.
         *
         * @param byEstimand the joint draws behind an estimand (empty when there are none)
         * @param description what they are
         */
        static Draws of(java.util.function.Function<Estimand, List<GroupConfusion>> byEstimand, String description) {
            return new Draws() {
                @Override
                public List<GroupConfusion> of(Estimand estimand) {
                    return byEstimand.apply(estimand);
                }

                @Override
                public String describe() {
                    return description;
                }
            };
        }
    }

    /** No draws: closed forms only. */
    public static final Draws NO_DRAWS = Draws.of(e -> List.of(), "no joint draws");

    /**
     * The intervals, and for each covered estimand without one the reason.
     *
     * @param intervals by estimand
     * @param omitted why an estimand has no interval
     */
    public record Result(Map<Estimand, Interval> intervals, Map<Estimand, String> omitted) {
    }

    private SimultaneousIntervals(GroupResults est, double level, Draws draws, double maxUndefinedShare,
            boolean adjust) {
        this.est = est;
        this.adjust = adjust;
        this.tally = est.tally();
        this.frequency = !tally.isWeighted() || frequencyWeights(tally);
        this.level = level;
        this.draws = draws;
        this.maxUndefinedShare = maxUndefinedShare;
        this.reference = est.reference().map(r -> est.groups().indexOf(r)).orElse(-1);
    }

    /** @return whether estimands of this kind are extremes over groups, which this class estimates */
    public static boolean covers(Estimand.Kind kind) {
        switch (kind) {
            case DIFFERENCE:
            case RATIO:
            case DIFFERENCE_TO_OVERALL:
            case RATIO_TO_OVERALL:
            case FAIRNESS_METRIC:
            case FAIRNESS_COMPARISON:
                return true;
            default:
                return false;
        }
    }

    /**
     * Intervals for every covered estimand of a report.
     *
     * @param request what the point estimates were computed from
     * @param level the simultaneous coverage, in (0, 1)
     * @param draws the estimator's joint draws, for what has no closed form
     * @param maxUndefinedShare the largest share of undefined draws tolerated by the max-|t| band
     */
    public static Result estimate(IntervalRequest request, double level, Draws draws, double maxUndefinedShare) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return new SimultaneousIntervals(request.estimates(), level, draws, maxUndefinedShare, true).all();
    }

    /**
     * The same projections with every comparison at {@code level} itself (no Šidák adjustment), closed forms only:
     * the building block of an intersection–union test ({@code org.fairkit.stats.ParityEquivalence}), which needs
     * every comparison to pass at its own level. These intervals are <em>not</em> simultaneous.
     */
    public static Result unadjusted(GroupResults results, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return new SimultaneousIntervals(results, level, NO_DRAWS, 0, false).all();
    }

    /**
     * The simultaneous intervals (Šidák-adjusted families, as {@link #estimate}) from the counts alone: closed forms
     * only, so quantities without one (weighted data with fractional weights, metrics without a fixed numerator and
     * denominator) are omitted with the reason. What a comparison of two stored reports uses, which has no rows to
     * draw from.
     */
    public static Result closedForm(GroupResults results, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return new SimultaneousIntervals(results, level, NO_DRAWS, 0, true).all();
    }

    private Result all() {
        Map<Estimand, Interval> intervals = new LinkedHashMap<>();
        Map<Estimand, String> omitted = new LinkedHashMap<>();
        for (Map.Entry<Estimand, MetricValue> e : est.values().entrySet()) {
            Estimand estimand = e.getKey();
            if (!covers(estimand.kind())) {
                continue;
            }
            if (!e.getValue().isDefined()) {
                omitted.put(estimand, "the point estimate is undefined: " + e.getValue().reason().orElse(""));
                continue;
            }
            Object r = one(estimand);
            if (r instanceof Interval) {
                intervals.put(estimand, (Interval) r);
            } else {
                omitted.put(estimand, (String) r);
            }
        }
        return new Result(intervals, omitted);
    }

    /** How a family's intervals become the extreme's. */
    private enum Projection {
        MAX_ABS, MIN_SYMMETRIC_RATIO, DIRECT, MEAN_ABS
    }

    /** The interval of one estimand, or the reason there is none. */
    private Object one(Estimand e) {
        switch (e.kind()) {
            case DIFFERENCE:
            case RATIO:
            case DIFFERENCE_TO_OVERALL:
            case RATIO_TO_OVERALL:
                GroupMetric m = metric(e.metricId());
                if (m == Metrics.COUNT) {
                    return "the row count is observed, not estimated";
                }
                return spread(e, List.of(m), e.kind());
            case FAIRNESS_METRIC:
                FairnessMetric f = FairnessMetric.byId(e.metricId());
                if (f.form().referenced()) {
                    Disparity d = est.fairness(f);
                    if (d.groups().size() < 2) {
                        return "no comparison is selected: " + d.value().reason().orElse("the reference value is 0");
                    }
                    return family(f).get(d.groups().get(0));
                }
                return spread(e, f.components(), f.form() == FairnessMetric.Form.SPREAD_DIFFERENCE
                        ? Estimand.Kind.DIFFERENCE : Estimand.Kind.RATIO);
            default:
                Object r = family(FairnessMetric.byId(e.metricId())).get(e.group().orElseThrow());
                return r != null ? r : "the comparison is undefined";
        }
    }

    private GroupMetric metric(String id) {
        EvaluationSpec spec = est.spec();
        return spec.metrics().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseGet(() -> Metrics.byId(id));
    }

    /** A spread over groups of the given components. */
    private Object spread(Estimand e, List<? extends GroupMetric> components, Estimand.Kind kind) {
        List<Contrast> contrasts = new ArrayList<>();
        boolean toOverall = kind == Estimand.Kind.DIFFERENCE_TO_OVERALL || kind == Estimand.Kind.RATIO_TO_OVERALL;
        boolean ratio = kind == Estimand.Kind.RATIO || kind == Estimand.Kind.RATIO_TO_OVERALL;
        for (GroupMetric m : components) {
            List<Integer> ok = eligible(m);
            if (toOverall) {
                for (int g : ok) {
                    contrasts.add(ratio ? Contrast.ratio(m, g, Contrast.OVERALL)
                            : Contrast.difference(m, g, Contrast.OVERALL));
                }
            } else {
                for (int i = 0; i < ok.size(); i++) {
                    for (int j = i + 1; j < ok.size(); j++) {
                        contrasts.add(ratio ? orientedRatio(m, ok.get(i), ok.get(j))
                                : Contrast.difference(m, ok.get(i), ok.get(j)));
                    }
                }
            }
        }
        String what = toOverall ? "each group against the overall value" : "all pairs of groups";
        Object r = intervals(e, contrasts);
        if (r instanceof String) {
            return r;
        }
        Family fam = (Family) r;
        return project(fam, ratio ? Projection.MIN_SYMMETRIC_RATIO : Projection.MAX_ABS, fam.ends, what);
    }

    /** A pair's ratio with the larger estimate as denominator (a ratio spread is symmetric in each pair). */
    private Contrast orientedRatio(GroupMetric m, int a, int b) {
        return point(m, a) <= point(m, b) ? Contrast.ratio(m, a, b) : Contrast.ratio(m, b, a);
    }

    /** The reference family of a fairness metric: each group's interval, or the reason, by group. */
    private Map<GroupKey, Object> family(FairnessMetric f) {
        Map<GroupKey, Object> cached = families.get(f);
        if (cached != null) {
            return cached;
        }
        Map<GroupKey, Object> out = new LinkedHashMap<>();
        List<Contrast> contrasts = new ArrayList<>();
        List<GroupKey> owners = new ArrayList<>();
        int per = f.form() == FairnessMetric.Form.REFERENCE_ABS_DIFFERENCE ? f.components().size() : 1;
        for (Disparity d : est.fairnessComparisons(f)) {
            GroupKey key = d.groups().get(0);
            if (!d.isDefined()) {
                out.put(key, "the comparison is undefined: " + d.value().reason().orElseThrow());
                continue;
            }
            int g = est.groups().indexOf(key);
            List<Metrics> comps = f.components();
            switch (f.form()) {
                case REFERENCE_RATIO:
                    contrasts.add(Contrast.ratio(comps.get(0), g, reference));
                    break;
                case REFERENCE_ABS_DIFFERENCE:
                    for (Metrics c : comps) {
                        contrasts.add(Contrast.difference(c, g, reference));
                    }
                    break;
                default:
                    List<Contrast.Term> terms = new ArrayList<>();
                    for (Metrics c : comps) {
                        terms.add(new Contrast.Term(c, g, 1.0 / comps.size()));
                        terms.add(new Contrast.Term(c, reference, -1.0 / comps.size()));
                    }
                    contrasts.add(new Contrast(false, terms));
            }
            owners.add(key);
        }
        if (!contrasts.isEmpty()) {
            Object r = intervals(Estimand.fairness(f), contrasts);
            for (int k = 0; k < owners.size(); k++) {
                if (r instanceof String) {
                    out.put(owners.get(k), r);
                    continue;
                }
                Family fam = (Family) r;
                double[][] mine = java.util.Arrays.copyOfRange(fam.ends, k * per, (k + 1) * per);
                out.put(owners.get(k), project(fam, per > 1 ? Projection.MEAN_ABS : Projection.DIRECT, mine,
                        "each group against the reference " + est.groups().get(reference).label()));
            }
        }
        families.put(f, out);
        return out;
    }

    /** The family's simultaneous intervals. */
    private static final class Family {
        final double[][] ends;
        final String method;
        final int size;
        final long draws;
        final long undefined;

        Family(double[][] ends, String method, int size, long draws, long undefined) {
            this.ends = ends;
            this.method = method;
            this.size = size;
            this.draws = draws;
            this.undefined = undefined;
        }
    }

    private Object intervals(Estimand e, List<Contrast> contrasts) {
        int m = contrasts.size();
        if (m == 0) {
            return "no comparison to estimate";
        }
        if (closedForm(contrasts)) {
            double each = adjust ? Math.pow(level, 1.0 / m) : level;
            double[][] ends = new double[m][];
            for (int c = 0; c < m; c++) {
                ends[c] = closed(contrasts.get(c), each);
            }
            String method = String.format(Locale.ROOT, "%s %s with Wilson components over %d %s, %s level %.6f "
                    + "each", adjust ? "simultaneous" : "unadjusted", contrasts.get(0).ratio() ? "MOVER-R"
                    : "Newcombe/MOVER", m, m == 1 ? "comparison" : "comparisons", adjust ? "Šidák" : "unadjusted", each);
            return new Family(ends, method, m, 0, 0);
        }
        List<GroupConfusion> d = draws.of(e);
        String why = frequency ? "a metric without a fixed numerator and denominator"
                : "weights that are not whole numbers";
        if (d.isEmpty()) {
            return "no simultaneous interval for " + why + " without joint draws (use Bootstrap)";
        }
        MaxTBand.Outcome o = MaxTBand.of(contrasts, tally, d, level, maxUndefinedShare);
        if (o.failure() != null) {
            return "no simultaneous interval (" + why + ", so no closed form): " + o.failure();
        }
        String method = String.format(Locale.ROOT, "simultaneous max-|t| band from %s over %d %s", draws.describe(),
                m, m == 1 ? "comparison" : "comparisons");
        return new Family(o.ends(), method, m, o.draws(), o.undefined());
    }

    private Interval project(Family fam, Projection how, double[][] ends, String what) {
        double lo;
        double hi;
        String note = null;
        switch (how) {
            case MAX_ABS:
                lo = 0;
                hi = 0;
                for (double[] c : ends) {
                    lo = Math.max(lo, Math.max(c[0], -c[1]));
                    hi = Math.max(hi, Math.max(c[1], -c[0]));
                }
                if (lo == 0) {
                    note = "lower end 0: a spread is never below 0, and no comparison in the family excludes parity";
                }
                break;
            case MIN_SYMMETRIC_RATIO:
                lo = Double.POSITIVE_INFINITY;
                hi = Double.POSITIVE_INFINITY;
                for (double[] c : ends) {
                    lo = Math.min(lo, Math.min(c[0], 1 / c[1]));
                    hi = Math.min(hi, c[0] <= 1 && 1 <= c[1] ? 1 : Math.min(c[1], 1 / c[0]));
                }
                if (hi == 1) {
                    note = "upper end 1: a ratio spread is never above 1, and no comparison in the family excludes "
                            + "parity";
                }
                break;
            case MEAN_ABS:
                lo = 0;
                hi = 0;
                for (double[] c : ends) {
                    lo += c[0] <= 0 && 0 <= c[1] ? 0 : Math.min(Math.abs(c[0]), Math.abs(c[1]));
                    hi += Math.max(Math.abs(c[0]), Math.abs(c[1]));
                }
                lo /= ends.length;
                hi /= ends.length;
                break;
            default:
                lo = ends[0][0];
                hi = ends[0][1];
        }
        String family = (adjust ? "simultaneous over " : "not simultaneous (each comparison at the level) over ") + what + " (" + fam.size + (fam.size == 1 ? " comparison" : " comparisons")
                + ")" + (adjust ? ", so it stays valid for the extreme the value picks" : "");
        Interval i = new Interval(lo, Math.max(lo, hi), level, fam.method, fam.draws, fam.undefined)
                .withNote(family);
        return note == null ? i : i.withNote(note);
    }

    private boolean closedForm(List<Contrast> contrasts) {
        if (!frequency) {
            return false;
        }
        for (Contrast c : contrasts) {
            for (Contrast.Term t : c.terms()) {
                if (PosteriorSampler.betaCells(t.metric()).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The groups a metric's aggregates use: not small, value defined. */
    private List<Integer> eligible(GroupMetric m) {
        List<Integer> out = new ArrayList<>();
        List<GroupKey> groups = est.groups();
        for (int g = 0; g < groups.size(); g++) {
            if (!est.isSmall(groups.get(g)) && est.value(m, groups.get(g)).isDefined()) {
                out.add(g);
            }
        }
        return out;
    }

    // ---- closed forms on counts ----

    /** {x, n} of a rate: row counts, or for whole-number weights the weight sums (frequency weights). */
    private long[] counts(GroupMetric m, int g) {
        CellCounts c = g == Contrast.OVERALL ? tally.overall() : tally.group(g);
        if (!tally.isWeighted()) {
            return PosteriorSampler.rateCounts(m, c).orElseThrow();
        }
        int[] cells = PosteriorSampler.betaCells(m).orElseThrow();
        long x = Math.round(mass(c, cells[0]));
        return new long[] {x, x + Math.round(mass(c, cells[1]))};
    }

    private static double mass(CellCounts c, int mask) {
        double s = 0;
        for (Cell cell : Cell.values()) {
            if ((mask & (1 << cell.index())) != 0) {
                s += c.mass(cell);
            }
        }
        return s;
    }

    /**
     * Whether every cell's weight sum is a whole number: unit weights, or integer weights read as frequencies (a
     * row of weight 3 stands for 3 rows, as the metrics read it), so the closed forms apply to the sums.
     */
    private static boolean frequencyWeights(GroupConfusion t) {
        for (int g = 0; g < t.groupCount(); g++) {
            for (Cell cell : Cell.values()) {
                double w = t.group(g).mass(cell);
                if (w != Math.rint(w) || w > 1L << 52) {
                    return false;
                }
            }
        }
        return true;
    }

    private double point(GroupMetric m, int g) {
        if (PosteriorSampler.betaCells(m).isPresent() && frequency) {
            long[] xn = counts(m, g);
            return xn[1] == 0 ? 0 : (double) xn[0] / xn[1];
        }
        CellCounts all = tally.overall();
        MetricValue v = m.compute(g == Contrast.OVERALL ? all : tally.group(g), all);
        return v.isDefined() ? v.value() : 0;
    }

    /** {p̂, l, u}: the Wilson interval; no rows gives the uninformative [0, 1] (only under ZeroDivision.ZERO). */
    private double[] wilson(GroupMetric m, int g, double each) {
        long[] xn = counts(m, g);
        if (xn[1] == 0) {
            return new double[] {0, 0, 1};
        }
        Interval w = ProportionInterval.WILSON.interval(xn[0], xn[1], each);
        return new double[] {(double) xn[0] / xn[1], w.lower(), w.upper()};
    }

    private double[] closed(Contrast c, double each) {
        if (c.ratio()) {
            Contrast.Term num = c.numerator();
            Contrast.Term den = c.denominator();
            if (den.group() == Contrast.OVERALL) {
                return fieller(num.metric(), num.group(), each);
            }
            double[] a = wilson(num.metric(), num.group(), each);
            double[] b = wilson(den.metric(), den.group(), each);
            if (b[0] == 0) {
                // both estimates 0 (an oriented pair): the ratio is undefined, the data say nothing about it
                return new double[] {0, Double.POSITIVE_INFINITY};
            }
            return Mover.ratio(a[0], a[1], a[2], b[0], b[1], b[2]);
        }
        Map<String, Double> coef = new LinkedHashMap<>();
        Map<String, double[]> comp = new LinkedHashMap<>();
        for (Contrast.Term t : c.terms()) {
            if (t.group() == Contrast.OVERALL) {
                long n = counts(t.metric(), Contrast.OVERALL)[1];
                for (int g = 0; g < tally.groupCount(); g++) {
                    long ng = counts(t.metric(), g)[1];
                    if (ng > 0) {
                        add(coef, comp, t.metric(), g, t.coef() * ng / n, each);
                    }
                }
            } else {
                add(coef, comp, t.metric(), t.group(), t.coef(), each);
            }
        }
        return linear(coef, comp);
    }

    private void add(Map<String, Double> coef, Map<String, double[]> comp, GroupMetric m, int g, double c,
            double each) {
        String key = m.id() + "#" + g;
        coef.merge(key, c, Double::sum);
        comp.computeIfAbsent(key, k -> wilson(m, g, each));
    }

    private static double[] linear(Map<String, Double> coef, Map<String, double[]> comp) {
        int k = coef.size();
        double[] c = new double[k];
        double[] p = new double[k];
        double[] l = new double[k];
        double[] u = new double[k];
        int i = 0;
        for (Map.Entry<String, Double> e : coef.entrySet()) {
            double[] w = comp.get(e.getKey());
            c[i] = e.getValue();
            p[i] = w[0];
            l[i] = w[1];
            u[i] = w[2];
            i++;
        }
        return Mover.linear(c, p, l, u);
    }

    /**
     * Fieller's construction for {@code r = p_g / p_all}: the values {@code c ≥ 0} whose MOVER interval of
     * {@code p_g − c · p_all} holds 0 (Fieller 1954, JRSS B 16:175–185, with MOVER in place of the normal pivot).
     */
    private double[] fieller(GroupMetric m, int g, double each) {
        long[] all = counts(m, Contrast.OVERALL);
        double pAll = (double) all[0] / all[1];
        double r = point(m, g) / pAll;
        java.util.function.DoubleFunction<double[]> at = c -> {
            Map<String, Double> coef = new LinkedHashMap<>();
            Map<String, double[]> comp = new LinkedHashMap<>();
            add(coef, comp, m, g, 1, each);
            for (int h = 0; h < tally.groupCount(); h++) {
                long nh = counts(m, h)[1];
                if (nh > 0) {
                    add(coef, comp, m, h, -c * nh / all[1], each);
                }
            }
            return linear(coef, comp);
        };
        double lower = 0;
        if (at.apply(0)[0] > 0) {
            double a = 0;
            double b = r;
            for (int i = 0; i < 200 && b - a > 1e-15 * Math.max(1, b); i++) {
                double mid = (a + b) / 2;
                if (at.apply(mid)[0] > 0) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            lower = a;
        }
        double a = r;
        double b = Math.max(r, 1e-6) * 2;
        while (at.apply(b)[1] >= 0) {
            a = b;
            b *= 2;
            if (b > 1e12) {
                return new double[] {lower, Double.POSITIVE_INFINITY};
            }
        }
        for (int i = 0; i < 200 && b - a > 1e-15 * Math.max(1, b); i++) {
            double mid = (a + b) / 2;
            if (at.apply(mid)[1] >= 0) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return new double[] {Math.min(lower, r), Math.max(b, r)};
    }

}
