package org.fairkit.orchestration.trail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an audit trail as stored: its number, time, event, report fingerprint and the two hashes.
 *
 * @param seq the entry's number, 1 for the first; equal to its line number
 * @param time when it was appended
 * @param event what happened
 * @param reportFingerprint the SHA-256 of the report the event is about, if any
 * @param previousHash the hash of the previous entry (64 zeros for the first)
 * @param hash this entry's hash: SHA-256 of its line without the {@code hash} member (see {@link AuditTrail})
 */
public record TrailEntry(long seq, Instant time, AuditEvent event, Optional<String> reportFingerprint,
        String previousHash, String hash) {

    /** Validates that every part is present. */
    public TrailEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reportFingerprint, "reportFingerprint");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
