package org.fairkit.orchestration.run;

import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;

/**
 * Where an audit's rows come from: data already in memory, or a CSV file read through a column mapping, either
 * loaded into memory or streamed.
 *
 * <p>Streamed files ({@link #streamedCsv}) are read in constant memory (counts per group) and cannot have
 * intervals: every interval estimator resamples or conditions on the rows ({@code IntervalRequest} carries them), so
 * a plan asking for intervals over a streamed file is rejected when it is built. Row-level outputs (Flagged Cases) of
 * a CSV source read the file again, streamed, so their row numbers and ids are the file's.
 */
public sealed interface AuditSource {
    /** Data in memory. */
    record InMemory(FairnessData data) implements AuditSource {
        /** Validates that the data is present. */
        public InMemory {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String describe() {
            return "in-memory " + data;
        }
    }

    /**
     * A CSV file.
     *
     * @param csv the file and its mapping
     * @param streamed whether to stream (constant memory, no intervals) rather than load
     */
    record Csv(CsvSource csv, boolean streamed) implements AuditSource {
        /** Validates that the source is present. */
        public Csv {
            Objects.requireNonNull(csv, "csv");
        }

        @Override
        public String describe() {
            return (streamed ? "streamed" : "loaded") + " CSV " + csv.file();
        }
    }

    /** @return a one-line description for run records */
    String describe();

    /** Data already in memory. */
    static AuditSource of(FairnessData data) {
        return new InMemory(data);
    }

    /** A CSV file loaded into memory (intervals allowed). */
    static AuditSource csv(java.nio.file.Path file, CsvColumns columns) {
        return new Csv(CsvSource.of(file, columns), false);
    }

    /** A CSV file streamed in constant memory (no intervals). */
    static AuditSource streamedCsv(java.nio.file.Path file, CsvColumns columns) {
        return new Csv(CsvSource.of(file, columns), true);
    }
}
