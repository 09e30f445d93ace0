package org.fairkit.orchestration.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.group.GroupKey;

/**
 * One input row as row-level outputs see it, whatever the source (a CSV file or {@code FairnessData}).
 *
 * @param row the 1-based row number: the CSV data row, or the {@code FairnessData} index + 1
 * @param id the row's identifier, when the source has one
 * @param label the true label, 0 or 1
 * @param prediction the model's decision, 0 or 1
 * @param score the score in [0, 1], NaN when the source has none
 * @param weight the weight, 1.0 when unweighted
 * @param sensitive each sensitive feature's level, by feature name, in source order
 */
public record CaseRow(long row, Optional<String> id, int label, int prediction, double score, double weight,
        Map<String, String> sensitive) {

    /** Validates and copies. */
    public CaseRow {
        Objects.requireNonNull(id, "id");
        sensitive = Collections.unmodifiableMap(new LinkedHashMap<>(sensitive));
    }

    /**
     * @return the row's group in a grouping
     * @throws IllegalArgumentException if a feature is not one of the row's sensitive features
     */
    public GroupKey group(List<String> features) {
        List<String> levels = new ArrayList<>(features.size());
        for (String f : features) {
            String l = sensitive.get(f);
            if (l == null) {
                throw new IllegalArgumentException("no sensitive feature named '" + f + "'; the row has "
                        + sensitive.keySet());
            }
            levels.add(l);
        }
        return new GroupKey(features, levels);
    }
}
