package org.fairkit.orchestration.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.internal.InputErrors;

/**
 * One grouping an audit evaluates: a sensitive feature, or the intersection of several, and optionally its
 * reference group (one level per feature).
 *
 * @param features the sensitive features, in order
 * @param reference the reference group's levels, if any
 */
public record AuditGrouping(List<String> features, Optional<List<String>> reference) {

    /** Validates and copies. */
    public AuditGrouping {
        features = List.copyOf(features);
        Objects.requireNonNull(reference, "reference");
        reference = reference.map(List::copyOf);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a grouping needs at least one sensitive feature");
        }
        if (reference.isPresent() && reference.get().size() != features.size()) {
            throw InputErrors.referenceLevels(features, reference.get());
        }
    }

    /** A grouping without reference group. */
    public static AuditGrouping of(String... features) {
        return new AuditGrouping(List.of(features), Optional.empty());
    }

    /** @return this grouping with a reference group */
    public AuditGrouping reference(String... levels) {
        InputErrors.requireUnset(reference.orElse(null), "reference");
        return new AuditGrouping(features, Optional.of(List.of(levels)));
    }

    @Override
    public String toString() {
        return String.join(" x ", features) + reference.map(r -> " (reference " + String.join(" & ", r) + ")")
                .orElse("");
    }
}
