package org.fairkit.orchestration.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * The verdict of one rule on one report, with its evidence.
 *
 * @param rule the rule
 * @param evidence the evidence mode that was applied
 * @param grouping the features of the report it was judged on (empty when no report had the rule's grouping)
 * @param outcome pass, fail or inconclusive
 * @param value the measured value (for every-group rules and {@code min_group_size}, the worst group's), or
 *     undefined with the reason
 * @param interval the value's interval, when the report has one
 * @param groups the groups responsible: those the disparity compares (e.g. the lowest and the highest group),
 *     the groups that fail an every-group rule, or those below a minimum size
 * @param message the verdict in words, with the numbers
 */
public record RuleVerdict(PolicyRule rule, EvidenceMode evidence, List<String> grouping, Outcome outcome,
        MetricValue value, Optional<Interval> interval, List<GroupKey> groups, String message) {

    /** Validates that every part is present, and copies the lists. */
    public RuleVerdict {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evidence, "evidence");
        grouping = List.copyOf(grouping);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(interval, "interval");
        groups = List.copyOf(groups);
        Objects.requireNonNull(message, "message");
    }

    /** @return whether this verdict fails its policy: a non-pass of a rule of severity {@link Severity#CRITICAL} */
    public boolean blocking() {
        return outcome != Outcome.PASS && rule.severity() == Severity.CRITICAL;
    }

    /** @return e.g. {@code FAIL demographic_parity_ratio >= 0.8 for race: ...} */
    @Override
    public String toString() {
        return outcome + " " + rule + ": " + message;
    }
}
