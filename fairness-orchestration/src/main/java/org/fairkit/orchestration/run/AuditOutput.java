package org.fairkit.orchestration.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The extension point for audit outputs: a writer registered with an {@link AuditRunner} under a string id, which
 * a plan selects by that id. This module provides the Metrics Export, Flagged Cases, Detailed Report and Alert
 * Configuration ({@link StandardOutputs}); the document outputs (Fairness Audit PDF, Executive Summary Slides,
 * Dashboard Export, Compliance Report) are registered the same way by the module that renders them.
 *
 * <p>An output writes its files into the given directory and returns their paths; the runner hashes each file
 * (SHA-256) into the run record. Outputs must not write outside the directory, and should be deterministic: the
 * same context gives the same bytes.
 */
public interface AuditOutput {
    /** @return the id a plan selects this output by (snake case, e.g. {@code metrics_export}) */
    String id();

    /** @return what the output is, for people */
    String description();

    /**
     * Writes the output's files.
     *
     * @param context the reports, rows and plan
     * @param directory the run's output directory (it exists)
     * @return the files written, in order
     * @throws IOException if writing fails; the run then fails
     */
    List<Path> write(AuditRunContext context, Path directory) throws IOException;
}
