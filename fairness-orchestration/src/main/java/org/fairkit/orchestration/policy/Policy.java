package org.fairkit.orchestration.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.TaskReport;

/**
 * Policy-as-code: named fairness rules with the evidence each needs, read from YAML and judged against
 * {@link FairnessReport}s.
 *
 * <pre>{@code
 * Policy policy = Policy.parse("""
 *     policy: lending-fairness
 *     evidence: point
 *     rules:
 *       - demographic_parity_ratio >= 0.8 for race
 *       - rule: equalized_odds_difference <= 0.05
 *         evidence: pass_if_interval_satisfies
 *         severity: warning
 *       - min_group_size >= 30
 *     """);
 * PolicyResult result = policy.evaluate(report);
 * }</pre>
 *
 * <h2>YAML</h2>
 * {@code policy} (required): the name. {@code description} (optional). {@code evidence} (optional, default
 * {@code point}): the default {@link EvidenceMode} of the rules. {@code rules} (required, non-empty): each either
 * a rule as text (see {@link PolicyRule}) or an object with {@code rule} (the text, required), {@code name},
 * {@code evidence} and {@code severity} ({@code error}, the default, or {@code warning}). A key given twice in a
 * mapping, YAML anchors and aliases, and type tags ({@code !!...}) are errors. Unknown keys, unknown
 * metrics and malformed rules are errors that name the line and column and list what is valid.
 *
 * <h2>Evaluation</h2>
 * Rules on the data ({@link DataMeasure}: missing rates, proxies, representation) are judged by
 * {@link #evaluateData(List)} on data quality reports, and left out by {@link #evaluate(List)};
 * {@code min_group_size} is judged by both. Each rule is judged on every report whose grouping has exactly the rule's features (any order), or on every
 * report when the rule names none; a rule that no report matches is {@link Outcome#INCONCLUSIVE}. Values,
 * intervals and the groups responsible come from the report (the {@code Disparity} of a fairness metric or
 * aggregate, the group table of every-group rules and {@code min_group_size}). A {@code max_regression} rule
 * (see {@link Measure.Regression}) compares with a baseline run given to {@link #evaluate(List, List)}.
 *
 * <h2>Every task</h2>
 * {@link #evaluateTasks(List)} judges the {@link TaskReport} of any task (regression, ranking, multiclass, binary:
 * each report's {@code asTaskReport()}), with rules on any id the report answers: a named disparity or an aggregate
 * by {@link TaskReport#disparity(String)}, a group metric in every group by {@link TaskReport#values(String)},
 * {@code min_group_size} by {@link TaskReport#sizes()} (items for a ranking). Each is judged on the value's interval
 * where the report has one ({@link EvidenceMode}), and is {@link Outcome#INCONCLUSIVE} with the reason where it has
 * none and the mode needs one, or where the report cannot answer the id (the verdict lists the ids it has).
 * <pre>{@code
 * Policy p = Policy.parse("""
 *     policy: credit-limit
 *     rules:
 *       - bounded_group_loss_absolute <= 1500 for sex
 *       - mean_absolute_error.ratio >= 0.8 for sex
 *       - min_group_size >= 30
 *     """);
 * PolicyResult r = p.evaluateTasks(List.of(regressionReport.asTaskReport()));
 * }</pre>
 * On a binary {@link FairnessReport}, {@link #evaluate(List)} judges the binary ids as before (a fairness metric
 * against a reference group on every group's comparison) and the other ids (score metrics such as
 * {@code roc_auc.difference}) on {@link FairnessReport#asTaskReport()}. {@code max_regression} needs the counts of
 * binary runs, so on a task report it is inconclusive with the reason.
 *
 * @param name the policy's name
 * @param description what it is for (may be empty)
 * @param evidence the evidence mode of rules that do not set their own
 * @param rules the rules, at least one, with unique names
 */
public record Policy(String name, String description, EvidenceMode evidence, List<PolicyRule> rules)
        implements PolicyCheck {

    /** Validates the name, the rules and the uniqueness of rule names. */
    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(PolicyErrors.blankName());
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(evidence, "evidence");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(PolicyErrors.noRules());
        }
        Set<String> names = new HashSet<>();
        for (PolicyRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException(PolicyErrors.duplicateName(r.name()));
            }
        }
    }

    /** A policy with point evidence and no description. */
    public static Policy of(String name, PolicyRule... rules) {
        return new Policy(name, "", EvidenceMode.POINT, List.of(rules));
    }

    /**
     * Parses a policy from YAML (see the class documentation).
     *
     * @throws IllegalArgumentException naming the line, column and problem
     */
    public static Policy parse(String yaml) {
        return PolicyYaml.parse(yaml);
    }

    /**
     * Reads a policy from a YAML file.
     *
     * @throws IllegalArgumentException naming the line, column and problem
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Policy read(Path file) {
        try {
            return PolicyYaml.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy " + file + ": " + e, e);
        }
    }

    /** @return the policy as canonical YAML, which {@link #parse(String)} reads back to an equal policy */
    public String toYaml() {
        return PolicyYaml.write(this);
    }

    /** @return the rules as an alert configuration document (see {@link AlertConfiguration}) */
    public String toAlertConfigurationYaml() {
        return AlertConfiguration.render(this);
    }

    /** Judges one report. */
    @Override
    public PolicyResult evaluate(FairnessReport report) {
        return evaluate(List.of(Objects.requireNonNull(report, "report")));
    }

    /**
     * Judges several reports of the same audit (for example one per grouping).
     *
     * @throws IllegalArgumentException if there is no report
     */
    public PolicyResult evaluate(List<FairnessReport> reports) {
        return evaluate(reports, List.of());
    }

    /**
     * Judges several reports of the same audit against baseline runs: a {@code max_regression} rule compares each
     * report with the baseline of the same grouping (features in the same order), read for example from the
     * history or a report file ({@code StoredReport.results()}); without one its verdict is inconclusive.
     *
     * @param reports the candidate run's reports
     * @param baselines the baseline run's results, one per grouping (may be empty)
     * @throws IllegalArgumentException if there is no report
     */
    public PolicyResult evaluate(List<FairnessReport> reports, List<GroupResults> baselines) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException(PolicyErrors.noReports());
        }
        List<List<String>> groupings = new ArrayList<>();
        for (FairnessReport r : reports) {
            groupings.add(r.results().spec().groupBy());
        }
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (rule.measure() instanceof DataMeasure) {
                continue; // judged on the data by evaluateData
            }
            EvidenceMode mode = rule.evidenceOr(evidence);
            boolean matched = false;
            for (int i = 0; i < reports.size(); i++) {
                if (rule.grouping().isEmpty() || Set.copyOf(rule.grouping()).equals(Set.copyOf(groupings.get(i)))
                        && rule.grouping().size() == groupings.get(i).size()) {
                    List<String> g = groupings.get(i);
                    verdicts.add(RuleEvaluator.evaluate(rule, mode, reports.get(i), baselines.stream()
                            .filter(b -> b.spec().groupBy().equals(g)).findFirst()));
                    matched = true;
                }
            }
            if (!matched) {
                verdicts.add(RuleEvaluator.noMatchingReport(rule, mode, groupings));
            }
        }
        return new PolicyResult(name, verdicts);
    }

    /**
     * Judges one report of any task (see "Every task" in the class documentation).
     *
     * @param report the report, e.g. {@code regressionReport.asTaskReport()}
     */
    public PolicyResult evaluate(TaskReport report) {
        return evaluateTasks(List.of(Objects.requireNonNull(report, "report")));
    }

    /**
     * Judges several reports of any task (for example one per grouping), matched to rules by grouping as
     * {@link #evaluate(List)} matches them; data rules ({@link DataMeasure}) are left to {@link #evaluateData(List)}.
     *
     * @param reports the reports, e.g. each task report's {@code asTaskReport()}
     * @throws IllegalArgumentException if there is no report
     */
    public PolicyResult evaluateTasks(List<TaskReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException(PolicyErrors.noReports());
        }
        List<List<String>> groupings = new ArrayList<>();
        for (TaskReport r : reports) {
            groupings.add(r.groupBy());
        }
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (rule.measure() instanceof DataMeasure) {
                continue; // judged on the data by evaluateData
            }
            EvidenceMode mode = rule.evidenceOr(evidence);
            boolean matched = false;
            for (int i = 0; i < reports.size(); i++) {
                if (matches(rule, groupings.get(i))) {
                    verdicts.add(TaskRuleEvaluator.evaluate(rule, mode, reports.get(i)));
                    matched = true;
                }
            }
            if (!matched) {
                verdicts.add(RuleEvaluator.noMatchingReport(rule, mode, groupings));
            }
        }
        return new PolicyResult(name, verdicts);
    }

    private static boolean matches(PolicyRule rule, List<String> grouping) {
        return rule.grouping().isEmpty() || Set.copyOf(rule.grouping()).equals(Set.copyOf(grouping))
                && rule.grouping().size() == grouping.size();
    }

    /** @return the rules judged on the data ({@link DataMeasure}s and {@code min_group_size}), in policy order */
    public List<PolicyRule> dataRules() {
        return rules.stream().filter(r -> r.measure() instanceof DataMeasure
                || r.measure() instanceof Measure.MinGroupSize).toList();
    }

    /**
     * The data gate: judges the data rules ({@link #dataRules()}) on data quality reports (fairness-core's
     * {@code DataQuality.check}), one per grouping, matched to rules as {@link #evaluate(List)} matches reports; the
     * fairness-metric rules are left out (they need decisions: {@link #evaluate(List)}). How each data measure is
     * computed and on which interval it is judged: {@link DataMeasure}. {@code min_group_size} counts rows exactly.
     * A policy without data rules passes with no verdict.
     *
     * @throws IllegalArgumentException if there is no report
     */
    public PolicyResult evaluateData(List<org.fairkit.core.checks.DataQualityReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException(PolicyErrors.noReports());
        }
        List<List<String>> groupings = new ArrayList<>();
        for (org.fairkit.core.checks.DataQualityReport r : reports) {
            groupings.add(DataRuleEvaluator.grouping(r));
        }
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (PolicyRule rule : dataRules()) {
            EvidenceMode mode = rule.evidenceOr(evidence);
            boolean matched = false;
            for (int i = 0; i < reports.size(); i++) {
                if (rule.grouping().isEmpty() || Set.copyOf(rule.grouping()).equals(Set.copyOf(groupings.get(i)))
                        && rule.grouping().size() == groupings.get(i).size()) {
                    verdicts.add(DataRuleEvaluator.evaluate(rule, mode, reports.get(i)));
                    matched = true;
                }
            }
            if (!matched) {
                verdicts.add(RuleEvaluator.noMatchingReport(rule, mode, groupings));
            }
        }
        return new PolicyResult(name, verdicts);
    }

    /** @return the name and the rules, one per line */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Policy ").append(name).append(" (evidence ").append(evidence.id())
                .append(')');
        for (PolicyRule r : rules) {
            b.append(System.lineSeparator()).append("  ").append(r).append(" [").append(r.evidenceOr(evidence).id())
                    .append(", ").append(r.severityId()).append(']');
        }
        return b.toString();
    }
}
