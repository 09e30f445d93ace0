package org.fairkit.orchestration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.orchestration.monitor.WindowCheck;
import org.fairkit.orchestration.monitor.WindowFinding;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.RuleVerdict;
import org.fairkit.orchestration.run.AlertRenderer;

/**
 * A {@link Policy} where the runner and the monitor need it: as the renderer of the Alert Configuration output,
 * and as a {@link WindowCheck} that judges every monitoring window's report by the policy's rules.
 *
 * <p>Window findings, one per rule that did not pass (rule id = the rule's name, group = the first group
 * responsible when there is one, value = the measured value or NaN when undefined):
 * <ul>
 *   <li>{@link Outcome#FAIL} of a rule with {@link org.fairkit.core.Severity#CRITICAL} (written {@code error}) →
 *       {@link Severity#CRITICAL};</li>
 *   <li>{@link Outcome#FAIL} of a rule with {@link org.fairkit.core.Severity#WARNING} →
 *       {@link Severity#WARNING};</li>
 *   <li>{@link Outcome#INCONCLUSIVE} (no interval under an interval mode, an undefined value, no report with the
 *       rule's grouping) → {@link Severity#INFO}, so a window that cannot be judged is visible, never a silent
 *       pass.</li>
 * </ul>
 */
public final class PolicyAlerts {
    private PolicyAlerts() {
    }

    /** @return a renderer writing the policy's {@link Policy#toAlertConfigurationYaml() alert configuration} */
    public static AlertRenderer renderer(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        return context -> policy.toAlertConfigurationYaml();
    }

    /**
     * @return a monitor check judging each window's report by the policy (see the class documentation): a binary
     *     window's {@code FairnessReport}, any other task's {@link TaskReport}
     */
    public static WindowCheck check(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        return context -> {
            TaskReport report = context.window().taskReport();
            return findings(report.task() == Task.BINARY ? policy.evaluate(context.window().report())
                    : policy.evaluate(report));
        };
    }

    /** @return the findings for a policy result (see the class documentation) */
    public static List<WindowFinding> findings(PolicyResult result) {
        List<WindowFinding> out = new ArrayList<>();
        for (RuleVerdict v : result.verdicts()) {
            if (v.outcome() == Outcome.PASS) {
                continue;
            }
            Severity s = v.outcome() == Outcome.INCONCLUSIVE ? Severity.INFO : v.rule().severity();
            Optional<GroupKey> group = v.groups().isEmpty() ? Optional.empty() : Optional.of(v.groups().get(0));
            out.add(new WindowFinding(v.rule().name(), group, s, v.message(), v.value().value()));
        }
        return out;
    }
}
