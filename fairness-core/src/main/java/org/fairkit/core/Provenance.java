package org.fairkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a report's numbers come from: the library version, the full configuration (seeds included), the input's
 * row count and SHA-256 fingerprint, and when it was evaluated.
 *
 * @param libraryVersion the FairKit version that computed the report
 * @param configuration every setting of the evaluation, by name, in a fixed order
 * @param rows the number of input rows
 * @param inputSha256 {@code FairnessData.fingerprint()}
 * @param evaluatedAt when the report was computed
 */
public record Provenance(String libraryVersion, Map<String, String> configuration, long rows, String inputSha256,
        Instant evaluatedAt) {

    /** Validates and copies, keeping the configuration's order. */
    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
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
