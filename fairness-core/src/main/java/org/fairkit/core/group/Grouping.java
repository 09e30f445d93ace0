package org.fairkit.core.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.fairkit.core.internal.TallyInput;

/**
 * The groups of a grouping (one sensitive feature, or the intersection of several) and each row's group.
 *
 * <p>Only non-empty combinations become groups. Groups are ordered by their features' level codes,
 * lexicographically (first feature first), which for string levels is the sorted order Fairlearn shows.
 * Immutable.
 */
public final class Grouping {
    private final List<String> features;
    private final List<GroupKey> groups;
    private final int[] codes;
    private final Map<List<String>, Integer> index;

    private Grouping(List<String> features, List<GroupKey> groups, int[] codes) {
        this.features = List.copyOf(features);
        this.groups = List.copyOf(groups);
        this.codes = codes;
        this.index = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            index.put(groups.get(g).levels(), g);
        }
    }

    /**
     * Groups rows by one feature or the intersection of several.
     *
     * @throws IllegalArgumentException if no feature is given, a name repeats, or the row counts differ
     */
    public static Grouping of(List<SensitiveFeature> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a grouping needs at least one sensitive feature");
        }
        List<String> names = new ArrayList<>();
        for (SensitiveFeature f : features) {
            if (names.contains(f.name())) {
                throw new IllegalArgumentException("sensitive feature '" + f.name() + "' appears twice in the grouping");
            }
            if (f.rows() != features.get(0).rows()) {
                throw new IllegalArgumentException("sensitive feature '" + f.name() + "' has " + f.rows()
                        + " rows but '" + features.get(0).name() + "' has " + features.get(0).rows());
            }
            names.add(f.name());
        }
        if (features.size() == 1) {
            SensitiveFeature f = features.get(0);
            List<GroupKey> keys = new ArrayList<>();
            for (String level : f.levels()) {
                keys.add(GroupKey.of(f.name(), level));
            }
            return new Grouping(names, keys, f.codes());
        }
        return intersect(names, features);
    }

    private static Grouping intersect(List<String> names, List<SensitiveFeature> features) {
        int rows = features.get(0).rows();
        long[] combined = new long[rows];
        long space = 1;
        for (SensitiveFeature f : features) {
            int k = f.levels().size();
            if (space > Long.MAX_VALUE / k) {
                throw new IllegalArgumentException("the intersection of " + names + " has too many combinations");
            }
            space *= k;
            int[] c = f.codes();
            for (int i = 0; i < rows; i++) {
                combined[i] = combined[i] * k + c[i];
            }
        }
        int[] codes = new int[rows];
        List<long[]> present = new ArrayList<>();
        if (space <= (1 << 24)) {
            int[] dense = new int[(int) space];
            for (int i = 0; i < rows; i++) {
                dense[(int) combined[i]] = 1;
            }
            int next = 0;
            for (int v = 0; v < dense.length; v++) {
                if (dense[v] != 0) {
                    dense[v] = next++;
                    present.add(new long[] {v});
                }
            }
            for (int i = 0; i < rows; i++) {
                codes[i] = dense[(int) combined[i]];
            }
        } else {
            TreeMap<Long, Integer> sparse = new TreeMap<>();
            for (int i = 0; i < rows; i++) {
                sparse.putIfAbsent(combined[i], 0);
            }
            int next = 0;
            for (Map.Entry<Long, Integer> e : sparse.entrySet()) {
                e.setValue(next++);
                present.add(new long[] {e.getKey()});
            }
            for (int i = 0; i < rows; i++) {
                codes[i] = sparse.get(combined[i]);
            }
        }
        List<GroupKey> keys = new ArrayList<>(present.size());
        for (long[] p : present) {
            long v = p[0];
            String[] levels = new String[features.size()];
            for (int j = features.size() - 1; j >= 0; j--) {
                int k = features.get(j).levels().size();
                levels[j] = features.get(j).levels().get((int) (v % k));
                v /= k;
            }
            keys.add(new GroupKey(names, List.of(levels)));
        }
        return new Grouping(names, keys, codes);
    }

    /** @return the feature names, in grouping order */
    public List<String> features() {
        return features;
    }

    /** @return the non-empty groups, in order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the number of groups */
    public int groupCount() {
        return groups.size();
    }

    /** @return the number of rows */
    public int rows() {
        return codes.length;
    }

    /** @return the group index of a row */
    public int groupOf(int row) {
        return codes[row];
    }

    /** @return the index of the group with these levels (one per feature, in order), if it exists */
    public OptionalInt indexOf(List<String> levels) {
        Integer g = index.get(levels);
        return g == null ? OptionalInt.empty() : OptionalInt.of(g);
    }

    /**
     * The kernel input for this grouping over the given columns (arrays are not copied). For the input types of
     * fairness-core; the returned type is internal and may change in any release.
     *
     * @param labels 0/1 per row
     * @param predictions 0/1 per row
     * @param weights per row, or {@code null}
     */
    public TallyInput tallyInput(byte[] labels, byte[] predictions, double[] weights) {
        return TallyInput.of(labels, predictions, codes, weights, groups.size());
    }

    @Override
    public String toString() {
        return "Grouping[" + String.join(" x ", features) + ": " + groups.size() + " groups, " + codes.length
                + " rows]";
    }
}
