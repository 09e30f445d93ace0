package org.fairkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a report's numbers come from: the library version, the full configuration (seeds included), the input's
 * row count and SHA-256 fingerprint, and when it was evaluated.
 *
 * <p>The input fingerprint has one definition whatever door the data came through (in memory, a streamed CSV file,
 * a monitor window): a SHA-256 over the rows' values, see {@code org.fairkit.core.internal.Fingerprint}. When the
 * input was a file, the SHA-256 of its bytes is kept beside it, so anyone can check the file with {@code sha256sum}.
 *
 * @param libraryVersion the FairKit version that computed the report
 * @param configuration every setting of the evaluation, by name, in a fixed order
 * @param rows the number of input rows
 * @param inputSha256 the input fingerprint, {@code FairnessData.fingerprint()} of the rows evaluated
 * @param evaluatedAt when the report was computed
 * @param inputFileSha256 the SHA-256 of the input file's bytes, when the rows were read from a file
 */
public record Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
        Instant evaluatedAt, Optional<String> inputFileSha256) {

    /** Validates and copies, keeping the configuration's order. */
    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(inputFileSha256, "inputFileSha256");
    }

    /** A provenance of input that was not read from a file (no {@code inputFileSha256}). */
    public Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
            Instant evaluatedAt) {
        this(libraryVersion, configuration, rows, inputSha256, evaluatedAt, Optional.empty());
    }

    /** @return this provenance with the SHA-256 of the input file's bytes */
    public Provenance withInputFileSha256(String fileSha256) {
        return new Provenance(libraryVersion, configuration, rows, inputSha256, evaluatedAt,
                Optional.of(fileSha256));
    }

    /** @return the version of fairness-core on the class path, from its build */
    public static String currentLibraryVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("fairkit-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
