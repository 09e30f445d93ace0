package org.fairkit.mitigation.tradeoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.internal.Settings;
import org.fairkit.stats.Bootstrap;

/**
 * The fairness–accuracy trade-off of one mitigator's knob: sweep the knob, and per value measure a performance metric
 * (accuracy by default, or any catalog {@link GroupMetric} with a direction) and a fairness metric
 * ({@link FairnessMetric#DEMOGRAPHIC_PARITY_DIFFERENCE} by default) with their intervals on held-out rows; mark the
 * Pareto-optimal points and recommend one ({@link Frontier}).
 *
 * <pre>{@code
 * Frontier f = TradeOff.sweep("tolerance", Sweeps.thresholdTolerance(
 *         ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY), fitScores, fitLabels, fitGroups, null,
 *         testScores, testGroups))
 *     .values(0, 0.02, 0.05, 0.1, 0.2)
 *     .bound(0.05)
 *     .evaluate(testLabels, testGroups, null);
 * f.recommended();   // the point to pick, f.reason() says why; f.points() lists them all
 * }</pre>
 *
 * <p><b>Values.</b> Each held-out row {@code i} has weight {@code w_i} (1 when unweighted), label {@code y_i} and, from
 * the {@link Sweep}, {@code p_i = P(yhat_i = 1)}. The point's values are <em>expected</em> values: the catalog's
 * formulas applied to the expected weighted cells of each group, {@code TP = sum w p y}, {@code FP = sum w p (1 - y)},
 * {@code FN = sum w (1 - p) y}, {@code TN = sum w (1 - p)(1 - y)} (so the expected accuracy is the mean of each row's
 * probability of a correct decision, Fairlearn's {@code _pmf_predict} convention). For a deterministic mitigator these
 * are the plain values.
 *
 * <p><b>Intervals.</b> The interval estimator (default {@code Bootstrap.percentile(1000)} with this sweep's seed;
 * fairness-stats' simultaneous family intervals for spreads and worst-group metrics, whatever the estimator) is run on
 * the <em>realized</em> decisions {@code yhat_i = [u_i < p_i]}, {@code u_i} the {@code i}-th SplitMix64 double of
 * {@link #seed(long)} (the same draws as the threshold optimizer's {@code predict} with that seed). Those decisions are
 * independent draws of the randomized classifier, so the estimator's interval covers the population value of the
 * randomized classifier as it does for any classifier. The expected value is the Rao–Blackwell estimate of the same
 * quantity, whose variance is smaller (law of total variance: {@code Var(realized) = Var(expected) + E[coin
 * variance]}), so the reported interval is the realized one <em>translated</em> by {@code expected - realized}: as
 * wide as the realized one, which to first order is conservative for the expected value. An end on the metric's range
 * bound (for example the lower end 0 of a spread no pair shows above parity) stays there, and ends are clamped to the
 * range; the interval's note records the translation. Without randomization the translation is 0 and the interval is
 * exactly the estimator's.
 *
 * <p>Immutable; each setting may be chosen once.
 */
public final class TradeOff {
    /** The default bound of the recommendation for differences (parity at 0): 0.05. */
    public static final double DEFAULT_DIFFERENCE_BOUND = 0.05;
    /** The default bound of the recommendation for ratios (parity at 1): 0.2, the four-fifths rule's distance. */
    public static final double DEFAULT_RATIO_BOUND = 0.2;
    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private final String knob;
    private final Sweep sweep;
    private final double[] values;
    private final GroupMetric metric;
    private final FairnessMetric disparity;
    private final Double bound;
    private final IntervalEstimator intervals;
    private final Long seed;

    private TradeOff(String knob, Sweep sweep, double[] values, GroupMetric metric, FairnessMetric disparity,
            Double bound, IntervalEstimator intervals, Long seed) {
        this.knob = knob;
        this.sweep = sweep;
        this.values = values;
        this.metric = metric;
        this.disparity = disparity;
        this.bound = bound;
        this.intervals = intervals;
        this.seed = seed;
    }

    /**
     * A trade-off over one knob.
     *
     * @param knob the knob's name, for output (e.g. {@code tolerance}, {@code eps})
     * @param sweep fits at a knob value and decides the held-out rows
     * @throws IllegalArgumentException for a blank name
     */
    public static TradeOff sweep(String knob, Sweep sweep) {
        if (knob == null || knob.isBlank()) {
            throw new IllegalArgumentException("knob must be a non-blank name, got " + (knob == null ? "null"
                    : "'" + knob + "'"));
        }
        return new TradeOff(knob.strip(), Objects.requireNonNull(sweep, "sweep"), null, null, null, null, null, null);
    }

    /**
     * The knob values to sweep (required): finite and distinct; points keep this order.
     *
     * @throws IllegalArgumentException for no value, a value that is not finite, or a repeated value
     */
    public TradeOff values(double... v) {
        Settings.once(values, "values");
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("values: need at least one knob value, got none");
        }
        double[] copy = v.clone();
        double[] sorted = copy.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("values: knob values must be finite numbers, got " + sorted[i]);
            }
            if (i > 0 && Double.compare(sorted[i], sorted[i - 1]) == 0) {
                throw new IllegalArgumentException("values: knob value " + sorted[i] + " appears twice; expected "
                        + "distinct values");
            }
        }
        return new TradeOff(knob, sweep, copy, metric, disparity, bound, intervals, seed);
    }

    /**
     * The performance metric (default {@link Metrics#ACCURACY}); it must have a direction (higher or lower is better).
     *
     * @throws IllegalArgumentException for a metric without a direction, such as the selection rate
     */
    public TradeOff metric(GroupMetric m) {
        Settings.once(metric, "metric");
        Direction d = Objects.requireNonNull(m, "metric").info().direction();
        if (d != Direction.HIGHER_IS_BETTER && d != Direction.LOWER_IS_BETTER) {
            throw new IllegalArgumentException("metric: expected a metric where higher or lower is better (accuracy, "
                    + "balanced_accuracy, error_rate, ...), got " + m.info().id() + " (" + d + ")");
        }
        return new TradeOff(knob, sweep, values, m, disparity, bound, intervals, seed);
    }

    /**
     * The fairness metric (default {@link FairnessMetric#DEMOGRAPHIC_PARITY_DIFFERENCE}): one without a reference
     * group, with parity at 0 or 1.
     *
     * @throws IllegalArgumentException for a fairness metric that needs a reference group or has no parity value
     */
    public TradeOff disparity(FairnessMetric f) {
        Settings.once(disparity, "disparity");
        Objects.requireNonNull(f, "disparity");
        if (f.needsReference()) {
            throw new IllegalArgumentException("disparity: " + f.id() + " needs a reference group; expected a "
                    + "between-groups metric such as demographic_parity_difference or equalized_odds_difference");
        }
        Frontier.distanceFromParity(f, 0);
        return new TradeOff(knob, sweep, values, metric, f, bound, intervals, seed);
    }

    /**
     * The largest acceptable distance from parity in the recommendation's rule ({@link Frontier}); default
     * {@value #DEFAULT_DIFFERENCE_BOUND} for differences and {@value #DEFAULT_RATIO_BOUND} for ratios.
     *
     * @throws IllegalArgumentException unless {@code 0 <= b <= 1}
     */
    public TradeOff bound(double b) {
        Settings.once(bound, "bound");
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("bound must be in [0, 1], got " + b);
        }
        return new TradeOff(knob, sweep, values, metric, disparity, b, intervals, seed);
    }

    /** The interval estimator (default {@code Bootstrap.percentile(1000).seed(seed)}). */
    public TradeOff intervals(IntervalEstimator estimator) {
        Settings.once(intervals, "intervals");
        return new TradeOff(knob, sweep, values, metric, disparity, bound,
                Objects.requireNonNull(estimator, "intervals"), seed);
    }

    /** The seed of the realized decisions (and of the default estimator); default 0. */
    public TradeOff seed(long s) {
        Settings.once(seed, "seed");
        return new TradeOff(knob, sweep, values, metric, disparity, bound, intervals, s);
    }

    /** @return the performance metric (default filled in) */
    public GroupMetric metric() {
        return metric == null ? Metrics.ACCURACY : metric;
    }

    /** @return the fairness metric (default filled in) */
    public FairnessMetric disparity() {
        return disparity == null ? FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE : disparity;
    }

    /** @return the bound of the recommendation (default filled in for the fairness metric) */
    public double bound() {
        if (bound != null) {
            return bound;
        }
        return disparity().info().direction() == Direction.ONE_IS_PARITY ? DEFAULT_RATIO_BOUND
                : DEFAULT_DIFFERENCE_BOUND;
    }

    /** @return the seed (default filled in) */
    public long seed() {
        return seed == null ? 0L : seed;
    }

    /** @return the interval estimator (default filled in) */
    public IntervalEstimator intervals() {
        return intervals == null ? Bootstrap.percentile(DEFAULT_RESAMPLES).seed(seed()) : intervals;
    }

    /**
     * Sweeps the knob and measures every point on the held-out rows.
     *
     * @param labels the held-out rows' 0/1 labels
     * @param groups their group labels
     * @param weights their weights, or {@code null} (unweighted)
     * @throws IllegalStateException if no values were set
     * @throws IllegalArgumentException naming the column and row of a bad input, or the knob value and row of a
     *     probability outside [0, 1]
     */
    public Frontier evaluate(int[] labels, String[] groups, double[] weights) {
        if (values == null) {
            throw new IllegalStateException("values: set the knob values to sweep with values(...)");
        }
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required, got null");
        }
        MitigationErrors.checkLabels(labels, groups.length, "groups");
        if (weights != null) {
            MitigationErrors.checkWeights(weights, groups.length, "groups");
        }
        int n = labels.length;
        Grouping grouping = Grouping.of(List.of(SensitiveFeature.of("group", groups)));
        Set<GroupMetric> ms = new LinkedHashSet<>();
        ms.add(metric());
        ms.addAll(disparity().components());
        IntervalEstimator estimator = intervals();
        List<TradeOffPoint> points = new ArrayList<>(values.length);
        for (double v : values) {
            double[] p = sweep.probabilityOfPositive(v);
            if (p == null || p.length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %s: the sweep returned %s "
                        + "probabilities; expected one per held-out row (%d)", knob, v,
                        p == null ? "no" : String.valueOf(p.length), n));
            }
            int[] realized = new int[n];
            boolean randomized = false;
            for (int i = 0; i < n; i++) {
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %s: P(yhat = 1) of held-out "
                            + "row %d is %s; expected a probability in [0, 1]", knob, v, i, p[i]));
                }
                randomized |= p[i] > 0 && p[i] < 1;
                realized[i] = draw(seed(), i, p[i]);
            }
            FairnessData.Builder b = FairnessData.builder().labels(labels).predictions(realized)
                    .sensitive("group", groups);
            if (weights != null) {
                b.weights(weights);
            }
            FairnessReport report = Fairness.of(b.build()).groupBy("group").metrics(ms.toArray(new GroupMetric[0]))
                    .fairnessMetrics(disparity()).intervals(estimator).evaluate();
            GroupResults expected = GroupResults.derive(report.results().spec(), grouping,
                    expectedCells(grouping, labels, weights, p, realized));
            MetricValue realizedMetric = report.overall(metric());
            MetricValue expectedMetric = expected.overall(metric());
            Optional<Interval> mi = report.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, metric()))
                    .map(i -> translate(i, metric().info(), realizedMetric, expectedMetric));
            Disparity realizedDisparity = report.fairness(disparity());
            Disparity expectedDisparity = expected.fairness(disparity());
            Optional<Interval> di = realizedDisparity.interval().map(i -> translate(i, disparity().info(),
                    realizedDisparity.value(), expectedDisparity.value()));
            Disparity withInterval = di.map(expectedDisparity::withInterval).orElse(expectedDisparity);
            double distance = expectedDisparity.isDefined()
                    ? Frontier.distanceFromParity(disparity(), expectedDisparity.asDouble()) : Double.NaN;
            double upper = di.map(i -> Frontier.distanceUpper(disparity(), i)).orElse(Double.NaN);
            points.add(new TradeOffPoint(v, expectedMetric, mi, withInterval, distance, upper, realizedMetric,
                    realizedDisparity.value(), randomized, false));
        }
        return new Frontier(knob, metric(), disparity(), bound(), n, estimator.description() + " on the realized "
                + "decisions (seed " + seed() + "), translated to the expected values", points);
    }

    /** Expected weighted cells per group; row counts per cell from the realized decisions. */
    private static GroupConfusion expectedCells(Grouping grouping, int[] labels, double[] weights, double[] p,
            int[] realized) {
        int k = grouping.groupCount();
        long[][] rows = new long[k][4];
        double[][] mass = new double[k][4];
        for (int i = 0; i < labels.length; i++) {
            int g = grouping.groupOf(i);
            double w = weights == null ? 1 : weights[i];
            int y = labels[i];
            rows[g][2 * y + realized[i]]++;
            mass[g][2 * y + 1] += w * p[i];
            mass[g][2 * y] += w * (1 - p[i]);
        }
        CellCounts[] cells = new CellCounts[k];
        for (int g = 0; g < k; g++) {
            // index 2y + yhat: 0 TN, 1 FP, 2 FN, 3 TP
            cells[g] = CellCounts.weighted(rows[g][0], rows[g][1], rows[g][2], rows[g][3], mass[g][0], mass[g][1],
                    mass[g][2], mass[g][3]);
        }
        return GroupConfusion.of(cells);
    }

    /** The realized interval moved by {@code expected - realized}; ends on the range bounds stay; clamped. */
    static Interval translate(Interval i, MetricInfo info, MetricValue realized, MetricValue expected) {
        if (!realized.isDefined() || !expected.isDefined()) {
            return i;
        }
        double shift = expected.value() - realized.value();
        if (shift == 0) {
            return i;
        }
        double lo = info.lowerBound();
        double hi = info.upperBound();
        double l = i.lower() == lo || Double.isInfinite(i.lower()) ? i.lower() : clamp(i.lower() + shift, lo, hi);
        double u = i.upper() == hi || Double.isInfinite(i.upper()) ? i.upper() : clamp(i.upper() + shift, lo, hi);
        l = Math.min(l, expected.value());
        u = Math.max(u, expected.value());
        Interval moved = new Interval(l, u, i.level(), i.method(), i.draws(), i.undefinedDraws(), i.note());
        return moved.withNote(String.format(Locale.ROOT, "translated by expected - realized = %+.6f (randomized "
                + "decisions)", shift));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * The realized decisions of a point: row {@code i} decides 1 when its draw {@code u_i} (below) is under
     * {@code p[i]}; the decisions {@link #evaluate} runs the interval estimator on.
     *
     * @param p {@code P(yhat = 1)} per row, in [0, 1]
     * @param seed the seed ({@link #seed(long)})
     * @return 0/1 per row
     */
    public static int[] realize(double[] p, long seed) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = draw(seed, i, p[i]);
        }
        return out;
    }

    private static int draw(long seed, int i, double p) {
        return uniform(seed, i) < p ? 1 : 0;
    }

    /**
     * The {@code i}-th (0-based) double of SplitMix64 seeded with {@code seed}: the threshold optimizer's draw
     * ({@code ThresholdOptimizer}'s class javadoc), so the realized decisions equal its {@code predict} for the same
     * seed.
     */
    static double uniform(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    @Override
    public String toString() {
        return "TradeOff[" + knob + " over " + (values == null ? "no values yet" : Arrays.toString(values)) + ", "
                + metric().info().id() + " against " + disparity().id() + ", bound " + bound() + ", seed " + seed()
                + "]";
    }
}
