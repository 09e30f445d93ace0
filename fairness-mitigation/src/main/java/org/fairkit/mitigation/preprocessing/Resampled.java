package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkit.core.group.GroupKey;
import org.fairkit.mitigation.FittedGroups;

/**
 * The result of {@link Resampling}: the resampled row indices (a multiset, in ascending order: a row drawn
 * twice appears twice) and, per (group, label) cell, the sizes before and after. Immutable.
 */
public final class Resampled {
    private final Resampling.Scheme scheme;
    private final Long seed;
    private final FittedGroups groups;
    private final List<Cell> cells;
    private final int[] rows;

    Resampled(Resampling.Scheme scheme, Long seed, FittedGroups groups, List<Cell> cells, int[] rows) {
        this.scheme = scheme;
        this.seed = seed;
        this.groups = groups;
        this.cells = List.copyOf(cells);
        this.rows = rows;
    }

    /**
     * One (group, label) cell.
     *
     * @param group the group
     * @param label the label, 1 or 0
     * @param before the number of rows in the input
     * @param expected {@code E(g, y) = n_g n_y / n}, the size under independence of label and group
     * @param target the integer target size (see {@link Resampling}); the input size when the group has one
     *     label only
     * @param after the number of rows in the resample, always the target
     * @param balanced whether the group has both labels and was resampled towards independence
     */
    public record Cell(GroupKey group, int label, int before, double expected, int target, int after,
            boolean balanced) {
    }

    /** @return the resampled row indices, ascending (a copy) */
    public int[] rows() {
        return rows.clone();
    }

    /** @return the number of resampled rows */
    public int size() {
        return rows.length;
    }

    /** @return the scheme used */
    public Resampling.Scheme scheme() {
        return scheme;
    }

    /** @return the groups, in the order of {@link #cells()} */
    public FittedGroups groups() {
        return groups;
    }

    /** @return the cells: for each group in order, label 1 then label 0 */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * @return the groups with one label only, which cannot be rebalanced and are kept as they are; empty when every
     *     group was resampled
     */
    public List<GroupKey> unbalanced() {
        List<GroupKey> out = new ArrayList<>();
        for (Cell c : cells) {
            if (!c.balanced() && !out.contains(c.group())) {
                out.add(c.group());
            }
        }
        return out;
    }

    /** @return the scheme and a table of the cells: group, label, rows before, expected, target, rows after */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s resampling by %s%s: %d rows\n",
                scheme == Resampling.Scheme.UNIFORM ? "Uniform" : "Preferential", String.join(" x ", groups.features()),
                seed == null ? "" : " (seed " + seed + ")", rows.length));
        int width = "group".length();
        for (GroupKey k : groups.groups()) {
            width = Math.max(width, k.label().length());
        }
        String line = "%-" + width + "s  %5s  %8s  %12s  %8s  %8s\n";
        b.append(String.format(Locale.ROOT, line, "group", "label", "before", "expected", "target", "after"));
        for (Cell c : cells) {
            b.append(String.format(Locale.ROOT, line, c.group().label(), c.label(), c.before(),
                    String.format(Locale.ROOT, "%.3f", c.expected()), c.target(), c.after()));
        }
        for (Cell c : cells) {
            if (!c.balanced() && c.before() == 0) {
                b.append("note: group '").append(c.group().label()).append("' has no rows with label ")
                        .append(c.label()).append(": it cannot be rebalanced and is kept as it is\n");
            }
        }
        return b.toString();
    }
}
