package org.fairkit.orchestration.trail;

import java.util.Objects;

/**
 * The first thing wrong with an audit trail, and where.
 *
 * @param line the 1-based line of the first bad entry (for an anchor mismatch, the anchored entry's line)
 * @param byteOffset where that line starts in the file
 * @param kind what is wrong
 * @param message the explanation, naming the line
 */
public record TrailProblem(long line, long byteOffset, Kind kind, String message) {

    /** What can be wrong. */
    public enum Kind {
        /** The line is not an entry: no hash member, not JSON, wrong fields or types, or empty. */
        MALFORMED,
        /** The line's content does not match its own hash: it was edited. */
        HASH_MISMATCH,
        /** The entry's number is not its line number: an entry was deleted, inserted or moved. */
        SEQUENCE,
        /** The entry's previous-entry hash is not the previous line's hash. */
        CHAIN_BROKEN,
        /** The last line has no newline: an append was interrupted (a crash); {@code repairTornTail()} fixes it. */
        TORN_TAIL,
        /** The trail has fewer entries than the anchor recorded: entries were removed from the end. */
        TRUNCATED,
        /** The anchored entry's hash differs from the anchor: the chain was rewritten. */
        ANCHOR_MISMATCH
    }

    /** Validates that every part is present. */
    public TrailProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
