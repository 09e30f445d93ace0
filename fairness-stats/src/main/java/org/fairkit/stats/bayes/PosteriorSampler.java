package org.fairkit.stats.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Estimand;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.stats.bootstrap.BootstrapMethod;
import org.fairkit.stats.bootstrap.Streams;
import org.fairkit.stats.proportion.ProportionInterval;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.fairkit.stats.simultaneous.SimultaneousIntervals;

/**
 * The Bayesian engine behind {@code org.fairkit.stats.Bayesian}.
 *
 * <h2>Model</h2>
 * Groups are independent a posteriori. Within a group:
 * <ul>
 *   <li><b>Beta shortcut</b> for every rate with a fixed denominator cell set, {@code rate = mass(A) /
 *       mass(A ∪ B)} with disjoint cell sets A, B: the posterior is {@code Beta(mass(A) + a₀, mass(B) + b₀)}.
 *       These are selection rate (A = TP+FP, B = TN+FN), base rate (TP+FN | TN+FP), TPR (TP | FN), FNR (FN | TP),
 *       FPR (FP | TN), TNR (TN | FP), PPV (TP | FP), FDR (FP | TP), NPV (TN | FN), FOR (FN | TN), accuracy (TP+TN |
 *       FP+FN) and error rate (FP+FN | TP+TN): group values of these metrics get exact credible intervals from
 *       {@link BetaPosterior}.</li>
 *   <li><b>Dirichlet</b> over the four cells, {@code Dir(TN + c, FP + c, FN + c, TP + c)} with concentration
 *       {@code c}, for metrics that combine cells non-linearly (balanced accuracy, F1, predicted positive share,
 *       and any metric outside {@link Metrics}).</li>
 * </ul>
 * Joint quantities (overall values, differences, ratios, comparisons with the reference group, named fairness
 * metrics) are computed by seeded Monte Carlo: each draw builds a synthetic tally whose cell masses carry the
 * drawn rates (a drawn rate {@code r} spreads {@code r · mass(A ∪ B)} over A and the rest over B, in proportion to
 * the observed cells; row counts stay as observed so {@code minGroupSize} eligibility does not move), then
 * re-derives with {@link GroupResults#derive}. One draw serves every quantity of one metric or one named fairness
 * metric, so they are joint. A fairness metric whose component rates have disjoint cell sets (equalized odds: TPR
 * on TP/FN, FPR on FP/TN) keeps the Beta shortcut, since under a Dirichlet such rates are independent Betas too;
 * otherwise it uses the Dirichlet.
 *
 * <h2>Weighted data</h2>
 * The weight sums enter the posterior as pseudo-counts rescaled so that each group's total equals its row count:
 * rates are the weighted ones, and the evidence is the number of rows, not the (arbitrary) scale of the weights.
 * This ignores the variance the weights add (Kish's effective size would be smaller); for weighted data prefer the
 * row bootstrap when that matters.
 *
 * <h2>Undefined</h2>
 * A quantity undefined in a draw (a group without positives has no TPR) is NaN in that draw and counted in
 * {@link Interval#undefinedDraws()}. The row count ({@link Metrics#COUNT}) is observed, not estimated: no interval.
 */
public final class PosteriorSampler {
    private static final int TN = 1 << Cell.TN.index();
    private static final int FP = 1 << Cell.FP.index();
    private static final int FN = 1 << Cell.FN.index();
    private static final int TP = 1 << Cell.TP.index();
    private static final Map<Metrics, int[]> SHORTCUT = new EnumMap<>(Metrics.class);

    static {
        SHORTCUT.put(Metrics.SELECTION_RATE, new int[] {TP | FP, TN | FN});
        SHORTCUT.put(Metrics.BASE_RATE, new int[] {TP | FN, TN | FP});
        SHORTCUT.put(Metrics.TRUE_POSITIVE_RATE, new int[] {TP, FN});
        SHORTCUT.put(Metrics.FALSE_NEGATIVE_RATE, new int[] {FN, TP});
        SHORTCUT.put(Metrics.FALSE_POSITIVE_RATE, new int[] {FP, TN});
        SHORTCUT.put(Metrics.TRUE_NEGATIVE_RATE, new int[] {TN, FP});
        SHORTCUT.put(Metrics.POSITIVE_PREDICTIVE_VALUE, new int[] {TP, FP});
        SHORTCUT.put(Metrics.FALSE_DISCOVERY_RATE, new int[] {FP, TP});
        SHORTCUT.put(Metrics.NEGATIVE_PREDICTIVE_VALUE, new int[] {TN, FN});
        SHORTCUT.put(Metrics.FALSE_OMISSION_RATE, new int[] {FN, TN});
        SHORTCUT.put(Metrics.ACCURACY, new int[] {TP | TN, FP | FN});
        SHORTCUT.put(Metrics.ERROR_RATE, new int[] {FP | FN, TP | TN});
    }

    private PosteriorSampler() {
    }

    /**
     * The Beta shortcut of a metric: its numerator and complementary cell sets as bit masks over
     * {@link Cell#index()}, or empty when the metric needs the Dirichlet.
     */
    public static Optional<int[]> betaCells(GroupMetric metric) {
        int[] c = metric instanceof Metrics ? SHORTCUT.get((Metrics) metric) : null;
        return c == null ? Optional.empty() : Optional.of(c.clone());
    }

    /**
     * The row counts of a rate with a fixed denominator: {@code {x, n}}, the rows in the numerator cells and in
     * numerator and complement together (for the selection rate, {@code {TP + FP, all rows}}).
     *
     * @return the counts, or empty when the metric needs the Dirichlet (no Beta shortcut)
     */
    public static Optional<long[]> rateCounts(GroupMetric metric, CellCounts counts) {
        return betaCells(metric).map(cells -> {
            long x = rowsIn(counts, cells[0]);
            return new long[] {x, x + rowsIn(counts, cells[1])};
        });
    }

    private static long rowsIn(CellCounts c, int mask) {
        long n = 0;
        for (Cell cell : Cell.values()) {
            if ((mask & (1 << cell.index())) != 0) {
                n += c.rows(cell);
            }
        }
        return n;
    }

    /** One metric's or one fairness metric's joint posterior: a derive spec and the model of its cells. */
    private static final class Family {
        final EvaluationSpec spec;
        final List<int[]> pairs; // null: Dirichlet
        final List<Integer> estimands = new ArrayList<>();

        Family(EvaluationSpec spec, List<int[]> pairs) {
            this.spec = spec;
            this.pairs = pairs;
        }
    }

    /**
     * Computes the posterior of every reported quantity.
     *
     * @param s the settings
     * @param request what the point estimates were computed from
     */
    public static Posterior run(BayesSettings s, IntervalRequest request) {
        EvaluationSpec spec = request.spec();
        ZeroDivision zd = spec.zeroDivision() == ZeroDivision.ERROR ? ZeroDivision.UNDEFINED : spec.zeroDivision();
        Grouping grouping = request.grouping();
        GroupResults est = request.estimates();
        Map<Estimand, MetricValue> points = est.values();
        List<Estimand> estimands = new ArrayList<>(points.keySet());
        Map<String, Family> byMetric = new LinkedHashMap<>();
        Map<String, Family> byFairness = new LinkedHashMap<>();
        List<Family> families = new ArrayList<>();
        for (GroupMetric m : spec.metrics()) {
            if (m == Metrics.COUNT) {
                continue;
            }
            EvaluationSpec fs = spec.withZeroDivision(zd).withMetrics(List.of(m), List.of());
            Family f = new Family(fs, pairsOf(List.of(m)));
            byMetric.put(m.id(), f);
            families.add(f);
        }
        for (FairnessMetric fm : spec.fairnessMetrics()) {
            EvaluationSpec fs = spec.withZeroDivision(zd).withMetrics(List.of(), List.of(fm));
            Family f = new Family(fs, pairsOf(componentsOf(fm, est)));
            byFairness.put(fm.id(), f);
            families.add(f);
        }
        Map<Estimand, String> omitted = new LinkedHashMap<>();
        for (int k = 0; k < estimands.size(); k++) {
            Estimand e = estimands.get(k);
            Family f = f(e, byFairness, byMetric);
            if (f == null) {
                omitted.put(e, "the row count is observed, not estimated");
            } else {
                f.estimands.add(k);
            }
        }
        GroupConfusion tally = request.tally();
        int groups = tally.groupCount();
        double[][] evidence = new double[groups][];
        for (int g = 0; g < groups; g++) {
            evidence[g] = evidence(tally.group(g));
        }
        int d = s.draws();
        double[][] draws = new double[estimands.size()][];
        GroupConfusion[][] familyDraws = new GroupConfusion[families.size()][];
        for (int fi = 0; fi < families.size(); fi++) {
            Family f = families.get(fi);
            for (int k : f.estimands) {
                draws[k] = new double[d];
            }
            GroupConfusion[] joint = new GroupConfusion[d];
            familyDraws[fi] = joint;
            long familySeed = s.seed() + 0x9E3779B97F4A7C15L * (fi + 1);
            Streams.forEach(d, request.threads(), i -> {
                UniformRandomProvider rng = Streams.generator(familySeed, i);
                CellCounts[] cs = new CellCounts[groups];
                for (int g = 0; g < groups; g++) {
                    cs[g] = f.pairs == null ? dirichletDraw(rng, tally.group(g), evidence[g], s.dirichlet())
                            : betaDraw(rng, tally.group(g), evidence[g], f.pairs, s.priorA(), s.priorB());
                }
                joint[i] = GroupConfusion.of(cs);
                Map<Estimand, MetricValue> vs = GroupResults.derive(f.spec, grouping, joint[i]).values();
                for (int k : f.estimands) {
                    MetricValue v = vs.get(estimands.get(k));
                    draws[k][i] = v == null || !v.isDefined() ? Double.NaN : v.value();
                }
            });
        }
        SimultaneousIntervals.Result family = SimultaneousIntervals.estimate(request, s.level(),
                SimultaneousIntervals.Draws.of(e -> {
                    Family f = f(e, byFairness, byMetric);
                    return f == null ? List.of() : List.of(familyDraws[families.indexOf(f)]);
                }, d + " joint posterior draws (seed " + s.seed() + ")"), s.maxUndefinedShare());
        Map<Estimand, double[]> drawMap = new LinkedHashMap<>();
        Map<Estimand, BetaPosterior> exact = new LinkedHashMap<>();
        Map<Estimand, Interval> intervals = new LinkedHashMap<>();
        String method = s.methodName();
        for (int k = 0; k < estimands.size(); k++) {
            Estimand e = estimands.get(k);
            if (draws[k] == null) {
                continue;
            }
            drawMap.put(e, draws[k]);
            MetricValue p = points.get(e);
            Optional<BetaPosterior> beta = exactBeta(e, spec, grouping, tally, evidence, s);
            beta.ifPresent(b -> exact.put(e, b));
            if (!p.isDefined()) {
                omitted.put(e, "the point estimate is undefined: " + p.reason().orElse(""));
                continue;
            }
            if (SimultaneousIntervals.covers(e.kind())) {
                Interval iv = family.intervals().get(e);
                if (iv != null) {
                    intervals.put(e, iv);
                } else {
                    omitted.put(e, family.omitted().getOrDefault(e, "not estimated"));
                }
                continue;
            }
            if (beta.isPresent() && denominatorEvidence(e, spec, grouping, evidence) == 0) {
                omitted.put(e, "no rows in the rate's denominator: the posterior would be the prior");
                continue;
            }
            if (beta.isPresent()) {
                double[] ends = boundaryRule(s.hpd() ? beta.get().hpd(s.level()) : beta.get().equalTailed(s.level()),
                        beta.get(), s);
                intervals.put(e, new Interval(ends[0], ends[1], s.level(), method + ", exact Beta("
                        + fmt(beta.get().a()) + ", " + fmt(beta.get().b()) + ")", 0, 0));
                continue;
            }
            Optional<Interval> closed = closedForm(e, spec, est, s);
            if (closed.isPresent()) {
                intervals.put(e, closed.get());
                continue;
            }
            double[] sorted = Arrays.stream(draws[k]).filter(Double::isFinite).sorted().toArray();
            int undefined = d - sorted.length;
            if (sorted.length == 0 || (double) undefined / d > s.maxUndefinedShare()) {
                omitted.put(e, String.format(Locale.ROOT,
                        "undefined in %d of %d posterior draws (%.1f%%), more than the %.1f%% allowed", undefined, d,
                        100.0 * undefined / d, 100 * s.maxUndefinedShare()));
                continue;
            }
            double[] ends = s.hpd() ? shortest(sorted, s.level()) : new double[] {
                BootstrapMethod.quantile(sorted, (1 - s.level()) / 2),
                BootstrapMethod.quantile(sorted, 1 - (1 - s.level()) / 2)};
            intervals.put(e, new Interval(ends[0], ends[1], s.level(), method + ", " + d + " Monte Carlo draws, seed "
                    + s.seed() + (f(e, byFairness, byMetric).pairs == null ? ", Dirichlet" : ", Beta"), d, undefined));
        }
        return new Posterior(s.describe(), drawMap, exact, intervals, omitted);
    }

    /**
     * The Brown, Cai &amp; DasGupta (2001) boundary rule for a rate's posterior interval: with no event observed the
     * lower end is 0, with no non-event the upper end is 1. Without it an equal-tailed interval excludes the
     * observed 0 (Beta(1/2, n + 1/2) puts 2.5% of its mass below about 1e-5), and the group's interval disagrees with
     * {@code ProportionInterval.JEFFREYS} for the same counts.
     */
    private static double[] boundaryRule(double[] ends, BetaPosterior beta, BayesSettings s) {
        double events = beta.a() - s.priorA();
        double nonEvents = beta.b() - s.priorB();
        return new double[] {events == 0 ? 0 : ends[0], nonEvents == 0 ? 1 : ends[1]};
    }

    /**
     * The closed form of an unweighted rate's overall value (exact Beta, boundary rule) and of its comparisons with
     * the reference (MOVER with Jeffreys components, Laud 2017: the boundary rule carried into the difference and
     * the ratio); empty for anything else.
     */
    private static Optional<Interval> closedForm(Estimand e, EvaluationSpec spec, GroupResults est, BayesSettings s) {
        if (est.tally().isWeighted()) {
            return Optional.empty();
        }
        GroupMetric m = spec.metrics().stream().filter(x -> x.id().equals(e.metricId())).findFirst().orElse(null);
        if (m == null || betaCells(m).isEmpty()) {
            return Optional.empty();
        }
        switch (e.kind()) {
            case OVERALL_VALUE:
                long[] xn = rateCounts(m, est.overallCounts()).orElseThrow();
                if (xn[1] == 0) {
                    return Optional.empty();
                }
                BetaPosterior b = BetaPosterior.of(xn[0], xn[1] - xn[0], s.priorA(), s.priorB());
                double[] ends = boundaryRule(s.hpd() ? b.hpd(s.level()) : b.equalTailed(s.level()), b, s);
                return Optional.of(new Interval(ends[0], ends[1], s.level(), s.methodName() + ", exact Beta("
                        + fmt(b.a()) + ", " + fmt(b.b()) + ") of all rows", 0, 0));
            case REFERENCE_DIFFERENCE:
            case REFERENCE_RATIO:
                long[] a = rateCounts(m, est.counts(e.group().orElseThrow())).orElseThrow();
                long[] r = rateCounts(m, est.counts(est.reference().orElseThrow())).orElseThrow();
                if (a[1] == 0 || r[1] == 0) {
                    return Optional.empty();
                }
                return (e.kind() == Estimand.Kind.REFERENCE_DIFFERENCE
                        ? TwoProportionIntervals.moverDifference(a[0], a[1], r[0], r[1], s.level(),
                                ProportionInterval.JEFFREYS)
                        : TwoProportionIntervals.moverRatio(a[0], a[1], r[0], r[1], s.level(),
                                ProportionInterval.JEFFREYS)).interval()
                        .map(i -> i.withNote("closed form (MOVER-J, Laud 2017) rather than Monte Carlo, so that an "
                                + "observed 0 keeps the Brown-Cai-DasGupta boundary rule"));
            default:
                return Optional.empty();
        }
    }

    private static Family f(Estimand e, Map<String, Family> byFairness, Map<String, Family> byMetric) {
        boolean fairness = e.kind() == Estimand.Kind.FAIRNESS_METRIC || e.kind() == Estimand.Kind.FAIRNESS_COMPARISON;
        return fairness ? byFairness.get(e.metricId()) : byMetric.get(e.metricId());
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * The shortest interval holding {@code ceil(level · m)} of the {@code m} sorted draws (Chen &amp; Shao 1999,
     * "Monte Carlo estimation of Bayesian credible and HPD intervals", J. Comput. Graph. Statist. 8:69–92).
     */
    public static double[] shortest(double[] sorted, double level) {
        int m = sorted.length;
        int span = Math.max(1, (int) Math.ceil(level * m)) - 1;
        int best = 0;
        for (int i = 1; i + span < m; i++) {
            if (sorted[i + span] - sorted[i] < sorted[best + span] - sorted[best]) {
                best = i;
            }
        }
        return new double[] {sorted[best], sorted[Math.min(m - 1, best + span)]};
    }

    private static Optional<BetaPosterior> exactBeta(Estimand e, EvaluationSpec spec, Grouping grouping,
            GroupConfusion tally, double[][] evidence, BayesSettings s) {
        if (e.kind() != Estimand.Kind.GROUP_VALUE) {
            return Optional.empty();
        }
        GroupMetric metric = spec.metrics().stream().filter(m -> m.id().equals(e.metricId())).findFirst()
                .orElseThrow();
        Optional<int[]> cells = betaCells(metric);
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        int g = grouping.indexOf(e.group().orElseThrow().levels()).orElseThrow();
        return Optional.of(BetaPosterior.of(sum(evidence[g], cells.get()[0]), sum(evidence[g], cells.get()[1]),
                s.priorA(), s.priorB()));
    }

    private static double denominatorEvidence(Estimand e, EvaluationSpec spec, Grouping grouping,
            double[][] evidence) {
        GroupMetric metric = spec.metrics().stream().filter(m -> m.id().equals(e.metricId())).findFirst()
                .orElseThrow();
        int[] cells = betaCells(metric).orElseThrow();
        int g = grouping.indexOf(e.group().orElseThrow().levels()).orElseThrow();
        return sum(evidence[g], cells[0] | cells[1]);
    }

    /** Masses rescaled so the group's total is its row count (identity for unweighted data). */
    private static double[] evidence(CellCounts c) {
        double[] m = new double[4];
        double total = c.total();
        double scale = c.isWeighted() && total > 0 ? c.rows() / total : 1.0;
        for (Cell cell : Cell.values()) {
            m[cell.index()] = c.isWeighted() ? c.mass(cell) * scale : c.rows(cell);
        }
        return m;
    }

    private static double sum(double[] cells, int mask) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
            if ((mask & (1 << k)) != 0) {
                s += cells[k];
            }
        }
        return s;
    }

    private static List<GroupMetric> componentsOf(FairnessMetric fm, GroupResults est) {
        Set<GroupMetric> used = new LinkedHashSet<>();
        List<GroupKey> groups = est.groups();
        fm.compute(m -> {
            used.add(m);
            List<MetricValue> vs = new ArrayList<>();
            List<String> small = new ArrayList<>();
            for (GroupKey g : groups) {
                vs.add(est.value(m, g));
                small.add(est.isSmall(g) ? "small" : null);
            }
            return new GroupValues(m.id(), groups, vs, small, est.overall(m), ZeroDivision.UNDEFINED);
        }, est.reference().isPresent() ? java.util.OptionalInt.of(groups.indexOf(est.reference().get()))
                : java.util.OptionalInt.empty());
        return new ArrayList<>(used);
    }

    /** The Beta pairs of a set of metrics, or null when they need the Dirichlet. */
    private static List<int[]> pairsOf(List<GroupMetric> metrics) {
        List<int[]> pairs = new ArrayList<>();
        for (GroupMetric m : metrics) {
            Optional<int[]> c = betaCells(m);
            if (c.isEmpty()) {
                return null;
            }
            int[] p = c.get();
            boolean placed = false;
            for (int[] q : pairs) {
                boolean same = (q[0] == p[0] && q[1] == p[1]) || (q[0] == p[1] && q[1] == p[0]);
                boolean disjoint = ((q[0] | q[1]) & (p[0] | p[1])) == 0;
                if (same) {
                    placed = true;
                    break;
                }
                if (!disjoint) {
                    return null;
                }
            }
            if (!placed) {
                pairs.add(p);
            }
        }
        return pairs;
    }

    private static CellCounts betaDraw(UniformRandomProvider rng, CellCounts observed, double[] evidence,
            List<int[]> pairs, double a, double b) {
        double[] mass = {observed.mass(Cell.TN), observed.mass(Cell.FP), observed.mass(Cell.FN),
            observed.mass(Cell.TP)};
        for (int[] p : pairs) {
            double r = ChengBetaSampler.of(rng, sum(evidence, p[0]) + a, sum(evidence, p[1]) + b).sample();
            double total = sum(mass, p[0] | p[1]);
            spread(mass, p[0], r * total);
            spread(mass, p[1], (1 - r) * total);
        }
        return synthetic(observed, mass);
    }

    /** Sets the cells of {@code mask} to sum to {@code target}, in proportion to their masses (equally if all 0). */
    private static void spread(double[] mass, int mask, double target) {
        double current = sum(mass, mask);
        int cells = Integer.bitCount(mask);
        for (int k = 0; k < 4; k++) {
            if ((mask & (1 << k)) != 0) {
                mass[k] = current > 0 ? target * mass[k] / current : target / cells;
            }
        }
    }

    private static CellCounts dirichletDraw(UniformRandomProvider rng, CellCounts observed, double[] evidence,
            double concentration) {
        double total = observed.total();
        if (total == 0) {
            return synthetic(observed, new double[4]);
        }
        double[] alpha = new double[4];
        for (int k = 0; k < 4; k++) {
            alpha[k] = evidence[k] + concentration;
        }
        double[] theta = DirichletSampler.of(rng, alpha).sample();
        double[] mass = new double[4];
        for (int k = 0; k < 4; k++) {
            mass[k] = theta[k] * total;
        }
        return synthetic(observed, mass);
    }

    private static CellCounts synthetic(CellCounts observed, double[] mass) {
        return CellCounts.weighted(observed.rows(Cell.TN), observed.rows(Cell.FP), observed.rows(Cell.FN),
                observed.rows(Cell.TP), mass[0], mass[1], mass[2], mass[3]);
    }
}
