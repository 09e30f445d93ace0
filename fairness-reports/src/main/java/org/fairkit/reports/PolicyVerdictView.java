package org.fairkit.reports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * One policy rule's verdict as documents show it: what the rule demands, whether it passed, the number it was
 * judged on with its interval, and the groups concerned. A view: the policy engine (fairness-orchestration) maps
 * its verdicts to this record.
 *
 * @param rule the rule in words, e.g. "demographic_parity_ratio >= 0.80"
 * @param outcome pass, warn, fail or inconclusive
 * @param value the value the rule was judged on, or undefined with the reason
 * @param interval the value's interval, if the rule used one
 * @param groups the groups concerned (labels), in the order the rule names them
 * @param message the verdict in one sentence, for a reader who does not know the rule
 */
public record PolicyVerdictView(String rule, Outcome outcome, MetricValue value, Optional<Interval> interval,
        List<String> groups, String message) {

    /** The outcome of a rule. */
    public enum Outcome {
        /** The rule holds. */
        PASS,
        /** The rule holds, but close to its limit or with a caveat. */
        WARN,
        /** The rule is violated. */
        FAIL,
        /** The rule could not be judged (an undefined value, an interval straddling the limit). */
        INCONCLUSIVE
    }

    /** Validates and copies. */
    public PolicyVerdictView {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(interval, "interval");
        groups = List.copyOf(groups);
        Objects.requireNonNull(message, "message");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
    }
}
