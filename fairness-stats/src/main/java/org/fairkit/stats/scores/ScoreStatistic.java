package org.fairkit.stats.scores;

import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ScoreSummary;
import org.fairkit.stats.intervals.RowResampler;

/**
 * Score metrics (and optionally ECE) in every group, overall, and their four aggregates, as one vector for the
 * row bootstrap. Per metric slot the layout is: the G group values, the overall value, then difference, ratio,
 * difference to overall and ratio to overall, each computed by {@link GroupValues} as the report computes them.
 */
final class ScoreStatistic implements RowResampler.Statistic {
    static final int AGGREGATES = 4;

    private final ScoreRows r;
    private final List<ScoreMetric> metrics;
    private final int eceBins;
    private final List<String> small;
    private final int[] bin;
    /** Rows in a content-defined order (score, label, weight), so that ECE's sums do not depend on the row order. */
    private final int[] canonical;
    private final int slots;
    private final int perSlot;

    ScoreStatistic(ScoreRows r, List<ScoreMetric> metrics, int eceBins, int minGroupSize) {
        this.r = r;
        this.metrics = List.copyOf(metrics);
        this.eceBins = eceBins;
        this.small = new ArrayList<>();
        for (int g = 0; g < r.groups.size(); g++) {
            long n = r.groupStart[g + 1] - r.groupStart[g];
            small.add(n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null);
        }
        this.bin = new int[r.rows];
        if (eceBins > 0) {
            for (int i = 0; i < r.rows; i++) {
                bin[i] = ExpectedCalibrationError.bin(r.score[i], eceBins);
            }
        }
        this.canonical = java.util.stream.IntStream.range(0, r.rows).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(i -> r.score[i]).thenComparingInt(i -> r.label[i])
                        .thenComparingDouble(r::weight))
                .mapToInt(Integer::intValue).toArray();
        this.slots = this.metrics.size() + (eceBins > 0 ? 1 : 0);
        this.perSlot = r.groups.size() + 1 + AGGREGATES;
    }

    /** @return the metric ids, one per slot */
    List<String> ids() {
        List<String> out = new ArrayList<>();
        metrics.forEach(m -> out.add(m.id()));
        if (eceBins > 0) {
            out.add(ExpectedCalibrationError.ID);
        }
        return out;
    }

    int perSlot() {
        return perSlot;
    }

    @Override
    public int size() {
        return slots * perSlot;
    }

    /** The point values with their reasons, one {@link GroupValues} per slot. */
    List<GroupValues> pointValues() {
        int[] ones = ones();
        List<GroupValues> out = new ArrayList<>();
        ScoreSummary[] sums = summaries(ones);
        double[][] ece = eceBins > 0 ? ece(ones) : null;
        for (int m = 0; m < slots; m++) {
            out.add(values(m, sums, ece, -1, null, null));
        }
        return out;
    }

    private int[] ones() {
        int[] ones = new int[r.rows];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private ScoreSummary[] summaries(int[] mult) {
        int gc = r.groups.size();
        ScoreSummary[] s = new ScoreSummary[gc + 1];
        for (int g = 0; g < gc; g++) {
            s[g] = r.summarize(r.groupOrder, r.groupStart[g], r.groupStart[g + 1], mult);
        }
        s[gc] = r.summarize(r.overallOrder, 0, r.rows, mult);
        return s;
    }

    /** Per group (and overall, last): {Σ_b |A_b|, W} and the bin sums A_b = Σ w (y − s) in columns 2.. */
    private double[][] ece(int[] mult) {
        int gc = r.groups.size();
        double[][] out = new double[gc + 1][2 + eceBins];
        for (int i : canonical) {
            int c = mult[i];
            if (c == 0) {
                continue;
            }
            double w = r.weight(i) * c;
            double a = w * (r.label[i] - r.score[i]);
            double[] g = out[r.group[i]];
            double[] all = out[gc];
            g[1] += w;
            all[1] += w;
            g[2 + bin[i]] += a;
            all[2 + bin[i]] += a;
        }
        for (double[] row : out) {
            double s = 0;
            for (int b = 0; b < eceBins; b++) {
                s += Math.abs(row[2 + b]);
            }
            row[0] = s;
        }
        return out;
    }

    private static MetricValue eceValue(double absSum, double weight) {
        return weight > 0 ? MetricValue.of(absSum / weight) : MetricValue.undefined("total weight is 0");
    }

    /**
     * The group values of slot m; with {@code leftOut >= 0} the group {@code leftOutGroup} and the overall value are
     * replaced by the given leave-one-out values.
     */
    private GroupValues values(int m, ScoreSummary[] sums, double[][] ece, int leftOutGroup, MetricValue groupValue,
            MetricValue overallValue) {
        int gc = r.groups.size();
        List<MetricValue> vs = new ArrayList<>(gc);
        for (int g = 0; g < gc; g++) {
            vs.add(g == leftOutGroup ? groupValue : value(m, sums, ece, g));
        }
        MetricValue overall = leftOutGroup >= 0 ? overallValue : value(m, sums, ece, gc);
        return new GroupValues(ids().get(m), r.groups, vs, small, overall, ZeroDivision.UNDEFINED);
    }

    private MetricValue value(int m, ScoreSummary[] sums, double[][] ece, int g) {
        if (m < metrics.size()) {
            return metrics.get(m).compute(sums[g]);
        }
        return eceValue(ece[g][0], ece[g][1]);
    }

    static List<Disparity> aggregates(GroupValues v) {
        return List.of(v.difference(), v.ratio(), v.differenceToOverall(), v.ratioToOverall());
    }

    private void write(GroupValues v, int m, double[] out) {
        int base = m * perSlot;
        int gc = r.groups.size();
        for (int g = 0; g < gc; g++) {
            out[base + g] = v.value(g).value();
        }
        out[base + gc] = v.overall().value();
        List<Disparity> ds = aggregates(v);
        for (int a = 0; a < AGGREGATES; a++) {
            out[base + gc + 1 + a] = ds.get(a).asDouble();
        }
    }

    @Override
    public void evaluate(int[] multiplicity, double[] out) {
        ScoreSummary[] sums = summaries(multiplicity);
        double[][] ece = eceBins > 0 ? ece(multiplicity) : null;
        for (int m = 0; m < slots; m++) {
            write(values(m, sums, ece, -1, null, null), m, out);
        }
    }

    private static boolean hasJackknife(ScoreMetric m) {
        return m == ScoreMetrics.ROC_AUC || m == ScoreMetrics.BRIER_SCORE || m == ScoreMetrics.LOG_LOSS
                || m == ScoreMetrics.MEAN_SCORE || m == ScoreMetrics.CALIBRATION_RATIO;
    }

    /** The summary without one row (every field but the average-precision sum, which is left unchanged). */
    private ScoreSummary without(ScoreSummary s, int row, double placement) {
        double w = r.weight(row);
        int y = r.label[row];
        double sc = r.score[row];
        double e = sc - y;
        return new ScoreSummary(s.rows() - 1, s.positiveRows() - y, s.weight() - w, s.positiveWeight() - w * y,
                s.negativeWeight() - w * (1 - y), s.scoreSum() - w * sc, s.brierSum() - w * (e * e),
                s.logLossSum() - w * r.logLoss[row], s.mannWhitneyU() - w * placement, s.precisionSum());
    }

    @Override
    public double[][] jackknife() {
        int gc = r.groups.size();
        int[] ones = ones();
        ScoreSummary[] sums = summaries(ones);
        double[][] ece = eceBins > 0 ? ece(ones) : null;
        double[] groupPlacement = new double[r.rows];
        for (int g = 0; g < gc; g++) {
            r.placements(r.groupOrder, r.groupStart[g], r.groupStart[g + 1], groupPlacement);
        }
        double[] overallPlacement = new double[r.rows];
        r.placements(r.overallOrder, 0, r.rows, overallPlacement);
        double[][] out = new double[size()][];
        double[] scratch = new double[perSlot];
        for (int m = 0; m < slots; m++) {
            boolean ok = m >= metrics.size() || hasJackknife(metrics.get(m));
            if (!ok) {
                continue;
            }
            int base = m * perSlot;
            for (int q = 0; q < perSlot; q++) {
                out[base + q] = new double[r.rows];
            }
            for (int i = 0; i < r.rows; i++) {
                int g = r.group[i];
                MetricValue gv;
                MetricValue ov;
                if (m < metrics.size()) {
                    ScoreMetric metric = metrics.get(m);
                    gv = metric.compute(without(sums[g], i, groupPlacement[i]));
                    ov = metric.compute(without(sums[gc], i, overallPlacement[i]));
                } else {
                    double w = r.weight(i);
                    double a = w * (r.label[i] - r.score[i]);
                    double[] gs = ece[g];
                    double[] os = ece[gc];
                    int b = 2 + bin[i];
                    gv = eceValue(gs[0] - Math.abs(gs[b]) + Math.abs(gs[b] - a), gs[1] - w);
                    ov = eceValue(os[0] - Math.abs(os[b]) + Math.abs(os[b] - a), os[1] - w);
                }
                write(values(m, sums, ece, g, gv, ov), 0, scratch);
                for (int q = 0; q < perSlot; q++) {
                    out[base + q][i] = scratch[q];
                }
            }
        }
        return out;
    }
}
