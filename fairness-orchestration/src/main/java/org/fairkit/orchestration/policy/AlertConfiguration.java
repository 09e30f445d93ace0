package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.Threshold;

/**
 * A policy's rules as an alert configuration: the document behind the "Alert Configuration" audit output, for a
 * monitoring system that watches fairness metrics between audits.
 *
 * <p>The YAML is deterministic (same policy, same bytes; no timestamp):
 * <pre>
 * alert_configuration:
 *   format: fairkit-alerts/1
 *   policy: lending-fairness
 *   default_evidence: point
 *   alerts:
 *   - name: demographic_parity_ratio &gt;= 0.8 for race
 *     metric: demographic_parity_ratio
 *     grouping: [race]              (omitted when the rule applies to any grouping)
 *     require: "&gt;= 0.8"             (what a healthy value satisfies)
 *     alert_when: "&lt; 0.8"           (the negation: when the alert fires)
 *     threshold: 0.8
 *     evidence: point
 *     severity: error
 *     on_inconclusive: warn         (an undefined value or a missing interval never passes silently)
 * </pre>
 * Data rules ({@link DataMeasure}: {@code max_missing_rate}, {@code max_proxy_strength}, {@code representation_ratio})
 * are listed too, with {@code gate: data} (judged on the data, by {@code fairkit check-data} or
 * {@link Policy#evaluateData}) and, for {@code representation_ratio} against reference shares, the
 * {@code reference_shares} by group label as the policy gives them; {@code min_group_size} has {@code gate: data, model}
 * (judged by both gates). Rules on decisions (the model gate) have no {@code gate} key.
 */
public final class AlertConfiguration {
    /** The format id written in every document. */
    public static final String FORMAT = "fairkit-alerts/1";

    private AlertConfiguration() {
    }

    /** @return the alert configuration of a policy, as YAML */
    public static String render(Policy policy) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (PolicyRule r : policy.rules()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", r.name());
            a.put("metric", r.measure().id());
            if (!r.grouping().isEmpty()) {
                a.put("grouping", r.grouping());
            }
            a.put("require", PolicyRule.requirement(r.threshold()));
            a.put("alert_when", PolicyRule.requirement(new Threshold(r.threshold().operator().negation(), r.threshold().limit())));
            a.put("threshold", r.threshold().limit());
            a.put("evidence", r.evidenceOr(policy.evidence()).id());
            a.put("severity", r.severityId());
            a.put("on_inconclusive", "warn");
            if (r.measure() instanceof DataMeasure d) {
                a.put("gate", "data");
                if (!d.referenceShares().isEmpty()) {
                    a.put("reference_shares", new LinkedHashMap<>(d.referenceShares()));
                }
            } else if (r.measure() instanceof Measure.MinGroupSize) {
                a.put("gate", "data, model");
            }
            alerts.add(a);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", FORMAT);
        body.put("policy", policy.name());
        if (!policy.description().isEmpty()) {
            body.put("description", policy.description());
        }
        body.put("default_evidence", policy.evidence().id());
        body.put("alerts", alerts);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("alert_configuration", body);
        return PolicyYaml.writeTree(doc);
    }
}
