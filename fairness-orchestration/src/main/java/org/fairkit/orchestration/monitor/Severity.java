package org.fairkit.orchestration.monitor;

/** How urgent a finding is, in increasing order. */
public enum Severity {
    /** Worth knowing; no action expected. */
    INFO,
    /** Needs a look soon. */
    WARNING,
    /** Needs action now. */
    CRITICAL
}
