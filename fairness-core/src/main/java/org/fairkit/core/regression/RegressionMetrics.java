package org.fairkit.core.regression;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Requirement;

/**
 * The catalog of group metrics of a regression: functions of the group's {@link ErrorSums}, weighted when the data
 * is weighted. Errors are e = prediction − target, so a positive mean error is over-prediction. Definitions equal
 * scikit-learn's {@code mean_absolute_error}, {@code mean_squared_error}, {@code r2_score} with
 * {@code sample_weight}; zero denominators give undefined values with the reason.
 */
public enum RegressionMetrics implements RegressionMetric {
    /** Σ w ŷ / Σ w. */
    MEAN_PREDICTION(info("mean_prediction", "Mean prediction",
            "Mean predicted value of the group: the regression counterpart of the selection rate.",
            "Σ w ŷ / Σ w", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Direction.NONE,
            EnumSet.of(Requirement.PREDICTIONS), "the group's total weight is 0", List.of("average_prediction"),
            "Agarwal, Dudík & Wu 2019 (statistical parity for regression)",
            "numpy.average(y_pred, weights=w) per group, as a Fairlearn MetricFrame computes it.",
            "Differences can be legitimate when the groups' targets differ: read it beside the mean target."),
            s -> mean(s, s.predictionSum())),
    /** Σ w y / Σ w. */
    MEAN_TARGET(info("mean_target", "Mean target", "Mean true value of the group.",
            "Σ w y / Σ w", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Direction.NONE,
            EnumSet.of(Requirement.TARGETS), "the group's total weight is 0", List.of("average_target"),
            "Descriptive statistic: the regression counterpart of the base rate",
            "numpy.average(y_true, weights=w) per group.",
            "A property of the data, not of the model."),
            s -> s.weight() == 0 ? MetricValue.undefined(RegressionReasons.ZERO_TOTAL) : MetricValue.of(s.targetMean())),
    /** Σ w (ŷ − y) / Σ w. */
    MEAN_ERROR(info("mean_error", "Mean error (bias)",
            "Mean signed error of the group: positive when the model over-predicts the group, negative when it "
                    + "under-predicts. Zero is unbiased.",
            "Σ w (ŷ - y) / Σ w", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Direction.ZERO_IS_PARITY,
            EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("bias", "mean_signed_error"), "Calders et al. 2013 (controlling attribute effect in regression)",
            "numpy.average(y_pred - y_true, weights=w); scikit-learn has no signed error metric.",
            "Errors of opposite signs cancel: read it with the mean absolute error."),
            s -> mean(s, s.errorSum())),
    /** Σ w |ŷ − y| / Σ w. */
    MEAN_ABSOLUTE_ERROR(info("mean_absolute_error", "Mean absolute error",
            "Mean absolute error of the group. Its spread over groups is MAE parity.",
            "Σ w |ŷ - y| / Σ w", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("mae"), "Willmott & Matsuura 2005",
            "scikit-learn mean_absolute_error(sample_weight=w).",
            "In the units of the target: compare groups whose targets have similar scales."),
            s -> mean(s, s.absoluteErrorSum())),
    /** Σ w (ŷ − y)² / Σ w. */
    MEAN_SQUARED_ERROR(info("mean_squared_error", "Mean squared error",
            "Mean squared error of the group: the loss whose worst group the squared bounded group loss bounds.",
            "Σ w (ŷ - y)² / Σ w", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("mse"), "Gauss 1821 (least squares); Agarwal, Dudík & Wu 2019 (square loss)",
            "scikit-learn mean_squared_error(sample_weight=w).",
            "Dominated by large errors; in squared units of the target."),
            s -> mean(s, s.squaredErrorSum())),
    /** √(Σ w (ŷ − y)² / Σ w). */
    ROOT_MEAN_SQUARED_ERROR(info("root_mean_squared_error", "Root mean squared error",
            "Square root of the mean squared error of the group, in the units of the target.",
            "√(Σ w (ŷ - y)² / Σ w)", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS), "the group's total weight is 0",
            List.of("rmse"), "Hyndman & Koehler 2006",
            "scikit-learn mean_squared_error(sample_weight=w, squared=False) (1.2; root_mean_squared_error from 1.4).",
            "Dominated by large errors."),
            s -> s.weight() == 0 ? MetricValue.undefined(RegressionReasons.ZERO_TOTAL)
                    : MetricValue.of(Math.sqrt(s.squaredErrorSum() / s.weight()))),
    /** 1 − Σ w (y − ŷ)² / Σ w (y − ȳ)². */
    R2_SCORE(info("r2_score", "R²",
            "Coefficient of determination within the group: the share of the group's target variance the "
                    + "predictions explain. 1 is perfect, 0 is no better than the group's own mean, negative is worse.",
            "1 - Σ w (y - ŷ)² / Σ w (y - ȳ_w)², ȳ_w the group's weighted mean target", Double.NEGATIVE_INFINITY, 1,
            Direction.HIGHER_IS_BETTER, EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS),
            "the group's targets do not vary (Σ w (y - ȳ)² = 0) or its total weight is 0",
            List.of("r2", "r_squared", "coefficient_of_determination"), "Wright 1921; Kvålseth 1985",
            "scikit-learn r2_score(sample_weight=w); for a group with constant targets scikit-learn returns 1.0 "
                    + "(perfect predictions) or 0.0 (force_finite=True), FairKit reports undefined.",
            "Relative to each group's own variance: a group with a narrow target range gets a low R² for small "
                    + "errors. Compare MAE or RMSE too."),
            s -> {
                if (s.weight() == 0) {
                    return MetricValue.undefined(RegressionReasons.ZERO_TOTAL);
                }
                if (s.targetM2() == 0) {
                    return MetricValue.undefined(RegressionReasons.CONSTANT_TARGETS);
                }
                return MetricValue.of(1 - s.squaredErrorSum() / s.targetM2());
            });

    private final MetricInfo info;
    private final Function<ErrorSums, MetricValue> formula;

    RegressionMetrics(MetricInfo info, Function<ErrorSums, MetricValue> formula) {
        this.info = info;
        this.formula = formula;
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo,
            double hi, Direction direction, Set<Requirement> requires, String undefinedWhen, List<String> aliases,
            String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, MetricFamily.REGRESSION, requires,
                undefinedWhen, aliases, reference, matches, limitations, 1);
    }

    private static MetricValue mean(ErrorSums s, double sum) {
        return s.weight() == 0 ? MetricValue.undefined(RegressionReasons.ZERO_TOTAL) : MetricValue.of(sum / s.weight());
    }

    @Override
    public MetricInfo info() {
        return info;
    }

    @Override
    public MetricValue compute(ErrorSums group) {
        return formula.apply(group);
    }

    /** The metrics a regression report shows when none are chosen. */
    public static List<RegressionMetric> defaults() {
        return List.of(MEAN_PREDICTION, MEAN_ERROR, MEAN_ABSOLUTE_ERROR, ROOT_MEAN_SQUARED_ERROR, R2_SCORE);
    }

    /**
     * Parses an id or alias (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if unknown
     */
    public static RegressionMetrics byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (RegressionMetrics m : values()) {
            if (m.info.id().equals(key) || m.info.aliases().contains(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown regression metric id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(m -> m.info.id()).collect(Collectors.joining(", ")));
    }
}
