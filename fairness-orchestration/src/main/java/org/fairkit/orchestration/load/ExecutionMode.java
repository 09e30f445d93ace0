package org.fairkit.orchestration.load;

/** When an audit runs: the first part of its {@link Timeline}. */
public enum ExecutionMode {
    /** Once, starting now. */
    NOW,
    /** Once, at a given start time. */
    SCHEDULED,
    /** Repeatedly, once per period; each run must finish within the period. */
    CONTINUOUS
}
