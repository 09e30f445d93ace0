package org.fairkit.stats.scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.stats.bootstrap.BootstrapDistribution;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.stats.intervals.RowResampler;
import org.fairkit.stats.intervals.SpreadIntervals;

/**
 * Intervals for the score metrics of a report (ROC AUC, Brier score, log loss, mean score, calibration ratio,
 * average precision, and the expected calibration error) in every group, overall, and for their disparities, keyed
 * as the report keys them ({@link MetricIntervals}). Two methods:
 *
 * <ul>
 *   <li>{@link #delong(double)}: ROC AUC only, closed form. Each group's AUC gets DeLong's variance and a Wald
 *       interval ({@link DeLong}); so does the AUC of all rows. The groups are disjoint, so their AUCs are
 *       independent and the variance of a difference of two is the sum of their variances: {@code roc_auc.difference}
 *       (max − min) and {@code roc_auc.ratio} (min / max, delta method on the log scale) get the pairwise intervals
 *       of {@link SpreadIntervals}, Šidák-simultaneous over the pairs when there are more than two groups and then
 *       projected onto the extreme. The to-overall aggregates have no closed form here (the overall AUC shares its
 *       rows, and its cross-group pairs, with every group) and are undefined with that reason: use the
 *       bootstrap.</li>
 *   <li>{@link #bootstrap(RowBootstrap)}: every requested score metric (and ECE with {@link #ece(int)}) by a seeded
 *       stratified row bootstrap ({@link RowResampler}). Rank metrics (ROC AUC, average precision) are resampled
 *       within group × label, so every resample keeps each group's numbers of positives and negatives (the AUC is a
 *       conditional-on-class statistic, and no resample loses a class); the others within group. Each resample
 *       re-derives the group values, the overall value and the four aggregates (difference, ratio, difference to
 *       overall, ratio to overall) exactly as the report does ({@link GroupValues}), so the intervals are joint
 *       over groups. Percentile, basic or BCa; BCa's acceleration comes from the exact stratified jackknife for
 *       ROC AUC (leave-one-out from the DeLong placements), Brier score, log loss, mean score, calibration ratio and
 *       ECE; average precision and custom metrics get â = 0, which the interval's method states.</li>
 * </ul>
 *
 * <p>A bootstrap of a maximum or minimum over groups is inconsistent when groups tie (Andrews 2000): near parity the
 * bootstrap intervals of the aggregates under-cover, as the module README's coverage table shows; DeLong's
 * simultaneous pairwise intervals do not have that defect. Groups below {@link #minGroupSize(int)} are left out of
 * the aggregates, as in the report. Nothing is NaN: every undefined interval comes back with its reason.
 *
 * <pre>{@code
 * MetricIntervals auc = ScoreIntervals.delong(data, List.of("race"), 0.95);
 * MetricIntervals all = ScoreIntervals.of(data).groupBy("race").metrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE)
 *     .ece(10).bootstrap(RowBootstrap.percentile(2000).seed(42));
 * all.disparity("brier_score.difference");
 * }</pre>
 */
public final class ScoreIntervals {
    private final FairnessData data;
    private final List<String> groupBy;
    private final int minGroupSize;
    private final List<ScoreMetric> metrics;
    private final int eceBins;

    private ScoreIntervals(FairnessData data, List<String> groupBy, int minGroupSize, List<ScoreMetric> metrics,
            int eceBins) {
        this.data = data;
        this.groupBy = groupBy;
        this.minGroupSize = minGroupSize;
        this.metrics = metrics;
        this.eceBins = eceBins;
    }

    /**
     * @param data rows with scores
     * @return an interval computation over {@code data}; set {@link #groupBy} before computing
     */
    public static ScoreIntervals of(FairnessData data) {
        Objects.requireNonNull(data, "data");
        return new ScoreIntervals(data, null, 0, List.of(ScoreMetrics.ROC_AUC), 0);
    }

    /** DeLong intervals of the ROC AUC, every group, overall, difference and ratio (minimum group size 0). */
    public static MetricIntervals delong(FairnessData data, List<String> groupBy, double level) {
        return of(data).groupBy(groupBy.toArray(String[]::new)).delong(level);
    }

    /** Bootstrap intervals of {@code metrics} (minimum group size 0, no ECE). */
    public static MetricIntervals bootstrap(FairnessData data, List<String> groupBy,
            List<? extends ScoreMetric> metrics, RowBootstrap settings) {
        return of(data).groupBy(groupBy.toArray(String[]::new)).metrics(metrics.toArray(ScoreMetric[]::new))
                .bootstrap(settings);
    }

    /** @return a copy grouping by these sensitive features (one, or several for intersections) */
    public ScoreIntervals groupBy(String... features) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one sensitive feature, got none");
        }
        for (String f : features) {
            data.sensitive(f);
        }
        return new ScoreIntervals(data, List.of(features), minGroupSize, metrics, eceBins);
    }

    /** @return a copy leaving groups with fewer rows out of the aggregates, as the report's minGroupSize */
    public ScoreIntervals minGroupSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("minGroupSize must be >= 0, got " + rows);
        }
        return new ScoreIntervals(data, groupBy, rows, metrics, eceBins);
    }

    /** @return a copy bootstrapping these catalog score metrics (default: ROC AUC) */
    public ScoreIntervals metrics(ScoreMetric... chosen) {
        if (chosen == null || Arrays.stream(chosen).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("metrics must not be null");
        }
        return new ScoreIntervals(data, groupBy, minGroupSize, List.of(chosen), eceBins);
    }

    /** @return a copy that also bootstraps the expected calibration error with {@code bins} equal-width bins */
    public ScoreIntervals ece(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("ece bins must be >= 1, got " + bins);
        }
        return new ScoreIntervals(data, groupBy, minGroupSize, metrics, bins);
    }

    private ScoreRows rows() {
        if (groupBy == null) {
            throw new IllegalStateException("set groupBy(...) before computing intervals");
        }
        return ScoreRows.of(data, groupBy);
    }

    private List<String> small(ScoreRows r) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < r.groups.size(); g++) {
            long n = r.groupStart[g + 1] - r.groupStart[g];
            out.add(n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null);
        }
        return out;
    }

    /**
     * DeLong intervals of the ROC AUC.
     *
     * @param level nominal coverage in (0, 1)
     * @return per-group and overall intervals of {@code roc_auc}, and of {@code roc_auc.difference} and
     *     {@code roc_auc.ratio}; the to-overall aggregates undefined with the reason
     */
    public MetricIntervals delong(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        ScoreRows r = rows();
        String id = ScoreMetrics.ROC_AUC.id();
        MetricIntervals.Builder out = MetricIntervals.builder(String.format(Locale.ROOT, "DeLong, %s%%",
                pct(level)));
        double[] placement = new double[r.rows];
        List<MetricValue> values = new ArrayList<>();
        List<SpreadIntervals.GroupEstimate> estimates = new ArrayList<>();
        for (int g = 0; g < r.groups.size(); g++) {
            DeLong d = DeLong.compute(r, r.groupOrder, r.groupStart[g], r.groupStart[g + 1], placement);
            values.add(d.auc());
            GroupKey key = r.groups.get(g);
            out.group(id, key, d.interval(level), d.variance().reason().orElse(null));
            estimates.add(d.variance().isDefined()
                    ? SpreadIntervals.GroupEstimate.of(new SpreadIntervals.Estimate(d.auc().value(),
                            Math.sqrt(d.variance().value()), Double.POSITIVE_INFINITY))
                    : SpreadIntervals.GroupEstimate.undefined(d.variance().reason().orElseThrow()));
        }
        DeLong all = DeLong.compute(r, r.overallOrder, 0, r.rows, placement);
        out.overall(id, all.interval(level), all.variance().reason().orElse(null));
        GroupValues v = new GroupValues(id, r.groups, values, small(r), all.auc(), ZeroDivision.UNDEFINED);
        SpreadIntervals.Result diff = SpreadIntervals.difference(v, estimates, level, "DeLong");
        out.disparity(v.difference().id(), diff.interval(), diff.reason());
        SpreadIntervals.Result ratio = SpreadIntervals.ratio(v, estimates, level, "DeLong");
        out.disparity(v.ratio().id(), ratio.interval(), ratio.reason());
        String noClosedForm = "no closed form: the overall AUC shares its rows and cross-group pairs with every "
                + "group; use ScoreIntervals.bootstrap";
        out.disparity(v.differenceToOverall().id(), Optional.empty(), noClosedForm);
        out.disparity(v.ratioToOverall().id(), Optional.empty(), noClosedForm);
        return out.build();
    }

    private static String pct(double level) {
        String s = String.format(Locale.ROOT, "%.4f", 100 * level);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static boolean rankMetric(ScoreMetric m) {
        return m == ScoreMetrics.ROC_AUC || m == ScoreMetrics.AVERAGE_PRECISION;
    }

    /**
     * Stratified row bootstrap intervals of the requested metrics (and ECE when asked).
     *
     * @param settings method, resamples, level, seed
     * @return per-group, overall and aggregate intervals of every requested metric
     */
    public MetricIntervals bootstrap(RowBootstrap settings) {
        Objects.requireNonNull(settings, "settings");
        ScoreRows r = rows();
        List<ScoreMetric> rank = metrics.stream().filter(ScoreIntervals::rankMetric).toList();
        List<ScoreMetric> rest = metrics.stream().filter(m -> !rankMetric(m)).toList();
        MetricIntervals.Builder out = MetricIntervals.builder(settings.describe("group; rank metrics: group and "
                + "label") + ", " + settings.method().label() + ", " + pct(settings.level()) + "%");
        if (!rank.isEmpty()) {
            run(r, new ScoreStatistic(r, rank, 0, minGroupSize), byGroupAndLabel(r), settings,
                    settings.describe("group and label"), out);
        }
        if (!rest.isEmpty() || eceBins > 0) {
            run(r, new ScoreStatistic(r, rest, eceBins, minGroupSize), r.strata(), settings,
                    settings.describe("group"), out);
        }
        return out.build();
    }

    private static int[][] byGroupAndLabel(ScoreRows r) {
        int[][] g = r.strata();
        int[][] out = new int[2 * g.length][];
        for (int k = 0; k < g.length; k++) {
            int[] rows = g[k];
            out[2 * k] = Arrays.stream(rows).filter(i -> r.label[i] == 0).toArray();
            out[2 * k + 1] = Arrays.stream(rows).filter(i -> r.label[i] == 1).toArray();
        }
        return out;
    }

    private void run(ScoreRows r, ScoreStatistic stat, int[][] strata, RowBootstrap settings, String prefix,
            MetricIntervals.Builder out) {
        List<BootstrapDistribution> dist = RowResampler.run(strata, r.rowHash(), r.rows, stat, settings);
        List<GroupValues> points = stat.pointValues();
        int gc = r.groups.size();
        List<String> ids = stat.ids();
        for (int m = 0; m < ids.size(); m++) {
            int base = m * stat.perSlot();
            GroupValues v = points.get(m);
            for (int g = 0; g < gc; g++) {
                Reasoned i = interval(dist.get(base + g), v.value(g), settings, prefix);
                out.group(ids.get(m), r.groups.get(g), i.interval, i.reason);
            }
            Reasoned o = interval(dist.get(base + gc), v.overall(), settings, prefix);
            out.overall(ids.get(m), o.interval, o.reason);
            List<Disparity> ds = ScoreStatistic.aggregates(v);
            for (int a = 0; a < ScoreStatistic.AGGREGATES; a++) {
                Reasoned d = interval(dist.get(base + gc + 1 + a), ds.get(a).value(), settings, prefix);
                out.disparity(ds.get(a).id(), d.interval, d.reason);
            }
        }
    }

    private record Reasoned(Optional<Interval> interval, String reason) {
    }

    static Reasoned interval(BootstrapDistribution d, MetricValue point, RowBootstrap s, String prefix) {
        if (!point.isDefined()) {
            return new Reasoned(Optional.empty(), "the value is undefined: " + point.reason().orElseThrow());
        }
        Optional<String> omitted = d.omissionReason(s.maxUndefinedShare());
        if (omitted.isPresent()) {
            return new Reasoned(Optional.empty(), omitted.get());
        }
        return new Reasoned(d.interval(s.method(), s.level(), s.maxUndefinedShare(), prefix), null);
    }
}
