package org.fairkit.core.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The mergeable sums behind the exposure metrics of many rankings (one per query, or one per time window): for each
 * group, the items {@code n_G}, the summed exposure {@code Σ v(p_i)}, the summed relevance {@code Σ u_i} and the summed
 * expected click-through {@code Σ v(p_i) u_i}, over every item of the group in every ranking added. Tallies of
 * disjoint sets of rankings {@link #merge merge} by adding the sums, in any order and grouping, like confusion counts.
 *
 * <p>The metrics pool the items of all rankings (each item in each ranking counts once):
 * {@code Exposure(G) = Σ_q Σ_{i∈G∩q} v(p_{i,q}) / Σ_q |G∩q|}, and the per-relevance forms divide by
 * {@code Σ_q Σ_{i∈G∩q} u_{i,q}} instead. For one ranking these are exactly Singh &amp; Joachims (2018, KDD) eq. 4 and
 * §4, as {@link RankingReport} computes them; over several queries this is their amortised form (Biega, Gummadi &amp;
 * Weikum 2018, "Equity of Attention", SIGIR: attention accumulated over a series of rankings), in which a query with
 * more items of a group weighs more. Averaging each query's group mean instead would weigh queries equally; it is
 * not what these sums give, and it does not merge.
 *
 * <p>Positions and ties follow {@link Ranking}: a tied item gets the mean bias over its tie block. Immutable.
 */
public final class ExposureTally {
    private static final Comparator<GroupKey> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.levels().size(), b.levels().size()); i++) {
            int c = a.levels().get(i).compareTo(b.levels().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.levels().size(), b.levels().size());
    };

    /** One group's sums. */
    private record Sums(long items, double exposure, double relevance, double clicks) {
        Sums plus(Sums o) {
            return new Sums(items + o.items, exposure + o.exposure, relevance + o.relevance, clicks + o.clicks);
        }
    }

    private final List<String> features;
    private final boolean relevance;
    private final long rankings;
    private final Map<GroupKey, Sums> sums;

    private ExposureTally(List<String> features, boolean relevance, long rankings, Map<GroupKey, Sums> sums) {
        this.features = List.copyOf(features);
        this.relevance = relevance;
        this.rankings = rankings;
        this.sums = Collections.unmodifiableMap(sums);
    }

    /**
     * @param features the sensitive features the groups are made of
     * @param relevance whether the rankings to be added carry relevance
     * @return a tally of no ranking
     */
    public static ExposureTally empty(List<String> features, boolean relevance) {
        return new ExposureTally(features, relevance, 0, new TreeMap<>(ORDER));
    }

    /** @return the tally of one ranking's exposure (under the report's position bias) */
    public static ExposureTally of(RankingReport report) {
        Ranking r = report.ranking();
        Map<GroupKey, Sums> out = new TreeMap<>(ORDER);
        List<GroupKey> groups = r.grouping().groups();
        long[] n = new long[groups.size()];
        double[] e = new double[groups.size()];
        double[] u = new double[groups.size()];
        double[] c = new double[groups.size()];
        for (int i = 0; i < r.items(); i++) {
            int g = r.grouping().groupOf(i);
            double v = report.exposureOf(i);
            n[g]++;
            e[g] += v;
            if (r.hasRelevance()) {
                u[g] += r.relevance(i);
                c[g] += v * r.relevance(i);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            out.put(groups.get(g), new Sums(n[g], e[g], u[g], c[g]));
        }
        return new ExposureTally(r.grouping().features(), r.hasRelevance(), 1, out);
    }

    /** @return the tally of one more ranking */
    public ExposureTally add(RankingReport report) {
        return merge(of(report));
    }

    /**
     * @return the tally of both sets of rankings
     * @throws IllegalArgumentException if the two tallies group by different features, or one has relevance and
     *     the other not
     */
    public ExposureTally merge(ExposureTally other) {
        Objects.requireNonNull(other, "other");
        if (rankings > 0 && other.rankings > 0) {
            if (!features.equals(other.features)) {
                throw new IllegalArgumentException("cannot merge exposure tallies grouped by " + features + " and by "
                        + other.features);
            }
            if (relevance != other.relevance) {
                throw new IllegalArgumentException("cannot merge an exposure tally with relevance and one without");
            }
        }
        ExposureTally base = rankings > 0 ? this : other;
        Map<GroupKey, Sums> out = new TreeMap<>(ORDER);
        out.putAll(sums);
        other.sums.forEach((g, s) -> out.merge(g, s, Sums::plus));
        return new ExposureTally(base.features, base.relevance, rankings + other.rankings, out);
    }

    /** @return the number of rankings added */
    public long rankings() {
        return rankings;
    }

    /** @return the groups, sorted by their levels */
    public List<GroupKey> groups() {
        return List.copyOf(sums.keySet());
    }

    /** @return the items of a group over all rankings (0 if the group never appeared) */
    public long items(GroupKey group) {
        Sums s = sums.get(group);
        return s == null ? 0 : s.items;
    }

    /**
     * The exposure metrics of every ranking added, in the shape every task shares: group metrics
     * {@code exposure} and, with relevance, {@code exposure_per_relevance} and {@code click_through_per_relevance};
     * named disparities {@code exposure_difference}, {@code exposure_ratio} and, with relevance,
     * {@code disparate_treatment_ratio} and {@code disparate_impact_ratio} (see {@link RankingMetrics}).
     *
     * @throws IllegalStateException if no ranking was added
     */
    public TaskReport report() {
        if (rankings == 0) {
            throw new IllegalStateException("no ranking was added to the exposure tally");
        }
        List<GroupKey> groups = groups();
        List<Long> sizes = new ArrayList<>();
        List<MetricValue> exposure = new ArrayList<>();
        List<MetricValue> perRelevance = new ArrayList<>();
        List<MetricValue> clicks = new ArrayList<>();
        Sums all = new Sums(0, 0, 0, 0);
        for (GroupKey g : groups) {
            Sums s = sums.get(g);
            all = all.plus(s);
            sizes.add(s.items);
            exposure.add(MetricValue.of(s.exposure / s.items));
            perRelevance.add(perRelevance(s.exposure, s.relevance, "of the group"));
            clicks.add(perRelevance(s.clicks, s.relevance, "of the group"));
        }
        TaskReport.Builder b = TaskReport.builder(Task.RANKING, features, groups, sizes);
        GroupValues e = values(RankingMetrics.EXPOSURE, groups, exposure, MetricValue.of(all.exposure / all.items));
        b.metric(e);
        b.disparity(TopK.renamed(e.difference(), RankingMetrics.EXPOSURE_DIFFERENCE.info().id()));
        b.disparity(TopK.renamed(e.ratio(), RankingMetrics.EXPOSURE_RATIO.info().id()));
        if (relevance) {
            GroupValues t = values(RankingMetrics.EXPOSURE_PER_RELEVANCE, groups, perRelevance,
                    perRelevance(all.exposure, all.relevance, ""));
            GroupValues c = values(RankingMetrics.CLICK_THROUGH_PER_RELEVANCE, groups, clicks,
                    perRelevance(all.clicks, all.relevance, ""));
            b.metric(t).metric(c);
            b.disparity(TopK.renamed(t.ratio(), RankingMetrics.DISPARATE_TREATMENT_RATIO.info().id()));
            b.disparity(TopK.renamed(c.ratio(), RankingMetrics.DISPARATE_IMPACT_RATIO.info().id()));
        }
        return b.build();
    }

    private static MetricValue perRelevance(double num, double rel, String of) {
        return rel == 0 ? MetricValue.undefined("no item " + (of.isEmpty() ? "" : of + " ")
                + "is relevant (mean relevance 0)") : MetricValue.of(num / rel);
    }

    private static GroupValues values(RankingMetrics metric, List<GroupKey> groups, List<MetricValue> v,
            MetricValue overall) {
        return new GroupValues(metric.info().id(), groups, v, Collections.nCopies(v.size(), null), overall,
                ZeroDivision.UNDEFINED);
    }

    @Override
    public String toString() {
        return "ExposureTally[" + rankings + " rankings, groups " + sums.keySet() + "]";
    }
}
