package org.fairkit.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.regression.ErrorSums;
import org.fairkit.core.regression.GroupErrorSums;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.stats.intervals.RowResampler;
import org.fairkit.stats.intervals.SpreadIntervals;

/**
 * Intervals for the metrics of a regression report ({@code RegressionReport}): every group's value, the overall
 * value, the aggregates ({@code mean_absolute_error.difference}, {@code .ratio}, ...) and the named fairness metrics
 * ({@code bounded_group_loss_absolute}, {@code mae_parity_difference}, ...), keyed as the report keys them
 * ({@link MetricIntervals}). Two methods:
 *
 * <ul>
 *   <li>{@link #closedForm(double)}: the per-group means of a loss (mean prediction, mean target, mean error, mean
 *       absolute error, mean squared error) by a t interval with the sandwich variance and Kish's effective sample
 *       size ({@link LossMean}); the root mean squared error by the square roots of the MSE interval's ends (and the
 *       delta method, {@code se/(2·sqrt(MSE))}, in its disparities). The groups are disjoint, so their means are
 *       independent: the difference (max − min) and ratio (min / max) of a metric, MAE parity and the mean
 *       prediction and mean error differences get the pairwise Welch intervals of {@link SpreadIntervals},
 *       Šidák-simultaneous over the pairs when there are more than two groups; bounded group loss (the largest group
 *       loss) gets {@code [max_g L_g, max_g U_g]} from per-group intervals at {@code level^(1/k)}. R², custom
 *       metrics and the to-overall aggregates (the overall value shares its rows with every group) have no closed
 *       form here and come back undefined with that reason.</li>
 *   <li>{@link #bootstrap(RowBootstrap)}: every quantity, for any {@link RegressionMetric} (all are functions of
 *       the per-group error sums), by a seeded row bootstrap stratified by group ({@link RowResampler}); each
 *       resample re-derives everything as the report does, so the intervals are joint. BCa uses the exact
 *       stratified jackknife (one row removed from its group's sums).</li>
 * </ul>
 * Groups below {@link #minGroupSize(int)} are left out of aggregates and fairness metrics, as in the report.
 *
 * <pre>{@code
 * MetricIntervals ci = RegressionIntervals.closedForm(data, List.of("sex"),
 *     List.of(RegressionMetrics.MEAN_ABSOLUTE_ERROR), 0.95);
 * ci.disparity("bounded_group_loss_absolute");
 * }</pre>
 */
public final class RegressionIntervals {
    private final RegressionData data;
    private final List<String> groupBy;
    private final int minGroupSize;
    private final List<RegressionMetric> metrics;
    private final List<RegressionFairnessMetric> fairness;

    private RegressionIntervals(RegressionData data, List<String> groupBy, int minGroupSize,
            List<RegressionMetric> metrics, List<RegressionFairnessMetric> fairness) {
        this.data = data;
        this.groupBy = groupBy;
        this.minGroupSize = minGroupSize;
        this.metrics = metrics;
        this.fairness = fairness;
    }

    /**
     * @param data the rows
     * @return a computation with the report's defaults ({@link RegressionMetrics#defaults()}, every
     *     {@link RegressionFairnessMetric}); set {@link #groupBy} before computing
     */
    public static RegressionIntervals of(RegressionData data) {
        Objects.requireNonNull(data, "data");
        return new RegressionIntervals(data, null, 0, RegressionMetrics.defaults(),
                Arrays.asList(RegressionFairnessMetric.values()));
    }

    /** Closed-form intervals of {@code metrics} and every regression fairness metric (minimum group size 0). */
    public static MetricIntervals closedForm(RegressionData data, List<String> groupBy,
            List<? extends RegressionMetric> metrics, double level) {
        return of(data).groupBy(groupBy.toArray(String[]::new)).metrics(metrics.toArray(RegressionMetric[]::new))
                .closedForm(level);
    }

    /** Bootstrap intervals of {@code metrics} and every regression fairness metric (minimum group size 0). */
    public static MetricIntervals bootstrap(RegressionData data, List<String> groupBy,
            List<? extends RegressionMetric> metrics, RowBootstrap settings) {
        return of(data).groupBy(groupBy.toArray(String[]::new)).metrics(metrics.toArray(RegressionMetric[]::new))
                .bootstrap(settings);
    }

    /** @return a copy grouping by these sensitive features */
    public RegressionIntervals groupBy(String... features) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one sensitive feature, got none");
        }
        for (String f : features) {
            data.sensitive(f);
        }
        return new RegressionIntervals(data, List.of(features), minGroupSize, metrics, fairness);
    }

    /** @return a copy leaving groups with fewer rows out of aggregates and fairness metrics */
    public RegressionIntervals minGroupSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("minGroupSize must be >= 0, got " + rows);
        }
        return new RegressionIntervals(data, groupBy, rows, metrics, fairness);
    }

    /** @return a copy with these group metrics */
    public RegressionIntervals metrics(RegressionMetric... chosen) {
        if (chosen == null || Arrays.stream(chosen).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("metrics must not be null");
        }
        return new RegressionIntervals(data, groupBy, minGroupSize, List.of(chosen), fairness);
    }

    /** @return a copy with these named fairness metrics (none: pass nothing) */
    public RegressionIntervals fairnessMetrics(RegressionFairnessMetric... chosen) {
        if (chosen == null || Arrays.stream(chosen).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("fairnessMetrics must not be null");
        }
        return new RegressionIntervals(data, groupBy, minGroupSize, metrics, List.of(chosen));
    }

    private Grouping grouping() {
        if (groupBy == null) {
            throw new IllegalStateException("set groupBy(...) before computing intervals");
        }
        return data.grouping(groupBy);
    }

    private List<String> small(GroupErrorSums sums, int groupCount) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            long n = sums.group(g).rows();
            out.add(n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null);
        }
        return out;
    }

    private static String pct(double level) {
        String s = String.format(Locale.ROOT, "%.4f", 100 * level);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The per-row loss whose weighted mean a metric is, for the metrics with a closed form. */
    private static double loss(RegressionMetrics m, double target, double prediction) {
        double e = prediction - target;
        return switch (m) {
            case MEAN_PREDICTION -> prediction;
            case MEAN_TARGET -> target;
            case MEAN_ERROR -> e;
            case MEAN_ABSOLUTE_ERROR -> Math.abs(e);
            case MEAN_SQUARED_ERROR -> e * e;
            default -> throw new IllegalArgumentException("no per-row loss for " + m.id());
        };
    }

    private static final List<RegressionMetrics> MEANS = List.of(RegressionMetrics.MEAN_PREDICTION,
            RegressionMetrics.MEAN_TARGET, RegressionMetrics.MEAN_ERROR, RegressionMetrics.MEAN_ABSOLUTE_ERROR,
            RegressionMetrics.MEAN_SQUARED_ERROR);

    /**
     * Closed-form intervals.
     *
     * @param level nominal coverage in (0, 1)
     * @return per-group, overall, aggregate and fairness-metric intervals; undefined ones with the reason
     */
    public MetricIntervals closedForm(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        Grouping grouping = grouping();
        List<GroupKey> groups = grouping.groups();
        int gc = groups.size();
        GroupErrorSums sums = data.tally(groupBy);
        List<String> small = small(sums, gc);
        String method = "t interval, sandwich variance, Kish effective n";
        // per closed-form mean: estimates per group (index gc = overall)
        Map<RegressionMetrics, List<LossMean.Result>> est = new EnumMap<>(RegressionMetrics.class);
        for (RegressionMetrics m : MEANS) {
            est.put(m, estimates(m, grouping, sums));
        }
        MetricIntervals.Builder out = MetricIntervals.builder("closed form (" + method + "), " + pct(level) + "%");
        for (RegressionMetric metric : metrics) {
            GroupValues v = values(metric, sums, groups, small);
            List<SpreadIntervals.GroupEstimate> ge = new ArrayList<>();
            for (int g = 0; g <= gc; g++) {
                Reasoned r = closed(metric, est, g, level, method);
                if (g < gc) {
                    out.group(metric.id(), groups.get(g), r.interval, r.reason);
                    ge.add(r.estimate.map(SpreadIntervals.GroupEstimate::of)
                            .orElseGet(() -> SpreadIntervals.GroupEstimate.undefined(r.reason)));
                } else {
                    out.overall(metric.id(), r.interval, r.reason);
                }
            }
            SpreadIntervals.Result d = SpreadIntervals.difference(v, ge, level, method);
            out.disparity(v.difference().id(), d.interval(), d.reason());
            SpreadIntervals.Result q = SpreadIntervals.ratio(v, ge, level, method);
            out.disparity(v.ratio().id(), q.interval(), q.reason());
            String none = "no closed form: the overall value shares its rows with every group; use "
                    + "RegressionIntervals.bootstrap";
            out.disparity(v.differenceToOverall().id(), Optional.empty(), none);
            out.disparity(v.ratioToOverall().id(), Optional.empty(), none);
        }
        for (RegressionFairnessMetric f : fairness) {
            SpreadIntervals.Result r = fairnessClosed(f, est, sums, groups, small, level, method);
            out.disparity(f.id(), r.interval(), r.reason());
        }
        return out.build();
    }

    private SpreadIntervals.Result fairnessClosed(RegressionFairnessMetric f,
            Map<RegressionMetrics, List<LossMean.Result>> est, GroupErrorSums sums, List<GroupKey> groups,
            List<String> small, double level, String method) {
        RegressionMetrics base = switch (f) {
            case BOUNDED_GROUP_LOSS_ABSOLUTE, MAE_PARITY_DIFFERENCE, MAE_PARITY_RATIO ->
                    RegressionMetrics.MEAN_ABSOLUTE_ERROR;
            case BOUNDED_GROUP_LOSS_SQUARED -> RegressionMetrics.MEAN_SQUARED_ERROR;
            case MEAN_PREDICTION_DIFFERENCE -> RegressionMetrics.MEAN_PREDICTION;
            case MEAN_ERROR_DIFFERENCE -> RegressionMetrics.MEAN_ERROR;
        };
        GroupValues v = values(base, sums, groups, small);
        List<SpreadIntervals.GroupEstimate> ge = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            LossMean.Result r = est.get(base).get(g);
            ge.add(r.estimate().map(SpreadIntervals.GroupEstimate::of)
                    .orElseGet(() -> SpreadIntervals.GroupEstimate.undefined(r.reason())));
        }
        return switch (f) {
            case BOUNDED_GROUP_LOSS_ABSOLUTE, BOUNDED_GROUP_LOSS_SQUARED ->
                    SpreadIntervals.maximum(v, f.compute(k -> values(k, sums, groups, small)), ge, level, method);
            case MAE_PARITY_RATIO -> SpreadIntervals.ratio(v, ge, level, method);
            default -> SpreadIntervals.difference(v, ge, level, method);
        };
    }

    private record Reasoned(Optional<Interval> interval, Optional<SpreadIntervals.Estimate> estimate,
            String reason) {
    }

    private static Reasoned closed(RegressionMetric metric, Map<RegressionMetrics, List<LossMean.Result>> est, int g,
            double level, String method) {
        if (metric instanceof RegressionMetrics m && est.containsKey(m)) {
            LossMean.Result r = est.get(m).get(g);
            double floor = m == RegressionMetrics.MEAN_ABSOLUTE_ERROR || m == RegressionMetrics.MEAN_SQUARED_ERROR
                    ? 0 : Double.NEGATIVE_INFINITY;
            return new Reasoned(r.interval(level, floor, method), r.estimate(), r.reason());
        }
        if (metric == RegressionMetrics.ROOT_MEAN_SQUARED_ERROR) {
            LossMean.Result r = est.get(RegressionMetrics.MEAN_SQUARED_ERROR).get(g);
            if (r.estimate().isEmpty()) {
                return new Reasoned(Optional.empty(), Optional.empty(), r.reason());
            }
            Interval mse = r.interval(level, 0, method).orElseThrow();
            SpreadIntervals.Estimate e = r.estimate().get();
            double rmse = Math.sqrt(e.value());
            Interval i = new Interval(Math.sqrt(mse.lower()), Math.sqrt(mse.upper()), level,
                    mse.method() + ", square roots of the MSE interval's ends", 0, 0);
            Optional<SpreadIntervals.Estimate> d = rmse > 0
                    ? Optional.of(new SpreadIntervals.Estimate(rmse, e.se() / (2 * rmse), e.df())) : Optional.empty();
            return new Reasoned(Optional.of(i), d, d.isPresent() ? null : "the RMSE is 0: no delta-method error");
        }
        String why = "no closed form for " + metric.id() + " here; use RegressionIntervals.bootstrap";
        return new Reasoned(Optional.empty(), Optional.empty(), why);
    }

    /** Per group (and overall, last) the closed-form estimate of a mean. */
    private List<LossMean.Result> estimates(RegressionMetrics m, Grouping grouping, GroupErrorSums sums) {
        int gc = grouping.groupCount();
        LossMean.Moments[] mo = new LossMean.Moments[gc + 1];
        for (int g = 0; g <= gc; g++) {
            mo[g] = new LossMean.Moments();
        }
        int n = data.rows();
        for (int i = 0; i < n; i++) {
            double l = loss(m, data.target(i), data.prediction(i));
            double w = data.weight(i);
            mo[grouping.groupOf(i)].add(w, l);
            mo[gc].add(w, l);
        }
        double[] mean = new double[gc + 1];
        for (int g = 0; g <= gc; g++) {
            MetricValue v = m.compute(g < gc ? sums.group(g) : sums.overall());
            mean[g] = v.isDefined() ? v.value() : Double.NaN;
        }
        double[] dev = new double[gc + 1];
        for (int i = 0; i < n; i++) {
            double w = data.weight(i);
            if (w > 0) {
                int g = grouping.groupOf(i);
                double l = loss(m, data.target(i), data.prediction(i));
                dev[g] += w * w * (l - mean[g]) * (l - mean[g]);
                dev[gc] += w * w * (l - mean[gc]) * (l - mean[gc]);
            }
        }
        List<LossMean.Result> out = new ArrayList<>();
        for (int g = 0; g <= gc; g++) {
            out.add(LossMean.of(mo[g], mean[g], dev[g]));
        }
        return out;
    }

    private static GroupValues values(RegressionMetric m, GroupErrorSums sums, List<GroupKey> groups,
            List<String> small) {
        List<MetricValue> vs = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            vs.add(m.compute(sums.group(g)));
        }
        return new GroupValues(m.id(), groups, vs, small, m.compute(sums.overall()),
                org.fairkit.core.metrics.ZeroDivision.UNDEFINED);
    }

    /**
     * Stratified (by group) row bootstrap intervals.
     *
     * @param settings method, resamples, level, seed
     * @return per-group, overall, aggregate and fairness-metric intervals; undefined ones with the reason
     */
    public MetricIntervals bootstrap(RowBootstrap settings) {
        Objects.requireNonNull(settings, "settings");
        Grouping grouping = grouping();
        List<GroupKey> groups = grouping.groups();
        int gc = groups.size();
        int n = data.rows();
        int[] group = new int[n];
        int[] sizes = new int[gc];
        for (int i = 0; i < n; i++) {
            group[i] = grouping.groupOf(i);
            sizes[group[i]]++;
        }
        int[][] strata = new int[gc][];
        int[] fill = new int[gc];
        for (int g = 0; g < gc; g++) {
            strata[g] = new int[sizes[g]];
        }
        for (int i = 0; i < n; i++) {
            strata[group[i]][fill[group[i]]++] = i;
        }
        GroupErrorSums sums = data.tally(groupBy);
        List<String> small = small(sums, gc);
        RegressionStatistic stat = new RegressionStatistic(data, group, groups, metrics, fairness, small);
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            hash[i] = RowResampler.hash(data.target(i), data.prediction(i), data.weight(i));
        }
        List<BootstrapDistribution> dist = RowResampler.run(strata, hash, n, stat, settings);
        String prefix = settings.describe("group");
        MetricIntervals.Builder out = MetricIntervals.builder(prefix + ", " + settings.method().label() + ", "
                + pct(settings.level()) + "%");
        for (int m = 0; m < metrics.size(); m++) {
            RegressionMetric metric = metrics.get(m);
            GroupValues v = values(metric, sums, groups, small);
            int base = m * stat.perSlot();
            for (int g = 0; g < gc; g++) {
                Boot b = boot(dist.get(base + g), v.value(g), settings, prefix);
                out.group(metric.id(), groups.get(g), b.interval, b.reason);
            }
            Boot o = boot(dist.get(base + gc), v.overall(), settings, prefix);
            out.overall(metric.id(), o.interval, o.reason);
            List<Disparity> ds = RegressionStatistic.aggregates(v);
            for (int a = 0; a < RegressionStatistic.AGGREGATES; a++) {
                Boot d = boot(dist.get(base + gc + 1 + a), ds.get(a).value(), settings, prefix);
                out.disparity(ds.get(a).id(), d.interval, d.reason);
            }
        }
        Function<Integer, ErrorSums> g = sums::group;
        List<Disparity> fs = stat.fairness(g, sums.overall());
        for (int f = 0; f < fairness.size(); f++) {
            Boot b = boot(dist.get(metrics.size() * stat.perSlot() + f), fs.get(f).value(), settings, prefix);
            out.disparity(fairness.get(f).id(), b.interval, b.reason);
        }
        return out.build();
    }

    private record Boot(Optional<Interval> interval, String reason) {
    }

    private static Boot boot(BootstrapDistribution d, MetricValue point, RowBootstrap s, String prefix) {
        if (!point.isDefined()) {
            return new Boot(Optional.empty(), "the value is undefined: " + point.reason().orElseThrow());
        }
        Optional<String> omitted = d.omissionReason(s.maxUndefinedShare());
        if (omitted.isPresent()) {
            return new Boot(Optional.empty(), omitted.get());
        }
        return new Boot(d.interval(s.method(), s.level(), s.maxUndefinedShare(), prefix), null);
    }
}
