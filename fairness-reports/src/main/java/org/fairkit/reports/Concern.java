package org.fairkit.reports;

import java.util.List;
import java.util.Objects;

/**
 * One thing a decision maker should look at: what {@link Concerns} ranks and the executive slides show. Each concern
 * is said twice: in plain words for the reader who does not know the metrics ({@link #summary}, {@link #explanation}:
 * no metric ids, rates as percentages), and in technical terms for the appendix and the auditor ({@link #headline},
 * {@link #detail}: metric ids, formulas, tests).
 *
 * @param kind what sort of concern (also its tier in the ranking)
 * @param subject what it is about: a group label, a fairness metric id or a policy rule
 * @param summary the finding in one plain sentence, for a slide title, e.g. "Group B is selected at 61% of Group A's
 *     rate; the four-fifths rule asks for at least 80%."
 * @param explanation the evidence in plain sentences: the rates behind it, whether chance explains it
 * @param headline the finding in technical terms, one line (metric names or ids and their values)
 * @param detail the technical evidence behind it, with numbers, sizes, intervals and tests
 * @param robust whether the evidence excludes chance at the stated level (an interval entirely beyond the threshold,
 *     here or in a concern folded into this one); {@code false} when it does not or cannot tell
 * @param groups the labels of the groups concerned (empty when none)
 * @param magnitude the number the concern is about ({@code NaN} when there is none), used to fold duplicates
 * @param related the headlines of lower-ranked concerns that state the same finding (same groups, same magnitude)
 *     and were folded into this one
 */
public record Concern(Kind kind, String subject, String summary, String explanation, String headline, String detail,
        boolean robust, List<String> groups, double magnitude, List<String> related) {

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
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        groups = List.copyOf(groups);
        related = List.copyOf(related);
    }

    /**
     * @return this concern with another folded into it: its headline listed, its robustness carried over. A failed
     *     policy rule that absorbs a four-fifths finding takes that finding's plain words, which say more than the
     *     rule's, and adds that the policy is broken.
     */
    Concern fold(Concern other) {
        List<String> r = new java.util.ArrayList<>(related);
        r.add(other.headline);
        boolean plainer = kind == Kind.FAILED_POLICY && other.kind == Kind.ADVERSE_IMPACT;
        String s = plainer ? other.summary : summary;
        String e = plainer ? other.explanation + " " + PlainWords.BREAKS_POLICY : explanation;
        return new Concern(kind, subject, s, e, headline, detail, robust || other.robust, groups, magnitude, r);
    }

    /**
     * @return whether {@code other} states the same finding: the same |magnitude| and the same set of groups, or, for
     *     a policy verdict (which names only the groups that fail a rule, not the group they are compared with), a
     *     subset of the other's groups
     */
    boolean sameFinding(Concern other) {
        if (Double.isNaN(magnitude) || Double.isNaN(other.magnitude) || groups.isEmpty() || other.groups.isEmpty()
                || Math.abs(Math.abs(magnitude) - Math.abs(other.magnitude)) > 1e-9) {
            return false;
        }
        java.util.Set<String> mine = new java.util.HashSet<>(groups);
        java.util.Set<String> theirs = new java.util.HashSet<>(other.groups);
        return mine.equals(theirs) || (policy() && theirs.containsAll(mine)) || (other.policy() && mine.containsAll(
                theirs));
    }

    private boolean policy() {
        return kind == Kind.FAILED_POLICY || kind == Kind.POLICY_WARNING;
    }
}
