package org.fairkit.core.individual;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Requirement;

/**
 * The catalog of individual-fairness metrics: the metadata of the {@link InequalityIndices} and of
 * {@link Consistency}. Values are computed by those classes; this enum is what a catalog, a report or a policy
 * lists. Every {@link MetricInfo} of this package is built here.
 */
public enum IndividualMetrics {
    /** {@code GE(α)} of the benefits; AIF360's default α = 2. */
    GENERALIZED_ENTROPY_INDEX(info("generalized_entropy_index", "Generalized entropy index",
            "Inequality of the benefits individuals receive from the decisions (b = ŷ − y + 1 for a classifier), "
                    + "at any sensitivity α: small α weighs the bottom of the distribution, large α the top.",
            "GE(α) = 1/(W α(α−1)) Σ w_i [(b_i/μ)^α − 1]; GE(1) = Theil, GE(0) = mean log deviation",
            Defaults.BENEFITS,
            "the total weight is 0, the mean benefit is 0, or α <= 0 and some benefit is 0 (infinite)",
            List.of("gei", "ge"), "Shorrocks 1980; Speicher et al. 2018 (KDD)",
            "AIF360 0.6.1 ClassificationMetric.generalized_entropy_index for α ∉ {0} on unweighted data (AIF360 "
                    + "ignores instance weights); AIF360 returns inf where FairKit is undefined, and divides GE(0) "
                    + "by μ once more.",
            "Inequality of individual benefits, not of error rates per group: a false positive raises a benefit "
                    + "by as much as a false negative lowers one, so errors of both kinds add to it."),
            "GE(alpha)"),
    /** {@code GE(1)}. */
    THEIL_INDEX(info("theil_index", "Theil index", "The generalized entropy index at α = 1.",
            "GE(1) = 1/W Σ w_i (b_i/μ) ln(b_i/μ), 0 ln 0 = 0", Defaults.BENEFITS,
            "the total weight is 0 or the mean benefit is 0", List.of("theil"), "Theil 1967; Speicher et al. 2018",
            "AIF360 0.6.1 theil_index (unweighted).",
            "Bounded by ln(n); compare values on data of similar size."), "GE(1)"),
    /** {@code GE(0)}. */
    MEAN_LOG_DEVIATION(info("mean_log_deviation", "Mean log deviation", "The generalized entropy index at α = 0.",
            "GE(0) = −1/W Σ w_i ln(b_i/μ)", Defaults.BENEFITS,
            "the total weight is 0, the mean benefit is 0, or some benefit is 0 (infinite)", List.of("mld", "ge0"),
            "Shorrocks 1980", "AIF360 0.6.1 generalized_entropy_index(alpha=0) divides this by μ; FairKit does not.",
            "Infinite (undefined) as soon as one row has benefit 0, i.e. for any classifier with a false negative."),
            "GE(0)"),
    /** {@code sqrt(2 GE(2))}. */
    COEFFICIENT_OF_VARIATION(info("coefficient_of_variation", "Coefficient of variation",
            "Population standard deviation of the benefits over their mean.", "CV = sqrt(2 GE(2)) = sd(b) / μ",
            Defaults.BENEFITS, "the total weight is 0 or the mean benefit is 0", List.of("cv"),
            "Speicher et al. 2018",
            "AIF360 0.6.1 coefficient_of_variation (unweighted), whose golden values are sqrt(2 GE(2)); older AIF360 "
                    + "code and docstrings say 2 sqrt(GE(2)).",
            "Sensitive to the top of the distribution (GE(2))."), "CV"),
    /** Between-group {@code GE(α)}. */
    BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX(info("between_group_generalized_entropy_index",
            "Between-group generalized entropy index",
            "The part of the inequality of benefits that lies between groups: GE(α) with every benefit replaced "
                    + "by its group's mean.",
            "GE(α) of (μ_g weighted by W_g)", Defaults.BENEFITS,
            "the total weight is 0, the mean benefit is 0, or α <= 0 and a group's mean benefit is 0",
            List.of("between_group_gei"), "Shorrocks 1980; Speicher et al. 2018",
            "AIF360 0.6.1 between_all_groups_generalized_entropy_index (all groups); between_group_* pools "
                    + "privileged vs unprivileged rows, which equals grouping on a two-level feature. AIF360's GE(0) "
                    + "divides by μ.",
            "Small against the total index in practice: read it as a share of GE(α), with the within-group part."),
            "GE_between(alpha)"),
    /** Between-group {@code GE(1)}. */
    BETWEEN_GROUP_THEIL_INDEX(info("between_group_theil_index", "Between-group Theil index",
            "The between-group generalized entropy index at α = 1.", "GE_between(1)", Defaults.BENEFITS,
            "the total weight is 0 or the mean benefit is 0", List.of(), "Shorrocks 1980; Speicher et al. 2018",
            "AIF360 0.6.1 between_all_groups_theil_index / between_group_theil_index (two groups).",
            "See between_group_generalized_entropy_index."), "GE_between(1)"),
    /** Between-group coefficient of variation. */
    BETWEEN_GROUP_COEFFICIENT_OF_VARIATION(info("between_group_coefficient_of_variation",
            "Between-group coefficient of variation", "sqrt(2 GE_between(2)).", "sqrt(2 GE_between(2))",
            Defaults.BENEFITS, "the total weight is 0 or the mean benefit is 0", List.of(), "Speicher et al. 2018",
            "AIF360 0.6.1 between_all_groups_coefficient_of_variation (values are sqrt(2 GE(2)), as for the total).",
            "See between_group_generalized_entropy_index."), "CV_between"),
    /** Within-group {@code GE(α)}. */
    WITHIN_GROUP_GENERALIZED_ENTROPY_INDEX(info("within_group_generalized_entropy_index",
            "Within-group generalized entropy index",
            "The part of the inequality of benefits that lies inside groups; with the between-group part it adds "
                    + "up to GE(α).",
            "Σ_g (W_g/W)(μ_g/μ)^α GE_g(α)", Defaults.BENEFITS,
            "the total weight is 0, the mean benefit is 0, or α <= 0 and some benefit is 0", List.of(),
            "Shorrocks 1980; Speicher et al. 2018", "Not in AIF360 (it equals GE(α) − GE_between(α) there).",
            "A group whose mean benefit is 0 contributes 0 for α > 0."), "GE_within(alpha)"),
    /** k-NN consistency. */
    CONSISTENCY(info("consistency", "Consistency (k-NN)",
            "Whether similar rows get similar decisions: one minus the mean distance between each row's decision "
                    + "and the mean decision of its k nearest rows.",
            "1 − (1/n) Σ_i |ŷ_i − (1/k) Σ_{j ∈ kNN(x_i), i included} ŷ_j|", 0, 1, Direction.HIGHER_IS_BETTER,
            Defaults.FEATURES_AND_ROWS, "never (every row is its own neighbour)", List.of("knn_consistency"),
            "Zemel et al. 2013 (ICML)",
            "AIF360 0.6.1 BinaryLabelDatasetMetric.consistency (the row itself included, Euclidean, unscaled) when "
                    + "the k nearest rows are unique; with ties FairKit's rule (distance, self, row index) may pick "
                    + "another set than scikit-learn's ball tree, and the result gives the range over tie-breaks.",
            "Only as meaningful as the distance: scale the features (FeatureMatrix.standardized) and leave out the "
                    + "sensitive attribute unless treating it as a feature is intended. Exact neighbours cost "
                    + "O(n² d)."),
            "consistency");

    private final MetricInfo info;
    private final String symbol;

    IndividualMetrics(MetricInfo info, String symbol) {
        this.info = info;
        this.symbol = symbol;
    }

    /** The inequality indices: lower is better, range [0, ∞). */
    private static MetricInfo info(String id, String name, String description, String formula,
            Set<Requirement> requires, String undefinedWhen, List<String> aliases, String reference, String matches,
            String limitations) {
        return info(id, name, description, formula, 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER, requires,
                undefinedWhen, aliases, reference, matches, limitations);
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo, double hi,
            Direction direction, Set<Requirement> requires, String undefinedWhen, List<String> aliases,
            String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, Defaults.FAMILY, requires,
                undefinedWhen, aliases, reference, matches, limitations, 1);
    }

    /**
     * The family and requirements of this package's metrics, in one place. A nested class, because enum constants
     * are built before the enum's own static fields.
     */
    private static final class Defaults {
        static final MetricFamily FAMILY = MetricFamily.INDIVIDUAL;
        static final Set<Requirement> BENEFITS = EnumSet.of(Requirement.LABELS, Requirement.PREDICTIONS);
        static final Set<Requirement> FEATURES_AND_ROWS = EnumSet.of(Requirement.PREDICTIONS, Requirement.FEATURES,
                Requirement.ROWS);
    }

    /** @return the metric's metadata */
    public MetricInfo info() {
        return info;
    }

    /** @return the short symbol used in formulas and reports, e.g. {@code GE(alpha)} */
    public String symbol() {
        return symbol;
    }

    /** @return every metric's metadata, in declaration order (for registration in a catalog) */
    public static List<MetricInfo> infos() {
        return Arrays.stream(values()).map(IndividualMetrics::info).toList();
    }
}
