package org.fairkit.core.scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.UndefinedMetricException;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.internal.SortedScores;

/**
 * Every confusion metric of every group as a function of the decision threshold: the confusion counts of the
 * decision "positive when score &gt;= t" for each threshold t and group, from one walk down each group's rows in
 * decreasing score order (the rows are sorted once, by {@link ScoreKernel}).
 *
 * <p>The rule {@code score >= t} is scikit-learn's {@code roc_curve} convention. Any {@link GroupMetric}
 * ({@link Metrics#SELECTION_RATE}, {@link Metrics#TRUE_POSITIVE_RATE}, ...) is derived from the counts at a
 * threshold, with the disparities of {@link GroupValues}; the overall counts are the sum of the groups'.
 *
 * <p>Cost: O(n + groups × thresholds) after the sort; memory 32 bytes per (threshold, group) cell when weighted,
 * 16 when not. {@link #atEveryScore} uses every distinct score as a threshold: for data with millions of distinct
 * scores pass a grid instead (at most {@value #MAX_CELLS} cells).
 *
 * <p>Immutable. Intervals are not estimated for a sweep.
 */
public final class ThresholdSweep {
    /** The largest number of (threshold, group) cells a sweep holds. */
    public static final long MAX_CELLS = 50_000_000L;

    private final List<GroupKey> groups;
    private final double[] thresholds;
    private final boolean weighted;
    private final long[] tpRows;
    private final long[] fpRows;
    private final double[] tpWeight;
    private final double[] fpWeight;
    private final long[] positiveRows;
    private final long[] negativeRows;
    private final double[] positiveWeight;
    private final double[] negativeWeight;
    private final List<String> smallReasons;
    private final ZeroDivision zeroDivision;

    private ThresholdSweep(SortedScores sorted, List<GroupKey> groups, double[] thresholds, int minGroupSize,
            ZeroDivision zeroDivision) {
        int g = groups.size();
        int t = thresholds.length;
        this.groups = List.copyOf(groups);
        this.thresholds = thresholds;
        this.weighted = sorted.isWeighted();
        this.zeroDivision = Objects.requireNonNull(zeroDivision, "zeroDivision");
        tpRows = new long[t * g];
        fpRows = new long[t * g];
        tpWeight = weighted ? new double[t * g] : null;
        fpWeight = weighted ? new double[t * g] : null;
        positiveRows = new long[g];
        negativeRows = new long[g];
        positiveWeight = new double[g];
        negativeWeight = new double[g];
        List<String> small = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            walk(sorted, k);
            long n = positiveRows[k] + negativeRows[k];
            small.add(n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null);
        }
        smallReasons = small;
    }

    /**
     * The counts at each given threshold. Users reach this through {@code Fairness.sweepThresholds(...)}; the
     * sorted rows are an internal type.
     *
     * @param sorted the sorted scores of the grouping
     * @param groups the groups, in the sorted scores' group order
     * @param thresholds any non-NaN values, in any order ({@code ±Infinity} allowed); duplicates are dropped and
     *     the sweep holds them in increasing order
     * @param minGroupSize groups with fewer rows are left out of disparities
     * @param zeroDivision what a zero denominator gives
     * @throws IllegalArgumentException if there is no threshold, one is NaN, or there are too many cells
     */
    public static ThresholdSweep at(SortedScores sorted, List<GroupKey> groups, double[] thresholds, int minGroupSize,
            ZeroDivision zeroDivision) {
        if (thresholds.length == 0) {
            throw InputErrors.badSetting("thresholds", "nothing", "at least one threshold");
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (Double.isNaN(thresholds[i])) {
                throw InputErrors.badValue("thresholds", i, thresholds[i], "a threshold that is not NaN");
            }
        }
        double[] t = Arrays.stream(thresholds).map(x -> x + 0.0).sorted().distinct().toArray();
        return create(sorted, groups, t, minGroupSize, zeroDivision);
    }

    /** The counts at every distinct score of all rows (see {@link #at}). */
    public static ThresholdSweep atEveryScore(SortedScores sorted, List<GroupKey> groups, int minGroupSize,
            ZeroDivision zeroDivision) {
        return create(sorted, groups, sorted.distinctScores(), minGroupSize, zeroDivision);
    }

    private static ThresholdSweep create(SortedScores sorted, List<GroupKey> groups, double[] t, int minGroupSize,
            ZeroDivision zeroDivision) {
        if (groups.size() != sorted.groupCount()) {
            throw new IllegalArgumentException("the sorted scores have " + sorted.groupCount() + " groups, got "
                    + groups.size() + " group keys");
        }
        if (minGroupSize < 0) {
            throw InputErrors.badSetting("minGroupSize", minGroupSize, ">= 0");
        }
        long cells = (long) t.length * groups.size();
        if (cells > MAX_CELLS) {
            throw InputErrors.badSetting("thresholds", t.length + " thresholds x " + groups.size() + " groups",
                    "at most " + MAX_CELLS + " (threshold, group) cells; pass a coarser grid of thresholds");
        }
        return new ThresholdSweep(sorted, groups, t, minGroupSize, zeroDivision);
    }

    /** Walks group g's rows down from the highest score, recording the counts at each threshold from the top. */
    private void walk(SortedScores sorted, int g) {
        int groupCount = groups.size();
        int i = sorted.start(g);
        int end = sorted.end(g);
        long tp = 0;
        long fp = 0;
        double wTp = 0;
        double wFp = 0;
        for (int k = thresholds.length - 1; k >= -1; k--) {
            // k = -1 finishes the walk: the group's totals, summed in the same order as the partial sums so that
            // a partial sum never exceeds its total.
            double t = k >= 0 ? thresholds[k] : Double.NEGATIVE_INFINITY;
            for (; i < end && (sorted.score(i) >= t || k < 0); i++) {
                double w = sorted.weight(i);
                if (sorted.label(i) == 1) {
                    tp++;
                    wTp += w;
                } else {
                    fp++;
                    wFp += w;
                }
            }
            if (k >= 0) {
                int cell = k * groupCount + g;
                tpRows[cell] = tp;
                fpRows[cell] = fp;
                if (weighted) {
                    tpWeight[cell] = wTp;
                    fpWeight[cell] = wFp;
                }
            }
        }
        positiveRows[g] = tp;
        negativeRows[g] = fp;
        positiveWeight[g] = wTp;
        negativeWeight[g] = wFp;
    }

    /** @return the thresholds, increasing (a copy) */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return the groups */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the confusion counts of group {@code g} at threshold index {@code t} */
    public CellCounts counts(int t, int g) {
        Objects.checkIndex(t, thresholds.length);
        Objects.checkIndex(g, groups.size());
        int cell = t * groups.size() + g;
        long tp = tpRows[cell];
        long fp = fpRows[cell];
        long fn = positiveRows[g] - tp;
        long tn = negativeRows[g] - fp;
        if (!weighted) {
            return CellCounts.of(tn, fp, fn, tp);
        }
        return CellCounts.weighted(tn, fp, fn, tp, negativeWeight[g] - fpWeight[cell], fpWeight[cell],
                positiveWeight[g] - tpWeight[cell], tpWeight[cell]);
    }

    /** @return the confusion counts of all rows at threshold index {@code t} */
    public CellCounts overallCounts(int t) {
        CellCounts all = CellCounts.empty(weighted);
        for (int g = 0; g < groups.size(); g++) {
            all = all.plus(counts(t, g));
        }
        return all;
    }

    /**
     * A group metric in every group at threshold index {@code t}, with its disparities.
     *
     * @throws UndefinedMetricException under {@link ZeroDivision#ERROR}, for the first undefined value
     */
    public GroupValues values(GroupMetric metric, int t) {
        CellCounts all = overallCounts(t);
        List<MetricValue> vs = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            vs.add(policy(metric, metric.compute(counts(t, g), all), groups.get(g).describe(), t));
        }
        MetricValue overall = policy(metric, metric.compute(all, all), "all rows", t);
        return new GroupValues(metric.id(), groups, vs, smallReasons, overall, zeroDivision);
    }

    private MetricValue policy(GroupMetric metric, MetricValue v, String where, int t) {
        if (v.isDefined() || zeroDivision == ZeroDivision.UNDEFINED) {
            return v;
        }
        if (zeroDivision == ZeroDivision.ZERO) {
            return MetricValue.of(0.0);
        }
        throw new UndefinedMetricException(metric.id() + " of " + where + " at threshold " + thresholds[t]
                + " is undefined: " + v.reason().orElseThrow());
    }

    /** @return group {@code group}'s value of {@code metric} at every threshold, in threshold order */
    public List<MetricValue> curve(GroupMetric metric, GroupKey group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups);
        }
        List<MetricValue> out = new ArrayList<>(thresholds.length);
        for (int t = 0; t < thresholds.length; t++) {
            out.add(values(metric, t).value(g));
        }
        return out;
    }

    /**
     * @return a fixed-width table ({@link Locale#ROOT}) of {@code metric}: one line per threshold, one column per
     *     group, then the overall value and the difference (max − min) over eligible groups
     */
    public String table(GroupMetric metric) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("threshold");
        groups.forEach(g -> header.add(g.label()));
        header.add("overall");
        header.add("difference");
        rows.add(header);
        for (int t = 0; t < thresholds.length; t++) {
            GroupValues v = values(metric, t);
            List<String> line = new ArrayList<>();
            line.add(format(MetricValue.of(thresholds[t])));
            for (int g = 0; g < groups.size(); g++) {
                line.add(format(v.value(g)));
            }
            line.add(format(v.overall()));
            line.add(format(v.difference().value()));
            rows.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - r.get(c).length())).append(r.get(c));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String format(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }

    /** @return what was swept and, for up to 30 thresholds, the selection rate table */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ThresholdSweep: ").append(thresholds.length).append(" thresholds in [")
                .append(String.format(Locale.ROOT, "%.4f, %.4f", thresholds[0], thresholds[thresholds.length - 1]))
                .append("] x ").append(groups.size()).append(" groups, decision 'score >= threshold'")
                .append(weighted ? ", weighted" : "").append('\n');
        if (thresholds.length <= 30) {
            b.append("selection_rate:\n").append(table(Metrics.SELECTION_RATE));
        } else {
            b.append("(table(metric) prints a metric at every threshold)\n");
        }
        return b.toString();
    }
}
