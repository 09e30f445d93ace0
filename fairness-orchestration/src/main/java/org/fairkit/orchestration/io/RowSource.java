package org.fairkit.orchestration.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fairkit.core.FairnessData;

/**
 * Rows for row-level outputs (the Flagged Cases file), read in order, one at a time.
 */
@FunctionalInterface
public interface RowSource {
    /**
     * Hands every row to {@code visitor}, in order.
     *
     * @throws IOException if the underlying file cannot be read
     */
    void forEachRow(Consumer<? super CaseRow> visitor) throws IOException;

    /** The rows of in-memory data; row numbers are index + 1, without ids. */
    static RowSource of(FairnessData data) {
        return visitor -> {
            for (int i = 0; i < data.rows(); i++) {
                Map<String, String> s = new LinkedHashMap<>();
                for (String f : data.sensitiveNames()) {
                    s.put(f, data.sensitive(f).level(i));
                }
                visitor.accept(new CaseRow(i + 1L, Optional.empty(), data.label(i), data.prediction(i),
                        data.hasScores() ? data.score(i) : Double.NaN, data.weight(i), s));
            }
        };
    }

    /** The rows of a CSV file, streamed; row numbers are data rows, ids from the mapping's id column. */
    static RowSource of(CsvSource csv) {
        return visitor -> csv.forEachRow(r -> {
            Map<String, String> s = new LinkedHashMap<>();
            for (int j = 0; j < r.sensitive().size(); j++) {
                s.put(csv.columns().sensitive().get(j), r.sensitive().get(j));
            }
            visitor.accept(new CaseRow(r.dataRow(), r.id(), r.label(), r.prediction(), r.score(), r.weight(), s));
        });
    }
}
