package org.fairkit.stats.regression;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.regression.ErrorSums;
import org.fairkit.core.regression.ErrorTally;
import org.fairkit.core.regression.GroupErrorSums;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.stats.intervals.RowResampler;

/**
 * Regression metrics in every group, overall, their four aggregates, and the named regression fairness metrics, as
 * one vector for the row bootstrap: per metric G group values, the overall value, difference, ratio, difference to
 * overall and ratio to overall (as {@link GroupValues} computes them), then one value per fairness metric. Every
 * quantity is a function of the per-group {@link ErrorSums}, so the jackknife removes one row from its group's sums
 * (and from the overall sums) exactly.
 */
final class RegressionStatistic implements RowResampler.Statistic {
    static final int AGGREGATES = 4;

    private final RegressionData data;
    private final int[] group;
    private final List<GroupKey> groups;
    private final List<RegressionMetric> metrics;
    private final List<RegressionFairnessMetric> fairness;
    private final List<String> small;
    private final int perSlot;

    RegressionStatistic(RegressionData data, int[] group, List<GroupKey> groups, List<RegressionMetric> metrics,
            List<RegressionFairnessMetric> fairness, List<String> small) {
        this.data = data;
        this.group = group;
        this.groups = groups;
        this.metrics = metrics;
        this.fairness = fairness;
        this.small = small;
        this.perSlot = groups.size() + 1 + AGGREGATES;
    }

    int perSlot() {
        return perSlot;
    }

    @Override
    public int size() {
        return metrics.size() * perSlot + fairness.size();
    }

    GroupErrorSums tally(int[] mult) {
        ErrorTally t = ErrorTally.create(groups.size());
        for (int i = 0; i < group.length; i++) {
            int c = mult[i];
            if (c > 0) {
                t.accept(group[i], data.target(i), data.prediction(i), data.weight(i) * c);
            }
        }
        return t.snapshot();
    }

    GroupValues values(RegressionMetric m, Function<Integer, ErrorSums> sums, ErrorSums overall) {
        List<MetricValue> vs = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            vs.add(m.compute(sums.apply(g)));
        }
        return new GroupValues(m.id(), groups, vs, small, m.compute(overall), ZeroDivision.UNDEFINED);
    }

    static List<Disparity> aggregates(GroupValues v) {
        return List.of(v.difference(), v.ratio(), v.differenceToOverall(), v.ratioToOverall());
    }

    /** The named fairness metrics from the given sums. */
    List<Disparity> fairness(Function<Integer, ErrorSums> sums, ErrorSums overall) {
        Map<RegressionMetrics, GroupValues> cache = new EnumMap<>(RegressionMetrics.class);
        Function<RegressionMetrics, GroupValues> lookup = m -> cache.computeIfAbsent(m, k -> values(k, sums, overall));
        List<Disparity> out = new ArrayList<>();
        for (RegressionFairnessMetric f : fairness) {
            out.add(f.compute(lookup));
        }
        return out;
    }

    private void write(Function<Integer, ErrorSums> sums, ErrorSums overall, double[] out) {
        for (int m = 0; m < metrics.size(); m++) {
            GroupValues v = values(metrics.get(m), sums, overall);
            int base = m * perSlot;
            for (int g = 0; g < groups.size(); g++) {
                out[base + g] = v.value(g).value();
            }
            out[base + groups.size()] = v.overall().value();
            List<Disparity> ds = aggregates(v);
            for (int a = 0; a < AGGREGATES; a++) {
                out[base + groups.size() + 1 + a] = ds.get(a).asDouble();
            }
        }
        List<Disparity> fs = fairness(sums, overall);
        for (int f = 0; f < fs.size(); f++) {
            out[metrics.size() * perSlot + f] = fs.get(f).asDouble();
        }
    }

    @Override
    public void evaluate(int[] multiplicity, double[] out) {
        GroupErrorSums s = tally(multiplicity);
        write(s::group, s.overall(), out);
    }

    /** The sums without row {@code i} (reverse Welford for the target mean and M2; sums clamped at 0). */
    ErrorSums without(ErrorSums s, int i) {
        double w = data.weight(i);
        if (w == 0) {
            return new ErrorSums(s.rows() - 1, s.weight(), s.targetMean(), s.targetM2(), s.predictionSum(),
                    s.errorSum(), s.absoluteErrorSum(), s.squaredErrorSum());
        }
        double y = data.target(i);
        double p = data.prediction(i);
        double e = p - y;
        double rest = s.weight() - w;
        double mean;
        double m2;
        if (!(rest > 0)) {
            rest = 0;
            mean = 0;
            m2 = 0;
        } else {
            mean = (s.weight() * s.targetMean() - w * y) / rest;
            m2 = Math.max(0, s.targetM2() - w * (y - s.targetMean()) * (y - mean));
        }
        return new ErrorSums(s.rows() - 1, rest, mean, m2, s.predictionSum() - w * p, s.errorSum() - w * e,
                Math.max(0, s.absoluteErrorSum() - w * Math.abs(e)), Math.max(0, s.squaredErrorSum() - w * e * e));
    }

    @Override
    public double[][] jackknife() {
        int n = group.length;
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        GroupErrorSums s = tally(ones);
        double[][] out = new double[size()][n];
        double[] scratch = new double[size()];
        for (int i = 0; i < n; i++) {
            int gi = group[i];
            ErrorSums changed = without(s.group(gi), i);
            write(g -> g == gi ? changed : s.group(g), without(s.overall(), i), scratch);
            for (int q = 0; q < scratch.length; q++) {
                out[q][i] = scratch[q];
            }
        }
        return out;
    }
}
