package org.fairkit.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fairkit.orchestration.PlanLoad;
import org.fairkit.orchestration.PolicyAlerts;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.io.DecisionChange;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.run.AuditOutput;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.StandardOutputs;

/**
 * The outputs {@code --out DIR} can write, by the load model's {@link OutputKind} ids, and the {@link AuditRunner}
 * that writes them with the load model as its estimator (so every run record holds the estimate beside the measured
 * time).
 *
 * <p>Registered: {@code metrics_export}, {@code flagged_cases}, {@code detailed_report},
 * {@code alert_configuration} when a policy is given (it renders the policy's rules), and fairness-reports'
 * documents ({@link DocumentOutputs}): {@code dashboard_export}, {@code fairness_audit_pdf},
 * {@code compliance_report}, {@code executive_summary_slides}. All eight are the load model's output kinds.
 */
final class Outputs {
    private final Optional<Policy> policy;
    private final Optional<DecisionChange> change;
    private final Optional<org.fairkit.orchestration.history.History> history;

    private Outputs(Optional<Policy> policy, Optional<DecisionChange> change) {
        this(policy, change, Optional.empty());
    }

    private Outputs(Optional<Policy> policy, Optional<DecisionChange> change,
            Optional<org.fairkit.orchestration.history.History> history) {
        this.policy = policy;
        this.change = change;
        this.history = history;
    }

    /** These outputs, with the documents' trend section drawn from the earlier runs in {@code store}. */
    Outputs withHistory(Optional<org.fairkit.orchestration.history.History> store) {
        return new Outputs(policy, change, store);
    }

    /** The outputs available with this policy (or none). */
    static Outputs with(Optional<Policy> policy) {
        return new Outputs(policy, Optional.empty());
    }

    /** These outputs, with the flagged cases also flagging the rows whose decision {@code change} would change. */
    Outputs withDecisionChange(DecisionChange c) {
        return new Outputs(policy, Optional.of(c), history);
    }

    private List<AuditOutput> writers() {
        List<AuditOutput> w = new ArrayList<>(List.of(StandardOutputs.metricsExport(), StandardOutputs.flaggedCases(0, change),
                StandardOutputs.detailedReport()));
        policy.ifPresent(p -> w.add(StandardOutputs.alertConfiguration(PolicyAlerts.renderer(p))));
        w.addAll(DocumentOutputs.all(policy, history));
        return w;
    }

    /** @return the ids that can be written, in order */
    List<String> available() {
        return writers().stream().map(AuditOutput::id).toList();
    }

    /**
     * The outputs to write: all available ones when none are asked for.
     *
     * @throws CliException for an unknown id, an output this build cannot write, or the alert configuration without
     *     a policy
     */
    List<String> select(List<String> asked) {
        List<String> available = available();
        if (asked == null || asked.isEmpty()) {
            return available;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : asked) {
            String id = raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (!available.contains(id)) {
                if (id.equals(StandardOutputs.ALERT_CONFIGURATION)) {
                    throw CliException.badInput(CliErrors.alertsNeedPolicy());
                }
                boolean known = false;
                for (OutputKind k : OutputKind.values()) {
                    known |= k.id().equals(id);
                }
                throw CliException.badInput(known ? CliErrors.outputNotAvailable(id, available)
                        : CliErrors.unknownOutput(id, available));
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    /** @return a runner with every available output and the default load model as estimator */
    AuditRunner runner(Clock clock) {
        return AuditRunner.builder().outputs(writers().toArray(new AuditOutput[0]))
                .estimator(PlanLoad.of(LoadModel.defaults())).clock(clock).build();
    }
}
