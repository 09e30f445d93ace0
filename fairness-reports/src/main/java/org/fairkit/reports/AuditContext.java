package org.fairkit.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a document says about itself: its title, what data was audited, the hash that ties it to the audit trail,
 * and when it was generated.
 *
 * <p>The time comes from a {@link Clock} so that the same input and clock give byte-identical documents.
 *
 * @param title the document title, e.g. "Lending model, Q3 fairness audit"
 * @param dataset what was audited, in words (source, period, filters, row count if known)
 * @param auditTrailHash the hash of the audit-trail entry this document belongs to, if the run was recorded
 * @param generatedAt when the document was generated
 */
public record AuditContext(String title, String dataset, Optional<String> auditTrailHash, Instant generatedAt) {

    /** Validates that title and dataset are present and not blank, and that a hash is not blank. */
    public AuditContext {
        requireText(title, "title");
        requireText(dataset, "dataset");
        Objects.requireNonNull(auditTrailHash, "auditTrailHash");
        auditTrailHash.ifPresent(h -> requireText(h, "auditTrailHash"));
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /**
     * A context without audit-trail hash, stamped with the clock's current instant.
     *
     * @throws IllegalArgumentException if the title or dataset is blank
     */
    public static AuditContext of(String title, String dataset, Clock clock) {
        return new AuditContext(title, dataset, Optional.empty(), Objects.requireNonNull(clock, "clock").instant());
    }

    /** @return this context tied to an audit-trail entry */
    public AuditContext withAuditTrailHash(String hash) {
        return new AuditContext(title, dataset, Optional.of(hash), generatedAt);
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, got " + (s == null ? "null" : "'" + s + "'"));
        }
    }
}
