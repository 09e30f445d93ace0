package org.fairkit.orchestration.trail;

import org.fairkit.core.internal.InputErrors;

/**
 * The head of an audit trail, kept outside the trail file (in a report, a ticket, another system) so that
 * {@link AuditTrail#verify(TrailAnchor)} can detect what the hash chain alone cannot: entries removed from the
 * end, or the whole chain rewritten by someone who recomputed every hash.
 *
 * @param entries the number of entries when the anchor was taken, {@code >= 0}
 * @param headHash the hash of the last of those entries (64 lowercase hex digits), or the genesis hash (64 zeros)
 *     for an empty trail
 */
public record TrailAnchor(long entries, String headHash) {

    /** Validates the count and the hash. */
    public TrailAnchor {
        if (entries < 0) {
            throw InputErrors.badSetting("entries", entries, ">= 0");
        }
        if (headHash == null || !TrailFormat.isHash(headHash)) {
            throw InputErrors.badSetting("headHash", headHash, "64 lowercase hex digits");
        }
        if (entries == 0 && !headHash.equals(TrailFormat.GENESIS)) {
            throw InputErrors.badSetting("headHash", headHash, "the genesis hash (64 zeros) for an empty trail");
        }
    }
}
