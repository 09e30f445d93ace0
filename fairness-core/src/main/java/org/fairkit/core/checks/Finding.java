package org.fairkit.core.checks;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;

/**
 * One result of a data quality check: what was checked, how serious it is, where (group and/or feature), what was
 * measured against which threshold, and a sentence for people.
 *
 * @param check the check that produced it
 * @param severity how serious it is
 * @param group the group concerned, if any
 * @param feature the feature concerned, if any
 * @param measured the measured value, absent for notes about what could not be assessed
 * @param threshold the threshold that was crossed (the critical one for {@link Severity#CRITICAL}), absent for notes
 * @param message what was found, with the numbers, in words a report reader understands
 */
public record Finding(DataCheck check, Severity severity, Optional<GroupKey> group, Optional<String> feature,
        OptionalDouble measured, OptionalDouble threshold, String message) {

    /** Validates that every part is present. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(message, "message");
    }

    /** @return e.g. {@code CRITICAL min_group_size [race=Asian]: 12 rows < 30 ...} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(severity.name()).append(' ').append(check.id());
        if (group.isPresent() || feature.isPresent()) {
            b.append(" [");
            group.ifPresent(g -> b.append(g.describe()));
            feature.ifPresent(f -> b.append(group.isPresent() ? ", " : "").append("feature ").append(f));
            b.append(']');
        }
        b.append(": ").append(message);
        if (measured.isPresent() && threshold.isPresent()) {
            b.append(String.format(Locale.ROOT, " (measured %.4g, threshold %.4g)", measured.getAsDouble(),
                    threshold.getAsDouble()));
        }
        return b.toString();
    }
}
