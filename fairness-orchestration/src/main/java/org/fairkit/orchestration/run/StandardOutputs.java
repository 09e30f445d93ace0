package org.fairkit.orchestration.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.DecisionChange;
import org.fairkit.orchestration.io.FlaggedCases;
import org.fairkit.orchestration.io.MetricsExport;
import org.fairkit.orchestration.io.ReportJson;

/**
 * The outputs this module produces, their ids and their files. Document outputs (PDF, slides, dashboard,
 * compliance report) are registered by the module that renders them, through {@link AuditOutput}.
 *
 * <table>
 *   <caption>Standard outputs</caption>
 *   <tr><th>id</th><th>files</th><th>content</th></tr>
 *   <tr><td>{@value #METRICS_EXPORT}</td><td>{@code metrics.csv}, {@code metrics.json}</td>
 *       <td>{@link MetricsExport}: every reported quantity of every grouping, with intervals</td></tr>
 *   <tr><td>{@value #FLAGGED_CASES}</td><td>{@code flagged-cases.csv}</td>
 *       <td>{@link FlaggedCases}: rows in disadvantaged error cells, and rows whose decision changes under a
 *       {@link DecisionChange} when one is given</td></tr>
 *   <tr><td>{@value #DETAILED_REPORT}</td><td>{@code report.json}</td>
 *       <td>{@code {"schema": "fairkit.audit/1", "run_id", "plan_id", "source", "started_at",
 *       "reports": [ReportJson per grouping]}}: the full reports with provenance</td></tr>
 *   <tr><td>{@value #ALERT_CONFIGURATION}</td><td>{@code alert-configuration.yaml}</td>
 *       <td>the YAML an {@link AlertRenderer} (the policy layer) renders, checked to parse</td></tr>
 * </table>
 */
public final class StandardOutputs {
    /** Id of the Metrics Export. */
    public static final String METRICS_EXPORT = "metrics_export";
    /** Id of the Flagged Cases CSV. */
    public static final String FLAGGED_CASES = "flagged_cases";
    /** Id of the Detailed Report JSON. */
    public static final String DETAILED_REPORT = "detailed_report";
    /** Id of the Alert Configuration. */
    public static final String ALERT_CONFIGURATION = "alert_configuration";

    private StandardOutputs() {
    }

    /** @return the Metrics Export */
    public static AuditOutput metricsExport() {
        return new Simple(METRICS_EXPORT, "Metrics Export (CSV and JSON)") {
            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                Path csv = directory.resolve("metrics.csv");
                Path json = directory.resolve("metrics.json");
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    MetricsExport.writeCsv(context.reports(), w);
                }
                try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                    MetricsExport.writeJson(context.reports(), w);
                }
                return List.of(csv, json);
            }
        };
    }

    /** @return the Flagged Cases CSV with the disadvantaged-error-cell reason only (minimum gap 0) */
    public static AuditOutput flaggedCases() {
        return flaggedCases(0, Optional.empty());
    }

    /**
     * The Flagged Cases CSV.
     *
     * @param minGap the excess error rate a group must exceed to be flagged (see {@link FlaggedCases})
     * @param change an alternative decision source (a group-fair post-processor), if any
     */
    public static AuditOutput flaggedCases(double minGap, Optional<DecisionChange> change) {
        Objects.requireNonNull(change, "change");
        return new Simple(FLAGGED_CASES, "Flagged Cases CSV" + change.map(c -> " (with " + c.description() + ")")
                .orElse("")) {
            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                FlaggedCases.Builder b = FlaggedCases.of(context.reports()).minGap(minGap);
                change.ifPresent(b::decisionChange);
                Path file = directory.resolve("flagged-cases.csv");
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    b.build().write(context.rows(), w);
                }
                return List.of(file);
            }
        };
    }

    /** @return the Detailed Report JSON */
    public static AuditOutput detailedReport() {
        return new Simple(DETAILED_REPORT, "Detailed Report JSON") {
            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("schema", "fairkit.audit/1");
                root.put("run_id", context.runId());
                root.put("plan_id", context.plan().id());
                root.put("source", context.plan().source().describe());
                root.put("started_at", context.startedAt().toString());
                ArrayNode reports = root.putArray("reports");
                for (FairnessReport r : context.reports()) {
                    reports.add(ReportJson.toTree(r));
                }
                Path file = directory.resolve("report.json");
                Files.writeString(file, ReportJson.write(root), StandardCharsets.UTF_8);
                return List.of(file);
            }
        };
    }

    /**
     * The Alert Configuration YAML.
     *
     * @param renderer renders the policy rules as YAML
     */
    public static AuditOutput alertConfiguration(AlertRenderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return new Simple(ALERT_CONFIGURATION, "Alert Configuration (YAML)") {
            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                String yaml = renderer.renderYaml(context);
                try {
                    new YAMLMapper().readTree(yaml);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the alert renderer returned invalid YAML: "
                            + e.getOriginalMessage(), e);
                }
                Path file = directory.resolve("alert-configuration.yaml");
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
                return List.of(file);
            }
        };
    }

    private abstract static class Simple implements AuditOutput {
        private final String id;
        private final String description;

        Simple(String id, String description) {
            this.id = id;
            this.description = description;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return id + " (" + description + ")";
        }
    }
}
