package org.fairkit.core.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairkit.core.tally.CellCounts;

/**
 * The catalog of group metrics computed from confusion counts.
 *
 * <p>Every rate is computed from the (weighted, when the data is weighted) cells TP, FP, TN, FN of one group;
 * {@link #COUNT} is never weighted. A zero denominator gives an undefined value with its reason
 * ({@link MetricValue#undefined(String)}); where Fairlearn / scikit-learn return 0 instead, the constant's
 * {@link MetricInfo#matches()} says so. Ids are stable: {@link #byId(String)} parses them and their aliases.
 */
public enum Metrics implements GroupMetric {
    /** Number of rows in the group, never weighted (Fairlearn {@code count}). */
    COUNT(info("count", "Count", "Number of rows in the group. Never weighted, even for weighted data.",
            "n = TP + FP + TN + FN (rows)", 0, Double.POSITIVE_INFINITY, Direction.NONE, MetricFamily.DESCRIPTIVE,
            EnumSet.noneOf(Requirement.class), "never", List.of("n", "size"),
            "Fairlearn MetricFrame count (Weerts et al. 2023, JMLR 24(257))",
            "Fairlearn count (never weighted).", "Small groups give unstable rates: read rates with their intervals."),
            (g, all) -> MetricValue.of(g.rows())),
    /** Share of actual positives: (TP + FN) / n. */
    BASE_RATE(info("base_rate", "Base rate", "Share of the group whose true label is positive (prevalence).",
            "(TP + FN) / (TP + FP + TN + FN)", 0, 1, Direction.NONE, MetricFamily.DESCRIPTIVE,
            EnumSet.of(Requirement.LABELS), "the group's total weight is 0", List.of("prevalence"),
            "AIF360 BinaryLabelDatasetMetric.base_rate",
            "AIF360 base_rate; Aequitas 'prev'.",
            "Differences in base rates are a property of the data, not of the model; they bound which parity "
                    + "criteria can hold together (Kleinberg et al. 2016)."),
            (g, all) -> ratio(g.positives(), g.total(), Reasons.ZERO_TOTAL)),
    /** Share predicted positive: (TP + FP) / n. */
    SELECTION_RATE(info("selection_rate", "Selection rate",
            "Share of the group that receives the positive decision. The basis of demographic parity.",
            "(TP + FP) / (TP + FP + TN + FN)", 0, 1, Direction.NONE, MetricFamily.DESCRIPTIVE,
            EnumSet.of(Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("positive_rate", "acceptance_rate", "pprev"), "Fairlearn selection_rate",
            "Fairlearn selection_rate; Aequitas 'pprev'; AIF360 selection_rate.",
            "The four-fifths rule (EEOC Uniform Guidelines, 29 CFR 1607.4(D)) compares selection rates; a ratio "
                    + "below 0.8 is evidence of adverse impact, not proof, and needs group sizes and intervals."),
            (g, all) -> ratio(g.predictedPositives(), g.total(), Reasons.ZERO_TOTAL)),
    /** TP / (TP + FN). */
    TRUE_POSITIVE_RATE(info("true_positive_rate", "True positive rate",
            "Share of actual positives predicted positive (recall, sensitivity). The basis of equal opportunity.",
            "TP / (TP + FN)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.ERROR_RATE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_POSITIVES,
            List.of("tpr", "recall", "sensitivity", "hit_rate"), "Hardt, Price & Srebro 2016",
            "Fairlearn true_positive_rate and scikit-learn recall_score return 0.0 for a group without "
                    + "positives; AIF360 returns NaN; FairKit reports undefined.",
            "Undefined for groups without positives."),
            (g, all) -> ratio(g.tp(), g.positives(), Reasons.NO_POSITIVES)),
    /** FP / (FP + TN). */
    FALSE_POSITIVE_RATE(info("false_positive_rate", "False positive rate",
            "Share of actual negatives predicted positive (fall-out).",
            "FP / (FP + TN)", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.ERROR_RATE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_NEGATIVES, List.of("fpr", "fall_out"),
            "Hardt, Price & Srebro 2016",
            "Fairlearn false_positive_rate returns 0.0 for a group without negatives; AIF360 returns NaN; "
                    + "FairKit reports undefined.",
            "Undefined for groups without negatives."),
            (g, all) -> ratio(g.fp(), g.negatives(), Reasons.NO_NEGATIVES)),
    /** FN / (TP + FN). */
    FALSE_NEGATIVE_RATE(info("false_negative_rate", "False negative rate",
            "Share of actual positives predicted negative (miss rate).",
            "FN / (TP + FN)", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.ERROR_RATE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_POSITIVES, List.of("fnr", "miss_rate"),
            "Chouldechova 2017",
            "Fairlearn false_negative_rate returns 0.0 for a group without positives; AIF360 returns NaN; "
                    + "FairKit reports undefined.",
            "Undefined for groups without positives."),
            (g, all) -> ratio(g.fn(), g.positives(), Reasons.NO_POSITIVES)),
    /** TN / (TN + FP). */
    TRUE_NEGATIVE_RATE(info("true_negative_rate", "True negative rate",
            "Share of actual negatives predicted negative (specificity).",
            "TN / (TN + FP)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.ERROR_RATE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_NEGATIVES,
            List.of("tnr", "specificity", "selectivity"), "Fawcett 2006 (specificity)",
            "Fairlearn true_negative_rate returns 0.0 for a group without negatives; AIF360 returns NaN; "
                    + "FairKit reports undefined.",
            "Undefined for groups without negatives."),
            (g, all) -> ratio(g.tn(), g.negatives(), Reasons.NO_NEGATIVES)),
    /** TP / (TP + FP). */
    POSITIVE_PREDICTIVE_VALUE(info("positive_predictive_value", "Positive predictive value",
            "Share of positive predictions that are correct (precision). The basis of predictive parity.",
            "TP / (TP + FP)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.PREDICTIVE_VALUE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_PREDICTED_POSITIVES,
            List.of("ppv", "precision"), "Chouldechova 2017",
            "scikit-learn precision_score returns 0.0 (zero_division='warn') for a group without predicted "
                    + "positives; AIF360 also returns 0.0 (unlike its NaN rates); FairKit reports undefined.",
            "Undefined for groups without predicted positives."),
            (g, all) -> ratio(g.tp(), g.predictedPositives(), Reasons.NO_PREDICTED_POSITIVES)),
    /** TN / (TN + FN). */
    NEGATIVE_PREDICTIVE_VALUE(info("negative_predictive_value", "Negative predictive value",
            "Share of negative predictions that are correct.",
            "TN / (TN + FN)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.PREDICTIVE_VALUE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_PREDICTED_NEGATIVES, List.of("npv"),
            "Altman & Bland 1994 (Diagnostic tests 2: predictive values, BMJ 309:102)",
            "AIF360 negative_predictive_value (0.0 when undefined); FairKit reports undefined.",
            "Undefined for groups without predicted negatives."),
            (g, all) -> ratio(g.tn(), g.predictedNegatives(), Reasons.NO_PREDICTED_NEGATIVES)),
    /** FP / (TP + FP). */
    FALSE_DISCOVERY_RATE(info("false_discovery_rate", "False discovery rate",
            "Share of positive predictions that are wrong.",
            "FP / (TP + FP)", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.PREDICTIVE_VALUE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_PREDICTED_POSITIVES, List.of("fdr"),
            "Saleiro et al. 2018 (Aequitas); Benjamini & Hochberg 1995 (the name)",
            "AIF360 false_discovery_rate (0.0 when undefined); Aequitas 'fdr'; FairKit reports undefined.",
            "Undefined for groups without predicted positives."),
            (g, all) -> ratio(g.fp(), g.predictedPositives(), Reasons.NO_PREDICTED_POSITIVES)),
    /** FN / (TN + FN). */
    FALSE_OMISSION_RATE(info("false_omission_rate", "False omission rate",
            "Share of negative predictions that are wrong.",
            "FN / (TN + FN)", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.PREDICTIVE_VALUE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), Reasons.NO_PREDICTED_NEGATIVES, List.of("for"),
            "Saleiro et al. 2018 (Aequitas)",
            "AIF360 false_omission_rate (0.0 when undefined); Aequitas 'for'; FairKit reports undefined.",
            "Undefined for groups without predicted negatives."),
            (g, all) -> ratio(g.fn(), g.predictedNegatives(), Reasons.NO_PREDICTED_NEGATIVES)),
    /** (TP + TN) / n. */
    ACCURACY(info("accuracy", "Accuracy", "Share of correct predictions.",
            "(TP + TN) / (TP + FP + TN + FN)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.PERFORMANCE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("acc"), "Fawcett 2006", "scikit-learn accuracy_score; AIF360 accuracy.",
            "Hides error asymmetries: compare error rates too."),
            (g, all) -> ratio(g.tp() + g.tn(), g.total(), Reasons.ZERO_TOTAL)),
    /** (FP + FN) / n. */
    ERROR_RATE(info("error_rate", "Error rate", "Share of wrong predictions (1 - accuracy).",
            "(FP + FN) / (TP + FP + TN + FN)", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.PERFORMANCE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("err", "misclassification_rate"), "Fawcett 2006; Bellamy et al. 2018 (AIF360)",
            "AIF360 error_rate.",
            "Hides error asymmetries: compare false positive and false negative rates too."),
            (g, all) -> ratio(g.fp() + g.fn(), g.total(), Reasons.ZERO_TOTAL)),
    /** (TPR + TNR) / 2. */
    BALANCED_ACCURACY(info("balanced_accuracy", "Balanced accuracy",
            "Mean of the true positive and true negative rates.",
            "(TP / (TP + FN) + TN / (TN + FP)) / 2", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.PERFORMANCE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS),
            "the group has no positives or no negatives", List.of("bacc"), "Brodersen et al. 2010",
            "scikit-learn balanced_accuracy_score averages the recalls of the classes present, so for a group "
                    + "with one class it returns that class's recall; FairKit reports undefined (half of the "
                    + "definition is missing). Equal otherwise.",
            "Undefined for single-class groups."),
            (g, all) -> {
                if (g.positives() == 0) {
                    return MetricValue.undefined(Reasons.NO_POSITIVES);
                }
                if (g.negatives() == 0) {
                    return MetricValue.undefined(Reasons.NO_NEGATIVES);
                }
                return MetricValue.of((g.tp() / g.positives() + g.tn() / g.negatives()) / 2);
            }),
    /** 2 TP / (2 TP + FP + FN). */
    F1_SCORE(info("f1_score", "F1 score", "Harmonic mean of precision and recall.",
            "2 TP / (2 TP + FP + FN)", 0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.PERFORMANCE,
            EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS),
            "the group has no positives and no predicted positives (TP + FP + FN = 0)", List.of("f1", "f_measure"),
            "van Rijsbergen 1979",
            "scikit-learn f1_score; returns 0.0 (zero_division='warn') where FairKit reports undefined.",
            "Ignores true negatives."),
            (g, all) -> ratio(2 * g.tp(), 2 * g.tp() + g.fp() + g.fn(),
                    "no positives and no predicted positives (TP + FP + FN = 0)")),
    /** The group's share of all predicted positives (Aequitas "ppr"). */
    PREDICTED_POSITIVE_SHARE(info("predicted_positive_share", "Predicted positive share",
            "The group's share of all positive predictions (of all rows, whatever the grouping).",
            "(TP + FP)[group] / (TP + FP)[all rows]", 0, 1, Direction.NONE, MetricFamily.DESCRIPTIVE,
            EnumSet.of(Requirement.PREDICTIONS), "no row at all is predicted positive", List.of("ppr"),
            "Saleiro et al. 2018 (Aequitas)", "Aequitas 'ppr'.",
            "Depends on group sizes: compare with the group's share of rows."),
            (g, all) -> ratio(g.predictedPositives(), all.predictedPositives(), "no row is predicted positive"));

    private final MetricInfo info;
    private final Formula formula;

    Metrics(MetricInfo info, Formula formula) {
        this.info = info;
        this.formula = formula;
    }

    @FunctionalInterface
    private interface Formula {
        MetricValue apply(CellCounts group, CellCounts all);
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo,
            double hi, Direction direction, MetricFamily family, Set<Requirement> requires, String undefinedWhen,
            List<String> aliases, String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, family, requires, undefinedWhen,
                aliases, reference, matches, limitations, 1);
    }

    static MetricValue ratio(double numerator, double denominator, String reasonWhenZero) {
        return denominator == 0 ? MetricValue.undefined(reasonWhenZero) : MetricValue.of(numerator / denominator);
    }

    @Override
    public MetricInfo info() {
        return info;
    }

    @Override
    public MetricValue compute(CellCounts group, CellCounts all) {
        return formula.apply(group, all);
    }

    /** The metrics a report shows when none are chosen. */
    public static List<GroupMetric> defaults() {
        return List.of(COUNT, SELECTION_RATE, TRUE_POSITIVE_RATE, FALSE_POSITIVE_RATE, POSITIVE_PREDICTIVE_VALUE,
                ACCURACY);
    }

    /**
     * Parses a metric id or alias (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if {@code id} is unknown
     */
    public static Metrics byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Metrics m : values()) {
            if (m.info.id().equals(key) || m.info.aliases().contains(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown group metric id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(m -> m.info.id()).collect(Collectors.joining(", ")));
    }
}
