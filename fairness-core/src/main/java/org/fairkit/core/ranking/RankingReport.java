package org.fairkit.core.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The group fairness of one {@link Ranking} under a {@link PositionBias}, as {@link RankingFairness#evaluate()} gives
 * it: exposure, exposure against relevance, selection in the top k, and ranking quality per group.
 *
 * <p>Each item {@code i} at position {@code p_i} receives exposure {@code v(p_i)}; a tied item receives the mean of
 * {@code v} over its tie block. With {@code |G|} items in group {@code G} and relevance {@code u_i}:
 * <ul>
 *   <li>{@link #exposure()}: {@code Exposure(G) = (1/|G|) Σ_{i∈G} v(p_i)}, the average exposure of Singh &amp; Joachims
 *       (2018, "Fairness of Exposure in Rankings", KDD, eq. 4); its spread and ratio across groups are
 *       {@link #exposureDifference()} and {@link #exposureRatio()} (demographic parity of exposure).</li>
 *   <li>{@link #exposurePerRelevance()}: {@code Exposure(G) / U(G)} with {@code U(G) = (1/|G|) Σ u_i}, and
 *       {@link #disparateTreatmentRatio()}: min / max of it over groups. For two groups the paper's disparate
 *       treatment ratio is {@code (Exposure(G0)/U(G0)) / (Exposure(G1)/U(G1))}; FairKit orients it as min / max, so
 *       it lies in [0, 1] whichever group is favoured ({@code exposurePerRelevance().toReference(g)} gives the
 *       oriented ratios against a chosen group).</li>
 *   <li>{@link #clickThroughPerRelevance()} and {@link #disparateImpactRatio()}: the same with the expected
 *       click-through {@code CTR(G) = (1/|G|) Σ v(p_i) u_i} in place of exposure (the paper's disparate impact
 *       ratio).</li>
 *   <li>{@link #topK(int)}: selection parity in the top k (see {@link TopK}).</li>
 *   <li>{@link #ndcg(int)} and {@link #precision(int)}: ranking quality <em>within</em> each group. A group's items,
 *       in their order in the ranking, form the group's own ranked list (positions 1..|G|); its NDCG@k is the DCG@k
 *       of that list over the DCG@k of the group's items sorted by relevance, with the discount {@code v} (the
 *       standard {@code 1/log2(1+p)} by default). This asks "are the group's own items put in order of merit?",
 *       separately from "how high does the group land?" (exposure, top k). The overall value is the NDCG@k of the
 *       whole ranking, scikit-learn's {@code ndcg_score(k)} (with tied scores averaged) for the logarithmic bias and
 *       linear gain.</li>
 * </ul>
 * Relevance-based metrics need {@link Ranking.Builder#relevance(double[])}; a group whose mean relevance is 0, or
 * whose ideal DCG@k is 0, gets an undefined value with the reason. Cost: {@code O(n log n)} per metric for n items.
 * Immutable.
 */
public final class RankingReport {
    private final Ranking ranking;
    private final PositionBias bias;
    private final double[] weight;
    private final double[] exposure;

    private RankingReport(Ranking ranking, PositionBias bias, double[] weight, double[] exposure) {
        this.ranking = ranking;
        this.bias = bias;
        this.weight = weight;
        this.exposure = exposure;
    }

    /**
     * Computes each item's exposure under a position bias.
     *
     * @throws IllegalArgumentException if the bias gives a position of the ranking a NaN, infinite or negative weight
     */
    static RankingReport compute(Ranking ranking, PositionBias bias) {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(bias, "bias");
        int n = ranking.items();
        double[] w = new double[n + 1];
        for (int p = 1; p <= n; p++) {
            double v = bias.weight(p);
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("position bias '" + bias.describe() + "', position " + p + ": got "
                        + v + "; expected a finite weight >= 0");
            }
            w[p] = v;
        }
        double[] blockMean = new double[n + 1];
        Arrays.fill(blockMean, Double.NaN);
        double[] exposure = new double[n];
        for (int i = 0; i < n; i++) {
            int a = ranking.firstPosition(i);
            int b = ranking.lastPosition(i);
            if (a == b) {
                exposure[i] = w[a];
            } else {
                if (Double.isNaN(blockMean[a])) {
                    double s = 0;
                    for (int p = a; p <= b; p++) {
                        s += w[p];
                    }
                    blockMean[a] = s / (b - a + 1);
                }
                exposure[i] = blockMean[a];
            }
        }
        return new RankingReport(ranking, bias, w, exposure);
    }

    /** @return the position bias */
    public PositionBias bias() {
        return bias;
    }

    /** @return item {@code i}'s exposure: {@code v} at its position, or the mean of {@code v} over its tie block */
    public double exposureOf(int i) {
        return exposure[i];
    }

    /** @return the average exposure per item of each group; overall, of all items */
    public GroupValues exposure() {
        int groups = ranking.grouping().groupCount();
        double[] sum = new double[groups];
        int[] count = new int[groups];
        double all = 0;
        for (int i = 0; i < exposure.length; i++) {
            int g = ranking.grouping().groupOf(i);
            sum[g] += exposure[i];
            count[g]++;
            all += exposure[i];
        }
        List<MetricValue> v = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            v.add(MetricValue.of(sum[g] / count[g]));
        }
        return values(RankingMetrics.EXPOSURE, v, MetricValue.of(all / exposure.length));
    }

    /** @return max − min of the groups' average exposure (0 = parity) */
    public Disparity exposureDifference() {
        return TopK.renamed(exposure().difference(), RankingMetrics.EXPOSURE_DIFFERENCE.info().id());
    }

    /** @return min / max of the groups' average exposure (1 = parity) */
    public Disparity exposureRatio() {
        return TopK.renamed(exposure().ratio(), RankingMetrics.EXPOSURE_RATIO.info().id());
    }

    /**
     * @return each group's average exposure over its average relevance; overall, of all items
     * @throws IllegalStateException if the ranking has no relevance
     */
    public GroupValues exposurePerRelevance() {
        return perRelevance(RankingMetrics.EXPOSURE_PER_RELEVANCE, false);
    }

    /**
     * @return min / max over groups of exposure per relevance (Singh &amp; Joachims' disparate treatment ratio,
     *     oriented to [0, 1])
     * @throws IllegalStateException if the ranking has no relevance
     */
    public Disparity disparateTreatmentRatio() {
        return TopK.renamed(exposurePerRelevance().ratio(), RankingMetrics.DISPARATE_TREATMENT_RATIO.info().id());
    }

    /**
     * @return each group's average expected click-through {@code v(p_i) u_i} over its average relevance
     * @throws IllegalStateException if the ranking has no relevance
     */
    public GroupValues clickThroughPerRelevance() {
        return perRelevance(RankingMetrics.CLICK_THROUGH_PER_RELEVANCE, true);
    }

    /**
     * @return min / max over groups of click-through per relevance (Singh &amp; Joachims' disparate impact ratio,
     *     oriented to [0, 1])
     * @throws IllegalStateException if the ranking has no relevance
     */
    public Disparity disparateImpactRatio() {
        return TopK.renamed(clickThroughPerRelevance().ratio(), RankingMetrics.DISPARATE_IMPACT_RATIO.info().id());
    }

    private GroupValues perRelevance(RankingMetrics metric, boolean clicks) {
        double[] u = ranking.relevanceColumn();
        int groups = ranking.grouping().groupCount();
        double[] num = new double[groups];
        double[] rel = new double[groups];
        double allNum = 0;
        double allRel = 0;
        for (int i = 0; i < u.length; i++) {
            int g = ranking.grouping().groupOf(i);
            double x = clicks ? exposure[i] * u[i] : exposure[i];
            num[g] += x;
            rel[g] += u[i];
            allNum += x;
            allRel += u[i];
        }
        List<MetricValue> v = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            // The group sizes cancel: (num/|G|) / (rel/|G|).
            v.add(rel[g] == 0 ? MetricValue.undefined("no item of the group is relevant (mean relevance 0)")
                    : MetricValue.of(num[g] / rel[g]));
        }
        MetricValue overall = allRel == 0 ? MetricValue.undefined("no item is relevant (mean relevance 0)")
                : MetricValue.of(allNum / allRel);
        return values(metric, v, overall);
    }

    /**
     * This ranking in the shape every task shares ({@link Task#RANKING}); the same as
     * {@code ExposureTally.of(this).report()}: exposure (and, with relevance, exposure and click-through per
     * relevance) as group metrics, their difference and ratios as the named disparities of {@link RankingMetrics}.
     *
     * @return the shared view of this report
     */
    public TaskReport asTaskReport() {
        return ExposureTally.of(this).report();
    }

    Ranking ranking() {
        return ranking;
    }

    /**
     * Selection parity in the top k.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code 1..n}
     */
    public TopK topK(int k) {
        int n = checkK(k);
        Grouping grouping = ranking.grouping();
        int[] size = new int[grouping.groupCount()];
        double[] selected = new double[grouping.groupCount()];
        for (int i = 0; i < n; i++) {
            int g = grouping.groupOf(i);
            size[g]++;
            selected[g] += fractionWithin(ranking.firstPosition(i), ranking.lastPosition(i), k);
        }
        return new TopK(k, n, grouping.groups(), size, selected);
    }

    /** NDCG@k per group (within-group, linear gain); overall, of the whole ranking. See the class comment. */
    public GroupValues ndcg(int k) {
        return ndcg(k, Gain.LINEAR);
    }

    /**
     * NDCG@k per group with the given gain; overall, of the whole ranking.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code 1..n}
     * @throws IllegalStateException if the ranking has no relevance
     */
    public GroupValues ndcg(int k, Gain gain) {
        checkK(k);
        Objects.requireNonNull(gain, "gain");
        double[] u = ranking.relevanceColumn();
        List<int[]> lists = groupLists();
        List<MetricValue> v = new ArrayList<>();
        for (int[] items : lists) {
            v.add(ndcg(items, k, gain, u, "of the group"));
        }
        return values(RankingMetrics.NDCG_AT_K, v, ndcg(allItems(), k, gain, u, ""));
    }

    /**
     * Precision@k per group: the share of relevant items ({@code u > 0}) among the group's first {@code min(k, |G|)}
     * items in the ranking; overall, among the first {@code k} items.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code 1..n}
     * @throws IllegalStateException if the ranking has no relevance
     */
    public GroupValues precision(int k) {
        checkK(k);
        double[] u = ranking.relevanceColumn();
        List<MetricValue> v = new ArrayList<>();
        for (int[] items : groupLists()) {
            v.add(MetricValue.of(precision(items, k, u)));
        }
        return values(RankingMetrics.PRECISION_AT_K, v, MetricValue.of(precision(allItems(), k, u)));
    }

    private int checkK(int k) {
        int n = ranking.items();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in 1.." + n + " (the number of items), got " + k);
        }
        return n;
    }

    /** The share of positions {@code a..b} that lie in {@code 1..k}. */
    private static double fractionWithin(int a, int b, int k) {
        if (b <= k) {
            return 1;
        }
        if (a > k) {
            return 0;
        }
        return (double) (k - a + 1) / (b - a + 1);
    }

    /** Each group's items in ranking order (by first position, then item index). */
    private List<int[]> groupLists() {
        Grouping grouping = ranking.grouping();
        int[] order = allItems();
        int[] count = new int[grouping.groupCount()];
        for (int i : order) {
            count[grouping.groupOf(i)]++;
        }
        List<int[]> lists = new ArrayList<>();
        for (int c : count) {
            lists.add(new int[c]);
        }
        int[] fill = new int[grouping.groupCount()];
        for (int i : order) {
            int g = grouping.groupOf(i);
            lists.get(g)[fill[g]++] = i;
        }
        return lists;
    }

    /** All items in ranking order. */
    private int[] allItems() {
        Integer[] order = new Integer[ranking.items()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ranking.firstPosition(a) != ranking.firstPosition(b)
                ? Integer.compare(ranking.firstPosition(a), ranking.firstPosition(b)) : Integer.compare(a, b));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * NDCG@k of a list of items in ranking order: items of one global tie block form a tie block of the list and
     * share its positions' mean discount (0 beyond k).
     */
    private MetricValue ndcg(int[] items, int k, Gain gain, double[] u, String whose) {
        double dcg = 0;
        int pos = 1;
        for (int start = 0; start < items.length;) {
            int end = start;
            while (end + 1 < items.length
                    && ranking.firstPosition(items[end + 1]) == ranking.firstPosition(items[start])) {
                end++;
            }
            int m = end - start + 1;
            double discount = 0;
            for (int p = pos; p < pos + m && p <= k; p++) {
                discount += weight[p];
            }
            if (discount > 0) {
                double gains = 0;
                for (int r = start; r <= end; r++) {
                    gains += gain.of(u[items[r]]);
                }
                dcg += m == 1 ? discount * gains : discount / m * gains;
            }
            pos += m;
            start = end + 1;
        }
        double[] ideal = new double[items.length];
        boolean anyRelevant = false;
        for (int r = 0; r < items.length; r++) {
            ideal[r] = gain.of(u[items[r]]);
            anyRelevant |= u[items[r]] > 0;
        }
        Arrays.sort(ideal);
        double idcg = 0;
        for (int p = 1; p <= Math.min(k, ideal.length); p++) {
            idcg += weight[p] * ideal[ideal.length - p];
        }
        String prefix = whose.isEmpty() ? "" : " " + whose;
        if (!anyRelevant) {
            return MetricValue.undefined("no item" + prefix + " is relevant (ideal DCG@" + k + " = 0)");
        }
        if (idcg == 0) {
            return MetricValue.undefined("the position bias gives the first positions weight 0 (ideal DCG@" + k
                    + " = 0)");
        }
        double ratio = dcg / idcg;
        // DCG <= ideal DCG for a non-increasing bias; only rounding can overshoot, by ulps (not a custom rising bias).
        return MetricValue.of(ratio > 1 && ratio < 1 + 1e-12 ? 1 : ratio);
    }

    /** Precision over the first min(k, |list|) positions of a list of items in ranking order. */
    private double precision(int[] items, int k, double[] u) {
        int cut = Math.min(k, items.length);
        double relevant = 0;
        int pos = 1;
        for (int start = 0; start < items.length && pos <= cut;) {
            int end = start;
            while (end + 1 < items.length
                    && ranking.firstPosition(items[end + 1]) == ranking.firstPosition(items[start])) {
                end++;
            }
            int m = end - start + 1;
            int hits = 0;
            for (int r = start; r <= end; r++) {
                hits += u[items[r]] > 0 ? 1 : 0;
            }
            relevant += hits * fractionWithin(pos, pos + m - 1, cut);
            pos += m;
            start = end + 1;
        }
        return relevant / cut;
    }

    private GroupValues values(RankingMetrics metric, List<MetricValue> v, MetricValue overall) {
        return new GroupValues(metric.info().id(), ranking.grouping().groups(), v,
                Collections.nCopies(v.size(), null), overall, ZeroDivision.UNDEFINED);
    }

    @Override
    public String toString() {
        return "RankingReport[" + ranking + ", position bias " + bias.describe() + "]";
    }
}
