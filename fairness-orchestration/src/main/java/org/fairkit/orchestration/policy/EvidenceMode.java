package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What evidence a rule needs: the point estimate, or an interval (bootstrap or Bayesian, attached to the report
 * with {@code Fairness...intervals(...)}).
 *
 * <p>With the rule "value op threshold" and the interval [lo, hi], the interval <em>satisfies</em> the rule when
 * both ends do (every value in it does, since each rule is a half-line), and <em>violates</em> it when neither
 * end does.
 */
public enum EvidenceMode {
    /** Pass when the point estimate satisfies the rule, fail otherwise. Intervals are shown but not used. */
    POINT("point"),
    /**
     * Pass only when the whole interval satisfies the rule; fail otherwise, including when it straddles the
     * threshold (compliance not demonstrated). The burden of proof is on fairness: for release gates.
     */
    PASS_IF_INTERVAL_SATISFIES("pass_if_interval_satisfies"),
    /**
     * Fail only when the whole interval violates the rule; pass otherwise, including when it straddles the
     * threshold (violation not demonstrated). The burden of proof is on the finding: for alerts that must not cry
     * wolf.
     */
    FAIL_IF_INTERVAL_VIOLATES("fail_if_interval_violates");

    private final String id;

    EvidenceMode(String id) {
        this.id = id;
    }

    /** @return the id used in policy YAML */
    public String id() {
        return id;
    }

    /** @return whether the mode needs an interval */
    public boolean needsInterval() {
        return this != POINT;
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static EvidenceMode byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (EvidenceMode m : values()) {
            if (m.id.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown evidence mode '" + id + "'; valid: "
                + Arrays.stream(values()).map(EvidenceMode::id).collect(Collectors.joining(", ")));
    }
}
