package org.fairkit.orchestration.io;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;

/**
 * The result of one streaming pass over a CSV file: a {@link GroupTally} per grouping, the row count, the input
 * fingerprint of the rows and the SHA-256 of the file's bytes. Holds counts per group, never rows.
 *
 * @param file the file read
 * @param rows the number of data rows
 * @param sha256 the input fingerprint of the rows read (as {@code CsvSource.load().fingerprint()}), in hex
 * @param fileSha256 the SHA-256 of the file's bytes, in hex
 * @param tallies the tally of each grouping, by its feature list
 */
public record StreamedInput(Path file, long rows, String sha256, String fileSha256,
        Map<List<String>, GroupTally> tallies) {

    /** Validates and copies the map (the tallies themselves are not copied: treat them as read-only). */
    public StreamedInput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileSha256, "fileSha256");
        tallies = Collections.unmodifiableMap(new LinkedHashMap<>(tallies));
    }

    /**
     * @return the tally of a grouping
     * @throws IllegalArgumentException if the pass did not tally that grouping
     */
    public GroupTally tally(List<String> groupBy) {
        GroupTally t = tallies.get(groupBy);
        if (t == null) {
            throw new IllegalArgumentException("grouping " + groupBy + " was not tallied; tallied: "
                    + tallies.keySet());
        }
        return t;
    }

    /**
     * Derives the report of {@code spec} from the counts of its grouping. The provenance carries the row count,
     * the rows' fingerprint as {@code inputSha256}, the file's SHA-256 as {@code inputFileSha256}, and the
     * configuration with {@code input = streamed CSV <file>}.
     *
     * @param spec what to compute
     * @param clock the time stamped into the provenance
     */
    public FairnessReport report(EvaluationSpec spec, Clock clock) {
        GroupTally t = tally(spec.groupBy());
        Provenance p = new Provenance(Provenance.currentLibraryVersion(),
                SpecConfiguration.of(spec, t.isWeighted(), "streamed CSV " + file.getFileName()), rows, sha256,
                clock.instant(), Optional.of(fileSha256));
        return t.report(spec, p);
    }
}
