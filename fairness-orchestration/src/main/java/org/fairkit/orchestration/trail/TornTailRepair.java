package org.fairkit.orchestration.trail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link AuditTrail#repairTornTail()} did: removed the bytes after the last newline, left by an append that was
 * interrupted before it completed (and therefore before it returned to its caller), or, when those bytes were a
 * complete entry chained to the one before and only the final newline was missing, added the newline.
 *
 * @param path the trail file
 * @param offset where the removed bytes started (the new file size), or where the completed entry starts
 * @param removedBytes how many bytes were removed, 0 when the trail had no torn tail or an entry was completed
 * @param preview the start of the removed (or completed) line as text (at most 200 characters), for the record
 * @param completedEntry whether the last line was a complete entry whose missing newline was added
 */
public record TornTailRepair(Path path, long offset, long removedBytes, String preview, boolean completedEntry) {

    /** A repair that removed {@code removedBytes} (or nothing) and completed no entry. */
    public TornTailRepair(Path path, long offset, long removedBytes, String preview) {
        this(path, offset, removedBytes, preview, false);
    }

    /** Validates that every part is present and the counts are non-negative. */
    public TornTailRepair {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(preview, "preview");
        if (offset < 0 || removedBytes < 0) {
            throw new IllegalArgumentException("offset and removedBytes must be >= 0, got " + offset + " and "
                    + removedBytes);
        }
    }

    /** @return whether anything was removed or completed */
    public boolean repaired() {
        return removedBytes > 0 || completedEntry;
    }
}
