package org.fairkit.orchestration.run;

import java.util.Objects;

/**
 * One file an audit run wrote.
 *
 * @param outputId the output that wrote it
 * @param path the file's path relative to the run directory, with {@code /} separators
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes, in hex
 */
public record OutputFile(String outputId, String path, long bytes, String sha256) {
    /** Validates that every part is present. */
    public OutputFile {
        Objects.requireNonNull(outputId, "outputId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
