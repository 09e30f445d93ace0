package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a rule matters: whether its failure fails the policy. */
public enum Severity {
    /** A failed or inconclusive rule fails the policy (a release gate). */
    ERROR("error"),
    /** A failed or inconclusive rule is reported but does not fail the policy. */
    WARNING("warning");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** @return the id used in policy YAML */
    public String id() {
        return id;
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Severity byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.id.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; valid: "
                + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", ")));
    }
}
