package org.fairkit.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How serious a finding is, in increasing order: the one severity scale of FairKit, used by data-quality checks
 * ({@link org.fairkit.core.checks.Finding}), the monitor's window findings and policy rules.
 *
 * <p>A policy rule is either {@link #CRITICAL} (its failure fails the policy, a release gate) or {@link #WARNING}
 * (reported, never failing); policy YAML and the CLI's JSON keep their words for these two, {@code error} and
 * {@code warning} (see {@code PolicyRule.severityId()} in fairness-orchestration).
 */
public enum Severity {
    /** A note: something was not assessed, or is worth knowing, but nothing failed; no action expected. */
    INFO,
    /** A threshold of concern is crossed: look into it soon, before relying on the numbers. */
    WARNING,
    /**
     * A threshold that should stop the pipeline is crossed: a data quality gate fails here by default, a policy
     * rule of this severity fails the policy, a monitor finding needs action now.
     */
    CRITICAL;

    /** @return the lower-case name, e.g. {@code critical} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Severity byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.id().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; valid: "
                + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", ")));
    }
}
