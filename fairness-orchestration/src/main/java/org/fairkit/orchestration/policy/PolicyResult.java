package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;

/**
 * The verdicts of a policy on one or more reports.
 *
 * <p>The policy's {@link #outcome()}: {@link Outcome#FAIL} when a rule of severity {@link Severity#CRITICAL} fails,
 * else {@link Outcome#INCONCLUSIVE} when one is inconclusive, else {@link Outcome#PASS}. Rules of severity
 * {@link Severity#WARNING} are reported but never change it.
 *
 * @param policy the policy's name
 * @param verdicts one verdict per rule and matching report, in rule order
 */
public record PolicyResult(String policy, List<RuleVerdict> verdicts) {

    /** Validates and copies. */
    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        verdicts = List.copyOf(verdicts);
    }

    /** @return the policy's verdict */
    public Outcome outcome() {
        boolean inconclusive = false;
        for (RuleVerdict v : verdicts) {
            if (v.rule().severity() == Severity.CRITICAL) {
                if (v.outcome() == Outcome.FAIL) {
                    return Outcome.FAIL;
                }
                inconclusive |= v.outcome() == Outcome.INCONCLUSIVE;
            }
        }
        return inconclusive ? Outcome.INCONCLUSIVE : Outcome.PASS;
    }

    /** @return whether the policy passes: {@code outcome() == PASS} */
    public boolean passed() {
        return outcome() == Outcome.PASS;
    }

    /** @return the verdicts that are not passes, of any severity */
    public List<RuleVerdict> problems() {
        return verdicts.stream().filter(v -> v.outcome() != Outcome.PASS).toList();
    }

    /**
     * @return a fixed-width table ({@link Locale#ROOT}): a header with the outcome and counts, then one line per
     *     verdict (outcome, severity, rule, grouping, value, interval, groups), then the messages of the
     *     non-passing verdicts
     */
    @Override
    public String toString() {
        long failed = verdicts.stream().filter(v -> v.outcome() == Outcome.FAIL).count();
        long inconclusive = verdicts.stream().filter(v -> v.outcome() == Outcome.INCONCLUSIVE).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Policy %s: %s (%d failed, %d inconclusive, %d passed)", policy, outcome(), failed, inconclusive,
                verdicts.size() - failed - inconclusive));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"outcome", "severity", "rule", "grouping", "value", "interval", "groups"});
        for (RuleVerdict v : verdicts) {
            rows.add(new String[] {v.outcome().name(), v.rule().severityId(), v.rule().toString(),
                v.grouping().isEmpty() ? "-" : String.join(" x ", v.grouping()),
                !v.value().isDefined() ? "undefined" : v.rule().measure() instanceof Measure.MinGroupSize
                        ? String.format(Locale.ROOT, "%d", (long) v.value().value())
                        : String.format(Locale.ROOT, "%.4f", v.value().value()),
                v.interval().map(Object::toString).orElse("-"),
                v.groups().isEmpty() ? "-" : String.join(", ", v.groups().stream().map(GroupKey::label).toList())});
        }
        int[] width = new int[7];
        for (String[] r : rows) {
            for (int i = 0; i < 7; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", r[i]));
            }
            b.append(System.lineSeparator()).append(line.toString().stripTrailing());
        }
        for (RuleVerdict v : problems()) {
            b.append(System.lineSeparator()).append(v.outcome()).append(' ').append(v.rule().name()).append(": ")
                    .append(v.message());
        }
        return b.toString();
    }
}
