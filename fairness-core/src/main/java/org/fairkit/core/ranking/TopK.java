package org.fairkit.core.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * Selection parity in the top k of a ranking: how many of each group's items the first k positions hold, against
 * the group's size.
 *
 * <p>Per group {@code g} with {@code n_g} of the {@code n} items and {@code s_g} of them in the top k:
 * <ul>
 *   <li>selection rate {@code s_g / n_g} (demographic parity of the top-k selection; its min/max ratio is the
 *       four-fifths-rule ratio);</li>
 *   <li>share of the top k {@code s_g / k} against the share of all items {@code n_g / n};</li>
 *   <li>skew {@code (s_g / k) / (n_g / n)} (Geyik, Ambler &amp; Kenthapadi 2019, "Fairness-Aware Ranking in
 *       Search &amp; Recommendation Systems", KDD, with the items' own shares as the desired distribution): 1 is
 *       parity, below 1 under-representation.</li>
 * </ul>
 * An item tied across position k counts fractionally: the share of its tie block that lies in the top k (its
 * probability of being selected under a random order of the tied items). Immutable.
 */
public final class TopK {
    private final int k;
    private final int items;
    private final List<GroupKey> groups;
    private final int[] size;
    private final double[] selected;

    TopK(int k, int items, List<GroupKey> groups, int[] size, double[] selected) {
        this.k = k;
        this.items = items;
        this.groups = List.copyOf(groups);
        this.size = size;
        this.selected = selected;
    }

    /** @return k */
    public int k() {
        return k;
    }

    /** @return the groups, in grouping order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the number of items of group {@code g} */
    public int size(int g) {
        return size[g];
    }

    /** @return the (expected, with ties across position k) number of items of group {@code g} in the top k */
    public double selected(int g) {
        return selected[g];
    }

    /** @return group {@code g}'s share of the top k, {@code s_g / k} */
    public double shareOfTopK(int g) {
        return selected[g] / k;
    }

    /** @return group {@code g}'s share of all items, {@code n_g / n} */
    public double shareOfItems(int g) {
        return (double) size[g] / items;
    }

    /** @return the selection rate per group, {@code s_g / n_g}; overall {@code k / n} */
    public GroupValues selectionRate() {
        List<MetricValue> v = new ArrayList<>();
        for (int g = 0; g < size.length; g++) {
            v.add(MetricValue.of(selected[g] / size[g]));
        }
        return values(RankingMetrics.TOP_K_SELECTION_RATE.info().id(), v, MetricValue.of((double) k / items));
    }

    /** @return the skew per group, {@code (s_g / k) / (n_g / n)}; overall 1 */
    public GroupValues skew() {
        List<MetricValue> v = new ArrayList<>();
        for (int g = 0; g < size.length; g++) {
            v.add(MetricValue.of(shareOfTopK(g) / shareOfItems(g)));
        }
        return values(RankingMetrics.TOP_K_SKEW.info().id(), v, MetricValue.of(1.0));
    }

    /** @return min / max of the selection rates (1 = parity; below 0.8 fails the four-fifths rule) */
    public Disparity selectionRateRatio() {
        return renamed(selectionRate().ratio(), RankingMetrics.TOP_K_SELECTION_RATE_RATIO.info().id());
    }

    /** @return max − min of the selection rates (0 = parity) */
    public Disparity selectionRateDifference() {
        return renamed(selectionRate().difference(), RankingMetrics.TOP_K_SELECTION_RATE_DIFFERENCE.info().id());
    }

    private GroupValues values(String id, List<MetricValue> v, MetricValue overall) {
        return new GroupValues(id, groups, v, Collections.nCopies(size.length, null), overall, ZeroDivision.UNDEFINED);
    }

    static Disparity renamed(Disparity d, String id) {
        return new Disparity(id, d.value(), d.groups(), d.excluded(), d.interval());
    }

    /** @return a table: group, items, selected, selection rate, share of top k, share of items, skew */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "top %d of %d items%n", k, items));
        int w = 5;
        for (GroupKey g : groups) {
            w = Math.max(w, g.label().length());
        }
        b.append(String.format(Locale.ROOT, "%-" + w + "s %7s %9s %9s %9s %9s %7s%n", "group", "items", "selected",
                "rate", "top-k sh", "all sh", "skew"));
        for (int g = 0; g < size.length; g++) {
            b.append(String.format(Locale.ROOT, "%-" + w + "s %7d %9.2f %9.4f %9.4f %9.4f %7.4f%n",
                    groups.get(g).label(), size[g], selected[g], selected[g] / size[g], shareOfTopK(g), shareOfItems(g),
                    shareOfTopK(g) / shareOfItems(g)));
        }
        return b.toString();
    }
}
