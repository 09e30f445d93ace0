package org.fairkit.core.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Requirement;

/**
 * The named fairness metrics of a regression, over the eligible groups (at or above {@code minGroupSize}, with a
 * defined value):
 * <ul>
 *   <li><b>Bounded group loss</b> (Agarwal, Dudík &amp; Wu 2019, "Fair Regression: Quantitative Definitions and
 *       Reduction-based Algorithms"; Fairlearn's {@code BoundedGroupLoss} constraint): the largest loss of any
 *       group, max_g E[ℓ | g]. A model satisfies bounded group loss at level ζ when this is ≤ ζ. Absolute
 *       ({@link #BOUNDED_GROUP_LOSS_ABSOLUTE}, Fairlearn {@code AbsoluteLoss}) and squared
 *       ({@link #BOUNDED_GROUP_LOSS_SQUARED}, {@code SquareLoss}) losses.</li>
 *   <li><b>MAE parity</b>: the spread (max − min) and ratio (min / max) of the groups' mean absolute errors, as
 *       Fairlearn's {@code MetricFrame(mean_absolute_error).difference()} and {@code .ratio()}.</li>
 *   <li>Spreads of the mean prediction (statistical parity for regression) and of the mean error (bias).</li>
 * </ul>
 */
public enum RegressionFairnessMetric {
    /** max over groups of the mean absolute error. */
    BOUNDED_GROUP_LOSS_ABSOLUTE(info("bounded_group_loss_absolute", "Bounded group loss (absolute)",
            "The largest mean absolute error of any eligible group; the model satisfies bounded group loss at ζ when "
                    + "this is at most ζ.",
            "max_g Σ_{i in g} w |ŷ - y| / Σ_{i in g} w", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            "no group has a defined mean absolute error", List.of("worst_group_mae"),
            "Agarwal, Dudík & Wu 2019 (bounded group loss)",
            "Fairlearn BoundedGroupLoss(AbsoluteLoss(min, max), upper_bound=ζ) bounds this quantity (as a "
                    + "constraint of its reductions; Fairlearn reports no such metric)."),
            v -> worst(v.apply(RegressionMetrics.MEAN_ABSOLUTE_ERROR), "bounded_group_loss_absolute")),
    /** max over groups of the mean squared error. */
    BOUNDED_GROUP_LOSS_SQUARED(info("bounded_group_loss_squared", "Bounded group loss (squared)",
            "The largest mean squared error of any eligible group; the model satisfies bounded group loss at ζ when "
                    + "this is at most ζ.",
            "max_g Σ_{i in g} w (ŷ - y)² / Σ_{i in g} w", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            "no group has a defined mean squared error", List.of("worst_group_mse"),
            "Agarwal, Dudík & Wu 2019 (bounded group loss)",
            "Fairlearn BoundedGroupLoss(SquareLoss(min, max), upper_bound=ζ) bounds this quantity."),
            v -> worst(v.apply(RegressionMetrics.MEAN_SQUARED_ERROR), "bounded_group_loss_squared")),
    /** max − min of the mean absolute error. */
    MAE_PARITY_DIFFERENCE(info("mae_parity_difference", "MAE parity difference",
            "Spread of the groups' mean absolute errors: the accuracy gap of a regression.",
            "max_g MAE_g - min_g MAE_g", 0, Double.POSITIVE_INFINITY, Direction.ZERO_IS_PARITY,
            "fewer than two groups have a defined mean absolute error", List.of("mean_absolute_error_difference"),
            "Fairlearn regression user guide (MetricFrame of mean_absolute_error)",
            "Fairlearn MetricFrame(metrics=mean_absolute_error).difference(method='between_groups')."),
            v -> v.apply(RegressionMetrics.MEAN_ABSOLUTE_ERROR).difference()),
    /** min / max of the mean absolute error. */
    MAE_PARITY_RATIO(info("mae_parity_ratio", "MAE parity ratio",
            "Ratio of the smallest to the largest group mean absolute error.",
            "min_g MAE_g / max_g MAE_g", 0, 1, Direction.ONE_IS_PARITY,
            "fewer than two groups have a defined mean absolute error, or every group's MAE is 0",
            List.of("mean_absolute_error_ratio"), "Fairlearn regression user guide",
            "Fairlearn MetricFrame(metrics=mean_absolute_error).ratio(method='between_groups')."),
            v -> v.apply(RegressionMetrics.MEAN_ABSOLUTE_ERROR).ratio()),
    /** max − min of the mean prediction. */
    MEAN_PREDICTION_DIFFERENCE(info("mean_prediction_difference", "Mean prediction difference",
            "Spread of the groups' mean predictions: statistical parity for regression in its first moment.",
            "max_g mean(ŷ)_g - min_g mean(ŷ)_g", 0, Double.POSITIVE_INFINITY, Direction.ZERO_IS_PARITY,
            "fewer than two groups have a defined mean prediction", List.of(),
            "Agarwal, Dudík & Wu 2019 (statistical parity); Calders et al. 2013",
            "Fairlearn MetricFrame(metrics=mean of y_pred).difference()."),
            v -> v.apply(RegressionMetrics.MEAN_PREDICTION).difference()),
    /** max − min of the mean error. */
    MEAN_ERROR_DIFFERENCE(info("mean_error_difference", "Mean error difference",
            "Spread of the groups' mean signed errors: how differently the model over- or under-predicts groups.",
            "max_g mean(ŷ - y)_g - min_g mean(ŷ - y)_g", 0, Double.POSITIVE_INFINITY, Direction.ZERO_IS_PARITY,
            "fewer than two groups have a defined mean error", List.of("bias_difference"),
            "Calders et al. 2013 (controlling attribute effect in regression)",
            "Fairlearn MetricFrame(metrics=mean of y_pred - y_true).difference()."),
            v -> v.apply(RegressionMetrics.MEAN_ERROR).difference());

    private final MetricInfo info;
    private final Function<Function<RegressionMetrics, GroupValues>, Disparity> rule;

    RegressionFairnessMetric(MetricInfo info, Function<Function<RegressionMetrics, GroupValues>, Disparity> rule) {
        this.info = info;
        this.rule = rule;
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo, double hi,
            Direction direction, String undefinedWhen, List<String> aliases, String reference, String matches) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, MetricFamily.DISPARITY,
                EnumSet.of(Requirement.TARGETS, Requirement.PREDICTIONS), undefinedWhen, aliases, reference, matches,
                "A single number hides which groups differ and by how much relative to the target's scale: read it "
                        + "with the per-group table.", 1);
    }

    /** @return the metric's metadata */
    public MetricInfo info() {
        return info;
    }

    /** @return the metric's id */
    public String id() {
        return info.id();
    }

    /**
     * Computes the metric from each regression metric's values across groups.
     *
     * @param values the group values of a regression metric
     */
    public Disparity compute(Function<RegressionMetrics, GroupValues> values) {
        Disparity d = rule.apply(values);
        return new Disparity(info.id(), d.value(), d.groups(), d.excluded(), d.interval());
    }

    /**
     * Parses an id or alias (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if unknown
     */
    public static RegressionFairnessMetric byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (RegressionFairnessMetric m : values()) {
            if (m.info.id().equals(key) || m.info.aliases().contains(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown regression fairness metric id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(RegressionFairnessMetric::id).collect(Collectors.joining(", ")));
    }

    /** The largest value over eligible groups, naming the group. */
    private static Disparity worst(GroupValues v, String id) {
        List<Exclusion> excluded = new ArrayList<>();
        int worst = -1;
        for (int g = 0; g < v.groups().size(); g++) {
            String reason = v.exclusionReason(g);
            if (reason != null) {
                excluded.add(new Exclusion(v.groups().get(g), reason));
            } else if (worst < 0 || v.value(g).value() > v.value(worst).value()) {
                worst = g;
            }
        }
        if (worst < 0) {
            return Disparity.of(id, MetricValue.undefined("no group has a defined " + v.metricId()), List.of(),
                    excluded);
        }
        return Disparity.of(id, v.value(worst), List.of(v.groups().get(worst)), excluded);
    }
}
