package org.fairkit.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rendered document: written to a stream or a file, the same bytes for the same {@link ReportContent} (whose
 * {@link AuditContext#generatedAt()} comes from a clock).
 */
public interface ReportDocument {
    /**
     * Writes the document. The stream is flushed, not closed.
     *
     * @throws IOException if the stream fails
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Writes the document to a file, replacing it.
     *
     * @throws IOException if the file cannot be written
     */
    default void writeTo(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            writeTo(out);
        }
    }

    /** @return the document's bytes */
    default byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the media type, e.g. {@code text/html; charset=utf-8} or {@code application/pdf} */
    String mediaType();

    /** @return the conventional file name, e.g. {@code fairness-dashboard.html} */
    String fileName();
}
