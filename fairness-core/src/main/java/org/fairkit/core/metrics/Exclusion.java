package org.fairkit.core.metrics;

import java.util.Objects;
import org.fairkit.core.group.GroupKey;

/**
 * A group left out of an aggregate, and why (too small, or its value is undefined).
 *
 * @param group the group
 * @param reason why it was left out
 */
public record Exclusion(GroupKey group, String reason) {
    /** Validates that both parts are present. */
    public Exclusion {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return group.label() + ": " + reason;
    }
}
