package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;

/** Every error message of the policy package, built in one place so that the wording is consistent and tested. */
final class PolicyErrors {
    private PolicyErrors() {
    }

    static String unknownMeasure(String id, String base) {
        List<String> similar = MeasureIds.similar(base);
        String hint = base.equals("ece") || base.startsWith("ece_") || base.startsWith("expected_calibration")
                ? "the metric catalog has no expected calibration error (ECE); its calibration metrics are "
                        + "calibration_ratio (calibration in the large), brier_score and log_loss, which are other "
                        + "definitions (e.g. brier_score.difference); "
                : similar.isEmpty() ? "" : "did you mean " + String.join(", ", similar) + "? ";
        return "unknown metric '" + id + "'; " + hint + "valid: " + Measure.MIN_GROUP_SIZE + "; a fairness metric: "
                + Arrays.stream(FairnessMetric.values()).map(FairnessMetric::id).collect(Collectors.joining(", "))
                + "; a group metric that every group must satisfy: "
                + Arrays.stream(Metrics.values()).map(m -> m.info().id()).collect(Collectors.joining(", "))
                + "; or a group metric with " + Measure.Aggregation.ids() + " (e.g. selection_rate.ratio)"
                + "; a data rule: " + DataMeasure.ids()
                + "; a named disparity of another task: " + String.join(", ", MeasureIds.namedIds())
                + "; a group metric of another task, alone or with an aggregate: "
                + String.join(", ", MeasureIds.groupMetricIds())
                + "; multiclass: macro_<group metric>, <group metric>@<class> or <fairness metric>@<class> (e.g. "
                + "macro_true_positive_rate.difference, true_positive_rate@urgent.difference, "
                + "demographic_parity_ratio@urgent)";
    }

    static String badClass(String id) {
        return "metric '" + id + "': the class after '@' must be non-empty, without spaces, '<', '>' or '=' (e.g. "
                + "true_positive_rate@urgent.difference)";
    }

    static String macroAndClass(String id) {
        return "metric '" + id + "': a macro average (macro_<metric>) is over every class; give either macro_<metric> "
                + "or <metric>@<class>";
    }

    static String dataQualityId(String id, String catalogId) {
        return "metric '" + id + "': " + catalogId + " is a data-quality check, judged on the data by the data rules "
                + DataMeasure.ids() + " and " + Measure.MIN_GROUP_SIZE + " (fairkit check-data), not on a report";
    }

    static String individualId(String id, String catalogId) {
        return "metric '" + id + "': " + catalogId + " is an individual-fairness index, which no task report carries; "
                + "a policy cannot judge it";
    }

    static String aggregateOfDisparity(String id, String catalogId) {
        return "metric '" + id + "': " + catalogId + " already compares groups (a named disparity); write it alone ("
                + catalogId + " <op> <threshold>), or aggregate a group metric with " + Measure.Aggregation.ids()
                + " or macro_ (group metrics of every task: " + String.join(", ", MeasureIds.groupMetricIds()) + ", "
                + Arrays.stream(Metrics.values()).map(m -> m.info().id()).collect(Collectors.joining(", ")) + ")";
    }

    static String notAGroupMetric(String id) {
        return "metric '" + id + "' is a named disparity, not a group metric that every group can satisfy";
    }

    static String sharesWithoutRepresentation(String rule) {
        return "reference_shares belong to a " + DataMeasure.Kind.REPRESENTATION_RATIO.id() + " rule, not to '" + rule
                + "'";
    }

    static String inRule(String message, String rule) {
        return message + " (in rule '" + rule + "')";
    }

    /** The report cannot answer a rule's id: what it has instead. */
    static String noMetric(String id, String task, List<String> has) {
        return "the " + task + " report has no metric " + id + "; it has: " + String.join(", ", has);
    }

    static String regressionNeedsCounts(String rule) {
        return "rule '" + rule + "' compares a binary run's counts with a baseline run's, which a task report does not "
                + "carry: judge the binary FairnessReport (Policy.evaluate(reports, baselines))";
    }

    static String badRule(String text) {
        return "rule '" + text + "' is not '<metric> <op> <threshold> [for <feature>, ...]' with op one of >=, >, "
                + "<=, < (e.g. 'demographic_parity_ratio >= 0.8 for race')";
    }

    static String badRegression(String text) {
        return "rule '" + text + "' is not 'max_regression <fairness metric> <limit> [for <feature>, ...]' with a limit"
                + " >= 0 (e.g. 'max_regression demographic_parity_ratio 0.02 for race': may not move farther from "
                + "parity than 0.02 against the baseline run)";
    }

    static String noBaseline(String rule) {
        return "rule '" + rule + "' compares with a baseline run, and none was given: pass one (fairkit check "
                + "--baseline RUN|FILE, or Policy.evaluate(reports, baselines))";
    }

    static String duplicateName(String name) {
        return "rule names must be unique in a policy; '" + name + "' appears twice";
    }

    static String yaml(String where, String problem) {
        return "policy YAML" + where + ": " + problem;
    }

    static String noRules() {
        return "a policy needs at least one rule";
    }

    static String blankName() {
        return "a policy needs a non-blank name ('policy: <name>')";
    }

    static String noReports() {
        return "evaluate needs at least one report";
    }

    static String noMatchingReport(List<String> grouping, List<List<String>> available) {
        return "no report grouped by " + String.join(" x ", grouping) + " was evaluated (the reports are grouped by "
                + available.stream().map(g -> String.join(" x ", g)).collect(Collectors.joining("; ")) + ")";
    }
}
