package org.fairkit.core.tally;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.core.internal.TallyKernel;

/**
 * A mutable, thread-confined accumulator of per-group confusion counts; {@link #snapshot()} gives the
 * immutable {@link GroupConfusion}.
 *
 * <p>Laws (as for a {@link Collector}): {@link #create(int, boolean)} is the identity of {@link #combine};
 * {@code combine} is associative and commutative. Row counts are exact {@code long}s, so those laws hold
 * bit for bit. Weight sums are kept as Neumaier-compensated pairs; combining them in another order can change
 * the last bit of a sum unless every partial sum is exactly representable (integer or dyadic weights).
 * For bit-identical results whatever the thread count, use {@link TallyKernel}, whose chunk boundaries
 * and reduction order are fixed by row index.
 *
 * <p>{@link #accept} validates every value, so this is the entry point for rows that did not come through
 * {@code FairnessData}.
 */
public final class ConfusionTally {
    private final int groupCount;
    private final long[] counts;
    private final double[] sums;
    private final double[] comps;

    private ConfusionTally(int groupCount, boolean weighted) {
        this.groupCount = groupCount;
        this.counts = new long[4 * groupCount];
        this.sums = weighted ? new double[4 * groupCount] : null;
        this.comps = weighted ? new double[4 * groupCount] : null;
    }

    /**
     * An empty tally: the identity of {@link #combine(ConfusionTally)}.
     *
     * @param groupCount number of groups, at least 1
     * @param weighted whether to keep weight sums ({@link #accept(int, int, int, double)})
     */
    public static ConfusionTally create(int groupCount, boolean weighted) {
        requireGroupCount(groupCount);
        return new ConfusionTally(groupCount, weighted);
    }

    static void requireGroupCount(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
        }
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupCount;
    }

    /** @return whether weight sums are kept */
    public boolean isWeighted() {
        return sums != null;
    }

    /**
     * Counts one unweighted row.
     *
     * @throws IllegalArgumentException if the tally is weighted, or a value is out of its domain
     */
    public void accept(int group, int label, int prediction) {
        if (sums != null) {
            throw new IllegalArgumentException("this tally is weighted: pass a weight with every row");
        }
        counts[index(group, label, prediction)]++;
    }

    /**
     * Counts one weighted row.
     *
     * @throws IllegalArgumentException if the tally is unweighted, or a value is out of its domain
     */
    public void accept(int group, int label, int prediction, double weight) {
        if (sums == null) {
            throw new IllegalArgumentException("this tally is unweighted: create it with weighted = true");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        int i = index(group, label, prediction);
        counts[i]++;
        CompensatedSum.add(sums, comps, i, weight);
    }

    /**
     * Counts {@code rows} identical unweighted rows at once: the same as {@code rows} calls of
     * {@link #accept(int, int, int)} (for counts a reader tallied itself, e.g. the CLI's byte-level CSV reader).
     *
     * @throws IllegalArgumentException if the tally is weighted, {@code rows} is negative, or a value is out of its
     *     domain
     */
    public void acceptRows(int group, int label, int prediction, long rows) {
        if (sums != null) {
            throw new IllegalArgumentException("this tally is weighted: pass a weight with every row");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        counts[index(group, label, prediction)] += rows;
    }

    private int index(int group, int label, int prediction) {
        if (group < 0 || group >= groupCount) {
            throw new IllegalArgumentException("group must be in [0, " + groupCount + "), got " + group);
        }
        return 4 * group + Cell.of(label, prediction).index();
    }

    /**
     * Adds another tally into this one. Checks compatibility before changing anything.
     *
     * @return this tally
     * @throws IllegalArgumentException if the group counts or weighting differ
     */
    public ConfusionTally combine(ConfusionTally other) {
        requireCompatible(other.groupCount, other.isWeighted());
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        if (sums != null) {
            for (int i = 0; i < sums.length; i++) {
                CompensatedSum.add(sums, comps, i, other.sums[i]);
                comps[i] += other.comps[i];
            }
        }
        return this;
    }

    void addSnapshot(GroupConfusion s) {
        requireCompatible(s.groupCount(), s.isWeighted());
        long[] c = s.countsArray();
        for (int i = 0; i < counts.length; i++) {
            counts[i] += c[i];
        }
        if (sums != null) {
            addWeightSums(s.weightsArray(), 0);
        }
    }

    /** Adds {@code 4 * groupCount} plain sums starting at {@code offset}, with compensation. */
    void addWeightSums(double[] s, int offset) {
        for (int i = 0; i < sums.length; i++) {
            double x = s[offset + i];
            if (x != 0) {
                CompensatedSum.add(sums, comps, i, x);
            }
        }
    }

    private void requireCompatible(int otherGroups, boolean otherWeighted) {
        if (otherGroups != groupCount) {
            throw new IllegalArgumentException(
                    "cannot combine tallies of " + groupCount + " and " + otherGroups + " groups");
        }
        if (otherWeighted != isWeighted()) {
            throw new IllegalArgumentException("cannot combine a weighted and an unweighted tally");
        }
    }

    /** @return an immutable copy of the counts so far */
    public GroupConfusion snapshot() {
        double[] w = null;
        if (sums != null) {
            w = new double[sums.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = sums[i] + comps[i];
            }
        }
        return new GroupConfusion(groupCount, counts.clone(), w);
    }

    /**
     * A collector that tallies objects, for streams and for counts computed partition by partition.
     *
     * @param groupCount number of groups
     * @param group the group index of an element, in {@code [0, groupCount)}
     * @param label the element's label, 0 or 1
     * @param prediction the element's prediction, 0 or 1
     * @param weight the element's weight, or {@code null} for an unweighted tally
     */
    public static <T> Collector<T, ConfusionTally, GroupConfusion> collector(int groupCount,
            ToIntFunction<? super T> group, ToIntFunction<? super T> label, ToIntFunction<? super T> prediction,
            ToDoubleFunction<? super T> weight) {
        requireGroupCount(groupCount);
        boolean weighted = weight != null;
        Supplier<ConfusionTally> supplier = () -> create(groupCount, weighted);
        BiConsumer<ConfusionTally, T> accumulator = weighted
                ? (t, x) -> t.accept(group.applyAsInt(x), label.applyAsInt(x), prediction.applyAsInt(x),
                        weight.applyAsDouble(x))
                : (t, x) -> t.accept(group.applyAsInt(x), label.applyAsInt(x), prediction.applyAsInt(x));
        BinaryOperator<ConfusionTally> combiner = ConfusionTally::combine;
        Function<ConfusionTally, GroupConfusion> finisher = ConfusionTally::snapshot;
        Set<Collector.Characteristics> characteristics = EnumSet.of(Collector.Characteristics.UNORDERED);
        return Collector.of(supplier, accumulator, combiner, finisher,
                characteristics.toArray(new Collector.Characteristics[0]));
    }
}
