package org.fairkit.orchestration.run;

/**
 * Renders the Alert Configuration of an audit as YAML: the policy rules a monitor or a CI gate enforces. The policy
 * layer supplies it (rules evaluated against the audit's reports); {@link StandardOutputs#alertConfiguration}
 * checks that the text is valid YAML and writes it.
 */
@FunctionalInterface
public interface AlertRenderer {
    /**
     * @param context the run's reports and plan
     * @return the alert configuration, as a YAML document
     */
    String renderYaml(AuditRunContext context);
}
