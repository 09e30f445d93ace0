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

    static String unknownMeasure(String id) {
        return "unknown metric '" + id + "'; valid: " + Measure.MIN_GROUP_SIZE + "; a fairness metric: "
                + Arrays.stream(FairnessMetric.values()).map(FairnessMetric::id).collect(Collectors.joining(", "))
                + "; a group metric that every group must satisfy: "
                + Arrays.stream(Metrics.values()).map(m -> m.info().id()).collect(Collectors.joining(", "))
                + "; or a group metric with " + Measure.Aggregation.ids() + " (e.g. selection_rate.ratio)"
                + "; a data rule: " + DataMeasure.ids();
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
