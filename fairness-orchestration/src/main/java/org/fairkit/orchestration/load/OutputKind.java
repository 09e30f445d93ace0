package org.fairkit.orchestration.load;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of output an audit can produce, each with its default weight in the load model: how many output
 * units it costs to generate, relative to the others. The ids are the output ids an audit plan selects, so a plan's
 * outputs map to their weights with {@link #byIds}.
 *
 * <p>The weights are the load model's contract (issue #5) and can be changed per {@link LoadModel} with
 * {@link LoadModel.Builder#weight(OutputKind, double)}. The output load of an audit is the sum of the weights of
 * its selected outputs: {@code O = Σ weight(o)}.
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>output</th><th>id</th><th>weight</th></tr>
 *   <tr><td>Fairness Audit PDF</td><td>{@code fairness_audit_pdf}</td><td>2.5</td></tr>
 *   <tr><td>Metrics Export (SPD, TPR, FPR)</td><td>{@code metrics_export}</td><td>1.0</td></tr>
 *   <tr><td>Flagged Cases CSV</td><td>{@code flagged_cases}</td><td>1.5</td></tr>
 *   <tr><td>Executive Summary Slides</td><td>{@code executive_summary_slides}</td><td>2.0</td></tr>
 *   <tr><td>Detailed Report (JSON)</td><td>{@code detailed_report}</td><td>1.2</td></tr>
 *   <tr><td>Alert Configuration</td><td>{@code alert_configuration}</td><td>0.8</td></tr>
 *   <tr><td>Dashboard Export</td><td>{@code dashboard_export}</td><td>1.8</td></tr>
 *   <tr><td>Compliance Report</td><td>{@code compliance_report}</td><td>2.2</td></tr>
 * </table>
 * All eight together weigh 13.0.
 */
public enum OutputKind {
    /** The full audit document for people. */
    FAIRNESS_AUDIT_PDF("fairness_audit_pdf", "Fairness Audit PDF", 2.5),
    /** The headline metrics (statistical parity difference, true and false positive rates) for other tools. */
    METRICS_EXPORT("metrics_export", "Metrics Export (SPD, TPR, FPR)", 1.0),
    /** The rows a reviewer should look at. */
    FLAGGED_CASES_CSV("flagged_cases", "Flagged Cases CSV", 1.5),
    /** A short deck for decision makers. */
    EXECUTIVE_SUMMARY_SLIDES("executive_summary_slides", "Executive Summary Slides", 2.0),
    /** Every number of the report, machine-readable. */
    DETAILED_REPORT_JSON("detailed_report", "Detailed Report (JSON)", 1.2),
    /** The policy's rules as alert thresholds for a monitoring system. */
    ALERT_CONFIGURATION("alert_configuration", "Alert Configuration", 0.8),
    /** Data for a dashboard. */
    DASHBOARD_EXPORT("dashboard_export", "Dashboard Export", 1.8),
    /** The report in the shape a regulator or compliance team asks for. */
    COMPLIANCE_REPORT("compliance_report", "Compliance Report", 2.2);

    private final String id;
    private final String displayName;
    private final double defaultWeight;

    OutputKind(String id, String displayName, double defaultWeight) {
        this.id = id;
        this.displayName = displayName;
        this.defaultWeight = defaultWeight;
    }

    /** @return the stable id used in YAML, JSON and the CLI */
    public String id() {
        return id;
    }

    /** @return the name people read, e.g. {@code Flagged Cases CSV} */
    public String displayName() {
        return displayName;
    }

    /** @return the weight in output units of the specification; a {@link LoadModel} may override it */
    public double defaultWeight() {
        return defaultWeight;
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if {@code id} is unknown
     */
    public static OutputKind byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (OutputKind o : values()) {
            if (o.id.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown audit output id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(OutputKind::id).collect(Collectors.joining(", ")));
    }

    /**
     * Parses several ids, for example the outputs of an audit plan.
     *
     * @throws IllegalArgumentException for the first unknown id, listing the valid ones
     */
    public static Set<OutputKind> byIds(Collection<String> ids) {
        Set<OutputKind> out = EnumSet.noneOf(OutputKind.class);
        for (String id : ids) {
            out.add(byId(id));
        }
        return out;
    }

    /** @return {@link #displayName()} */
    @Override
    public String toString() {
        return displayName;
    }
}
