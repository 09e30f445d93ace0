package org.fairkit.core.tally;

import java.util.Arrays;
import org.fairkit.core.internal.CompensatedSum;

/**
 * Immutable per-group confusion counts: the snapshot of a {@link ConfusionTally}.
 *
 * <p>Group {@code g}'s counts are {@link #group(int)}; {@link #overall()} adds all groups. When weighted, the
 * weight sum of each (group, cell) is the compensated sum accumulated by the tally.
 *
 * <p>{@link #plus(GroupConfusion)} is associative and commutative on the row counts; {@link #empty(int, boolean)}
 * is its identity.
 */
public final class GroupConfusion {
    private final int groupCount;
    private final long[] counts;
    private final double[] weights;

    GroupConfusion(int groupCount, long[] counts, double[] weights) {
        this.groupCount = groupCount;
        this.counts = counts;
        this.weights = weights;
    }

    /**
     * The empty snapshot.
     *
     * @param groupCount number of groups, at least 1
     * @param weighted whether weight sums are kept
     */
    public static GroupConfusion empty(int groupCount, boolean weighted) {
        ConfusionTally.requireGroupCount(groupCount);
        return new GroupConfusion(groupCount, new long[4 * groupCount], weighted ? new double[4 * groupCount] : null);
    }

    /**
     * Builds a snapshot from per-group counts, for example counts computed elsewhere (a database, Spark).
     *
     * @param counts one entry per group
     * @throws IllegalArgumentException if empty or mixing weighted and unweighted counts
     */
    public static GroupConfusion of(CellCounts... counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts must hold at least one group");
        }
        boolean weighted = counts[0].isWeighted();
        long[] c = new long[4 * counts.length];
        double[] w = weighted ? new double[4 * counts.length] : null;
        for (int g = 0; g < counts.length; g++) {
            if (counts[g].isWeighted() != weighted) {
                throw new IllegalArgumentException("group " + g + " is " + (weighted ? "unweighted" : "weighted")
                        + " but group 0 is not: all groups must agree");
            }
            for (Cell cell : Cell.values()) {
                c[4 * g + cell.index()] = counts[g].rows(cell);
                if (weighted) {
                    w[4 * g + cell.index()] = counts[g].mass(cell);
                }
            }
        }
        return new GroupConfusion(counts.length, c, w);
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupCount;
    }

    /** @return whether weight sums are kept */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * @param group a group index in {@code [0, groupCount)}
     * @return that group's counts
     */
    public CellCounts group(int group) {
        if (group < 0 || group >= groupCount) {
            throw new IndexOutOfBoundsException("group " + group + " is outside [0, " + groupCount + ")");
        }
        int o = 4 * group;
        if (weights == null) {
            return CellCounts.of(counts[o], counts[o + 1], counts[o + 2], counts[o + 3]);
        }
        return CellCounts.weighted(counts[o], counts[o + 1], counts[o + 2], counts[o + 3],
                weights[o], weights[o + 1], weights[o + 2], weights[o + 3]);
    }

    /** @return the counts of all groups together, weight sums added with compensation in group order */
    public CellCounts overall() {
        long[] c = new long[4];
        double[] s = new double[4];
        double[] comp = new double[4];
        for (int g = 0; g < groupCount; g++) {
            for (int k = 0; k < 4; k++) {
                c[k] += counts[4 * g + k];
                if (weights != null) {
                    CompensatedSum.add(s, comp, k, weights[4 * g + k]);
                }
            }
        }
        if (weights == null) {
            return CellCounts.of(c[0], c[1], c[2], c[3]);
        }
        return CellCounts.weighted(c[0], c[1], c[2], c[3], s[0] + comp[0], s[1] + comp[1], s[2] + comp[2],
                s[3] + comp[3]);
    }

    /** @return the total number of rows */
    public long rows() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * Adds two snapshots group by group.
     *
     * @throws IllegalArgumentException if the group counts or weighting differ
     */
    public GroupConfusion plus(GroupConfusion other) {
        ConfusionTally t = ConfusionTally.create(groupCount, isWeighted());
        t.addSnapshot(this);
        t.addSnapshot(other);
        return t.snapshot();
    }

    long[] countsArray() {
        return counts;
    }

    double[] weightsArray() {
        return weights;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GroupConfusion)) {
            return false;
        }
        GroupConfusion other = (GroupConfusion) o;
        return groupCount == other.groupCount && Arrays.equals(counts, other.counts)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * groupCount + Arrays.hashCode(counts)) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("GroupConfusion[");
        for (int g = 0; g < groupCount; g++) {
            b.append(g == 0 ? "" : ", ").append(g).append('=').append(group(g));
        }
        return b.append(']').toString();
    }
}
