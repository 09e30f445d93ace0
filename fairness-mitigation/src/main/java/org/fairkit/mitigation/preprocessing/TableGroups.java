package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.internal.Settings;

/** The groups of a {@link FeatureTable}, for the feature pre-processors: fitting, and assigning new rows. */
final class TableGroups {
    private TableGroups() {
    }

    /** The grouping to fit with: the configured features, or the table's only sensitive column. */
    static List<String> features(List<String> configured, FeatureTable table) {
        if (configured != null) {
            return configured;
        }
        List<String> names = table.sensitiveNames();
        if (names.size() != 1) {
            throw MitigationErrors.ambiguousGrouping(names);
        }
        return names;
    }

    /** The groups of the table by {@code features}, in core's grouping order. */
    static FittedGroups fit(FeatureTable table, List<String> features) {
        Grouping g = table.grouping(features);
        return FittedGroups.of(g.features(), g.groups());
    }

    /**
     * Each row's index among {@code groups}.
     *
     * @throws IllegalArgumentException naming the column, the first row of a group the model was not fitted on and
     *     the known groups (the message of {@link MitigationErrors#unknownGroup})
     */
    static int[] assign(FittedGroups groups, FeatureTable table) {
        Grouping g = table.grouping(groups.features());
        int[] map = new int[g.groupCount()];
        for (int k = 0; k < map.length; k++) {
            map[k] = groups.indexOf(g.groups().get(k).levels()).orElse(-1);
        }
        int[] out = new int[g.rows()];
        for (int i = 0; i < out.length; i++) {
            int c = map[g.groupOf(i)];
            if (c < 0) {
                List<String> known = new ArrayList<>(groups.size());
                for (GroupKey k : groups.groups()) {
                    known.add(k.label());
                }
                throw MitigationErrors.unknownGroup(String.join(" x ", groups.features()), i,
                        g.groups().get(g.groupOf(i)).label(), known);
            }
            out[i] = c;
        }
        return out;
    }

    /** Checks a once-only list setting and returns its value. */
    static List<String> names(List<String> current, String setting, String... names) {
        Settings.once(current, setting);
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException(setting + " needs at least one column name");
        }
        for (String f : names) {
            if (f == null || f.isBlank()) {
                throw new IllegalArgumentException(setting + ": got " + (f == null ? "null" : "'" + f + "'")
                        + "; expected a column name");
            }
        }
        return List.of(names);
    }
}
