package org.fairkit.orchestration.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated row of a CSV input, in FairKit's terms.
 *
 * @param dataRow 1-based data row (the first record after the header is 1)
 * @param line the file line on which the record ends, or where its last cell starts if that quoted cell spans
 *     lines (the header is line 1)
 * @param id the row's identifier cell, when the mapping names an id column
 * @param label the true label, 0 or 1
 * @param prediction the prediction, 0 or 1
 * @param score the score in [0, 1], NaN when the mapping has no score column
 * @param weight the weight, 1.0 when the mapping has no weight column
 * @param sensitive the level of each sensitive column, in mapping order
 */
public record CsvRow(long dataRow, long line, Optional<String> id, int label, int prediction, double score,
        double weight, List<String> sensitive) {
    /** Validates that every part is present. */
    public CsvRow {
        Objects.requireNonNull(id, "id");
        sensitive = List.copyOf(sensitive);
    }
}
