package org.fairkit.mitigation.internal;

import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.MitigationErrors;

/**
 * The checks every mitigator's settings share, written once: a setting is set once, {@code groupBy(...)} names
 * at least one feature, an unset grouping means the data's only sensitive feature, and the column forms of
 * {@code fit} take their groups from the column, not from {@code groupBy}. Not for users; the wording of each
 * message is tested through the mitigators.
 */
public final class Settings {
    private Settings() {
    }

    /**
     * Checks that a setting has not been set yet.
     *
     * @param current the setting's current value, {@code null} while unset
     * @param name the setting's name
     * @throws IllegalStateException naming the setting if it is already set
     */
    public static void once(Object current, String name) {
        if (current != null) {
            throw InputErrors.settingTwice(name);
        }
    }

    /**
     * The feature names of {@code groupBy(...)}, validated.
     *
     * @throws IllegalArgumentException if there is none, or one is null or blank
     */
    public static List<String> features(String... features) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one feature name");
        }
        for (String f : features) {
            if (f == null || f.isBlank()) {
                throw InputErrors.badSetting("groupBy", f == null ? null : "'" + f + "'",
                        "the name of a sensitive feature");
            }
        }
        return List.of(features);
    }

    /**
     * The grouping to fit {@code data} with: the configured features, or, when none were configured, the data's
     * only sensitive feature.
     *
     * @throws IllegalArgumentException if none were configured and the data has several sensitive features
     */
    public static List<String> grouping(List<String> configured, FairnessData data) {
        if (configured != null) {
            return configured;
        }
        List<String> names = data.sensitiveNames();
        if (names.size() != 1) {
            throw MitigationErrors.ambiguousGrouping(names);
        }
        return names;
    }

    /**
     * Checks that no feature was named before fitting on columns, whose groups are the {@code groups} column.
     *
     * @throws IllegalStateException if {@code groupBy(...)} was set
     */
    public static void requireColumnGrouping(List<String> configured) {
        if (configured != null) {
            throw new IllegalStateException("groupBy(...) names features of FairnessData; with columns, the groups "
                    + "are the column itself");
        }
    }
}
