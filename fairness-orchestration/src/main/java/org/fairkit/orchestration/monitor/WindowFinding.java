package org.fairkit.orchestration.monitor;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;

/**
 * What a {@link WindowCheck} found in one window. Repeated findings with the same rule and group are de-duplicated
 * into {@link Alert}s.
 *
 * @param rule the rule's id, e.g. {@code demographic_parity_ratio_below}
 * @param group the group concerned, or empty for a finding about all groups
 * @param severity how urgent
 * @param message what was found, with the numbers
 * @param value the value that triggered it (NaN when not a number)
 */
public record WindowFinding(String rule, Optional<GroupKey> group, Severity severity, String message, double value) {
    /** Validates that every part is present. */
    public WindowFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** @return the de-duplication key: rule and group */
    public String key() {
        return rule + group.map(g -> "|" + g.describe()).orElse("");
    }
}
