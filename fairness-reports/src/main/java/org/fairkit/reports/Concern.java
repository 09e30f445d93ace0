package org.fairkit.reports;

import java.util.List;
import java.util.Objects;

/**
 * One thing a decision maker should look at, in words: what {@link Concerns} ranks and the executive slides show.
 *
 * @param kind what sort of concern (also its tier in the ranking)
 * @param subject what it is about: a group label, a fairness metric id or a policy rule
 * @param headline one sentence for a slide title
 * @param detail the evidence behind it, with numbers, sizes and intervals
 * @param robust whether the evidence excludes chance at the stated level (an interval entirely beyond the threshold,
 *     here or in a concern folded into this one); {@code false} when it does not or cannot tell
 * @param groups the labels of the groups concerned (empty when none)
 * @param magnitude the number the concern is about ({@code NaN} when there is none), used to fold duplicates
 * @param related the headlines of lower-ranked concerns that state the same finding (same groups, same magnitude)
 *     and were folded into this one
 */
public record Concern(Kind kind, String subject, String headline, String detail, boolean robust, List<String> groups,
        double magnitude, List<String> related) {

    /** The sorts of concern, in the order {@link Concerns} ranks them. */
    public enum Kind {
        /** A policy rule failed. */
        FAILED_POLICY,
        /** A group's selection rate is below four-fifths of the comparison group's. */
        ADVERSE_IMPACT,
        /** A fairness metric lies beyond its threshold. */
        DISPARITY_BEYOND_THRESHOLD,
        /** A policy rule warned or could not be judged. */
        POLICY_WARNING,
        /** A fairness metric could not be computed. */
        UNDEFINED_METRIC,
        /** A group is below the minimum group size. */
        SMALL_GROUP
    }

    /** Checks for nulls and copies. */
    public Concern {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        groups = List.copyOf(groups);
        related = List.copyOf(related);
    }

    /** @return this concern with another folded into it: its headline listed, its robustness carried over */
    Concern fold(Concern other) {
        List<String> r = new java.util.ArrayList<>(related);
        r.add(other.headline);
        return new Concern(kind, subject, headline, detail, robust || other.robust, groups, magnitude, r);
    }

    /** @return whether {@code other} states the same finding: the same set of groups and the same |magnitude| */
    boolean sameFinding(Concern other) {
        return !Double.isNaN(magnitude) && !Double.isNaN(other.magnitude) && !groups.isEmpty()
                && Math.abs(Math.abs(magnitude) - Math.abs(other.magnitude)) <= 1e-9
                && new java.util.HashSet<>(groups).equals(new java.util.HashSet<>(other.groups));
    }
}
