package org.fairkit.core.regression;

import java.util.List;

/**
 * Immutable per-group {@link ErrorSums}: the snapshot of an {@link ErrorTally}. {@link #overall()} merges the
 * groups in group order.
 */
public final class GroupErrorSums {
    private final List<ErrorSums> groups;
    private final ErrorSums overall;

    GroupErrorSums(List<ErrorSums> groups) {
        this.groups = List.copyOf(groups);
        ErrorSums all = ErrorSums.EMPTY;
        for (ErrorSums s : groups) {
            all = all.plus(s);
        }
        this.overall = all;
    }

    /**
     * Builds a snapshot from statistics computed elsewhere.
     *
     * @throws IllegalArgumentException if there is no group
     */
    public static GroupErrorSums of(List<ErrorSums> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("need at least one group");
        }
        return new GroupErrorSums(groups);
    }

    /** @return the number of groups */
    public int groupCount() {
        return groups.size();
    }

    /** @return group {@code g}'s statistics */
    public ErrorSums group(int g) {
        return groups.get(g);
    }

    /** @return the statistics of all rows */
    public ErrorSums overall() {
        return overall;
    }
}
