package org.fairkit.stats.scores;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ScoreSummary;

/**
 * The ROC AUC of one set of rows with DeLong's variance (DeLong, DeLong &amp; Clarke-Pearson 1988, "Comparing the
 * areas under two or more correlated receiver operating characteristic curves", Biometrics 44:837–845), computed
 * in O(n log n) from midranks as Sun &amp; Xu (2014, "Fast implementation of DeLong's algorithm", IEEE Signal
 * Processing Letters 21:1389–1393) do.
 *
 * <p>With positives i (weight {@code w_i}, total {@code W₁}, {@code n₁} rows of positive weight), negatives j
 * ({@code w_j}, {@code W₀}, {@code n₀}) and {@code ψ(a, b) = [a > b] + ½[a = b]}:
 * <pre>
 *   V10_i = Σ_j w_j ψ(s_i, s_j) / W₀          (the placement of positive i: its midrank among all rows minus its
 *   V01_j = Σ_i w_i ψ(s_i, s_j) / W₁           midrank among the positives, over n₀, when unweighted)
 *   AUC   = Σ_i w_i V10_i / W₁ = U / (W₁ W₀)
 *   Var   = n₁/(n₁−1) · Σ_i w_i² (V10_i − AUC)² / W₁²  +  n₀/(n₀−1) · Σ_j w_j² (V01_j − AUC)² / W₀²
 * </pre>
 * Unweighted, {@code Var = S10/n₁ + S01/n₀} with {@code S10 = Σ (V10_i − AUC)² / (n₁ − 1)}: DeLong's estimator exactly
 * (as pROC's {@code var(roc, method = "delong")}). With weights it is the sandwich (linearization) variance of the
 * weighted two-sample U statistic with the same small-sample factor, which reduces to DeLong's for unit weights.
 * The placements come from one pass over the rows sorted by decreasing score, tie blocks together (Sun &amp; Xu's
 * midrank form), so the cost is that of the sort.
 *
 * <p>The interval is Wald's, {@code AUC ± z·sqrt(Var)}, clipped to [0, 1] (as pROC's {@code ci.auc(method =
 * "delong")}). Undefined, with the reason: no positives or no negatives (the AUC itself is undefined); fewer than two
 * positive or two negative rows (the variance needs two of each); a variance of 0 (every positive outscores every
 * negative, or the reverse: a Wald interval of width 0 would claim certainty).
 */
public final class DeLong {
    private final MetricValue auc;
    private final MetricValue variance;
    private final long positives;
    private final long negatives;

    private DeLong(MetricValue auc, MetricValue variance, long positives, long negatives) {
        this.auc = auc;
        this.variance = variance;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * DeLong's AUC and variance of unweighted rows.
     *
     * @param scores scores in [0, 1]
     * @param labels 0/1 labels
     * @throws IllegalArgumentException naming the column and row of a bad value
     */
    public static DeLong of(double[] scores, int[] labels) {
        return of(scores, labels, null);
    }

    /**
     * DeLong's AUC and (sandwich) variance of weighted rows.
     *
     * @param scores scores in [0, 1]
     * @param labels 0/1 labels
     * @param weights finite weights {@code >= 0}, or {@code null} for unweighted rows
     * @throws IllegalArgumentException naming the column and row of a bad value
     */
    public static DeLong of(double[] scores, int[] labels, double[] weights) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(labels, "labels");
        String[] one = new String[scores.length];
        java.util.Arrays.fill(one, "all");
        FairnessData.Builder b = FairnessData.builder().labels(labels).predictions(labels).scores(scores)
                .sensitive("all", one);
        if (weights != null) {
            b.weights(weights);
        }
        ScoreRows rows = ScoreRows.of(b.build(), java.util.List.of("all"));
        return compute(rows, rows.overallOrder, 0, rows.rows, new double[rows.rows]);
    }

    /**
     * DeLong over {@code order[from..to)} (decreasing score).
     *
     * @param placement scratch of one slot per row; on return holds the rows' placement weights
     */
    static DeLong compute(ScoreRows r, int[] order, int from, int to, double[] placement) {
        int[] ones = new int[r.rows];
        java.util.Arrays.fill(ones, 1);
        ScoreSummary s = r.summarize(order, from, to, ones);
        MetricValue auc = ScoreMetrics.ROC_AUC.compute(s);
        long n1 = 0;
        long n0 = 0;
        for (int i = from; i < to; i++) {
            int row = order[i];
            if (r.weight(row) > 0) {
                if (r.label[row] == 1) {
                    n1++;
                } else {
                    n0++;
                }
            }
        }
        if (!auc.isDefined()) {
            return new DeLong(auc, MetricValue.undefined("the AUC is undefined: " + auc.reason().orElseThrow()), n1,
                    n0);
        }
        if (n1 < 2 || n0 < 2) {
            return new DeLong(auc, MetricValue.undefined("DeLong's variance needs at least 2 positive and 2 negative "
                    + "rows, got " + n1 + " and " + n0), n1, n0);
        }
        r.placements(order, from, to, placement);
        double a = auc.value();
        double w1 = s.positiveWeight();
        double w0 = s.negativeWeight();
        double s1 = 0;
        double s0 = 0;
        for (int i = from; i < to; i++) {
            int row = order[i];
            double w = r.weight(row);
            if (r.label[row] == 1) {
                double d = placement[row] / w0 - a;
                s1 += w * w * d * d;
            } else {
                double d = placement[row] / w1 - a;
                s0 += w * w * d * d;
            }
        }
        double v = (double) n1 / (n1 - 1) * s1 / (w1 * w1) + (double) n0 / (n0 - 1) * s0 / (w0 * w0);
        if (!(v > 0)) {
            return new DeLong(auc, MetricValue.undefined("DeLong's variance is 0: the scores separate the classes "
                    + "completely, and a Wald interval of width 0 would claim certainty"), n1, n0);
        }
        return new DeLong(auc, MetricValue.of(v), n1, n0);
    }

    /** @return the AUC (the catalog's {@link ScoreMetrics#ROC_AUC} value), or undefined with the reason */
    public MetricValue auc() {
        return auc;
    }

    /** @return DeLong's variance of the AUC, or undefined with the reason */
    public MetricValue variance() {
        return variance;
    }

    /** @return rows with label 1 and positive weight */
    public long positives() {
        return positives;
    }

    /** @return rows with label 0 and positive weight */
    public long negatives() {
        return negatives;
    }

    /**
     * @param level nominal coverage in (0, 1)
     * @return {@code AUC ± z·sqrt(Var)} clipped to [0, 1], empty when the variance is undefined (see
     *     {@link #variance()})
     */
    public Optional<Interval> interval(double level) {
        if (!variance.isDefined()) {
            return Optional.empty();
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double z = org.fairkit.stats.intervals.SpreadIntervals.quantile(Double.POSITIVE_INFINITY, level);
        double se = Math.sqrt(variance.value());
        double a = auc.value();
        return Optional.of(new Interval(Math.max(0, a - z * se), Math.min(1, a + z * se), level,
                "DeLong (Wald, clipped to [0, 1])", 0, 0));
    }

    @Override
    public String toString() {
        return "DeLong[auc " + auc + ", variance " + variance + ", " + positives + " positives, " + negatives
                + " negatives]";
    }
}
