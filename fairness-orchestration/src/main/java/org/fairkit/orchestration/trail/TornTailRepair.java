package org.fairkit.orchestration.trail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link AuditTrail#repairTornTail()} removed: the bytes after the last newline, left by an append that was
 * interrupted before it completed (and therefore before it returned to its caller).
 *
 * @param path the trail file
 * @param offset where the removed bytes started (the new file size)
 * @param removedBytes how many bytes were removed, 0 when the trail had no torn tail
 * @param preview the start of the removed bytes as text (at most 200 characters), for the record
 */
public record TornTailRepair(Path path, long offset, long removedBytes, String preview) {

    /** Validates that every part is present and the counts are non-negative. */
    public TornTailRepair {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(preview, "preview");
        if (offset < 0 || removedBytes < 0) {
            throw new IllegalArgumentException("offset and removedBytes must be >= 0, got " + offset + " and "
                    + removedBytes);
        }
    }

    /** @return whether anything was removed */
    public boolean repaired() {
        return removedBytes > 0;
    }
}
