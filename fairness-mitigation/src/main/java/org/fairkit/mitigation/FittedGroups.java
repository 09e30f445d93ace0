package org.fairkit.mitigation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.InputErrors;

/**
 * The groups a mitigation was fitted on, and the assignment of the rows of any data to them.
 *
 * <p>A fitted model (reweighing weights, group thresholds) holds one entry per group of its fitting data, in
 * core's {@link Grouping} order (levels sorted, intersections lexicographic). Applying it to other data maps
 * each row's group by its levels; a row of a group the model has never seen is an error that names the row,
 * never a silent default. Immutable.
 */
public final class FittedGroups {
    /** The feature name used when groups are given as a plain {@code String[]} column. */
    public static final String DEFAULT_FEATURE = "group";

    private final List<String> features;
    private final List<GroupKey> groups;
    private final Map<List<String>, Integer> byLevels;
    private final Map<String, Integer> byLabel;

    private FittedGroups(List<String> features, List<GroupKey> groups) {
        this.features = List.copyOf(features);
        this.groups = List.copyOf(groups);
        this.byLevels = new HashMap<>();
        this.byLabel = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            GroupKey k = groups.get(g);
            if (!k.features().equals(this.features)) {
                throw new IllegalArgumentException("group " + k.describe() + " is not a group of " + this.features);
            }
            if (byLevels.put(k.levels(), g) != null) {
                throw new IllegalArgumentException("group " + k.describe() + " appears twice");
            }
            byLabel.put(k.label(), g);
        }
        if (this.groups.isEmpty()) {
            throw new IllegalArgumentException("a fitted model needs at least one group");
        }
    }

    /** The groups of {@code data} grouped by {@code features} (one feature, or the intersection of several). */
    public static FittedGroups of(FairnessData data, List<String> features) {
        Grouping g = data.grouping(features);
        return new FittedGroups(g.features(), g.groups());
    }

    /**
     * The groups of a plain column of group labels, as the feature {@value #DEFAULT_FEATURE}.
     *
     * @throws IllegalArgumentException naming the first row whose label is null
     */
    public static FittedGroups of(String[] labels) {
        Objects.requireNonNull(labels, "groups");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw InputErrors.badValue("groups", i, "null", "a non-null group label");
            }
        }
        Grouping g = Grouping.of(List.of(SensitiveFeature.of(DEFAULT_FEATURE, labels)));
        return new FittedGroups(g.features(), g.groups());
    }

    /** The given groups (for models rebuilt from a description). */
    public static FittedGroups of(List<String> features, List<GroupKey> groups) {
        return new FittedGroups(features, groups);
    }

    /** @return the sensitive feature names, in grouping order */
    public List<String> features() {
        return features;
    }

    /** @return the groups, in order; a fitted model's per-group tables follow this order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the number of groups */
    public int size() {
        return groups.size();
    }

    /** @return group {@code g} */
    public GroupKey group(int g) {
        return groups.get(g);
    }

    /** @return the index of the group with these levels (one per feature), if the model has it */
    public OptionalInt indexOf(List<String> levels) {
        Integer g = byLevels.get(levels);
        return g == null ? OptionalInt.empty() : OptionalInt.of(g);
    }

    /** @return the index of the group with this {@link GroupKey#label() label}, if the model has it */
    public OptionalInt indexOfLabel(String label) {
        Integer g = byLabel.get(label);
        return g == null ? OptionalInt.empty() : OptionalInt.of(g);
    }

    /**
     * Each row's group index, grouping {@code data} by this model's features.
     *
     * @throws IllegalArgumentException if a feature is missing, or naming the first row whose group the model was
     *     not fitted on
     */
    public int[] assign(FairnessData data) {
        Grouping g = data.grouping(features);
        int[] map = new int[g.groupCount()];
        for (int k = 0; k < map.length; k++) {
            map[k] = indexOf(g.groups().get(k).levels()).orElse(-1);
        }
        int[] out = new int[g.rows()];
        for (int i = 0; i < out.length; i++) {
            int c = map[g.groupOf(i)];
            if (c < 0) {
                throw MitigationErrors.unknownGroup(String.join(" x ", features), i,
                        g.groups().get(g.groupOf(i)).label(), labels());
            }
            out[i] = c;
        }
        return out;
    }

    /**
     * Each row's group index from a column of group {@link GroupKey#label() labels} (the level itself for one
     * feature; levels joined by {@code " & "} for an intersection).
     *
     * @throws IllegalArgumentException naming the first row that is null or of a group the model was not fitted on
     */
    public int[] assign(String[] labels) {
        Objects.requireNonNull(labels, "groups");
        int[] out = new int[labels.length];
        String last = null;
        int lastCode = -1;
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            if (l == null) {
                throw InputErrors.badValue("groups", i, "null", "a non-null group label");
            }
            if (!l.equals(last)) {
                Integer c = byLabel.get(l);
                if (c == null) {
                    throw MitigationErrors.unknownGroup("groups", i, l, labels());
                }
                last = l;
                lastCode = c;
            }
            out[i] = lastCode;
        }
        return out;
    }

    private List<String> labels() {
        List<String> out = new ArrayList<>(groups.size());
        for (GroupKey k : groups) {
            out.add(k.label());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedGroups && features.equals(((FittedGroups) o).features)
                && groups.equals(((FittedGroups) o).groups);
    }

    @Override
    public int hashCode() {
        return features.hashCode() * 31 + groups.hashCode();
    }

    @Override
    public String toString() {
        return "FittedGroups[" + String.join(" x ", features) + ": " + labels() + "]";
    }
}
