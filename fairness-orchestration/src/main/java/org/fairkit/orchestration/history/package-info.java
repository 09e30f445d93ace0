/**
 * The run history: every audit run (an {@code AuditRunner} run, {@code fairkit audit --out}, {@code fairkit check},
 * each monitor window) can be recorded, with its run id, time, model version label, data fingerprint,
 * configuration, full {@code fairkit.report/1} JSON, per-group confusion cells and the audit-trail entry it
 * corresponds to, so later runs compare against it.
 *
 * <p>Entry point: {@link org.fairkit.orchestration.history.History#open(String)} (an SQLite file path, the embedded
 * default, or any {@code jdbc:} URL). Stability: the Java API may change before 1.0; the database schema is
 * versioned ({@link org.fairkit.orchestration.history.HistorySchema}) and never silently downgraded.
 */
package org.fairkit.orchestration.history;
