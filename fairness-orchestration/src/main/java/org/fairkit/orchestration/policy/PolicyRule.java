package org.fairkit.orchestration.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.FairnessMetric;

/**
 * One rule of a {@link Policy}: a measure, a comparison with a threshold, optionally the grouping it is about,
 * the evidence it needs and how much it matters.
 *
 * <p>Written as text: {@code <measure> <op> <threshold> [for <feature>[, <feature>...]]}, e.g.
 * {@code demographic_parity_ratio >= 0.8 for race}, {@code equalized_odds_difference <= 0.05},
 * {@code min_group_size >= 30}, {@code roc_auc.difference <= 0.05}, {@code exposure_ratio >= 0.8 for gender},
 * {@code true_positive_rate@urgent.difference <= 0.1} (ids: {@link Measure}); {@code op} is one of {@code >=}, {@code >}, {@code <=}, {@code <}. The features of
 * {@code for} name the report's grouping (several for an intersection, in any order, separated by {@code ,} or
 * {@code &}); a rule without {@code for} applies to every report. From Java, without strings:
 * <pre>{@code
 * PolicyRule r = PolicyRule.of(Measure.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO), Threshold.atLeast(0.8))
 *     .forGrouping("race").withEvidence(EvidenceMode.PASS_IF_INTERVAL_SATISFIES);
 * }</pre>
 *
 * @param name the rule's name, unique in its policy; by default its {@link #expression()}
 * @param measure what is measured
 * @param threshold how the value is compared with which limit (ties as {@link Threshold} says)
 * @param grouping the report grouping the rule is about, empty for any
 * @param evidence the evidence mode, empty to use the policy's default
 * @param severity whether a failure fails the policy: {@link Severity#CRITICAL} (written {@code error}) or
 *     {@link Severity#WARNING} (written {@code warning})
 */
public record PolicyRule(String name, Measure measure, Threshold threshold, List<String> grouping,
        Optional<EvidenceMode> evidence, Severity severity) {

    private static final Pattern RULE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_.]*(?:@[^\\s<>=]+)?)\\s*(>=|<=|>|<)\\s*"
                    + "([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"
                    + "\\s*(?:\\s(?i:for)\\s+(.+?))?\\s*");

    private static final Pattern REGRESSION = Pattern.compile(
            "\\s*max_regression\\s+([A-Za-z][A-Za-z0-9_]*)\\s+(?:<=\\s*)?"
                    + "(\\+?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"
                    + "\\s*(?:\\s(?i:for)\\s+(.+?))?\\s*");

    /** Validates every part and copies the grouping. */
    public PolicyRule {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(severity, "severity");
        if (severity == Severity.INFO) {
            throw new IllegalArgumentException("a rule's severity must be CRITICAL (error) or WARNING, got INFO");
        }
        grouping = List.copyOf(grouping);
        for (String f : grouping) {
            if (f.isBlank() || !f.strip().equals(f) || f.contains(",") || f.contains("&")) {
                throw new IllegalArgumentException("grouping features must be non-blank names without surrounding "
                        + "spaces, ',' or '&', got '" + f + "'");
            }
        }
        if (grouping.stream().distinct().count() != grouping.size()) {
            throw new IllegalArgumentException("grouping names a feature twice: " + grouping);
        }
        if (name == null || name.isBlank()) {
            name = expression(measure, threshold, grouping);
        }
    }

    /** A rule with the policy's default evidence, severity {@link Severity#CRITICAL}, about any grouping. */
    public static PolicyRule of(Measure measure, Threshold threshold) {
        return new PolicyRule(null, measure, threshold, List.of(), Optional.empty(), Severity.CRITICAL);
    }

    /**
     * Parses a rule written as text (see the class documentation).
     *
     * @throws IllegalArgumentException saying what was expected, or listing the valid measures
     */
    public static PolicyRule parse(String text) {
        if (text != null && text.strip().startsWith(Measure.MAX_REGRESSION)) {
            return parseRegression(text);
        }
        Matcher m = RULE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(PolicyErrors.badRule(text));
        }
        Measure measure;
        try {
            measure = Measure.byId(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PolicyErrors.inRule(e.getMessage(), text.strip()), e);
        }
        Threshold threshold = new Threshold(Threshold.Operator.bySymbol(m.group(2)), Double.parseDouble(m.group(3)));
        List<String> grouping = new ArrayList<>();
        if (m.group(4) != null) {
            for (String f : m.group(4).split("[,&]")) {
                grouping.add(f.strip());
            }
        }
        return new PolicyRule(null, measure, threshold, grouping, Optional.empty(),
                Severity.CRITICAL);
    }

    /**
     * A regression rule: {@code max_regression <fairness metric> [<=] <limit> [for <feature>, ...]}, e.g.
     * {@code max_regression demographic_parity_ratio 0.02 for race}: the metric may not move farther from parity
     * than {@code limit} against the baseline run ({@link Measure.Regression}).
     */
    private static PolicyRule parseRegression(String text) {
        Matcher m = REGRESSION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(PolicyErrors.badRegression(text));
        }
        FairnessMetric f;
        try {
            f = FairnessMetric.byId(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule '" + text.strip() + "': " + e.getMessage(), e);
        }
        List<String> grouping = new ArrayList<>();
        if (m.group(3) != null) {
            for (String feature : m.group(3).split("[,&]")) {
                grouping.add(feature.strip());
            }
        }
        return new PolicyRule(null, new Measure.Regression(f), Threshold.atMost(Double.parseDouble(m.group(2))),
                grouping, Optional.empty(), Severity.CRITICAL);
    }

    /** @return this rule about the report grouped by these features */
    public PolicyRule forGrouping(String... features) {
        return new PolicyRule(defaultNamed() ? null : name, measure, threshold, List.of(features),
                evidence, severity);
    }

    /** @return this rule with its own evidence mode */
    public PolicyRule withEvidence(EvidenceMode mode) {
        return new PolicyRule(name, measure, threshold, grouping,
                Optional.of(Objects.requireNonNull(mode, "evidence")), severity);
    }

    /** @return the severity as policy YAML and JSON write it: {@code error} (CRITICAL) or {@code warning} */
    public String severityId() {
        return severity == Severity.CRITICAL ? "error" : "warning";
    }

    /**
     * Parses a rule severity as policy YAML writes it (case-insensitive): {@code error} is
     * {@link Severity#CRITICAL}, {@code warning} is {@link Severity#WARNING}.
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static Severity severityById(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (key.equals("error")) {
            return Severity.CRITICAL;
        }
        if (key.equals("warning")) {
            return Severity.WARNING;
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; valid: error, warning");
    }

    /** @return this rule with a severity */
    public PolicyRule withSeverity(Severity s) {
        return new PolicyRule(name, measure, threshold, grouping, evidence, s);
    }

    /** @return this rule with a name */
    public PolicyRule named(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a rule name must be non-blank, got '" + newName + "'");
        }
        return new PolicyRule(newName, measure, threshold, grouping, evidence, severity);
    }

    private boolean defaultNamed() {
        return name.equals(expression());
    }

    /** @return the rule as text, e.g. {@code demographic_parity_ratio >= 0.8 for race} */
    public String expression() {
        return expression(measure, threshold, grouping);
    }

    private static String expression(Measure measure, Threshold threshold, List<String> grouping) {
        if (measure instanceof Measure.Regression) {
            return measure.id() + " " + number(threshold.limit())
                    + (grouping.isEmpty() ? "" : " for " + String.join(", ", grouping));
        }
        return measure.id() + " " + requirement(threshold)
                + (grouping.isEmpty() ? "" : " for " + String.join(", ", grouping));
    }

    /** @return the threshold as written in rules: {@code >= 0.8}, {@code >= 30} */
    static String requirement(Threshold t) {
        return t.operator().symbol() + " " + number(t.limit());
    }

    /** The shortest decimal that reads back as the same double, without exponent: {@code 0.8}, {@code 30}. */
    static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** @return the evidence mode this rule uses under a policy default */
    public EvidenceMode evidenceOr(EvidenceMode policyDefault) {
        return evidence.orElse(policyDefault);
    }

    /** @return {@link #expression()}, and the name when it differs */
    @Override
    public String toString() {
        return defaultNamed() ? expression() : name + ": " + expression();
    }
}
