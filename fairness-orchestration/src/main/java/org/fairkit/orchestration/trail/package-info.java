/**
 * A tamper-evident audit trail: append-only JSON Lines with a SHA-256 hash chain, durable appends that are safe
 * from concurrent threads and processes, verification that names the first bad entry, and explicit repair of a
 * line torn by a crash.
 *
 * <p>Entry point: {@link org.fairkit.orchestration.trail.AuditTrail#open(java.nio.file.Path)}, then
 * {@link org.fairkit.orchestration.trail.AuditTrail#append(AuditEvent, String)},
 * {@link org.fairkit.orchestration.trail.AuditTrail#verify()} and, after a crash,
 * {@link org.fairkit.orchestration.trail.AuditTrail#repairTornTail()}. The file format is documented on
 * {@link org.fairkit.orchestration.trail.AuditTrail}.
 *
 * <p>Stability: public API, evolving before 1.0; the file format is versioned by its fields and will only grow
 * compatibly.
 */
package org.fairkit.orchestration.trail;
